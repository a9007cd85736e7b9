/**
 * headline(data): the answer a report leads with, as numbers — which channels return most per unit
 * (ROAS over the fit window, with its 90 % interval) and at the margin (mROAS at the current spend),
 * the optimal split of the current budget over the plan horizon (optimizeBudget, exactly what
 * `mixlab optimize --budget <current> --periods K` answers) with its lift and, when the model has
 * draws, the lift's 90 % interval over them (planChangeInterval), how well the model predicts its
 * holdout, and which channels' return it cannot pin down: those whose 90 % ROAS interval is at
 * least as wide as the ROAS itself, or does not contain it (the resampled fits disagree with the
 * point fit). headline-html.ts says it in words.
 */
import { optimizeBudget } from "../analysis/optimize-budget";
import { planChangeInterval } from "../analysis/plan";
import type { ExportData } from "./export-tables";

/** A ROAS interval counts as wide when (high − low) / ROAS is at least this. */
export const WIDE_INTERVAL = 1;

export interface HeadlineChannel {
  name: string;
  roas: number | null;
  roas_low: number | null;
  roas_high: number | null;
  mroas: number | null;
}

export interface HeadlineSplit {
  /** The current budget: the recent spend per period × K, currency over the K periods. */
  budget: number;
  periods: number;
  channels: { name: string; current: number; optimal: number; change_pct: number | null }[];
  current_response: number;
  optimal_response: number;
  lift_pct: number;
  /** 5th / 95th percentile of the lift over the model's draws; null without draws. */
  lift_low: number | null;
  lift_high: number | null;
}

export interface Headline {
  target: string;
  frequency: string;
  /** The channels by ROAS, highest first (channels without one last). */
  byRoas: HeadlineChannel[];
  /** The channels by mROAS, highest first (channels without one last). */
  byMroas: HeadlineChannel[];
  split: HeadlineSplit;
  holdout: { mape: number | null; r2: number | null; start: string; end: string; rows: number } | null;
  /** Whether the fit has ROAS intervals at all (bootstrap or posterior). */
  intervals: boolean;
  /** Channels whose ROAS interval is wide (WIDE_INTERVAL) or misses the ROAS, widest first. */
  uncertain: (HeadlineChannel & { why: "wide" | "outside" })[];
}

/** byDescending(key) → a comparator putting the largest finite value first and missing values last. */
function byDescending(key: "roas" | "mroas") {
  return (a: HeadlineChannel, b: HeadlineChannel) => (b[key] ?? -Infinity) - (a[key] ?? -Infinity);
}

/** relativeWidth(c) → (high − low) / |ROAS|, or null without an interval. */
export function relativeWidth(c: HeadlineChannel): number | null {
  if (c.roas === null || c.roas_low === null || c.roas_high === null || c.roas === 0) return null;
  return (c.roas_high - c.roas_low) / Math.abs(c.roas);
}

/** unclear(c) → "wide" when the ROAS interval is at least WIDE_INTERVAL × the ROAS, "outside" when it does not contain the ROAS, else null. */
export function unclear(c: HeadlineChannel): "wide" | "outside" | null {
  const width = relativeWidth(c);
  if (width === null) return null;
  if (width >= WIDE_INTERVAL) return "wide";
  return c.roas! < c.roas_low! || c.roas! > c.roas_high! ? "outside" : null;
}

/** headlineSplit(data) → the optimal split of the current budget over the plan horizon, its lift and the lift's interval over the draws. */
export function headlineSplit(data: ExportData): HeadlineSplit {
  const { model, periods } = data;
  const budget = data.scenarios.current_budget;
  const opt = optimizeBudget(model, { budget, periods });
  const perPeriod = (key: "current" | "optimal") => Object.fromEntries(opt.allocation.map((a) => [a.name, a[key] / periods]));
  const interval = planChangeInterval(model, perPeriod("current"), perPeriod("optimal"), periods);
  return {
    budget, periods,
    channels: opt.allocation.map((a) => ({ name: a.name, current: a.current, optimal: a.optimal, change_pct: a.current > 0 ? (100 * (a.optimal - a.current)) / a.current : null })),
    current_response: opt.current_response, optimal_response: opt.optimal_response, lift_pct: opt.lift_pct,
    lift_low: interval?.[0] ?? null, lift_high: interval?.[1] ?? null,
  };
}

/** headline(data) → the report's leading numbers (see the module comment). */
export function headline(data: ExportData): Headline {
  const s = data.model.summary;
  const channels: HeadlineChannel[] = data.channels.map((c) => ({ name: c.name, roas: c.roas, roas_low: c.roas_low, roas_high: c.roas_high, mroas: c.mroas }));
  const intervals = channels.some((c) => relativeWidth(c) !== null);
  const uncertain = channels.flatMap((c) => {
    const why = unclear(c);
    return why === null ? [] : [{ ...c, why }];
  }).sort((a, b) => relativeWidth(b)! - relativeWidth(a)!);
  return {
    target: data.model.spec.target,
    frequency: s.frequency,
    byRoas: [...channels].sort(byDescending("roas")),
    byMroas: [...channels].sort(byDescending("mroas")),
    split: headlineSplit(data),
    holdout: s.holdout === null || s.holdout_window === null ? null
      : { mape: s.holdout.mape, r2: s.holdout.r2, start: s.holdout_window.start, end: s.holdout_window.end, rows: s.holdout_window.rows },
    intervals,
    uncertain,
  };
}
