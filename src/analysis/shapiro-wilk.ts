/**
 * Shapiro–Wilk test of normality, Royston's algorithm AS R94.
 */
import { normalQuantile, normalSf } from "../util/distributions";
import { checkFinite, type NumberArray } from "../util/vector-checks";

/** Result of the Shapiro–Wilk test. */
export interface ShapiroWilkResult {
  /** W statistic in (0, 1]; near 1 for a normal sample. */
  w: number;
  /** Probability of a W this small under normality. */
  pValue: number;
}

/** Horner evaluation of c[0] + c[1]x + c[2]x² + … (AS 181.2 `poly`). */
function poly(c: readonly number[], x: number): number {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * x + c[i];
  return r;
}

// Royston (1995), Table 1 and §2: approximations of the coefficients and of the null distribution.
const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
const C6 = [-0.4803, -0.082676, 0.0030302];
const G = [-2.273, 0.459];

/**
 * Shapiro–Wilk W test of normality by Royston's algorithm AS R94 (P. Royston, "Remark AS R94",
 * Applied Statistics 44(4), 1995, 547–551), uncensored case, valid for 3 ≤ n ≤ 5000.
 *
 * W = (Σ a_i x_(i))² / Σ(x_i − x̄)² with Royston's approximate coefficients a built from the normal
 * scores m_i = Φ⁻¹((i − 3/8)/(n + 1/4)). W is computed as 1 − w1 with w1 = (1 − W) formed without
 * cancellation, as in AS R94. p-value: exact for n = 3, p = 1 − (6/π)·acos(√W); for 4 ≤ n ≤ 11
 * −ln(γ − ln(1 − W)) and for n ≥ 12 ln(1 − W) are taken as normal with Royston's polynomial mean
 * and standard deviation. Φ⁻¹ and Φ are evaluated to full double precision, as R's
 * `shapiro.test` (swilk.c) and current scipy.stats.shapiro do; scipy < 1.12 ran the Fortran in
 * single precision and agrees only to about 1e-6 in W. When ln(1 − W) ≥ γ for n ≤ 11 (W so small it
 * is off the approximation's scale) the p-value is 0 (R reports 1e-99). O(n log n) for the sort.
 *
 * @param x - the sample (order does not matter), 3 ≤ n ≤ 5000, not all equal
 * @returns { w, pValue }
 * @throws RangeError if n is outside [3, 5000], a value is not finite, or all values are equal
 * @example shapiroWilk([1, 2, 4]).w // => 0.9642857142857142 (R: shapiro.test(c(1, 2, 4)))
 */
export function shapiroWilk(x: NumberArray): ShapiroWilkResult {
  checkFinite("shapiroWilk", "sample", x, 3);
  const n = x.length;
  if (!(n <= 5000)) throw new RangeError(`shapiroWilk requires at most 5000 values (got ${n})`);
  const sorted = Float64Array.from(x).sort();
  const range = sorted[n - 1] - sorted[0];
  if (!(range > 0)) throw new RangeError("shapiroWilk requires values that are not all equal");

  // Coefficients a[0..nn2): the weight of the i-th largest order statistic (positive).
  const nn2 = Math.floor(n / 2);
  const a = new Float64Array(nn2);
  if (n === 3) {
    a[0] = Math.SQRT1_2;
  } else {
    const an25 = n + 0.25;
    let summ2 = 0;
    for (let i = 0; i < nn2; i++) {
      a[i] = normalQuantile((i + 1 - 0.375) / an25); // m_i, negative
      summ2 += a[i] * a[i];
    }
    summ2 *= 2;
    const ssumm2 = Math.sqrt(summ2);
    const rsn = 1 / Math.sqrt(n);
    const a1 = poly(C1, rsn) - a[0] / ssumm2;
    let i1: number;
    let fac: number;
    if (n > 5) {
      i1 = 2;
      const a2 = -a[1] / ssumm2 + poly(C2, rsn);
      fac = Math.sqrt((summ2 - 2 * a[0] * a[0] - 2 * a[1] * a[1]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
      a[1] = a2;
    } else {
      i1 = 1;
      fac = Math.sqrt((summ2 - 2 * a[0] * a[0]) / (1 - 2 * a1 * a1));
    }
    a[0] = a1;
    for (let i = i1; i < nn2; i++) a[i] = -a[i] / fac;
  }

  // W as the squared correlation of the (range-scaled) data with the antisymmetric coefficients.
  const coef = (i: number): number => {
    const j = n - 1 - i;
    if (i === j) return 0;
    return i < j ? -a[i] : a[j];
  };
  let sa = 0;
  let sx = 0;
  for (let i = 0; i < n; i++) {
    sa += coef(i);
    sx += sorted[i] / range;
  }
  sa /= n;
  sx /= n;
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  for (let i = 0; i < n; i++) {
    const asa = coef(i) - sa;
    const xsx = sorted[i] / range - sx;
    ssa += asa * asa;
    ssx += xsx * xsx;
    sax += asa * xsx;
  }
  const ssassx = Math.sqrt(ssa * ssx);
  const w1 = ((ssassx - sax) * (ssassx + sax)) / (ssa * ssx); // 1 − W without cancellation
  const w = 1 - w1;

  if (n === 3) {
    // Exact: W is uniform in angle on [3/4, 1] (Shapiro & Wilk 1965).
    const p = 1 - (6 / Math.PI) * Math.acos(Math.sqrt(Math.max(w, 0.75)));
    return { w, pValue: Math.min(1, Math.max(0, p)) };
  }
  let y = Math.log(w1);
  let m: number;
  let s: number;
  if (n <= 11) {
    const gamma = poly(G, n);
    if (y >= gamma) return { w, pValue: 0 };
    y = -Math.log(gamma - y);
    m = poly(C3, n);
    s = Math.exp(poly(C4, n));
  } else {
    const lnN = Math.log(n);
    m = poly(C5, lnN);
    s = Math.exp(poly(C6, lnN));
  }
  return { w, pValue: normalSf((y - m) / s) };
}
