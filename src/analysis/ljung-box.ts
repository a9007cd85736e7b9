/**
 * Ljung–Box portmanteau test for autocorrelation of residuals.
 */
import { chiSquareSf } from "../util/distributions";
import { checkFinite, type NumberArray } from "../util/vector-checks";

/** Result of the Ljung–Box test. */
export interface LjungBoxResult {
  /** Q statistic. */
  statistic: number;
  /** Upper-tail chi-square probability of Q with `lags` degrees of freedom. */
  pValue: number;
}

/**
 * Ljung–Box test (Ljung & Box, Biometrika 65, 1978) that the first h autocorrelations are zero:
 * Q = n(n + 2) Σ_{k=1..h} r_k² / (n − k), with r_k = Σ_{t=k}^{n−1}(e_t − ē)(e_{t−k} − ē) / Σ_t(e_t − ē)²
 * (sample autocorrelation, demeaned, denominator n as statsmodels' `acf`). The p-value is
 * P(χ²_h > Q), df = h (no model degrees of freedom subtracted), as statsmodels'
 * `acorr_ljungbox(e, lags=[h])`. A small p-value means autocorrelated residuals. O(n · h).
 *
 * @param residuals - model residuals in time order, not all equal
 * @param lags - number of lags h, an integer in [1, n − 1]
 * @returns { statistic: Q, pValue }
 * @throws RangeError if lags is not an integer in [1, n − 1], a residual is not finite, or all are equal
 * @example ljungBox([1, -1, 1, -1, 1, -1], 1).statistic // => 6.666666666666667 (r₁ = −5/6)
 */
export function ljungBox(residuals: NumberArray, lags: number): LjungBoxResult {
  checkFinite("ljungBox", "residual", residuals, 2);
  const n = residuals.length;
  if (!(Number.isInteger(lags) && lags >= 1 && lags <= n - 1)) {
    throw new RangeError(`ljungBox requires lags to be an integer in [1, ${n - 1}]`);
  }
  let mean = 0;
  for (let t = 0; t < n; t++) mean += residuals[t];
  mean /= n;
  const d = new Float64Array(n);
  let c0 = 0;
  for (let t = 0; t < n; t++) {
    d[t] = residuals[t] - mean;
    c0 += d[t] * d[t];
  }
  if (c0 === 0) throw new RangeError("ljungBox requires residuals that are not all equal");
  let sum = 0;
  for (let k = 1; k <= lags; k++) {
    let ck = 0;
    for (let t = k; t < n; t++) ck += d[t] * d[t - k];
    const r = ck / c0;
    sum += (r * r) / (n - k);
  }
  const statistic = n * (n + 2) * sum;
  return { statistic, pValue: chiSquareSf(statistic, lags) };
}
