/**
 * The worker thread of a local batch (local-batch.ts): it receives jobs `{ args, out }` one at a
 * time and answers each with the JobRun of `mixlab <args…> --out <out>`, run here by runJob.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { runJob } from "./run-job";

/** A job as sent to the thread. */
export interface ThreadJob {
  args: string[];
  out: string;
}

if (!isMainThread && parentPort !== null && (workerData as { mixlabBatch?: boolean } | null)?.mixlabBatch === true) {
  const port = parentPort;
  port.on("message", (job: ThreadJob) => {
    void runJob(job.args, job.out).then((result) => port.postMessage(result));
  });
}
