/**
 * Trend features: a linear time index and hinge (piecewise-linear) terms, both on the same scale
 * t / (n - 1), so that the linear term runs from 0 at the first period to 1 at the last and a
 * coefficient is "change over the whole series" in target units.
 */

/**
 * Linear trend: t / (n - 1) for t = 0..n-1, i.e. 0 at the first period and 1 at the last; [0] for
 * n = 1 and an empty array for n = 0. O(n).
 *
 * @param n - number of periods, an integer ≥ 0
 * @returns the scaled time index
 * @throws RangeError if n is not an integer ≥ 0
 * @example linearTrend(5) // => [0, 0.25, 0.5, 0.75, 1]
 */
export function linearTrend(n: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError("linearTrend requires n to be an integer >= 0");
  const out = new Float64Array(n);
  if (n > 1) for (let t = 0; t < n; t++) out[t] = t / (n - 1);
  return out;
}

/**
 * Piecewise-linear trend hinges: for each change point c (a period index, 0 ≤ c ≤ n - 1), the
 * feature max(0, t - c) / (n - 1), t = 0..n-1 — zero up to c, then rising with the same slope as
 * `linearTrend`, so its coefficient is the change in slope after c. Named `trend_cp<c>`. For n ≤ 1 the
 * features are all 0. O(n·k).
 *
 * @param n - number of periods, an integer ≥ 0
 * @param changePoints - period indices in [0, n - 1] (fractions allowed)
 * @returns one named feature per change point, in the given order
 * @throws RangeError if n is not an integer ≥ 0 or a change point is outside [0, n - 1]
 * @example piecewiseTrend(5, [2])[0].values // => [0, 0, 0, 0.25, 0.5]
 */
export function piecewiseTrend(
  n: number,
  changePoints: readonly number[],
): Array<{ name: string; values: Float64Array }> {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError("piecewiseTrend requires n to be an integer >= 0");
  return changePoints.map((c) => {
    if (!(c >= 0 && c <= Math.max(0, n - 1))) {
      throw new RangeError("piecewiseTrend requires change points in [0, n - 1]");
    }
    const values = new Float64Array(n);
    if (n > 1) for (let t = 0; t < n; t++) values[t] = t > c ? (t - c) / (n - 1) : 0;
    return { name: `trend_cp${c}`, values };
  });
}

/**
 * Half-life of a damped trend's slope after the fit window, in days: past the window's last day the
 * slope halves every DAMPED_HALF_LIFE_DAYS (a quarter), so the trend adds at most
 * DAMPED_HALF_LIFE_DAYS / ln 2 ≈ 131 days' worth of the fitted slope, however far the forecast.
 * Why: docs/decisions/012-structure-from-the-data.md.
 */
export const DAMPED_HALF_LIFE_DAYS = 91;

/**
 * Damped trend (Gardner & McKenzie 1985): the linear trend u = (day − start)/(end − start) inside
 * [start, end] (0 at start, 1 at end; 0 everywhere when end = start), and past `end`, h = (day −
 * end)/periodDays periods later, u = 1 + (periodDays/(end − start))·φ(1 − φ^h)/(1 − φ) with
 * φ = 0.5^(periodDays/halfLifeDays): each period adds φ times the previous period's slope, so the
 * forecast levels off instead of running away. Before `start` it is linear. O(n).
 *
 * @param days - day numbers (integers)
 * @param start - day of the fit window's first period
 * @param end - day of its last period, ≥ start
 * @param periodDays - days per period (1 daily, 7 weekly), > 0
 * @param halfLifeDays - half-life of the slope past `end`, > 0 (default DAMPED_HALF_LIFE_DAYS)
 * @returns the trend per day, in units of "the fit window's whole change"
 * @throws RangeError if end < start, or periodDays or halfLifeDays is not > 0
 * @example dampedTrend([0, 7, 14, 21], 0, 14, 7, 7) // => [0, 0.5, 1, 1.25]
 */
export function dampedTrend(
  days: ArrayLike<number>, start: number, end: number, periodDays: number, halfLifeDays = DAMPED_HALF_LIFE_DAYS,
): Float64Array {
  if (!(end >= start)) throw new RangeError("dampedTrend requires end ≥ start");
  if (!(periodDays > 0) || !(halfLifeDays > 0)) throw new RangeError("dampedTrend requires periodDays > 0 and halfLifeDays > 0");
  const span = end - start;
  const out = new Float64Array(days.length);
  if (!(span > 0)) return out;
  const phi = 0.5 ** (periodDays / halfLifeDays);
  const step = periodDays / span;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    out[i] = d <= end ? (d - start) / span : 1 + (step * phi * (1 - phi ** ((d - end) / periodDays))) / (1 - phi);
  }
  return out;
}
