/**
 * posteriorReturns(input): the Bayesian counterpart of drawBootstrap (draw-bootstrap.ts), with the
 * same output, for `--model bayes`. The transforms and the penalty come as posterior draws (DE-MCz
 * at temperature 1 over the media-prior ridge's evidence, demcz.ts); for each of them
 * the coefficients and the noise are drawn from their exact conditional posterior
 * (media-posterior.ts: Normal–Inverse-Gamma, media ≥ 0 by Gibbs), so every draw is one joint
 * posterior draw of (transforms, penalty, coefficients, σ²). Draw r uses transform draw r mod D,
 * and each transform draw's coefficient draws come from one Gibbs chain (`burnIn` sweeps first).
 * Each draw's channel contribution and ROAS are over the fit window [0, trainRows):
 *   contribution_c = b_c·Σ_{i<k} x_ic,   ROAS_c = contribution_c / Σ_{i<k} spend_ic.
 * Their 5th and 95th percentiles are 90 % posterior (credible) intervals.
 */
import { createRandom } from "../../util/random";
import type { BootstrapDraw, DrawBootstrapResult } from "../draw-bootstrap";
import { drawMediaPosterior, mediaPosterior } from "./media-posterior";

/** Input of posteriorReturns. */
export interface PosteriorReturnsInput {
  /** Posterior draws of the transforms (media columns over every row) and the penalty; at least one. */
  transforms: readonly BootstrapDraw[];
  /** Baseline columns over every row. */
  fixed: readonly Float64Array[];
  y: Float64Array;
  /** Rows [0, trainRows) form the fit window. */
  trainRows: number;
  /** Spend per channel over every row. */
  spend: readonly Float64Array[];
  /** Number of joint draws (≥ 1). */
  draws: number;
  seed: number;
  /** The model's prior: media factor, media scale, non-negative media. */
  ridge: { mediaFactor?: number; mediaScale?: "mean" | "sd"; nonNegative?: boolean };
  /** Gibbs sweeps discarded per transform draw before its coefficient draws (default 100). */
  burnIn?: number;
  /** Called after each transform draw with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * posteriorReturns(input) → per joint draw: the transform draw used, the media coefficients, each
 * channel's fit-window contribution and ROAS (see the module comment). Same seed, same draws.
 * O(D·(k·p² + p³) + draws·p²), p = 1 + channels + baseline columns.
 * @throws RangeError if there are no transform draws, draws is not an integer ≥ 1, or a posterior
 *   is not positive definite
 * @example posteriorReturns({ transforms: [{ media: [tv], alpha: 0.1 }], fixed: [trend], y, trainRows: 100, spend: [tvSpend], draws: 1000, seed: 1, ridge: {} }).roas[0].length // => 1000
 */
export function posteriorReturns(input: PosteriorReturnsInput): DrawBootstrapResult {
  const { transforms, fixed, y, trainRows: k, spend, draws } = input;
  if (!(transforms.length >= 1)) throw new RangeError("posteriorReturns requires at least one transform draw");
  if (!(Number.isInteger(draws) && draws >= 1)) throw new RangeError("posteriorReturns requires an integer draws ≥ 1");
  const m = spend.length;
  const D = transforms.length;
  const random = createRandom(input.seed);
  const fixedK = fixed.map((c) => c.subarray(0, k));
  const yK = y.subarray(0, k);
  const spendTotals = spend.map((s) => { let t = 0; for (let i = 0; i < k; i++) t += s[i]; return t; });
  const roas = Array.from({ length: m }, () => new Float64Array(draws));
  const contribution = Array.from({ length: m }, () => new Float64Array(draws));
  const draw = new Int32Array(draws);
  const mediaCoefficients: Float64Array[] = new Array(draws);
  const q = m + fixed.length;
  const used = Math.min(D, draws);
  for (let j = 0; j < used; j++) {
    const t = transforms[j];
    const mediaK = t.media.map((c) => c.subarray(0, k));
    const totals = mediaK.map((c) => { let s = 0; for (let i = 0; i < k; i++) s += c[i]; return s; });
    const mp = mediaPosterior({ media: mediaK, fixed: fixedK, y: yK, alpha: t.alpha, mediaFactor: input.ridge.mediaFactor, mediaScale: input.ridge.mediaScale });
    if (!mp.posterior.positiveDefinite) throw new RangeError(`posteriorReturns: the posterior of transform draw ${j} is not positive definite`);
    const count = Math.floor((draws - 1 - j) / D) + 1; // draws r ≡ j (mod D)
    const sampled = drawMediaPosterior(mp, count, { nonNegative: input.ridge.nonNegative ?? true, random, burnIn: input.burnIn ?? 100 });
    for (let a = 0; a < count; a++) {
      const r = j + a * D;
      draw[r] = j;
      const coefficients = sampled.coefficients.slice(a * q, a * q + m);
      mediaCoefficients[r] = coefficients;
      for (let c = 0; c < m; c++) {
        const effect = coefficients[c] * totals[c];
        contribution[c][r] = effect;
        roas[c][r] = spendTotals[c] > 0 ? effect / spendTotals[c] : NaN;
      }
    }
    input.onProgress?.(j + 1, used);
  }
  return { roas, contribution, draw, mediaCoefficients };
}
