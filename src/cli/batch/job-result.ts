/** What `mixlab batch` reports for each job, and the events its progress lines are made of. */

/** One job's line of the batch output: `{"id","status","worker","seconds","out"}` (+ `error` when it failed). */
export interface JobResult {
  id: string;
  status: "done" | "failed";
  /** Who ran it: `thread-N` locally, `host:pid` for a `mixlab worker`; null if no worker took it. */
  worker: string | null;
  /** Wall time of the run on its worker, s; null if it never ran. */
  seconds: number | null;
  out: string;
  error?: string;
}

/** A moment of a batch: jobs queued on a Redis, a job started on a worker, was given back after its worker died, or ended. */
export type BatchEvent =
  | { kind: "queued"; count: number; where: string }
  | { kind: "started"; id: string; worker: string }
  | { kind: "stalled"; id: string }
  | { kind: "ended"; result: JobResult };

/** Receives a batch's events as they happen (the command prints them on stderr). */
export type OnBatchEvent = (event: BatchEvent) => void;
