/**
 * Draws from the Normal–Inverse-Gamma posterior of normal-inverse-gamma.ts, without and with
 * non-negativity constraints on chosen coefficients (media, as Robyn constrains them).
 *
 * Unconstrained (exact, independent draws): σ² ~ InvGamma(an, bn), then
 * β = mn + σ·L⁻ᵀz, z ~ N(0, I_p), with Λn = L·Lᵀ, so β | σ² ~ N(mn, σ²Λn⁻¹) (Cov(L⁻ᵀz) =
 * (L·Lᵀ)⁻¹); one back substitution per draw, O(p²).
 *
 * Constrained (β_j ≥ 0 for j in a set C, F the other columns): the posterior is the NIG posterior
 * restricted to {β_C ≥ 0}, p(β, σ² | y) ∝ NIG(β, σ²; mn, Λn, an, bn)·1{β_C ≥ 0}. Its σ² marginal is
 * no longer InvGamma(an, bn) (the truncation probability depends on σ²). Because the constraint
 * involves β_C only, β_F can be integrated out: under NIG, β_C | σ² ~ N(mn_C, σ²P⁻¹) with the
 * Schur complement P = Λ_CC − Λ_CF Λ_FF⁻¹ Λ_FC, and β_F | β_C, σ² is the untruncated normal
 * N(mn_F − Λ_FF⁻¹Λ_FC(β_C − mn_C), σ²Λ_FF⁻¹). So a collapsed Gibbs sampler runs on (σ², β_C) only,
 * with exact full conditionals,
 *   σ² | β_C, y ~ InvGamma(an + |C|/2, bn + ½(β_C − mn_C)ᵀP(β_C − mn_C))   (the indicator does not involve σ²),
 *   β_C | σ², y ~ N(mn_C, σ²P⁻¹) on {β_C ≥ 0}, one coordinate sweep (truncated-mvn-gibbs.ts),
 * and each kept draw completes β_F exactly from its conditional. Collapsing removes the free
 * columns (intercept, trend, seasonality: correlated with every media column) from the chain, so
 * they cannot slow its mixing; what remains is the correlation among the constrained columns.
 * The chain starts at mn with β_C clamped to ≥ 0; draws are autocorrelated, so run several seeded
 * chains and check R̂ and ESS (rhat.ts, ess.ts). Setup O(p³), then O(|C|² + |F|·p) per sweep.
 */
import { createRandom, type Random } from "../../util/random";
import { sampleInverseGamma } from "../../util/sample-gamma";
import { choleskyLower, solveLower, solveLowerTransposed } from "../../linalg/cholesky";
import type { NigPosterior } from "./normal-inverse-gamma";
import { truncatedMvnGibbsSweep } from "./truncated-mvn-gibbs";

/** The parts of a NigPosterior the samplers read. */
export type NigPosteriorParameters = Pick<NigPosterior, "cols" | "mean" | "precision" | "cholesky" | "shape" | "rate" | "positiveDefinite">;

/** Posterior draws: β row-major draws × cols (draw d, coefficient j at d·cols + j) and σ² per draw. */
export interface NigDraws {
  readonly draws: number;
  readonly cols: number;
  /** Coefficient draws, units of the posterior mean. */
  readonly beta: Float64Array;
  /** σ² draws, target units squared. */
  readonly sigma2: Float64Array;
}

/** Options of sampleNigPosteriorNonNegative. */
export interface NigNonNegativeOptions {
  /** Seed, or a Random to draw from. */
  readonly random: number | Random;
  /** Gibbs sweeps discarded first (default 200). */
  readonly burnIn?: number;
  /** Sweeps per kept draw (default 1). */
  readonly thin?: number;
}

function checkPosterior(name: string, posterior: NigPosteriorParameters, draws: number): void {
  if (!posterior.positiveDefinite) throw new RangeError(`${name} requires a positive definite posterior`);
  if (!(Number.isInteger(draws) && draws >= 1)) throw new RangeError(`${name} requires an integer number of draws ≥ 1`);
  if (!(posterior.shape > 0) || !(posterior.rate > 0)) throw new RangeError(`${name} requires a posterior shape and rate > 0`);
}

/**
 * sampleNigPosterior(posterior, draws, random) draws (β, σ²) independently from the exact
 * posterior: σ² ~ InvGamma(an, bn), β = mn + σ·L⁻ᵀz. Same seed, same draws. O(draws·p²).
 * @param posterior - from fitNormalInverseGamma (mean, cholesky, shape, rate)
 * @param draws - number of draws, an integer ≥ 1
 * @param random - seed, or a Random to draw from
 * @returns the draws
 * @throws RangeError if the posterior is not positive definite, draws is not an integer ≥ 1,
 *   or an/bn are not > 0
 * @example sampleNigPosterior(fitNormalInverseGamma(X, y, prior), 1000, 7).beta.length // => 1000·p
 */
export function sampleNigPosterior(posterior: NigPosteriorParameters, draws: number, random: number | Random): NigDraws {
  checkPosterior("sampleNigPosterior", posterior, draws);
  const rng = typeof random === "number" ? createRandom(random) : random;
  const p = posterior.cols;
  const beta = new Float64Array(draws * p);
  const sigma2 = new Float64Array(draws);
  const z = new Float64Array(p);
  for (let d = 0; d < draws; d++) {
    const s2 = sampleInverseGamma(rng, posterior.shape, posterior.rate);
    sigma2[d] = s2;
    const sigma = Math.sqrt(s2);
    for (let j = 0; j < p; j++) z[j] = rng.normal();
    const e = solveLowerTransposed(posterior.cholesky, p, z);
    for (let j = 0; j < p; j++) beta[d * p + j] = posterior.mean[j] + sigma * e[j];
  }
  return { draws, cols: p, beta, sigma2 };
}

/**
 * sampleNigPosteriorNonNegative(posterior, draws, nonNegative, options) draws (β, σ²) from the
 * NIG posterior restricted to β_j ≥ 0 for j in nonNegative, by collapsed Gibbs over σ² and the
 * constrained coordinates, the other coordinates drawn exactly per kept draw (file comment):
 * burnIn sweeps, then a draw every `thin` sweeps. With nonNegative empty every draw is exact and
 * independent (as sampleNigPosterior, by another route). Same seed, same draws.
 * O(p³ + (burnIn + draws·thin)·|C|² + draws·|F|·p).
 * @param posterior - from fitNormalInverseGamma (mean, precision, shape, rate)
 * @param draws - number of draws kept, an integer ≥ 1
 * @param nonNegative - indices of the coefficients constrained to be ≥ 0
 * @param options - seed or Random, burnIn (default 200), thin (default 1)
 * @returns the draws (β_j ≥ 0 on nonNegative in every draw)
 * @throws RangeError as sampleNigPosterior, or if an index is not an integer in [0, p)
 * @example sampleNigPosteriorNonNegative(posterior, 1000, [1, 2], { random: 7 }).beta // => draws with β1, β2 ≥ 0
 */
export function sampleNigPosteriorNonNegative(
  posterior: NigPosteriorParameters,
  draws: number,
  nonNegative: readonly number[],
  options: NigNonNegativeOptions,
): NigDraws {
  checkPosterior("sampleNigPosteriorNonNegative", posterior, draws);
  const p = posterior.cols;
  const burnIn = options.burnIn ?? 200;
  const thin = options.thin ?? 1;
  if (!(Number.isInteger(burnIn) && burnIn >= 0)) throw new RangeError("sampleNigPosteriorNonNegative requires an integer burnIn ≥ 0");
  if (!(Number.isInteger(thin) && thin >= 1)) throw new RangeError("sampleNigPosteriorNonNegative requires an integer thin ≥ 1");
  const isConstrained = new Uint8Array(p);
  for (const j of nonNegative) {
    if (!(Number.isInteger(j) && j >= 0 && j < p)) throw new RangeError(`sampleNigPosteriorNonNegative requires column indices in [0, ${p}) (got ${j})`);
    isConstrained[j] = 1;
  }
  const C: number[] = [];
  const F: number[] = [];
  for (let j = 0; j < p; j++) (isConstrained[j] ? C : F).push(j);
  const c = C.length;
  const f = F.length;
  const mn = posterior.mean;
  const Lam = posterior.precision;

  // Λ_FF = L_F·L_Fᵀ; G = L_F⁻¹Λ_FC (f × c, column k = L_F⁻¹ Λ_F,C[k]); P = Λ_CC − GᵀG;
  // H = Λ_FF⁻¹Λ_FC = L_F⁻ᵀG gives the conditional mean of β_F.
  let LF: Float64Array = new Float64Array(0);
  const H = new Float64Array(f * c); // row-major f × c
  const G = new Float64Array(f * c);
  if (f > 0) {
    const LamFF = new Float64Array(f * f);
    for (let a = 0; a < f; a++) for (let b = 0; b < f; b++) LamFF[a * f + b] = Lam[F[a] * p + F[b]];
    const L = choleskyLower(LamFF, f);
    if (L === null) throw new RangeError("sampleNigPosteriorNonNegative requires a positive definite posterior");
    LF = L;
    for (let k = 0; k < c; k++) {
      const g = solveLower(LF, f, F.map((r) => Lam[r * p + C[k]]));
      const h = solveLowerTransposed(LF, f, g);
      for (let a = 0; a < f; a++) {
        G[a * c + k] = g[a];
        H[a * c + k] = h[a];
      }
    }
  }
  const P = new Float64Array(c * c);
  for (let k = 0; k < c; k++) {
    for (let l = 0; l < c; l++) {
      let s = Lam[C[k] * p + C[l]];
      for (let a = 0; a < f; a++) s -= G[a * c + k] * G[a * c + l];
      P[k * c + l] = s;
    }
  }
  const meanC = Float64Array.from(C, (j) => mn[j]);
  const lower = new Float64Array(c);
  const upper = new Float64Array(c).fill(Infinity);
  const x = Float64Array.from(C, (j) => Math.max(mn[j], 0));

  const rng = typeof options.random === "number" ? createRandom(options.random) : options.random;
  const shape = posterior.shape + c / 2;
  let s2 = 0;
  const sweep = (): void => {
    // σ² | β_C: InvGamma(an + |C|/2, bn + ½(β_C − mn_C)ᵀP(β_C − mn_C)).
    let q = 0;
    for (let k = 0; k < c; k++) {
      let r = 0;
      for (let l = 0; l < c; l++) r += P[k * c + l] * (x[l] - meanC[l]);
      q += (x[k] - meanC[k]) * r;
    }
    s2 = sampleInverseGamma(rng, shape, posterior.rate + 0.5 * Math.max(q, 0));
    if (c > 0) truncatedMvnGibbsSweep(x, meanC, P, Math.sqrt(s2), lower, upper, rng);
  };
  for (let t = 0; t < burnIn; t++) sweep();
  const beta = new Float64Array(draws * p);
  const sigma2 = new Float64Array(draws);
  const z = new Float64Array(f);
  for (let d = 0; d < draws; d++) {
    for (let t = 0; t < thin; t++) sweep();
    const row = d * p;
    for (let k = 0; k < c; k++) beta[row + C[k]] = x[k];
    if (f > 0) {
      // β_F = mn_F − H(β_C − mn_C) + σ·L_F⁻ᵀz.
      for (let a = 0; a < f; a++) z[a] = rng.normal();
      const e = solveLowerTransposed(LF, f, z);
      const sigma = Math.sqrt(s2);
      for (let a = 0; a < f; a++) {
        let m = mn[F[a]];
        for (let k = 0; k < c; k++) m -= H[a * c + k] * (x[k] - meanC[k]);
        beta[row + F[a]] = m + sigma * e[a];
      }
    }
    sigma2[d] = s2;
  }
  return { draws, cols: p, beta, sigma2 };
}
