/**
 * The BullMQ sandboxed processor of `mixlab worker`: BullMQ loads this file on a worker thread of
 * the worker process (so the process's own thread stays free to renew the job's lock while a fit
 * computes) and calls it for each job. It reports who took the job, runs `mixlab <args…> --out
 * <tmp>/<name>` in a fresh temporary folder, and returns what was written there (output-files.ts);
 * a failed run throws its one-line error, which BullMQ stores as the job's failure.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SandboxedJob } from "bullmq";
import { readOutputs } from "./output-files";
import { workerId, type QueuedJob, type QueuedProgress, type QueuedResult } from "./redis-queue";
import { runJob } from "./run-job";

/** processJob(job) → the job's result. @throws Error with the job's one-line error when it failed */
export default async function processJob(job: SandboxedJob<QueuedJob, QueuedResult>): Promise<QueuedResult> {
  const worker = workerId();
  await job.updateProgress({ worker } satisfies QueuedProgress);
  const dir = mkdtempSync(join(tmpdir(), "mixlab-job-"));
  try {
    const out = join(dir, job.data.outName);
    const run = await runJob(job.data.args, out);
    if (run.code !== 0) throw new Error(run.error ?? `exit code ${run.code}`);
    return { worker, seconds: run.seconds, files: readOutputs(out) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
