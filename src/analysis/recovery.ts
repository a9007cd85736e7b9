/**
 * Recovery of a known truth: how a fit's ROAS estimates and 90 % intervals compare with the true
 * ROAS of a generated data set (one fit: recoveryOf), and the figures of many fits together
 * (summarizeRecovery). Used by `mixlab evaluate` and bench/recovery.bench.ts.
 */
import type { TrueReturns } from "../generate/generated-table";
import type { ChannelSummary } from "../models/fit-summary";
import { quantileSorted } from "../util/quantile";

/** One channel's true ROAS beside the fit's estimate and 90 % interval (null when the fit has none). */
export interface RoasRecovery {
  true: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
}

/** One fit against the truth. */
export interface FitRecovery {
  /** Per channel, in the fit's channel order. */
  roas: Record<string, RoasRecovery>;
  /** max over channels |estimated share of effect − true share|, in [0, 1]. */
  share_error_max: number;
}

/** covers(r) → true when the 90 % interval holds the true ROAS (low ≤ true ≤ high); false without an interval. */
export function covers(r: RoasRecovery): boolean {
  return r.low !== null && r.high !== null && r.low <= r.true && r.true <= r.high;
}

/** roasApe(r) → |estimate / true − 1| × 100, the absolute percentage error of the ROAS (NaN without an estimate). */
export function roasApe(r: RoasRecovery): number {
  return r.estimate === null ? Number.NaN : 100 * Math.abs(r.estimate / r.true - 1);
}

/**
 * recoveryOf(channels, truth) → the fit's channels matched by name with the truth over the same
 * window (trueReturns(data, fit_window.rows)).
 * @throws RangeError when a fitted channel has no truth
 */
export function recoveryOf(channels: readonly ChannelSummary[], truth: readonly TrueReturns[]): FitRecovery {
  const roas: Record<string, RoasRecovery> = {};
  let shareErrorMax = 0;
  for (const c of channels) {
    const t = truth.find((x) => x.name === c.name);
    if (t === undefined) throw new RangeError(`recoveryOf requires a true ROAS for channel "${c.name}"`);
    roas[c.name] = { true: t.roas, estimate: c.roas, low: c.roas_low, high: c.roas_high };
    shareErrorMax = Math.max(shareErrorMax, Math.abs((c.share_of_effect ?? Number.NaN) - t.share_of_effect));
  }
  return { roas, share_error_max: shareErrorMax };
}

/** One evaluated fit: its recovery, holdout MAPE (%, null without holdout) and fit time, s. */
export interface EvaluatedFit extends FitRecovery {
  holdout_mape: number | null;
  seconds: number;
}

/** The figures of many fits of one model (the `models` entries of `mixlab evaluate`). */
export interface RecoverySummary {
  /** Share of (fit, channel) pairs whose 90 % interval covers the true ROAS, in [0, 1]. */
  coverage: number;
  /** Median over (fit, channel) pairs of the ROAS absolute percentage error, %. */
  roas_ape_median: number;
  /** Median over fits of share_error_max. */
  share_error_median: number;
  /** Median over fits of the holdout MAPE, % (null when no fit had a holdout). */
  holdout_mape_median: number | null;
  /** Median fit time, s. */
  seconds_median: number;
}

/** median(values) → the type-7 median of the finite values; NaN when there are none. */
export function median(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length === 0 ? Number.NaN : quantileSorted(finite, 0.5);
}

/** summarizeRecovery(fits) → coverage and medians over the fits (all channels of all fits pooled for the ROAS figures). */
export function summarizeRecovery(fits: readonly EvaluatedFit[]): RecoverySummary {
  const pairs = fits.flatMap((f) => Object.values(f.roas));
  const mapes = fits.map((f) => f.holdout_mape).filter((m): m is number => m !== null);
  return {
    coverage: pairs.length === 0 ? Number.NaN : pairs.filter(covers).length / pairs.length,
    roas_ape_median: median(pairs.map(roasApe)),
    share_error_median: median(fits.map((f) => f.share_error_max)),
    holdout_mape_median: mapes.length === 0 ? null : median(mapes),
    seconds_median: median(fits.map((f) => f.seconds)),
  };
}

/** One data set of the suite: its id, scenario, and each model's evaluated fit with the command that reproduces it. */
export interface EvaluatedDataset {
  id: string;
  scenario: string;
  models: Record<string, EvaluatedFit & { command: string }>;
}

/** The output of `mixlab evaluate` (synthetic suite): the data sets, then per model and per scenario × model the summaries. */
export interface Evaluation {
  datasets: EvaluatedDataset[];
  models: Record<string, RecoverySummary>;
  scenarios: Record<string, Record<string, RecoverySummary>>;
}

/**
 * evaluationOf(datasets) → the evaluation: each model summarized over all data sets, and over the
 * data sets of each scenario (scenarios and models in first-seen order).
 */
export function evaluationOf(datasets: EvaluatedDataset[]): Evaluation {
  const models = [...new Set(datasets.flatMap((d) => Object.keys(d.models)))];
  const scenarios = [...new Set(datasets.map((d) => d.scenario))];
  const summarize = (sets: readonly EvaluatedDataset[]) =>
    Object.fromEntries(models.map((m) => [m, summarizeRecovery(sets.flatMap((d) => (d.models[m] === undefined ? [] : [d.models[m]])))]));
  return {
    datasets,
    models: summarize(datasets),
    scenarios: Object.fromEntries(scenarios.map((s) => [s, summarize(datasets.filter((d) => d.scenario === s))])),
  };
}
