/**
 * The potential scale reduction factor R̂ of MCMC chains for one parameter: plain split-R̂ and the
 * rank-normalised split-R̂ of Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021),
 * "Rank-normalization, folding, and localization: An improved R̂ for assessing convergence of
 * MCMC", Bayesian Analysis 16(2), 667–718 (§4.2, eqs. 3–4, 14–15), computed as arviz 0.23's
 * `rhat(method="split")` and `rhat(method="rank")`, against which test/models/bayes/rhat.test.ts checks it.
 *
 * For M chains of N draws θ_mn (after splitting):
 *   B = N/(M − 1) Σ_m (θ̄_m − θ̄)²   (between chains),   W = (1/M) Σ_m s_m²,  s_m² with divisor N − 1,
 *   R̂ = √(((N − 1)/N · W + B/N) / W) = √((B/W + N − 1)/N).
 * Rank-normalised R̂ = max(R̂ of the rank-normalised split chains (bulk),
 *                          R̂ of the rank-normalised |θ − median(θ)| of the split chains (tail)):
 * the fold catches chains with equal location but different scale. Values above 1.01 mean the
 * chains have not mixed (the paper's threshold). Unitless.
 */
import type { NumberArray } from "../util/vector-checks";
import { quantileSorted } from "../util/quantile";
import { rankNormalize } from "./rank-normalize";
import { checkChains, splitChains } from "./split-chains";

/**
 * potentialScaleReduction(chains) is R̂ = √((B/W + N − 1)/N) of the chains as given (no split, no
 * ranks; arviz `rhat(method="identity")`). O(M·N).
 * @param chains - M ≥ 2 chains of equal length N ≥ 2, finite draws
 * @returns R̂ ≥ 0 (near 1 when mixed); NaN if every chain is constant (W = 0)
 * @throws RangeError if there are fewer than 2 chains, lengths differ, N < 2 or a draw is not finite
 * @example potentialScaleReduction([[1, 2, 3], [1, 2, 3]]) // => 0.816496580927726 (√(2/3): B = 0)
 */
export function potentialScaleReduction(chains: readonly NumberArray[]): number {
  const n = checkChains("potentialScaleReduction", chains, 2);
  const m = chains.length;
  if (!(m >= 2)) throw new RangeError("potentialScaleReduction requires at least 2 chains");
  const means = new Float64Array(m);
  let within = 0;
  for (let c = 0; c < m; c++) {
    const x = chains[c];
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i];
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i] - mean) * (x[i] - mean);
    means[c] = mean;
    within += ss / (n - 1);
  }
  within /= m;
  let grand = 0;
  for (let c = 0; c < m; c++) grand += means[c];
  grand /= m;
  let between = 0;
  for (let c = 0; c < m; c++) between += (means[c] - grand) * (means[c] - grand);
  between = (n * between) / (m - 1);
  if (!(within > 0)) return NaN;
  return Math.sqrt((between / within + n - 1) / n);
}

/**
 * splitRhat(chains) is R̂ of the split chains (each chain's halves as two chains; arviz
 * `rhat(method="split")`), Gelman et al., Bayesian Data Analysis, 3rd ed., §11.4. O(M·N).
 * @param chains - M ≥ 1 chains of equal length N ≥ 4, finite draws
 * @returns split-R̂ (unitless, ≈ 1 when mixed); NaN if every half-chain is constant
 * @throws RangeError if there is no chain, lengths differ, N < 4 or a draw is not finite
 * @example splitRhat([chainA, chainB]) // => 1.002 for two well-mixed chains
 */
export function splitRhat(chains: readonly NumberArray[]): number {
  checkChains("splitRhat", chains, 4);
  return potentialScaleReduction(splitChains(chains));
}

/**
 * rankNormalizedRhat(chains) is the R̂ of Vehtari et al. (2021): the larger of the bulk R̂ (of the
 * rank-normalised split chains) and the tail R̂ (of the rank-normalised folded split chains
 * |θ − median|), as arviz `rhat(method="rank")`, its default. O(S log S), S = M·N.
 * @param chains - M ≥ 1 chains of equal length N ≥ 4, finite draws
 * @returns R̂ (unitless; > 1.01 flags chains that have not mixed)
 * @throws RangeError if there is no chain, lengths differ, N < 4 or a draw is not finite
 * @example rankNormalizedRhat([chainA, chainB, chainC, chainD]) // => 1.003 for well-mixed chains
 */
export function rankNormalizedRhat(chains: readonly NumberArray[]): number {
  checkChains("rankNormalizedRhat", chains, 4);
  const split = splitChains(chains);
  const bulk = potentialScaleReduction(rankNormalize(split));
  const pooled = new Float64Array(split.length * split[0].length);
  split.forEach((c, k) => {
    pooled.set(c, k * c.length);
  });
  pooled.sort();
  const median = quantileSorted(pooled, 0.5);
  const folded = split.map((c) => c.map((v) => Math.abs(v - median)));
  const tail = potentialScaleReduction(rankNormalize(folded));
  return Math.max(bulk, tail);
}
