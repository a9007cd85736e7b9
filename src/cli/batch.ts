/**
 * `mixlab batch MANIFEST.json [--workers N | --redis URL] [--json]`: runs every job of the manifest,
 * `mixlab <args…> --out <out>`, on N local worker threads or as BullMQ jobs on a Redis for `mixlab
 * worker` processes; one progress line per job event on stderr, then `{"jobs":[{"id","status",
 * "worker","seconds","out"}]}` (readable, or JSON with --json). Exit 1 if any job failed.
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { BatchEvent, JobResult } from "./batch/job-result";
import { runLocalBatch } from "./batch/local-batch";
import { readManifest } from "./batch/manifest";
import { printJson, type CliContext } from "./context";
import { numberOption } from "./parse-flags";
import { textTable } from "./text-table";
import { UsageError } from "./usage-error";

interface BatchFlags {
  workers?: string;
  redis?: string;
  connectTimeout: string;
  json?: boolean;
}

/** progressLines(ctx, total) → an event handler printing "batch: job a done on thread-1 in 3.2 s (1/24)" lines on stderr. */
function progressLines(ctx: CliContext, total: number): (event: BatchEvent) => void {
  let ended = 0;
  return (event) => {
    if (event.kind === "queued") ctx.err(`batch: ${event.count} jobs queued on ${event.where}; run \`mixlab worker --redis URL\` on the machines that should take them\n`);
    else if (event.kind === "started") ctx.err(`batch: job ${event.id} started on ${event.worker}\n`);
    else if (event.kind === "stalled") ctx.err(`batch: job ${event.id} lost its worker (it stopped renewing its lock); it goes to another worker\n`);
    else {
      const r = event.result;
      const where = `${r.worker === null ? "" : ` on ${r.worker}`}${r.seconds === null ? "" : ` in ${r.seconds.toFixed(1)} s`}`;
      ended += 1;
      ctx.err(`batch: job ${r.id} ${r.status}${where}${r.error === undefined ? "" : `: ${r.error}`} (${ended}/${total})\n`);
    }
  };
}

/** describeBatch(results) → the readable table of the jobs. */
function describeBatch(results: readonly JobResult[]): string {
  const done = results.filter((r) => r.status === "done").length;
  const rows = results.map((r) => [r.id, r.status, r.worker, r.seconds === null ? null : r.seconds.toFixed(1), r.out]);
  return `${textTable(["job", "status", "worker", "seconds", "out"], rows)}  ${done} of ${results.length} jobs done\n`;
}

/** registerBatch(program, ctx) adds `mixlab batch` to the program. */
export function registerBatch(program: Command, ctx: CliContext): void {
  program.command("batch")
    .description("run the jobs of a manifest ({\"jobs\":[{\"id\",\"args\":[\"fit\",…],\"out\"}]}) on worker threads or on `mixlab worker` processes through Redis")
    .argument("<manifest>", "JSON manifest of the jobs")
    .option("--workers <n>", "local worker threads (default: the number of cores)")
    .option("--redis <url>", "queue the jobs on this Redis (redis://host:port) for `mixlab worker` processes")
    .option("--connect-timeout <s>", "seconds to wait for Redis before giving up", "5")
    .option("--json", "print the jobs' results as JSON on stdout")
    .action(async (manifest: string, flags: BatchFlags) => {
      if (flags.workers !== undefined && flags.redis !== undefined) throw new UsageError("--workers and --redis cannot be combined: with --redis, the jobs run on the `mixlab worker` processes");
      const workers = flags.workers === undefined ? availableParallelism() : numberOption("--workers", flags.workers, { integer: true, min: 1, max: 1024 });
      const connectMs = 1000 * numberOption("--connect-timeout", flags.connectTimeout, { positive: true, max: 3600 });
      const jobs = readManifest(manifest);
      const onEvent = progressLines(ctx, jobs.length);
      const results = flags.redis === undefined
        ? await runLocalBatch(jobs, workers, onEvent)
        : await (await import("./batch/redis-batch.js")).runRedisBatch(jobs, { url: flags.redis, connectMs, onEvent }); // BullMQ loads only here
      if (flags.json) printJson(ctx, { jobs: results });
      else ctx.out(describeBatch(results));
      const failed = results.filter((r) => r.status === "failed");
      for (const r of failed) ctx.err(`mixlab: job ${r.id} failed: ${r.error ?? "no error message"}\n`);
      ctx.exit(failed.length > 0 ? 1 : 0);
    });
}
