/**
 * runLocalBatch(jobs, workers, onEvent): the jobs of a manifest on `workers` worker threads of this
 * process (job-thread.ts), each taking the next job in manifest order when it is free; each job
 * writes its own `out`. A thread that dies (out of memory, a crash) fails its job alone and is
 * replaced for the next one.
 */
import { Worker } from "node:worker_threads";
import { workerScript } from "../../util/worker-script";
import type { JobResult, OnBatchEvent } from "./job-result";
import type { ThreadJob } from "./job-thread";
import type { BatchJob } from "./manifest";
import type { JobRun } from "./run-job";

/** A job thread: run(job) → its JobRun, rejected if the thread dies during it. */
interface JobThread {
  run(job: ThreadJob): Promise<JobRun>;
  stop(): Promise<void>;
}

/** startThread() → a fresh job thread. */
function startThread(): JobThread {
  const { file, execArgv } = workerScript(__dirname, "job-thread");
  const worker = new Worker(file, { workerData: { mixlabBatch: true }, execArgv, stdout: true, stderr: true });
  worker.stdout.resume(); // what a job prints is captured by run(); anything else is dropped, not mixed into --json
  worker.stderr.resume();
  return {
    run: (job) => new Promise<JobRun>((resolve, reject) => {
      const done = () => { worker.off("message", onMessage); worker.off("error", onError); worker.off("exit", onExit); };
      const onMessage = (reply: JobRun) => { done(); resolve(reply); };
      const onError = (err: Error) => { done(); reject(err); };
      const onExit = (code: number) => { done(); reject(new Error(`its worker thread exited (code ${code})`)); };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(job);
    }),
    stop: async () => { await worker.terminate(); },
  };
}

/**
 * runLocalBatch(jobs, workers, onEvent) → one JobResult per job, in manifest order, once every job
 * has ended; onEvent hears each start and end as it happens.
 */
export async function runLocalBatch(jobs: readonly BatchJob[], workers: number, onEvent: OnBatchEvent): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  const slot = async (n: number) => {
    const worker = `thread-${n}`;
    let thread: JobThread | null = null;
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      thread ??= startThread();
      onEvent({ kind: "started", id: job.id, worker });
      let result: JobResult;
      try {
        const run = await thread.run({ args: job.args, out: job.out });
        result = { id: job.id, status: run.code === 0 ? "done" : "failed", worker, seconds: run.seconds, out: job.out };
        if (run.error !== null) result.error = run.error;
      } catch (err) {
        thread = null;
        result = { id: job.id, status: "failed", worker, seconds: null, out: job.out, error: (err as Error).message };
      }
      results[index] = result;
      onEvent({ kind: "ended", result });
    }
    await thread?.stop();
  };
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, (_, i) => slot(i + 1)));
  return results;
}
