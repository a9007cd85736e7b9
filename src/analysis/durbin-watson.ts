/**
 * Durbin–Watson statistic for first-order autocorrelation of residuals.
 */
import { checkFinite, type NumberArray } from "../util/vector-checks";

/**
 * Durbin–Watson statistic d = Σ_{t≥1}(e_t − e_{t−1})² / Σ_t e_t² (as statsmodels'
 * `durbin_watson`; residuals are not demeaned). d ≈ 2(1 − ρ̂₁): about 2 means no first-order
 * autocorrelation, toward 0 positive and toward 4 negative autocorrelation. O(n).
 *
 * @param residuals - model residuals in time order, at least 2, not all zero
 * @returns d in [0, 4], unitless
 * @throws RangeError if there are fewer than 2 residuals, one is not finite, or all are zero
 * @example durbinWatson([1, -1, 1, -1]) // => 3
 */
export function durbinWatson(residuals: NumberArray): number {
  checkFinite("durbinWatson", "residual", residuals, 2);
  let num = 0;
  let den = residuals[0] * residuals[0];
  for (let t = 1; t < residuals.length; t++) {
    const d = residuals[t] - residuals[t - 1];
    num += d * d;
    den += residuals[t] * residuals[t];
  }
  if (den === 0) throw new RangeError("durbinWatson requires residuals that are not all zero");
  return num / den;
}
