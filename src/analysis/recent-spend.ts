/**
 * recentSpend(model, periods) and recentControls(model, periods): what each channel spends, and
 * what value each control takes, per period "now". The spend is the baseline of the optimiser's
 * `current` allocation and the marked point of a response curve; the controls are what a forward
 * plan holds them at. "Recent" means the last `periods` observed periods of the model's history
 * (fit window and holdout), or all of them when fewer were observed — one window for both.
 */
import type { FittedModel } from "../models/fitted-model";

/** The recent window: first and last ISO date and how many periods it holds. */
export interface RecentWindow {
  start: string;
  end: string;
  periods: number;
}

/** The recent window and each channel's average spend per period over it. */
export interface RecentSpend extends RecentWindow {
  /** Average spend per period over the window, currency per period, by channel. */
  perPeriod: Record<string, number>;
}

/** The recent window and the value each control is held at. */
export interface RecentControls extends RecentWindow {
  /** Per control: its average over the window, or its fit-window mean for a control in `fitWindowMean`. */
  values: Record<string, number>;
  /** Controls the model has no history of (artifacts written before history.controls): held at controlDefaults. */
  fitWindowMean: string[];
}

/**
 * recentWindow(name, model, periods) → the window of the last n = min(periods, observed) periods
 * and the index of its first period in model.history.
 */
function recentWindow(name: string, model: FittedModel, periods: number): RecentWindow & { first: number } {
  if (!(Number.isInteger(periods) && periods >= 1)) throw new RangeError(`${name} requires periods to be an integer >= 1`);
  const dates = model.history.dates;
  const total = dates.length;
  if (!(total > 0)) throw new RangeError(`${name} requires a model with observed periods in its history`);
  const n = Math.min(periods, total);
  return { start: dates[total - n], end: dates[total - 1], periods: n, first: total - n };
}

/** mean(values, from, to) → (1/(to − from))·Σ values[from…to−1], a missing value counting 0. */
function mean(values: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i] ?? 0;
  return s / (to - from);
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
  const { first, ...window } = recentWindow("recentSpend", model, periods);
  const total = model.history.dates.length;
  const perPeriod: Record<string, number> = {};
  for (const channel of model.spec.channels) perPeriod[channel] = mean(model.history.spend[channel] ?? [], first, total);
  return { ...window, perPeriod };
}

/**
 * recentControls(model, periods) → per control (1/n)·Σ value over the same window as
 * recentSpend(model, periods) — the last n = min(periods, observed) periods of model.history.
 * A model without history.controls (saved by an earlier mixlab) gives controlDefaults, the
 * fit-window means, and lists those controls in `fitWindowMean`. O(controls · n).
 * @param model - a fitted model with at least one observed period
 * @param periods - window length, an integer ≥ 1 (a plan's horizon K)
 * @throws RangeError if periods is not an integer ≥ 1, the model has no history, or a control has neither history nor default
 * @example recentControls(model, 13).values.price // => mean weekly price over the last 13 observed weeks
 */
export function recentControls(model: FittedModel, periods: number): RecentControls {
  const { first, ...window } = recentWindow("recentControls", model, periods);
  const total = model.history.dates.length;
  const values: Record<string, number> = {};
  const fitWindowMean: string[] = [];
  for (const control of model.spec.controls) {
    const history = model.history.controls?.[control];
    if (history !== undefined) {
      values[control] = mean(history, first, total);
    } else {
      const fallback = model.controlDefaults[control];
      if (fallback === undefined) throw new RangeError(`recentControls requires a history or a default for control "${control}"`);
      values[control] = fallback;
      fitWindowMean.push(control);
    }
  }
  return { ...window, values, fitWindowMean };
}
