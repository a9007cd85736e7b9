/**
 * `mixlab worker --redis URL [--concurrency N] [--lock-seconds S]`: takes the jobs that `mixlab
 * batch --redis URL` queues, N at a time, each on a worker thread of this process (a BullMQ
 * sandboxed processor, batch/redis-processor.ts), until stopped with SIGINT or SIGTERM. A job holds
 * a lock it renews every S/2 seconds; when a worker dies, BullMQ's stalled-job check of another
 * worker finds the lock expired within about 1.5·S seconds and puts the job back for any worker.
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { CliContext } from "./context";
import { numberOption } from "./parse-flags";

interface WorkerFlags {
  redis: string;
  concurrency?: string;
  lockSeconds: string;
  connectTimeout: string;
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
      const { runWorker } = await import("./batch/run-worker.js");
      await runWorker({ url: flags.redis, concurrency, lockMs, connectMs }, ctx);
      ctx.exit(0);
    });
}
