/**
 * recentSpend(model, periods): what each channel spends per period "now" — the baseline of the
 * optimiser's `current` allocation and the marked point of a response curve. "Recent" means the
 * last `periods` observed periods of the model's history (fit window and holdout), or all of them
 * when fewer were observed.
 */
import type { FittedModel } from "../models/fitted-model";

/** The recent window and each channel's average spend per period over it. */
export interface RecentSpend {
  /** First and last ISO date of the window, and how many periods it holds. */
  start: string;
  end: string;
  periods: number;
  /** Average spend per period over the window, currency per period, by channel. */
  perPeriod: Record<string, number>;
}

/**
 * recentSpend(model, periods) → per channel (1/n)·Σ spend over the last n = min(periods, observed)
 * periods of model.history, currency per period. O(channels · n).
 * @param model - a fitted model with at least one observed period
 * @param periods - window length, an integer ≥ 1
 * @throws RangeError if periods is not an integer ≥ 1 or the model has no history
 * @example recentSpend(model, 13).perPeriod.tv // => mean weekly TV spend over the last quarter
 */
export function recentSpend(model: FittedModel, periods: number): RecentSpend {
  if (!(Number.isInteger(periods) && periods >= 1)) throw new RangeError("recentSpend requires periods to be an integer >= 1");
  const dates = model.history.dates;
  const total = dates.length;
  if (!(total > 0)) throw new RangeError("recentSpend requires a model with observed periods in its history");
  const n = Math.min(periods, total);
  const perPeriod: Record<string, number> = {};
  for (const channel of model.spec.channels) {
    const spend = model.history.spend[channel] ?? [];
    let s = 0;
    for (let i = total - n; i < total; i++) s += spend[i] ?? 0;
    perPeriod[channel] = s / n;
  }
  return { start: dates[total - n], end: dates[total - 1], periods: n, perPeriod };
}
