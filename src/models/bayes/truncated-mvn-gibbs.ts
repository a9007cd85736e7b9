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
import type { Random } from "../../util/random";
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
