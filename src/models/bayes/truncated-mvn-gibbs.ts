/**
 * Gibbs sampling of a truncated multivariate normal: x ~ N(μ, σ²Λ⁻¹) restricted to the box
 * lower ≤ x ≤ upper (per coordinate, ±Infinity allowed), coordinate by coordinate.
 *
 * Geweke (1991), "Efficient simulation from the multivariate normal and Student-t distributions
 * subject to linear constraints"; Rodriguez-Yam, Davis & Scharf (2004). In the precision form, the
 * conditional of one coordinate given the others is a univariate normal truncated to its bounds:
 *   x_j | x_−j ~ N(μ_j − Σ_{k≠j} Λ_jk (x_k − μ_k) / Λ_jj,  σ²/Λ_jj) on [lower_j, upper_j],
 * drawn exactly by src/util/truncated-normal.ts, so no covariance or inverse is ever formed. One
 * sweep updates x_0, …, x_{p−1} in order, O(p²). The chain's stationary law is the truncated
 * normal; successive sweeps are autocorrelated (more so the stronger the correlations among the
 * truncated coordinates), which is why callers thin and check R̂/ESS (rhat.ts, ess.ts).
 */
import { createRandom, type Random } from "../../util/random";
import { sampleTruncatedNormal } from "../../util/truncated-normal";
import type { NumberArray } from "../../util/vector-checks";

/**
 * truncatedMvnGibbsSweep(x, mean, precision, sigma, lower, upper, random) performs one Gibbs sweep
 * in place on the chain state x (the only argument it mutates; it must be inside the box).
 * Conditional of x_j: mean μ_j − Σ_{k≠j} Λ_jk(x_k − μ_k)/Λ_jj, sd σ/√Λ_jj, on [lower_j, upper_j].
 * O(p²).
 * @param x - chain state, length p, inside the box; overwritten with the new state
 * @param mean - μ, length p
 * @param precision - Λ, row-major p × p, symmetric positive definite (units 1/σ² of x)
 * @param sigma - σ > 0: the covariance is σ²Λ⁻¹ (1 for a plain precision matrix)
 * @param lower - per-coordinate lower bounds, length p (−Infinity for none)
 * @param upper - per-coordinate upper bounds, length p (Infinity for none)
 * @param random - the generator (advanced by p draws or more)
 * @example truncatedMvnGibbsSweep(x, [0, 0], [1, 0, 0, 1], 1, [0, -Infinity], [Infinity, Infinity], createRandom(1)) // x[0] ≥ 0 afterwards
 */
export function truncatedMvnGibbsSweep(
  x: Float64Array,
  mean: NumberArray,
  precision: NumberArray,
  sigma: number,
  lower: NumberArray,
  upper: NumberArray,
  random: Random,
): void {
  const p = x.length;
  for (let j = 0; j < p; j++) {
    const row = j * p;
    const q = precision[row + j];
    let s = 0;
    for (let k = 0; k < p; k++) if (k !== j) s += precision[row + k] * (x[k] - mean[k]);
    const m = mean[j] - s / q;
    const sd = sigma / Math.sqrt(q);
    const lo = lower[j];
    const hi = upper[j];
    x[j] = lo === -Infinity && hi === Infinity ? m + sd * random.normal() : sampleTruncatedNormal(random, m, sd, lo, hi);
  }
}

/** Options of sampleTruncatedMvn. */
export interface TruncatedMvnOptions {
  /** Per-coordinate lower bounds (default all −Infinity). */
  readonly lower?: NumberArray;
  /** Per-coordinate upper bounds (default all Infinity). */
  readonly upper?: NumberArray;
  /** Number of draws kept, an integer ≥ 1. */
  readonly draws: number;
  /** Sweeps discarded first (default 100). */
  readonly burnIn?: number;
  /** Sweeps per kept draw (default 1). */
  readonly thin?: number;
  /** Starting point inside the box (default: the mean clamped into the box). */
  readonly start?: NumberArray;
  /** σ: the covariance is σ²Λ⁻¹ (default 1). */
  readonly sigma?: number;
  /** Seed, or a Random to draw from. */
  readonly random: number | Random;
}

/**
 * sampleTruncatedMvn(mean, precision, options) runs the coordinate Gibbs sampler of
 * N(μ, σ²Λ⁻¹) on the box [lower, upper] (see the file comment): burnIn sweeps, then one draw kept
 * every `thin` sweeps. Same seed, same draws. O((burnIn + draws·thin)·p²).
 * @param mean - μ, length p
 * @param precision - Λ, row-major p × p, symmetric positive definite
 * @param options - bounds, draws, burnIn, thin, start, sigma and the seed or Random
 * @returns the draws, row-major draws × p (draw d, coordinate j at d·p + j)
 * @throws RangeError if sizes disagree, a bound pair is empty, a diagonal of Λ is not > 0,
 *   the start lies outside the box, or draws/burnIn/thin are not integers (draws, thin ≥ 1)
 * @example sampleTruncatedMvn([0], [1], { lower: [0], draws: 1000, random: 1 }) // => 1000 half-normal draws
 */
export function sampleTruncatedMvn(mean: NumberArray, precision: NumberArray, options: TruncatedMvnOptions): Float64Array {
  const p = mean.length;
  if (!(p >= 1)) throw new RangeError("sampleTruncatedMvn requires at least one coordinate");
  if (precision.length !== p * p) throw new RangeError(`sampleTruncatedMvn requires a p × p precision (${p * p} values)`);
  const lower = options.lower ?? new Float64Array(p).fill(-Infinity);
  const upper = options.upper ?? new Float64Array(p).fill(Infinity);
  if (lower.length !== p || upper.length !== p) throw new RangeError(`sampleTruncatedMvn requires ${p} lower and upper bounds`);
  const { draws } = options;
  const burnIn = options.burnIn ?? 100;
  const thin = options.thin ?? 1;
  const sigma = options.sigma ?? 1;
  if (!(Number.isInteger(draws) && draws >= 1)) throw new RangeError("sampleTruncatedMvn requires an integer draws ≥ 1");
  if (!(Number.isInteger(burnIn) && burnIn >= 0)) throw new RangeError("sampleTruncatedMvn requires an integer burnIn ≥ 0");
  if (!(Number.isInteger(thin) && thin >= 1)) throw new RangeError("sampleTruncatedMvn requires an integer thin ≥ 1");
  if (!(sigma > 0) || sigma === Infinity) throw new RangeError("sampleTruncatedMvn requires a finite sigma > 0");
  const x = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (!Number.isFinite(mean[j])) throw new RangeError(`sampleTruncatedMvn requires a finite mean (coordinate ${j})`);
    if (!(precision[j * p + j] > 0)) throw new RangeError(`sampleTruncatedMvn requires a positive precision diagonal (coordinate ${j})`);
    if (!(lower[j] < upper[j])) throw new RangeError(`sampleTruncatedMvn requires lower < upper (coordinate ${j})`);
    const s = options.start === undefined ? Math.min(Math.max(mean[j], lower[j]), upper[j]) : options.start[j];
    if (!(s >= lower[j] && s <= upper[j]) || !Number.isFinite(s)) throw new RangeError(`sampleTruncatedMvn requires a finite start inside the bounds (coordinate ${j})`);
    x[j] = s;
  }
  const random = typeof options.random === "number" ? createRandom(options.random) : options.random;
  for (let t = 0; t < burnIn; t++) truncatedMvnGibbsSweep(x, mean, precision, sigma, lower, upper, random);
  const out = new Float64Array(draws * p);
  for (let d = 0; d < draws; d++) {
    for (let t = 0; t < thin; t++) truncatedMvnGibbsSweep(x, mean, precision, sigma, lower, upper, random);
    out.set(x, d * p);
  }
  return out;
}
