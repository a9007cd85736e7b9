/**
 * The media-prior ridge as a Bayesian model: for one setting of the transforms and the penalty,
 * the exact posterior of the coefficients and the noise, and draws from it with the media
 * coefficients ≥ 0 — what `--model bayes` adds to the draws of the transforms.
 *
 * The model is the one media-prior-ridge.ts fits and scores (its posterior mode is that fit):
 *   y_i = c0 + Σ_j s_j·(x_ij − x̄_j)/scale_j + ε_i,   ε_i ~ N(0, σ²),
 *   s_j | σ² ~ N(0, σ²/λ_j),  λ_j = alpha·mediaFactor for media, alpha for the baseline,
 *   c0 flat, p(σ²) ∝ 1/σ² (a0 = b0 = 0 in normal-inverse-gamma.ts),
 * with scale_j = |mean| of a media column over the rows ("mean": s_j is the channel's average
 * contribution per period, the penalty acting on it) or its population sd ("sd", and always for
 * the baseline); a constant column keeps scale 1 (columnScale, the ridge's own rule). Without the
 * sign constraint the posterior is Normal–Inverse-Gamma (fitNormalInverseGamma); with it, the
 * same density truncated to s_j ≥ 0 on the media, drawn by Gibbs sampling
 * (sampleNigPosteriorNonNegative). Coefficients come back on
 * the original scale of each column: b_j = s_j/scale_j (target units per unit of the column), and
 * the intercept b0 = c0 − Σ b_j·x̄_j.
 */
import { createRandom, type Random } from "../../util/random";
import { columnScale } from "../media-prior-ridge";
import type { NumberArray } from "../../util/vector-checks";
import { fitNormalInverseGamma, type NigPosterior } from "./normal-inverse-gamma";
import { sampleNigPosterior, sampleNigPosteriorNonNegative } from "./sample-nig-posterior";

/** One regression: media columns, baseline columns and the target over the same rows, and the prior. */
export interface MediaPosteriorProblem {
  /** m media columns (transformed spend), each of length n. */
  readonly media: readonly NumberArray[];
  /** q baseline columns (trend, season, holidays, controls), each of length n. */
  readonly fixed: readonly NumberArray[];
  /** The target, length n. */
  readonly y: NumberArray;
  /** Baseline penalty alpha > 0 (prior precision of each scaled coefficient, in units of 1/σ²). */
  readonly alpha: number;
  /** Media penalty as a fraction of alpha (default 1). */
  readonly mediaFactor?: number;
  /** Media scaled by |mean| ("mean", default) or by the sd ("sd"). */
  readonly mediaScale?: "mean" | "sd";
}

/** The posterior of one MediaPosteriorProblem. */
export interface MediaPosterior {
  /** The NIG posterior on [intercept, scaled media, scaled baseline]. */
  readonly posterior: NigPosterior;
  /** scale_j per column of the posterior (1 for the intercept). */
  readonly scales: Float64Array;
  /** Mean of each column over the rows (0 for the intercept): the columns are centred, which changes only the intercept. */
  readonly means: Float64Array;
  readonly mediaCols: number;
  readonly fixedCols: number;
}

/** Draws of (b0, b, σ²) on the original scale. */
export interface MediaPosteriorDraws {
  readonly draws: number;
  /** Intercept per draw, target units. */
  readonly intercept: Float64Array;
  /** Coefficients per draw, row-major draws × (m + q): media first, then the baseline; target units per column unit. */
  readonly coefficients: Float64Array;
  /** σ² per draw, target units squared. */
  readonly sigma2: Float64Array;
}

/** meanAndVariance(column) → its mean and population variance (two passes). */
function meanAndVariance(column: NumberArray): [number, number] {
  let mean = 0;
  for (let i = 0; i < column.length; i++) mean += column[i];
  mean /= column.length;
  let ss = 0;
  for (let i = 0; i < column.length; i++) ss += (column[i] - mean) ** 2;
  return [mean, ss / column.length];
}

/**
 * mediaPosterior(problem) → the exact NIG posterior of the media-prior ridge's model (see the
 * module comment) on the scaled columns. O(n·p² + p³), p = 1 + m + q.
 * @throws RangeError if the columns and the target differ in length, alpha or mediaFactor is not
 *   finite and > 0, or a value is not finite
 * @example mediaPosterior({ media: [tv], fixed: [trend], y, alpha: 1, mediaFactor: 0.1 }).posterior.mean // => [b0, s_tv, s_trend]
 */
export function mediaPosterior(problem: MediaPosteriorProblem): MediaPosterior {
  const { media, fixed, y, alpha } = problem;
  const factor = problem.mediaFactor ?? 1;
  if (!(alpha > 0) || alpha === Infinity) throw new RangeError("mediaPosterior requires a finite alpha > 0");
  if (!(factor > 0) || factor === Infinity) throw new RangeError("mediaPosterior requires a finite mediaFactor > 0");
  const n = y.length;
  const columns = [...media, ...fixed];
  for (const c of columns) if (c.length !== n) throw new RangeError(`mediaPosterior requires every column to have the target's length ${n}`);
  const m = media.length;
  const p = 1 + columns.length;
  const byMean = (problem.mediaScale ?? "mean") === "mean";
  const scales = new Float64Array(p);
  const means = new Float64Array(p);
  scales[0] = 1;
  const variances = new Float64Array(p);
  variances[0] = Infinity;
  columns.forEach((c, j) => {
    const [mean, variance] = meanAndVariance(c);
    means[1 + j] = mean;
    scales[1 + j] = columnScale(mean, variance, n, j < m && byMean); // as the ridge scales it
    variances[1 + j] = 1 / (j < m ? alpha * factor : alpha);
  });
  // Centred columns: the same posterior for the slopes (the intercept is flat), a better-conditioned Λn.
  const data = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    data[i * p] = 1;
    for (let j = 1; j < p; j++) data[i * p + j] = (columns[j - 1][i] - means[j]) / scales[j];
  }
  const posterior = fitNormalInverseGamma({ rows: n, cols: p, data }, y, { variances, shape: 0, rate: 0 });
  return { posterior, scales, means, mediaCols: m, fixedCols: fixed.length };
}

/**
 * drawMediaPosterior(posterior, draws, options) → `draws` draws of the intercept, the coefficients
 * and σ², with the media coefficients ≥ 0 when `nonNegative` (Gibbs, `burnIn` sweeps discarded;
 * else exact independent draws). Same seed, same draws. O(draws·p²).
 * @throws RangeError if the posterior is not positive definite or draws is not an integer ≥ 1
 * @example drawMediaPosterior(mediaPosterior(problem), 1000, { nonNegative: true, random: 7 }).coefficients // => 1000 × (m + q) draws
 */
export function drawMediaPosterior(mp: MediaPosterior, draws: number, options: { nonNegative: boolean; random: number | Random; burnIn?: number }): MediaPosteriorDraws {
  const random = typeof options.random === "number" ? createRandom(options.random) : options.random;
  const constrained = Array.from({ length: mp.mediaCols }, (_, j) => 1 + j);
  const raw = options.nonNegative && constrained.length > 0
    ? sampleNigPosteriorNonNegative(mp.posterior, draws, constrained, { random, burnIn: options.burnIn ?? 200 })
    : sampleNigPosterior(mp.posterior, draws, random);
  const p = mp.posterior.cols;
  const q = p - 1;
  const intercept = new Float64Array(draws);
  const coefficients = new Float64Array(draws * q);
  for (let d = 0; d < draws; d++) {
    let b0 = raw.beta[d * p];
    for (let j = 1; j < p; j++) {
      const b = raw.beta[d * p + j] / mp.scales[j];
      coefficients[d * q + j - 1] = b === 0 ? 0 : b; // no −0
      b0 -= b * mp.means[j];
    }
    intercept[d] = b0;
  }
  return { draws, intercept, coefficients, sigma2: raw.sigma2 };
}
