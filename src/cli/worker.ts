/**
 * `mixlab worker --redis URL [--concurrency N] [--lock-seconds S]`: takes the jobs that `mixlab
 * batch --redis URL` queues, N at a time, each on a worker thread of this process (a BullMQ
 * sandboxed processor, batch/redis-processor.ts), until stopped with SIGINT or SIGTERM. A job holds
 * a lock it renews every S/2 seconds; when a worker dies, BullMQ's stalled-job check of another
 * worker finds the lock expired within about 1.5·S seconds and puts the job back for any worker.
 */
import { availableParallelism } from "node:os";
import { Worker } from "bullmq";
import type { Command } from "commander";
import { workerScript } from "../util/worker-script";
import { connectRedis, safeUrl } from "./batch/redis-connection";
import { QUEUE_NAME, workerId, type QueuedJob, type QueuedResult } from "./batch/redis-queue";
import type { CliContext } from "./context";
import { numberOption } from "./parse-flags";

interface WorkerFlags {
  redis: string;
  concurrency?: string;
  lockSeconds: string;
  connectTimeout: string;
}

/** How many times a job may lose its worker and be put back before it fails. */
const MAX_STALLED = 2;

/** untilSignal() → resolves on the first SIGINT or SIGTERM. */
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

/** registerWorker(program, ctx) adds `mixlab worker` to the program. */
export function registerWorker(program: Command, ctx: CliContext): void {
  program.command("worker")
    .description("take the jobs of `mixlab batch --redis URL` from that Redis until stopped (Ctrl-C)")
    .requiredOption("--redis <url>", "the Redis the batch queues its jobs on (redis://host:port)")
    .option("--concurrency <n>", "jobs run at once, each on its own thread (default: the number of cores)")
    .option("--lock-seconds <s>", "a job's lock, renewed every s/2 seconds; a dead worker's job goes back after about 1.5·s", "10")
    .option("--connect-timeout <s>", "seconds to wait for Redis before giving up", "5")
    .action(async (flags: WorkerFlags) => {
      const concurrency = flags.concurrency === undefined ? availableParallelism() : numberOption("--concurrency", flags.concurrency, { integer: true, min: 1, max: 1024 });
      const lockMs = 1000 * numberOption("--lock-seconds", flags.lockSeconds, { min: 1, max: 3600 });
      const connectMs = 1000 * numberOption("--connect-timeout", flags.connectTimeout, { positive: true, max: 3600 });
      const redis = await connectRedis(flags.redis, connectMs);
      const { file, execArgv } = workerScript(`${__dirname}/batch`, "redis-processor");
      const worker = new Worker<QueuedJob, QueuedResult>(QUEUE_NAME, file, {
        connection: redis,
        concurrency,
        useWorkerThreads: true,
        workerThreadsOptions: execArgv.length > 0 ? { execArgv } : undefined,
        lockDuration: lockMs,
        stalledInterval: lockMs / 2,
        maxStalledCount: MAX_STALLED,
      });
      worker.on("active", (job) => ctx.err(`worker: job ${job.name} started\n`));
      worker.on("completed", (job, result) => ctx.err(`worker: job ${job.name} done in ${result.seconds.toFixed(1)} s\n`));
      worker.on("failed", (job, err) => ctx.err(`worker: job ${job?.name ?? "?"} failed: ${err.message}\n`));
      worker.on("error", (err) => ctx.err(`worker: ${err.message}\n`));
      await worker.waitUntilReady();
      ctx.err(`worker ${workerId()} takes jobs from ${safeUrl(flags.redis)} (${concurrency} at a time); Ctrl-C to stop\n`);
      const signal = await untilSignal();
      ctx.err(`worker: ${signal}: finishing the running jobs\n`);
      await worker.close();
      await redis.quit();
      ctx.exit(0);
    });
}
