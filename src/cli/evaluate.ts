/**
 * `mixlab evaluate [--datasets N] [--seed S] [--models ridge,bayes] [--keep DIR] [--json]
 * [--report F.html] [--workers N] [model flags]`: the synthetic suite (suite.ts); and
 * `mixlab evaluate INPUT --backtest K [--horizon H] [input and model flags] [--seed S] [--json]`:
 * a rolling-origin backtest of the user's data (backtest.ts). Fits run as `mixlab fit` jobs on local
 * worker threads; progress on stderr; results on stdout (readable, or JSON with --json).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { ModelKindSchema } from "../spec/model-spec";
import { printJson, type CliContext } from "./context";
import { forwardedFlags } from "./evaluate/command-line";
import { runBacktest } from "./evaluate/backtest";
import { describeBacktest, describeEvaluation } from "./evaluate/describe";
import { runSuite } from "./evaluate/suite";
import { writeEvaluationPage } from "../report/evaluation-page";
import { modelVariants } from "./evaluate/model-variants";
import { addInputOptions, loadOptionsFrom, type InputFlags } from "./input-options";
import { numberOption } from "./parse-flags";
import { probeWritable } from "./probe-writable";
import { addSpecOptions, specChoicesFromFlags, type SpecFlags } from "./spec-options";
import { UsageError } from "./usage-error";

type EvaluateFlags = InputFlags & SpecFlags & {
  datasets: string; models: string; keep?: string; json?: boolean; report?: string; workers?: string; backtest?: string; horizon?: string;
};

/** The input flags (passed to each backtest fit and predict) and the evaluate-only flags (never passed on). */
const INPUT_KEYS = new Set(["format", "date", "target", "channels", "controls", "channelMap", "config"]);
const OWN_KEYS = new Set(["datasets", "models", "keep", "json", "report", "workers", "backtest", "horizon", "seed"]);

/** given(command, keys) → the flags among `keys` given on the command line, as --names. */
function given(command: Command, keys: readonly string[]): string[] {
  return command.options.filter((o) => keys.includes(o.attributeName()) && command.getOptionValueSource(o.attributeName()) === "cli").map((o) => o.long ?? o.flags);
}

/** workDir(keep) → the folder for data sets and models: --keep's, or a temporary one removed by cleanup(). */
function workDir(keep: string | undefined): { dir: string; cleanup: () => void } {
  if (keep !== undefined) {
    probeWritable(keep, "folder");
    return { dir: keep, cleanup: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), "mixlab-evaluate-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** registerEvaluate(program, ctx) adds `mixlab evaluate` to the program. */
export function registerEvaluate(program: Command, ctx: CliContext): void {
  addSpecOptions(addInputOptions(
    program.command("evaluate")
      .description("how well mixlab recovers a known truth (generated data sets), or a rolling-origin backtest of INPUT (--backtest K)")
      .argument("[input]", "with --backtest: the CSV file or channel-dir folder to backtest")
      .option("--datasets <n>", "generated data sets, cycling through the scenarios", "16")
      .option("--models <list>", "models to compare: ridge, bayes, …, or a variant kind:flag=value (ridge:adstock=none)", "ridge,bayes")
      .option("--keep <dir>", "write each data set (or block model) under this folder")
      .option("--report <file.html>", "write a page with the table and plots")
      .option("--workers <n>", "fits run at once on worker threads (default: the number of cores)")
      .option("--backtest <k>", "rolling-origin backtest of INPUT with K blocks")
      .option("--horizon <h>", "with --backtest: periods per block (default round(n/10), at most n/(2K))")
      .option("--json", "print the results as JSON on stdout"),
  )).action(async (input: string | undefined, flags: EvaluateFlags, command: Command) => {
    specChoicesFromFlags(flags); // bad model flags fail (exit 2) before anything runs
    const seed = flags.seed === undefined ? 1 : numberOption("--seed", flags.seed, { integer: true, min: 0 });
    const workers = flags.workers === undefined ? availableParallelism() : numberOption("--workers", flags.workers, { integer: true, min: 1, max: 1024 });
    const progress = { write: (s: string) => ctx.err(s) };
    const fitFlags = forwardedFlags(command, new Set([...INPUT_KEYS, ...OWN_KEYS]));
    if (flags.backtest !== undefined) {
      await backtestAction(ctx, input, flags, command, { seed, workers, progress, fitFlags });
      return;
    }
    if (input !== undefined) throw new UsageError(`evaluate ${input}: give --backtest K to backtest a data set (without INPUT, evaluate runs the synthetic suite)`);
    const misplaced = given(command, [...INPUT_KEYS, "horizon", "model"]);
    if (misplaced.length > 0) throw new UsageError(`${misplaced.join(", ")}: not for the synthetic suite${misplaced.includes("--model") ? " (use --models)" : ""}`);
    const datasets = numberOption("--datasets", flags.datasets, { integer: true, min: 1, max: 10_000 });
    const models = modelVariants(flags.models, ModelKindSchema.options);
    if (flags.report !== undefined) probeWritable(flags.report, "file");
    const { dir, cleanup } = workDir(flags.keep);
    try {
      const evaluation = await runSuite({ datasets, seed, models, fitFlags, dir, workers, progress });
      if (flags.report !== undefined) writeEvaluationPage(flags.report, evaluation);
      if (flags.json) printJson(ctx, evaluation);
      else ctx.out(describeEvaluation(evaluation));
    } finally {
      cleanup();
    }
    ctx.exit(0);
  });
}

/** backtestAction(ctx, input, flags, command, common) runs and prints `mixlab evaluate INPUT --backtest K`. */
async function backtestAction(ctx: CliContext, input: string | undefined, flags: EvaluateFlags, command: Command,
  common: { seed: number; workers: number; progress: { write: (s: string) => void }; fitFlags: string[] }): Promise<void> {
  if (input === undefined) throw new UsageError("--backtest needs the INPUT to backtest");
  const misplaced = given(command, ["datasets", "models", "report", "splitDate", "holdoutFraction"]);
  if (misplaced.length > 0) throw new UsageError(`${misplaced.join(", ")}: not for --backtest (each block sets its own --split-date)`);
  const blocks = numberOption("--backtest", flags.backtest as string, { integer: true, min: 2, max: 100 });
  const horizon = flags.horizon === undefined ? undefined : numberOption("--horizon", flags.horizon, { integer: true, min: 1 });
  const { load } = loadOptionsFrom(flags);
  const inputFlags = forwardedFlags(command, new Set(command.options.map((o) => o.attributeName()).filter((k) => !INPUT_KEYS.has(k))));
  const { dir, cleanup } = workDir(flags.keep);
  try {
    const result = await runBacktest({ input, blocks, horizon, load, inputFlags, ...common, dir });
    if (flags.json) printJson(ctx, result);
    else ctx.out(describeBacktest(result));
  } finally {
    cleanup();
  }
  ctx.exit(0);
}
