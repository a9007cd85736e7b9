/**
 * What `mixlab batch --redis` and `mixlab worker` agree on: the BullMQ queue's name, a job's data,
 * the progress a worker reports when it takes a job, and the result it returns.
 */
import { hostname } from "node:os";
import type { OutputFile } from "./output-files";

/** The BullMQ queue the batch jobs go through. */
export const QUEUE_NAME = "mixlab-batch";

/** A job's data: the manifest id, the arguments (without --out) and the file name of its `out`. */
export interface QueuedJob {
  id: string;
  args: string[];
  outName: string;
}

/** The progress a worker reports as it takes a job: who it is (`host:pid`). */
export interface QueuedProgress {
  worker: string;
}

/** A finished job's result: who ran it, how long it ran, s, and what it wrote. */
export interface QueuedResult {
  worker: string;
  seconds: number;
  files: OutputFile[];
}

/** isQueuedProgress(value) → true for the progress a worker reports. */
export function isQueuedProgress(value: unknown): value is QueuedProgress {
  return typeof value === "object" && value !== null && typeof (value as QueuedProgress).worker === "string";
}

/** workerId() → `host:pid`, the name a worker process reports (its job threads share the pid). */
export function workerId(): string {
  return `${hostname()}:${process.pid}`;
}
