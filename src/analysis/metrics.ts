/**
 * Goodness-of-fit metrics for a fitted or held-out series (the holdout split is models/fit/split.ts).
 *
 * Conventions (the `fit` contract): `mape`, `wmape` and `smape` are in percent (6.1 means 6.1 %);
 * `rmse` and `mae` are in the target's units; `r2`, `adjustedR2` and `nrmse` are unitless.
 * All functions are pure, take `Float64Array | readonly number[]` and never mutate their input.
 */
import type { RegressionMetrics } from "../models/fitted-model";
import { checkPair, type NumberArray } from "../util/vector-checks";

/**
 * Coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as sklearn.metrics.r2_score.
 *
 * Can be negative for a prediction worse than the mean (typical on a holdout). If every actual is
 * the same (Σ(y − ȳ)² = 0) R² is undefined; like r2_score (force_finite=True) this returns 1 for a
 * perfect prediction and 0 otherwise. With fewer than 2 points it returns NaN, as r2_score does.
 * O(n).
 *
 * @param actual - observed values y
 * @param predicted - fitted or forecast values ŷ, same length
 * @returns R², unitless, ≤ 1
 * @throws RangeError if the lengths differ, are 0, or a value is not finite
 * @example r2([1, 2, 3, 4], [1, 2, 3, 5]) // => 0.8
 */
export function r2(actual: NumberArray, predicted: NumberArray): number {
  checkPair("r2", actual, predicted);
  const n = actual.length;
  if (n < 2) return NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i];
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i] - predicted[i];
    const d = actual[i] - mean;
    ssRes += e * e;
    ssTot += d * d;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/**
 * Adjusted R² = 1 − (1 − R²)(n − 1)/(n − p − 1), which penalises R² for the number of predictors.
 * O(1).
 *
 * @param r2Value - R² of the fit
 * @param n - number of observations, an integer
 * @param p - number of predictors excluding the intercept, an integer ≥ 0
 * @returns adjusted R², unitless
 * @throws RangeError if r2Value is not finite, p is not an integer ≥ 0, or n is not an integer > p + 1
 * @example adjustedR2(0.8, 4, 1) // => 0.7000000000000001
 */
export function adjustedR2(r2Value: number, n: number, p: number): number {
  if (!Number.isFinite(r2Value)) throw new RangeError("adjustedR2 requires a finite r2");
  if (!(Number.isInteger(p) && p >= 0)) throw new RangeError("adjustedR2 requires an integer p >= 0");
  if (!(Number.isInteger(n) && n > p + 1)) {
    throw new RangeError("adjustedR2 requires an integer n > p + 1 (residual degrees of freedom)");
  }
  return 1 - ((1 - r2Value) * (n - 1)) / (n - p - 1);
}

/**
 * Root mean squared error √(Σ(y − ŷ)² / n), in the target's units. O(n).
 *
 * @param actual - observed values
 * @param predicted - predicted values, same length
 * @returns RMSE ≥ 0
 * @throws RangeError if the lengths differ, are 0, or a value is not finite
 * @example rmse([1, 2, 3, 4], [1, 2, 3, 5]) // => 0.5
 */
export function rmse(actual: NumberArray, predicted: NumberArray): number {
  checkPair("rmse", actual, predicted);
  let ss = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = actual[i] - predicted[i];
    ss += e * e;
  }
  return Math.sqrt(ss / actual.length);
}

/**
 * Mean absolute error Σ|y − ŷ| / n, in the target's units. O(n).
 *
 * @param actual - observed values
 * @param predicted - predicted values, same length
 * @returns MAE ≥ 0
 * @throws RangeError if the lengths differ, are 0, or a value is not finite
 * @example mae([1, 2, 3, 4], [1, 2, 3, 5]) // => 0.25
 */
export function mae(actual: NumberArray, predicted: NumberArray): number {
  checkPair("mae", actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i] - predicted[i]);
  return s / actual.length;
}

/**
 * Mean absolute percentage error in percent: 100 · mean over y ≠ 0 of |y − ŷ| / |y|
 * (6.1 means 6.1 %).
 *
 * Periods whose actual is exactly 0 are skipped (the ratio is undefined there); if every actual is
 * 0 the result is NaN. This differs from sklearn's mean_absolute_percentage_error, which divides by
 * max(|y|, ε) (so a zero actual gives an enormous error) and returns a fraction, not percent; on
 * data without zeros the two agree up to the factor 100. O(n).
 *
 * @param actual - observed values
 * @param predicted - predicted values, same length
 * @returns MAPE in percent, ≥ 0, or NaN if every actual is 0
 * @throws RangeError if the lengths differ, are 0, or a value is not finite
 * @example mape([1, 2, 3, 4], [1, 2, 3, 5]) // => 6.25
 */
export function mape(actual: NumberArray, predicted: NumberArray): number {
  checkPair("mape", actual, predicted);
  let s = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    if (y === 0) continue;
    s += Math.abs((y - predicted[i]) / y);
    count++;
  }
  return count === 0 ? NaN : (100 * s) / count;
}

/**
 * Weighted MAPE in percent: 100 · Σ|y − ŷ| / Σ|y| (6.1 means 6.1 %). Well defined with zero actuals
 * as long as not all are 0 (then NaN). O(n).
 *
 * @param actual - observed values
 * @param predicted - predicted values, same length
 * @returns WMAPE in percent, ≥ 0, or NaN if every actual is 0
 * @throws RangeError if the lengths differ, are 0, or a value is not finite
 * @example wmape([1, 2, 3, 4], [1, 2, 3, 5]) // => 10
 */
export function wmape(actual: NumberArray, predicted: NumberArray): number {
  checkPair("wmape", actual, predicted);
  let err = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    err += Math.abs(actual[i] - predicted[i]);
    total += Math.abs(actual[i]);
  }
  return total === 0 ? NaN : (100 * err) / total;
}

/**
 * Symmetric MAPE in percent, the 0–200 definition:
 * 100/n · Σ 2|y − ŷ| / (|y| + |ŷ|) (6.1 means 6.1 %; at most 200).
 *
 * A period with y = ŷ = 0 contributes 0 (a perfect prediction) and still counts in n. O(n).
 *
 * @param actual - observed values
 * @param predicted - predicted values, same length
 * @returns SMAPE in percent, in [0, 200]
 * @throws RangeError if the lengths differ, are 0, or a value is not finite
 * @example smape([1, 2, 3, 4], [1, 2, 3, 5]) // => 5.555555555555555 (100/4 · 2/9)
 */
export function smape(actual: NumberArray, predicted: NumberArray): number {
  checkPair("smape", actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const denom = Math.abs(actual[i]) + Math.abs(predicted[i]);
    if (denom === 0) continue;
    s += (2 * Math.abs(actual[i] - predicted[i])) / denom;
  }
  return (100 * s) / actual.length;
}

/**
 * Normalised RMSE as in Meta's Robyn: RMSE / (max(y) − min(y)), unitless. NaN if every actual is
 * the same (zero range). O(n).
 *
 * @param actual - observed values
 * @param predicted - predicted values, same length
 * @returns NRMSE ≥ 0, or NaN for a constant actual series
 * @throws RangeError if the lengths differ, are 0, or a value is not finite
 * @example nrmse([1, 2, 3, 4], [1, 2, 3, 5]) // => 0.16666666666666666 (0.5 / 3)
 */
export function nrmse(actual: NumberArray, predicted: NumberArray): number {
  checkPair("nrmse", actual, predicted);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] < lo) lo = actual[i];
    if (actual[i] > hi) hi = actual[i];
  }
  const range = hi - lo;
  return range === 0 ? NaN : rmse(actual, predicted) / range;
}

/**
 * All metrics of one window at once: { r2, adj_r2, rmse, mae, mape, wmape, smape, nrmse }.
 * `adj_r2` is NaN (JSON null) when there are too few points for p predictors (n ≤ p + 1), as on
 * a short holdout, instead of throwing. O(n).
 *
 * @param actual - observed values
 * @param predicted - predicted values, same length
 * @param p - number of predictors excluding the intercept, an integer ≥ 0 (for adj_r2)
 * @returns the metrics; percentages in percent
 * @throws RangeError if the lengths differ, are 0, a value is not finite, or p is not an integer ≥ 0
 * @example regressionMetrics([1, 2, 3, 4], [1, 2, 3, 5], 1).mape // => 6.25
 */
export function regressionMetrics(actual: NumberArray, predicted: NumberArray, p: number): RegressionMetrics {
  checkPair("regressionMetrics", actual, predicted);
  if (!(Number.isInteger(p) && p >= 0)) {
    throw new RangeError("regressionMetrics requires an integer p >= 0");
  }
  const n = actual.length;
  const r2Value = r2(actual, predicted);
  return {
    r2: r2Value,
    adj_r2: n > p + 1 && Number.isFinite(r2Value) ? adjustedR2(r2Value, n, p) : NaN,
    rmse: rmse(actual, predicted),
    mae: mae(actual, predicted),
    mape: mape(actual, predicted),
    wmape: wmape(actual, predicted),
    smape: smape(actual, predicted),
    nrmse: nrmse(actual, predicted),
  };
}
