/**
 * runWorker(options, ctx): the body of `mixlab worker` — a BullMQ Worker on the batch queue whose
 * jobs run on worker threads of this process (the sandboxed processor redis-processor.ts), until
 * SIGINT or SIGTERM. Loaded only when `mixlab worker` runs, so other commands do not load BullMQ.
 */
import { Worker } from "bullmq";
import { workerScript } from "../../util/worker-script";
import type { CliContext } from "../context";
import { connectRedis, safeUrl } from "./redis-connection";
import { QUEUE_NAME, workerId, type QueuedJob, type QueuedResult } from "./redis-queue";

/** How many times a job may lose its worker and be put back before it fails. */
const MAX_STALLED = 2;

/** What `mixlab worker` was asked: the Redis, how many jobs at once, the lock, ms, and how long to wait for Redis, ms. */
export interface WorkerOptions {
  url: string;
  concurrency: number;
  lockMs: number;
  connectMs: number;
}

/** untilSignal() → resolves with the first SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolve(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}

/**
 * runWorker(options, ctx) takes jobs until a signal, then lets the running ones finish and returns.
 * A job's lock lasts lockMs and is renewed every lockMs/2; BullMQ's stalled-job check runs every
 * lockMs/2, so a dead worker's job goes back to the queue within about 1.5·lockMs.
 * @throws ConnectionError when Redis cannot be reached within connectMs
 */
export async function runWorker(options: WorkerOptions, ctx: CliContext): Promise<void> {
  const redis = await connectRedis(options.url, options.connectMs);
  const { file, execArgv } = workerScript(__dirname, "redis-processor");
  const worker = new Worker<QueuedJob, QueuedResult>(QUEUE_NAME, file, {
    connection: redis,
    concurrency: options.concurrency,
    useWorkerThreads: true,
    workerThreadsOptions: execArgv.length > 0 ? { execArgv } : undefined,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs / 2,
    maxStalledCount: MAX_STALLED,
  });
  worker.on("active", (job) => ctx.err(`worker: job ${job.name} started\n`));
  worker.on("completed", (job, result) => ctx.err(`worker: job ${job.name} done in ${result.seconds.toFixed(1)} s\n`));
  worker.on("failed", (job, err) => ctx.err(`worker: job ${job?.name ?? "?"} failed: ${err.message}\n`));
  worker.on("error", (err) => ctx.err(`worker: ${err.message}\n`));
  await worker.waitUntilReady();
  ctx.err(`worker ${workerId()} takes jobs from ${safeUrl(options.url)} (${options.concurrency} at a time); Ctrl-C to stop\n`);
  const signal = await untilSignal();
  ctx.err(`worker: ${signal}: finishing the running jobs\n`);
  await worker.close();
  await redis.quit();
}
