/**
 * runRedisBatch(jobs, options): the jobs of a manifest as BullMQ jobs on a Redis, for `mixlab
 * worker` processes on any machine. Each output is returned through Redis and written here at the
 * job's `out` (output-files.ts). A job whose worker dies is put back by BullMQ's stalled-job check
 * and taken by another worker; the job entries are removed from Redis once read.
 */
import { hostname } from "node:os";
import { basename } from "node:path";
import { Job, Queue, QueueEvents } from "bullmq";
import { probeWritable } from "../probe-writable";
import type { JobResult, OnBatchEvent } from "./job-result";
import { JOB_OUTPUTS, type BatchJob, type JobCommand } from "./manifest";
import { writeOutputs } from "./output-files";
import { connectRedis, safeUrl } from "./redis-connection";
import { isQueuedProgress, QUEUE_NAME, type QueuedJob, type QueuedResult } from "./redis-queue";

/**
 * How long a finished job's entry stays in Redis when no batch reads it (its batch was stopped), s;
 * a batch removes the entries it has read at once.
 */
const KEEP_SECONDS = 24 * 3600;

/**
 * Events kept in the queue's Redis stream (BullMQ's default is 10,000). Each finished job's event
 * carries its result, outputs included (a Bayesian model.json is 1.8 MB, 0.23 MB gzipped), so the
 * stream is kept short; a batch that falls behind it still learns each end by reading the job.
 */
const EVENTS_MAX_LEN = 1000;

/** Milliseconds a batch waits for news of a job before reading the job itself. */
const RECHECK_MS = 30_000;

/** Where and how to queue: the Redis URL, how long to wait for it, ms, and who hears the events. */
export interface RedisBatchOptions {
  url: string;
  connectMs: number;
  onEvent: OnBatchEvent;
}

/** failedResult(queue, job, bullId, error) → the result of a job that failed, with the worker and time BullMQ recorded. */
async function failedResult(queue: Queue, job: BatchJob, bullId: string, error: string): Promise<JobResult> {
  const stored = await Job.fromId(queue, bullId);
  const progress = stored?.progress;
  const ran = stored?.processedOn !== undefined && stored?.finishedOn !== undefined;
  return {
    id: job.id,
    status: "failed",
    worker: isQueuedProgress(progress) ? progress.worker : null,
    seconds: ran ? ((stored.finishedOn as number) - (stored.processedOn as number)) / 1000 : null,
    out: job.out,
    error,
  };
}

/**
 * outcome(queue, events, bullJob) → the job's result, or its failure, once it has ended. The end is
 * heard on the queue's event stream; after RECHECK_MS without news, and after a failure, the job
 * itself is read, so an event lost to the stream's trimming cannot make the batch wait forever.
 */
async function outcome(queue: Queue, events: QueueEvents, bullJob: Job<QueuedJob, QueuedResult>): Promise<{ value: QueuedResult } | { error: string }> {
  for (;;) {
    try {
      return { value: (await bullJob.waitUntilFinished(events, RECHECK_MS)) as QueuedResult };
    } catch {
      // failed, or no news for RECHECK_MS: the stored job tells which
    }
    const stored = await Job.fromId<QueuedJob, QueuedResult>(queue, bullJob.id as string);
    if (stored === undefined) return { error: "the job was removed from Redis before it ended" };
    const state = await stored.getState();
    if (state === "completed") return { value: stored.returnvalue };
    if (state === "failed") return { error: stored.failedReason };
  }
}

/** settle(queue, events, job, bullJob) → the job's result once it has ended, its output written and its entry removed from Redis. */
async function settle(queue: Queue, events: QueueEvents, job: BatchJob, bullJob: Job<QueuedJob, QueuedResult>): Promise<JobResult> {
  const bullId = bullJob.id as string;
  try {
    const end = await outcome(queue, events, bullJob);
    if ("error" in end) return await failedResult(queue, job, bullId, end.error);
    writeOutputs(job.out, end.value.files);
    return { id: job.id, status: "done", worker: end.value.worker, seconds: end.value.seconds, out: job.out };
  } catch (err) {
    return await failedResult(queue, job, bullId, err instanceof Error ? err.message : String(err));
  } finally {
    await queue.remove(bullId);
  }
}

/**
 * runRedisBatch(jobs, options) → one JobResult per job, in manifest order, once every job has
 * ended on some worker (it waits for workers as long as it takes).
 * @throws FileError when an `out` cannot be written (checked before queueing); ConnectionError when Redis cannot be reached
 */
export async function runRedisBatch(jobs: readonly BatchJob[], options: RedisBatchOptions): Promise<JobResult[]> {
  for (const job of jobs) probeWritable(job.out, JOB_OUTPUTS[job.args[0] as JobCommand]);
  const redis = await connectRedis(options.url, options.connectMs);
  const queue = new Queue<QueuedJob, QueuedResult>(QUEUE_NAME, { connection: redis, streams: { events: { maxLen: EVENTS_MAX_LEN } } });
  queue.setMaxListeners(jobs.length + 10); // waitUntilFinished listens to the queue's "closing" once per waiting job
  const events = new QueueEvents(QUEUE_NAME, { connection: redis });
  try {
    await events.waitUntilReady();
    const run = `batch-${hostname()}-${process.pid}-${Date.now()}`;
    const ours = new Map(jobs.map((job, i) => [`${run}-${i}`, job.id]));
    const ended = new Set<string>();
    events.on("progress", ({ jobId, data }) => {
      const id = ours.get(jobId);
      if (id !== undefined && !ended.has(id) && isQueuedProgress(data)) options.onEvent({ kind: "started", id, worker: data.worker });
    });
    events.on("stalled", ({ jobId }) => {
      const id = ours.get(jobId);
      if (id !== undefined) options.onEvent({ kind: "stalled", id });
    });
    const added = await queue.addBulk(jobs.map((job, i) => ({
      name: job.id,
      data: { id: job.id, args: job.args, outName: basename(job.out) },
      opts: { jobId: `${run}-${i}`, attempts: 1, removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } },
    })));
    options.onEvent({ kind: "queued", count: added.length, where: safeUrl(options.url) });
    return await Promise.all(added.map(async (bullJob, i) => {
      const result = await settle(queue, events, jobs[i], bullJob);
      ended.add(result.id);
      options.onEvent({ kind: "ended", result });
      return result;
    }));
  } finally {
    await events.close();
    await queue.close();
    await redis.quit();
  }
}
