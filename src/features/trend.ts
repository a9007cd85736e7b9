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
