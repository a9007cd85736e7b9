/**
 * Effective sample size (ESS) of MCMC chains for one parameter: the number of independent draws
 * that would estimate a mean as precisely. Geyer's initial monotone sequence estimator over
 * several chains, and the bulk and tail ESS of Vehtari, Gelman, Simpson, Carpenter & Bürkner
 * (2021), "Rank-normalization, folding, and localization: An improved R̂ for assessing convergence
 * of MCMC", Bayesian Analysis 16(2), 667–718 (§3.2, §4.3), computed as arviz 0.23's `_ess`,
 * `ess(method="mean" | "bulk" | "tail")`, which test/models/bayes/ess.test.ts checks it against.
 *
 * For M chains of N draws, with γ_m(t) the biased autocovariance of chain m at lag t (divisor N):
 *   W = (N/(N − 1))·mean_m γ_m(0),  var⁺ = ((N − 1)/N)·W + var(chain means, divisor M − 1) (M > 1),
 *   ρ̂_t = 1 − (W − mean_m γ_m(t)) / var⁺,
 * pairs P_k = ρ̂_{2k} + ρ̂_{2k+1} are summed while positive (Geyer's initial positive sequence) and
 * made non-increasing (initial monotone sequence; Geyer 1992, "Practical Markov chain Monte
 * Carlo", Statistical Science 7(4), 473–483), τ̂ = −1 + 2 Σ_{t ≤ T} ρ̂_t + ρ̂_{T+1} (the last even
 * term when positive), τ̂ ≥ 1/log10(M·N), ESS = M·N/τ̂. Autocovariances are summed lag by lag
 * only up to where the sequence stops (arviz uses an FFT for all lags; same numbers to rounding),
 * so a well-mixed chain costs O(M·N·T). Draws (count), unitless.
 */
import { quantileSorted } from "../util/quantile";
import type { NumberArray } from "../util/vector-checks";
import { rankNormalize } from "./rank-normalize";
import { checkChains, splitChains } from "./split-chains";

/**
 * geyerEss(chains) is the ESS of the chains as given (no split, no ranks; arviz `_ess`) by Geyer's
 * initial monotone sequence over M chains (formulas in the file comment). If the draws are all
 * equal (range below 1e-15) it returns M·N, as arviz. O(M·N·T), T the truncation lag.
 * @param chains - M ≥ 1 chains of equal length N ≥ 4, finite draws
 * @returns ESS in draws, > 0 (it can exceed M·N for antithetic chains)
 * @throws RangeError if there is no chain, lengths differ, N < 4 or a draw is not finite
 * @example geyerEss([ar1Chain]) // => ≈ N(1 − ρ)/(1 + ρ) for an AR(1) chain with coefficient ρ
 */
export function geyerEss(chains: readonly NumberArray[]): number {
  const n = checkChains("geyerEss", chains, 4);
  const m = chains.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of chains) for (let i = 0; i < n; i++) {
    if (c[i] < lo) lo = c[i];
    if (c[i] > hi) hi = c[i];
  }
  if (hi - lo < 1e-15) return m * n;
  const centred = chains.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i];
    const mean = s / n;
    return { mean, x: Float64Array.from({ length: n }, (_, i) => c[i] - mean) };
  });
  // mean over chains of the biased autocovariance at lag t.
  const acov = (t: number): number => {
    let s = 0;
    for (const { x } of centred) {
      let a = 0;
      for (let i = 0; i + t < n; i++) a += x[i] * x[i + t];
      s += a / n;
    }
    return s / m;
  };
  const meanVar = (acov(0) * n) / (n - 1);
  let varPlus = (meanVar * (n - 1)) / n;
  if (m > 1) {
    let g = 0;
    for (const c of centred) g += c.mean;
    g /= m;
    let v = 0;
    for (const c of centred) v += (c.mean - g) * (c.mean - g);
    varPlus += v / (m - 1);
  }
  const rho = new Float64Array(n);
  let rhoEven = 1;
  rho[0] = rhoEven;
  let rhoOdd = 1 - (meanVar - acov(1)) / varPlus;
  rho[1] = rhoOdd;
  // Geyer's initial positive sequence.
  let t = 1;
  while (t < n - 3 && rhoEven + rhoOdd > 0) {
    rhoEven = 1 - (meanVar - acov(t + 1)) / varPlus;
    rhoOdd = 1 - (meanVar - acov(t + 2)) / varPlus;
    if (rhoEven + rhoOdd >= 0) {
      rho[t + 1] = rhoEven;
      rho[t + 2] = rhoOdd;
    }
    t += 2;
  }
  const maxT = t - 2;
  if (rhoEven > 0) rho[maxT + 1] = rhoEven;
  // Geyer's initial monotone sequence.
  t = 1;
  while (t <= maxT - 2) {
    if (rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t]) {
      rho[t + 1] = (rho[t - 1] + rho[t]) / 2;
      rho[t + 2] = rho[t + 1];
    }
    t += 2;
  }
  let sum = 0;
  for (let k = 0; k <= maxT; k++) sum += rho[k];
  const total = m * n;
  let tau = -1 + 2 * sum + (maxT + 1 < n ? rho[maxT + 1] : 0);
  tau = Math.max(tau, 1 / Math.log10(total));
  return total / tau;
}

/**
 * essBasic(chains) is the ESS of the split chains (arviz `ess(method="mean")`): Geyer's estimator
 * for the posterior mean, split so that drifting chains lower it. O(M·N·T).
 * @param chains - M ≥ 1 chains of equal length N ≥ 8, finite draws
 * @returns ESS in draws
 * @throws RangeError if there is no chain, lengths differ, N < 8 or a draw is not finite
 * @example essBasic([chainA, chainB]) // => ≈ 2N for independent draws
 */
export function essBasic(chains: readonly NumberArray[]): number {
  checkChains("essBasic", chains, 8);
  return geyerEss(splitChains(chains));
}

/**
 * essBulk(chains) is the bulk ESS of Vehtari et al. (2021): Geyer's ESS of the rank-normalised
 * split chains (arviz `ess(method="bulk")`, its default). Defined without finite moments. O(S log S + S·T).
 * @param chains - M ≥ 1 chains of equal length N ≥ 8, finite draws
 * @returns ESS in draws (the paper asks for > 100 per chain)
 * @throws RangeError if there is no chain, lengths differ, N < 8 or a draw is not finite
 * @example essBulk([chainA, chainB, chainC, chainD]) // => ≈ 4N for independent draws
 */
export function essBulk(chains: readonly NumberArray[]): number {
  checkChains("essBulk", chains, 8);
  return geyerEss(rankNormalize(splitChains(chains)));
}

/**
 * essTail(chains) is the tail ESS of Vehtari et al. (2021): the smaller of the ESS of the
 * indicators I(θ ≤ q05) and I(θ ≤ q95) of the split chains, q the type-7 quantiles of all draws
 * pooled (arviz `ess(method="tail")`): how well the 5 % and 95 % quantiles, the ends of a 90 %
 * interval, are estimated. O(S log S + S·T).
 * @param chains - M ≥ 1 chains of equal length N ≥ 8, finite draws
 * @returns ESS in draws
 * @throws RangeError if there is no chain, lengths differ, N < 8 or a draw is not finite
 * @example essTail([chainA, chainB, chainC, chainD]) // => ≈ 4N for independent draws
 */
export function essTail(chains: readonly NumberArray[]): number {
  const n = checkChains("essTail", chains, 8);
  const pooled = new Float64Array(chains.length * n);
  chains.forEach((c, k) => {
    for (let i = 0; i < n; i++) pooled[k * n + i] = c[i];
  });
  pooled.sort();
  const split = splitChains(chains);
  const essAt = (p: number): number => {
    const q = quantileSorted(pooled, p);
    return geyerEss(split.map((c) => c.map((v) => (v <= q ? 1 : 0))));
  };
  return Math.min(essAt(0.05), essAt(0.95));
}
