/**
 * Special functions for test statistics: log-gamma, the regularised incomplete gamma and beta
 * functions, and the normal, chi-square and F distributions built on them.
 *
 * Written by hand on purpose: no maintained small npm package covers these to double precision
 * without pulling in a large statistics library (jStat, stdlib) for a few hundred lines. Each
 * function cites the algorithm it follows; all are checked against scipy.special / scipy.stats in
 * test/util/special-functions.test.ts (reference values from test/fixtures/analysis/make_reference.py).
 *
 * Note for merging: src/util/stats-distributions.ts (Student-t / F CDFs) is written separately;
 * the incomplete beta and the F distribution here may duplicate it.
 */

/** Relative tolerance at which the series and continued fractions stop: one unit in the last place. */
const EPSILON = Number.EPSILON;
/** A number near the smallest normal double, to keep Lentz's method away from division by zero. */
const TINY = 1e-300;
/** Iteration cap for series and continued fractions; convergence needs O(√a) steps, far below it. */
const MAX_ITERATIONS = 100_000;

/** Godfrey's Lanczos coefficients for g = 7, n = 9 (relative error below 1e-15 for x > 0). */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046727; // ln(√(2π))

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * Lanczos' approximation (C. Lanczos, SIAM J. Numer. Anal. B 1, 1964) with Godfrey's coefficients
 * for g = 7, n = 9: Γ(z + 1) = √(2π) (z + g + ½)^(z + ½) e^−(z + g + ½) A_g(z). For x < ½ the
 * reflection formula Γ(x)Γ(1 − x) = π / sin(πx) is used. Absolute error about 1e-15. O(1).
 *
 * @param x - argument, > 0
 * @returns ln Γ(x)
 * @throws RangeError if x is not > 0 (or not finite)
 * @example logGamma(5) // => 3.178053830347944 (ln 24 = 3.1780538303479458)
 */
export function logGamma(x: number): number {
  if (!(x > 0) || x === Infinity) throw new RangeError("logGamma requires a finite x > 0");
  if (x < 0.5) {
    // Reflection: ln Γ(x) = ln π − ln sin(πx) − ln Γ(1 − x).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function checkGammaArgs(name: string, a: number, x: number): void {
  if (!(a > 0) || a === Infinity) throw new RangeError(`${name} requires a finite shape a > 0`);
  if (!(x >= 0)) throw new RangeError(`${name} requires x >= 0`);
}

/** ln of the common prefactor x^a e^−x / Γ(a). */
function gammaPrefactorLog(a: number, x: number): number {
  return a * Math.log(x) - x - logGamma(a);
}

/** Series for P(a, x), good for x < a + 1 (Numerical Recipes 3rd ed. §6.2, `gser`). */
function gammaSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPSILON) {
      return sum * Math.exp(gammaPrefactorLog(a, x));
    }
  }
  throw new RangeError("regularizedGammaP did not converge (a too large)");
}

/**
 * Continued fraction for Q(a, x), good for x ≥ a + 1, evaluated by the modified Lentz method
 * (Numerical Recipes 3rd ed. §6.2, `gcf`; Lentz, Appl. Opt. 15, 1976).
 */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPSILON) return Math.exp(gammaPrefactorLog(a, x)) * h;
  }
  throw new RangeError("regularizedGammaQ did not converge (a too large)");
}

/**
 * Regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a) = (1/Γ(a)) ∫₀ˣ t^(a−1) e^−t dt
 * (scipy.special.gammainc).
 *
 * Numerical Recipes 3rd ed. §6.2 (`gammp`): the power series for x < a + 1, else 1 − Q(a, x) by
 * the continued fraction. Relative error about 1e-14 for moderate a (the prefactor
 * e^(a ln x − x − ln Γ(a)) loses about a·ε absolute in its exponent for very large a). O(√a).
 *
 * @param a - shape, > 0
 * @param x - upper limit, ≥ 0 (Infinity gives 1)
 * @returns P(a, x) in [0, 1]
 * @throws RangeError if a is not > 0 or x is not ≥ 0
 * @example regularizedGammaP(1, 1) // => 0.6321205588285583 (1 − e⁻¹ = 0.6321205588285577)
 */
export function regularizedGammaP(a: number, x: number): number {
  checkGammaArgs("regularizedGammaP", a, x);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  if (x < a + 1) return gammaSeries(a, x);
  return 1 - gammaContinuedFraction(a, x);
}

/**
 * Regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x) = Γ(a, x) / Γ(a)
 * (scipy.special.gammaincc), computed directly in the upper tail so small values keep their
 * relative precision.
 *
 * Numerical Recipes 3rd ed. §6.2 (`gammq`): 1 − series for x < a + 1, else the continued
 * fraction by the modified Lentz method. O(√a).
 *
 * @param a - shape, > 0
 * @param x - lower limit, ≥ 0 (Infinity gives 0)
 * @returns Q(a, x) in [0, 1]
 * @throws RangeError if a is not > 0 or x is not ≥ 0
 * @example regularizedGammaQ(1, 1) // => 0.36787944117144167 (e⁻¹ = 0.36787944117144233)
 */
export function regularizedGammaQ(a: number, x: number): number {
  checkGammaArgs("regularizedGammaQ", a, x);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  if (x < a + 1) return 1 - gammaSeries(a, x);
  return gammaContinuedFraction(a, x);
}

/**
 * Continued fraction for the incomplete beta function by the modified Lentz method
 * (Numerical Recipes 3rd ed. §6.4, `betacf`).
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPSILON) return h;
  }
  throw new RangeError("regularizedBeta did not converge (a or b too large)");
}

/**
 * Regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b)
 * (scipy.special.betainc).
 *
 * Numerical Recipes 3rd ed. §6.4 (`betai`): the continued fraction, evaluated by the modified
 * Lentz method, for x < (a + 1)/(a + b + 2), else 1 − I_(1−x)(b, a). Relative error about 1e-14
 * for moderate a, b. O(√max(a, b)).
 *
 * @param x - in [0, 1]
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @returns I_x(a, b) in [0, 1]
 * @throws RangeError if x is outside [0, 1] or a, b are not > 0
 * @example regularizedBeta(0.5, 2, 2) // => 0.5000000000000002 (exactly ½)
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError("regularizedBeta requires x in [0, 1]");
  if (!(a > 0) || a === Infinity) throw new RangeError("regularizedBeta requires a finite a > 0");
  if (!(b > 0) || b === Infinity) throw new RangeError("regularizedBeta requires a finite b > 0");
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  }
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * Chi-square cumulative distribution function, P(X ≤ x) = P(k/2, x/2) for k degrees of freedom
 * (scipy.stats.chi2.cdf). O(√k).
 *
 * @param x - the statistic, ≥ 0 (negative x gives 0)
 * @param df - degrees of freedom k, > 0
 * @returns probability in [0, 1]
 * @throws RangeError if df is not > 0 or x is NaN
 * @example chiSquareCdf(2, 2) // => 0.6321205588285583 (1 − e⁻¹)
 */
export function chiSquareCdf(x: number, df: number): number {
  if (!(df > 0) || df === Infinity) throw new RangeError("chiSquareCdf requires df > 0");
  if (Number.isNaN(x)) throw new RangeError("chiSquareCdf requires x to be a number");
  if (x <= 0) return 0;
  return regularizedGammaP(df / 2, x / 2);
}

/**
 * Chi-square survival function (upper tail, the p-value of a chi-square test),
 * P(X > x) = Q(k/2, x/2) (scipy.stats.chi2.sf). Computed in the upper tail directly, so tiny
 * p-values keep their relative precision. O(√k).
 *
 * @param x - the statistic, ≥ 0 (negative x gives 1)
 * @param df - degrees of freedom k, > 0
 * @returns probability in [0, 1]
 * @throws RangeError if df is not > 0 or x is NaN
 * @example chiSquareSf(2, 2) // => 0.36787944117144167 (e⁻¹)
 */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0) || df === Infinity) throw new RangeError("chiSquareSf requires df > 0");
  if (Number.isNaN(x)) throw new RangeError("chiSquareSf requires x to be a number");
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/**
 * F-distribution cumulative distribution function with d1, d2 degrees of freedom,
 * P(X ≤ x) = I_(d1·x/(d1·x + d2))(d1/2, d2/2) (scipy.stats.f.cdf). O(√max(d1, d2)).
 *
 * @param x - the statistic, ≥ 0 (negative x gives 0)
 * @param d1 - numerator degrees of freedom, > 0
 * @param d2 - denominator degrees of freedom, > 0
 * @returns probability in [0, 1]
 * @throws RangeError if d1 or d2 is not > 0 or x is NaN
 * @example fCdf(1, 2, 2) // => 0.4999999999999991 (exactly ½)
 */
export function fCdf(x: number, d1: number, d2: number): number {
  if (!(d1 > 0) || !(d2 > 0)) throw new RangeError("fCdf requires d1 > 0 and d2 > 0");
  if (Number.isNaN(x)) throw new RangeError("fCdf requires x to be a number");
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return regularizedBeta((d1 * x) / (d1 * x + d2), d1 / 2, d2 / 2);
}

/**
 * F-distribution survival function (upper tail, the p-value of an F test),
 * P(X > x) = I_(d2/(d2 + d1·x))(d2/2, d1/2) (scipy.stats.f.sf); the argument is formed directly so
 * small p-values are not lost to 1 − CDF cancellation. O(√max(d1, d2)).
 *
 * @param x - the statistic, ≥ 0 (negative x gives 1)
 * @param d1 - numerator degrees of freedom, > 0
 * @param d2 - denominator degrees of freedom, > 0
 * @returns probability in [0, 1]
 * @throws RangeError if d1 or d2 is not > 0 or x is NaN
 * @example fSf(1, 2, 2) // => 0.4999999999999991 (exactly ½)
 */
export function fSf(x: number, d1: number, d2: number): number {
  if (!(d1 > 0) || !(d2 > 0)) throw new RangeError("fSf requires d1 > 0 and d2 > 0");
  if (Number.isNaN(x)) throw new RangeError("fSf requires x to be a number");
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return regularizedBeta(d2 / (d2 + d1 * x), d2 / 2, d1 / 2);
}

/**
 * Standard normal cumulative distribution function Φ(x) (scipy.stats.norm.cdf).
 *
 * Through the complementary error function, Φ(x) = ½ erfc(−x/√2), with erfc(z) = Q(½, z²) for
 * z ≥ 0 and 2 − erfc(−z) for z < 0 (Abramowitz & Stegun 7.1.2, 6.5.17); Q is the continued
 * fraction / series of `regularizedGammaQ`. Relative error about 1e-14, including deep in the
 * lower tail (Φ(−37) ≈ 5.7e-300). O(1) for practical x.
 *
 * @param x - standard score (±Infinity allowed)
 * @returns Φ(x) in [0, 1]
 * @throws RangeError if x is NaN
 * @example normalCdf(1.959963984540054) // => 0.975
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError("normalCdf requires x to be a number");
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  const half = (x * x) / 2;
  if (half === 0) return 0.5;
  // erfc(|x|/√2) = Q(½, x²/2): the tail beyond |x|, twice.
  const tail = 0.5 * regularizedGammaQ(0.5, half);
  return x < 0 ? tail : 1 - tail;
}

/**
 * Standard normal survival function 1 − Φ(x) = Φ(−x) (scipy.stats.norm.sf), without
 * cancellation in the upper tail. O(1).
 *
 * @param x - standard score
 * @returns 1 − Φ(x) in [0, 1]
 * @throws RangeError if x is NaN
 * @example normalSf(1.959963984540054) // => 0.025000000000000053
 */
export function normalSf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError("normalSf requires x to be a number");
  return normalCdf(-x);
}

/**
 * Standard normal quantile Φ⁻¹(p) (scipy.stats.norm.ppf, scipy.special.ndtri).
 *
 * Wichura's algorithm AS 241, PPND16 (Applied Statistics 37(3), 1988, 477–484): rational
 * minimax approximations in three regions, relative error about 1e-16. O(1).
 *
 * @param p - lower-tail probability in [0, 1] (0 and 1 give −Infinity and Infinity)
 * @returns z with Φ(z) = p
 * @throws RangeError if p is outside [0, 1]
 * @example normalQuantile(0.975) // => 1.9599639845400536
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError("normalQuantile requires p in [0, 1]");
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r +
          6.7265770927008700853e4) * r + 4.5921953931549871457e4) * r +
          1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r +
          1.3314166789178437745e2) * r + 3.387132872796366608)) /
      (((((((5.226495278852854561e3 * r + 2.8729085735721942674e4) * r +
        3.930789580009271061e4) * r + 2.1213794301586595867e4) * r +
        5.3941960214247511077e3) * r + 6.871870074920579083e2) * r +
        4.2313330701600911252e1) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 2.27238449892691845833e-2) * r +
        2.4178072517745061177e-1) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r +
        1.51986665636164571966e-2) * r + 1.4810397642748007459e-1) * r +
        6.8976733498510000455e-1) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
        1.2426609473880784386e-3) * r + 2.6532189526576123093e-2) * r +
        2.9656057182850489123e-1) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r +
        1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        1.4875361290850614853e-2) * r + 1.3692988092273580531e-1) * r +
        5.9983220655588793769e-1) * r + 1);
  }
  return q < 0 ? -value : value;
}
