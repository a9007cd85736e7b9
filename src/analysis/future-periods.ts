/**
 * futurePeriods(model, periods): the K periods a forward plan covers — those right after the last
 * observed period of the model's history, one period (1 day or 7 days) apart.
 */
import { formatDay, parseIsoDate } from "../data/parse-date";
import type { FittedModel } from "../models/fitted-model";

/**
 * futurePeriods(model, periods) → day numbers and ISO dates of periods t = 1…K after the last
 * observed one: day_t = lastDay + t·periodDays. O(K).
 * @param model - a fitted model with at least one observed period
 * @param periods - K, an integer ≥ 1
 * @throws RangeError if periods is not an integer ≥ 1 or the model has no history
 * @example futurePeriods(model, 2).dates // => ["2025-01-06", "2025-01-13"] after 2024-12-30 (weekly)
 */
export function futurePeriods(model: FittedModel, periods: number): { days: Int32Array; dates: string[] } {
  if (!(Number.isInteger(periods) && periods >= 1)) throw new RangeError("futurePeriods requires periods to be an integer >= 1");
  const dates = model.history.dates;
  if (!(dates.length > 0)) throw new RangeError("futurePeriods requires a model with observed periods in its history");
  const last = parseIsoDate(dates[dates.length - 1]);
  const days = Int32Array.from({ length: periods }, (_, t) => last + (t + 1) * model.periodDays);
  return { days, dates: Array.from(days, formatDay) };
}

/** defaultPlanPeriods(model) → one quarter: round(91 / periodDays) periods (13 weekly, 91 daily). */
export function defaultPlanPeriods(model: FittedModel): number {
  return Math.max(1, Math.round(91 / model.periodDays));
}
