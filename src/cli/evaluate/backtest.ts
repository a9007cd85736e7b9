/**
 * runBacktest(options): `mixlab evaluate INPUT --backtest K` — K rolling-origin blocks at the end of
 * the user's data, each `horizon` periods long and consecutive (the last ends at the last period).
 * Block k's model is exactly `mixlab fit INPUT <flags> --seed S --split-date <test_start>` (run as
 * a job on local worker threads); it is scored by `mixlab predict` over [test_start, test_end]
 * (MAPE, %), and each channel's ROAS is compared across blocks (roasStability).
 */
import { join } from "node:path";
import { loadArtifact, loadModel } from "../../artifact/load";
import { loadPredictionInput } from "../../artifact/prediction-input";
import { mape } from "../../analysis/metrics";
import { roasStability, type BlockRoas, type RoasStability } from "../../analysis/roas-stability";
import { loadInput, toTable, type LoadOptions } from "../../data/load";
import { predict } from "../../models/predict";
import type { ProgressStream } from "../../util/progress";
import { UsageError } from "../usage-error";
import { commandLine } from "./command-line";
import { runFits } from "./run-fits";

/** What the backtest runs. */
export interface BacktestOptions {
  input: string;
  blocks: number;
  /** Periods per test block (default: backtestWindows' rule). */
  horizon?: number;
  load: LoadOptions;
  /** The input flags as given (passed to fit and predict). */
  inputFlags: readonly string[];
  /** The model flags as given (passed to fit). */
  fitFlags: readonly string[];
  seed: number;
  dir: string;
  workers: number;
  progress: ProgressStream;
}

/** One block of the backtest output. */
export interface BacktestBlock {
  block: number;
  train_end: string;
  test_start: string;
  test_end: string;
  /** MAPE over the test block, %. */
  mape: number;
  command: string;
  predict: string;
  roas: Record<string, BlockRoas>;
}

/** The backtest output. */
export interface Backtest {
  backtest: BacktestBlock[];
  stability: Record<string, RoasStability>;
}

/**
 * backtestWindows(n, k, horizon) → the k test windows [start, end] (row indices, inclusive) of n
 * periods: consecutive blocks of `horizon` rows, the last ending at row n − 1. Default horizon:
 * round(n / 10), lowered to floor(n / (2k)) so that the first block's fit keeps at least half the data.
 * @throws UsageError when the first fit would have fewer than n / 2 rows, or a block no row
 */
export function backtestWindows(n: number, k: number, horizon?: number): Array<{ start: number; end: number }> {
  const h = horizon ?? Math.min(Math.max(1, Math.round(n / 10)), Math.floor(n / (2 * k)));
  if (h < 1 || n - k * h < n / 2) {
    throw new UsageError(`--backtest ${k}${horizon === undefined ? "" : ` with --horizon ${horizon}`} leaves the first block's fit fewer than half of the ${n} periods: ask for fewer blocks${horizon === undefined ? "" : " or a shorter horizon"}`);
  }
  return Array.from({ length: k }, (_, i) => ({ start: n - (k - i) * h, end: n - (k - i - 1) * h - 1 }));
}

/** blockResult(options, b, window, dates, actual, out, args) → one scored block. */
function blockResult(o: BacktestOptions, b: number, w: { start: number; end: number }, dates: readonly string[], actual: Float64Array, out: string, args: readonly string[]): BacktestBlock {
  const model = loadModel(out);
  const rows = loadPredictionInput(o.input, model, o.load);
  const predicted = predict(model, rows);
  const at = rows.dates.indexOf(dates[w.start]);
  if (at < 0 || rows.dates[at + w.end - w.start] !== dates[w.end]) throw new RangeError(`the predictions of ${out} do not cover ${dates[w.start]} … ${dates[w.end]}`);
  const len = w.end - w.start + 1;
  const roas = Object.fromEntries(loadArtifact(out).summary.channels.map((c) => [c.name, { estimate: c.roas, low: c.roas_low, high: c.roas_high }]));
  return {
    block: b + 1,
    train_end: dates[w.start - 1],
    test_start: dates[w.start],
    test_end: dates[w.end],
    mape: mape(actual.subarray(w.start, w.end + 1), predicted.subarray(at, at + len)),
    command: commandLine([...args, "--out", out]),
    predict: commandLine(["predict", out, o.input, ...o.inputFlags]),
    roas,
  };
}

/** runBacktest(options) → the scored blocks and each channel's ROAS stability. */
export async function runBacktest(o: BacktestOptions): Promise<Backtest> {
  const table = toTable(loadInput(o.input, o.load));
  const windows = backtestWindows(table.dates.length, o.blocks, o.horizon);
  const jobs = windows.map((w, b) => ({
    id: `block-${b + 1}`,
    args: ["fit", o.input, ...o.inputFlags, ...o.fitFlags, "--seed", String(o.seed), "--split-date", table.dates[w.start]],
    out: join(o.dir, `block-${b + 1}.model.json`),
  }));
  await runFits(jobs, o.workers, o.progress);
  const actual = table.columns[table.target];
  const backtest = windows.map((w, b) => blockResult(o, b, w, table.dates, actual, jobs[b].out, jobs[b].args));
  return { backtest, stability: roasStability(backtest.map((b) => b.roas)) };
}
