/** The readable output of `mixlab evaluate`: the suite's tables, and the backtest's blocks and stability. */
import type { Evaluation, RecoverySummary } from "../../analysis/recovery";
import { textTable, type Row } from "../text-table";
import type { Backtest } from "./backtest";

const num = (v: number | null, digits: number): string => (v === null || !Number.isFinite(v) ? "–" : v.toFixed(digits));

/** summaryRow(first, s) → a table row of a RecoverySummary after the leading cells. */
function summaryRow(first: string[], s: RecoverySummary): Row {
  return [...first, `${num(100 * s.coverage, 0)} %`, `${num(s.roas_ape_median, 1)} %`, num(s.share_error_median, 3), `${num(s.holdout_mape_median, 2)} %`, num(s.seconds_median, 1)];
}

const SUMMARY_HEADER = ["90 % coverage", "median |ROAS err|", "median max |share err|", "median holdout MAPE", "median fit s"];

/** describeEvaluation(e) → per model, then per scenario and model, the coverage and medians. */
export function describeEvaluation(e: Evaluation): string {
  const models = Object.entries(e.models).map(([m, s]) => summaryRow([m], s));
  const scenarios = Object.entries(e.scenarios).flatMap(([sc, byModel]) => Object.entries(byModel).map(([m, s]) => summaryRow([sc, m], s)));
  return `${e.datasets.length} data sets, ${Object.keys(e.models).length} models\n\n` +
    `${textTable(["model", ...SUMMARY_HEADER], models)}\n` +
    `${textTable(["scenario", "model", ...SUMMARY_HEADER], scenarios)}`;
}

/** describeBacktest(b) → the blocks (windows, MAPE) and each channel's ROAS per block with its stability. */
export function describeBacktest(b: Backtest): string {
  const blocks = b.backtest.map((k): Row => [k.block, k.train_end, k.test_start, k.test_end, `${num(k.mape, 2)} %`]);
  const channels = Object.entries(b.stability).map(([c, s]): Row => [
    c, ...b.backtest.map((k) => num(k.roas[c]?.estimate ?? null, 2)), num(s.cv, 2), s.flagged ? `UNSTABLE: ${s.reason}` : "stable",
  ]);
  return `${textTable(["block", "train end", "test start", "test end", "MAPE"], blocks)}\n` +
    `${textTable(["channel", ...b.backtest.map((k) => `ROAS ${k.block}`), "cv", "verdict"], channels)}` +
    `  block k's model: the command in --json's "command"; scored by its "predict" over [test start, test end]\n`;
}
