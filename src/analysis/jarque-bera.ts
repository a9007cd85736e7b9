/**
 * Jarque–Bera test of normality from skewness and kurtosis.
 */
import { chiSquareSf } from "../util/distributions";
import { checkFinite, type NumberArray } from "../util/vector-checks";

/** Result of the Jarque–Bera test. */
export interface JarqueBeraResult {
  /** JB statistic. */
  statistic: number;
  /** Upper-tail chi-square probability of JB with 2 degrees of freedom. */
  pValue: number;
  /** Sample skewness m₃ / m₂^{3/2} (biased moments, as scipy.stats.skew). */
  skew: number;
  /** Sample kurtosis m₄ / m₂² (Pearson, not excess: 3 for a normal sample; biased moments). */
  kurtosis: number;
}

/**
 * Jarque–Bera test (Jarque & Bera, Economics Letters 6, 1980): JB = n/6 · (S² + (K − 3)²/4) with
 * S, K the sample skewness and (Pearson) kurtosis from the biased central moments
 * m_k = Σ(e − ē)^k / n. p = P(χ²₂ > JB). Matches statsmodels' `jarque_bera` (which returns the same
 * four numbers). A small p-value means non-normal residuals; the χ² approximation is asymptotic.
 * O(n).
 *
 * @param residuals - at least 2 values, not all equal
 * @returns { statistic, pValue, skew, kurtosis }
 * @throws RangeError if there are fewer than 2 values, one is not finite, or all are equal
 * @example jarqueBera([1, 2, 3, 4]).kurtosis // => 1.64
 */
export function jarqueBera(residuals: NumberArray): JarqueBeraResult {
  checkFinite("jarqueBera", "residual", residuals, 2);
  const n = residuals.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += residuals[i];
  mean /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = residuals[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  if (m2 === 0) throw new RangeError("jarqueBera requires residuals that are not all equal");
  const skew = m3 / m2 ** 1.5;
  const kurtosis = m4 / (m2 * m2);
  const statistic = (n / 6) * (skew * skew + ((kurtosis - 3) * (kurtosis - 3)) / 4);
  return { statistic, pValue: chiSquareSf(statistic, 2), skew, kurtosis };
}
