/**
 * Gamma and inverse-gamma random variates from a seeded Random (src/util/random.ts).
 *
 * Gamma(k, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM
 * Transactions on Mathematical Software 26(3), 363–372: for k ≥ 1, d = k − 1/3, c = 1/√(9d), draw
 * x ~ N(0, 1) and v = (1 + c·x)³ until v > 0 and u < 1 − 0.0331x⁴ (squeeze) or
 * log u < x²/2 + d(1 − v + log v); return d·v. Acceptance ≥ 95 % for every k ≥ 1. For k < 1,
 * Gamma(k) = Gamma(k + 1)·U^(1/k) (their §6). Exact (rejection), O(1) expected per draw.
 */
import type { Random } from "./random";

/**
 * sampleGamma(random, shape) draws G ~ Gamma(shape, 1): density g^(k−1) e^(−g) / Γ(k), mean k,
 * variance k (Marsaglia–Tsang; see the file comment). Multiply by a scale θ for Gamma(k, θ).
 * @param random - the generator (advanced by the draw)
 * @param shape - k > 0, finite
 * @returns a draw > 0 (it may underflow to 0 for k ≪ 1)
 * @throws RangeError if shape is not finite and > 0
 * @example sampleGamma(createRandom(1), 2.5) // => a draw with mean 2.5 and variance 2.5
 */
export function sampleGamma(random: Random, shape: number): number {
  if (!(shape > 0) || shape === Infinity) throw new RangeError("sampleGamma requires a finite shape > 0");
  if (shape < 1) {
    const g = sampleGamma(random, shape + 1);
    // U in (0, 1]: 1 − uniform() never gives 0.
    return g * (1 - random.uniform()) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = random.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * sampleInverseGamma(random, shape, rate) draws S ~ InvGamma(a, b) = b / Gamma(a, 1): density
 * b^a/Γ(a)·s^(−a−1) e^(−b/s), mean b/(a − 1) for a > 1, variance b²/((a − 1)²(a − 2)) for a > 2.
 * The σ² of a Bayesian regression: a = shape, b = rate in units of the target squared.
 * @param random - the generator (advanced by the draw)
 * @param shape - a > 0, finite
 * @param rate - b > 0, finite
 * @returns a draw > 0
 * @throws RangeError if shape or rate is not finite and > 0
 * @example sampleInverseGamma(createRandom(1), 3, 4) // => a draw with mean 2 and variance 4
 */
export function sampleInverseGamma(random: Random, shape: number, rate: number): number {
  if (!(rate > 0) || rate === Infinity) throw new RangeError("sampleInverseGamma requires a finite rate > 0");
  if (!(shape > 0) || shape === Infinity) throw new RangeError("sampleInverseGamma requires a finite shape > 0");
  return rate / sampleGamma(random, shape);
}
