/**
 * runFits(jobs, workers, progress): the `mixlab fit` jobs of an evaluation on local worker threads
 * (mixlab batch's runLocalBatch), with one progress report on stderr, failing on the first failed
 * job with its error.
 */
import { DataError } from "../../data/issue";
import { createProgress, type ProgressStream } from "../../util/progress";
import type { JobResult } from "../batch/job-result";
import { runLocalBatch } from "../batch/local-batch";
import type { BatchJob } from "../batch/manifest";

/**
 * runFits(jobs, workers, stream) → the jobs' results in job order once all have ended; progress
 * "fits k/n (p%)" on `stream`.
 * @throws DataError naming the first failed job and its error
 */
export async function runFits(jobs: readonly BatchJob[], workers: number, stream: ProgressStream): Promise<JobResult[]> {
  const progress = createProgress({ label: "fits", total: jobs.length, stream });
  let ended = 0;
  progress.update(0);
  const results = await runLocalBatch(jobs, workers, (event) => {
    if (event.kind === "ended") progress.update(++ended);
  });
  progress.stop();
  const failed = results.find((r) => r.status === "failed");
  if (failed !== undefined) throw new DataError(`evaluate: fit ${failed.id} failed: ${failed.error ?? "no error message"}`);
  return results;
}
