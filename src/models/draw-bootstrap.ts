/**
 * Intervals that carry transform uncertainty: a moving-block bootstrap over posterior draws.
 *
 * The transforms (adstock, saturation) and the penalty of a channel are what the data pin down
 * least, and intervals that hold them fixed are too narrow. So the fit first draws transform
 * settings from their posterior (posterior-sampler.ts, in proportion to the evidence of
 * media-prior-ridge.ts); here every resample takes the next of those draws (resample r uses draw
 * r mod D), resamples the fit window in blocks of consecutive periods (keeping the autocorrelation
 * within a block; Künsch 1989), refits the media-prior ridge of that draw on the resampled rows
 * (bootstrap counts as row weights) and records each channel's contribution and ROAS over the fit
 * window. The 5th and 95th percentiles over resamples bound the 90 % intervals: they carry both the
 * spread of the transforms the data cannot tell apart and the sampling noise of the coefficients.
 * Where a channel is not identified (its spend follows the season, say) the draws disagree and the
 * interval is wide, as it should be.
 */
import { blockIndices } from "./bootstrap";
import { createMediaPriorRidge, fitMediaPriorRidge, type MediaPriorRidgeOptions } from "./media-prior-ridge";
import { createRandom } from "../util/random";

/** One posterior draw: its media columns over every row and its penalty. */
export interface BootstrapDraw {
  /** saturate(adstock(spend)) per channel over every row (spec.channels order). */
  media: Float64Array[];
  alpha: number;
}

/** Input of drawBootstrap. */
export interface DrawBootstrapInput {
  /** Posterior draws (at least one); resample r uses draws[r mod draws.length]. */
  draws: readonly BootstrapDraw[];
  /** Baseline columns over every row. */
  fixed: readonly Float64Array[];
  y: Float64Array;
  /** Rows [0, trainRows) form the fit window. */
  trainRows: number;
  /** Spend per channel over every row. */
  spend: readonly Float64Array[];
  resamples: number;
  blockLength: number;
  seed: number;
  /** The ridge of the fit (media factor, non-negativity, media scale). */
  ridge: MediaPriorRidgeOptions;
  /** Called every PROGRESS_EVERY resamples and after the last with (resamples done, resamples). */
  onProgress?: (done: number, total: number) => void;
}

/** drawBootstrap reports progress every this many resamples (and after the last). */
export const PROGRESS_EVERY = 10;

/** Output of drawBootstrap. */
export interface DrawBootstrapResult {
  /** Per channel, one ROAS per resample (fit-window contribution / fit-window spend; NaN without spend). */
  roas: Float64Array[];
  /** Per channel, one fit-window contribution per resample. */
  contribution: Float64Array[];
  /** The draw each resample used. */
  draw: Int32Array;
  /** Per resample, the media coefficients (original scale, spec.channels order). */
  mediaCoefficients: Float64Array[];
}

/**
 * drawBootstrap(input) → per-resample contributions and ROAS (see the module comment).
 * O(resamples·(k·q² + k·m·(m + q) + (m + q)³)).
 * @throws RangeError if there are no draws, resamples or blockLength are not positive integers, or
 *   a refit is not positive definite
 * @example drawBootstrap({ draws: [{ media: [tv], alpha: 0.1 }], fixed: [trend], y, trainRows: 100, spend: [tvSpend], resamples: 50, blockLength: 8, seed: 1, ridge: {} }).roas[0].length // => 50
 */
export function drawBootstrap(input: DrawBootstrapInput): DrawBootstrapResult {
  const { draws, fixed, y, trainRows: k, spend, resamples } = input;
  if (!(draws.length >= 1)) throw new RangeError("drawBootstrap requires at least one draw");
  if (!(Number.isInteger(resamples) && resamples >= 0)) throw new RangeError("drawBootstrap requires an integer resamples ≥ 0");
  if (!(Number.isInteger(input.blockLength) && input.blockLength >= 1)) throw new RangeError("drawBootstrap requires an integer blockLength ≥ 1");
  const m = spend.length;
  const random = createRandom(input.seed);
  const fixedK = fixed.map((c) => c.subarray(0, k));
  const yK = y.subarray(0, k);
  const spendTotals = spend.map((s) => { let t = 0; for (let i = 0; i < k; i++) t += s[i]; return t; });
  const mediaK = draws.map((d) => d.media.map((c) => c.subarray(0, k)));
  const mediaTotals = mediaK.map((media) => media.map((c) => { let t = 0; for (let i = 0; i < k; i++) t += c[i]; return t; }));
  const roas = Array.from({ length: m }, () => new Float64Array(resamples));
  const contribution = Array.from({ length: m }, () => new Float64Array(resamples));
  const draw = new Int32Array(resamples);
  const mediaCoefficients: Float64Array[] = [];
  const counts = new Float64Array(k);
  for (let r = 0; r < resamples; r++) {
    const j = r % draws.length;
    counts.fill(0);
    for (const i of blockIndices(k, input.blockLength, random)) counts[i]++;
    const fit = fitMediaPriorRidge(createMediaPriorRidge(fixedK, yK, counts), mediaK[j], draws[j].alpha, input.ridge);
    if (!fit.positiveDefinite) throw new RangeError(`drawBootstrap requires positive definite refits: draw ${j} (alpha ${draws[j].alpha}) is not, on resample ${r}`);
    draw[r] = j;
    const b = fit.coefficients.slice(0, m);
    mediaCoefficients.push(b);
    for (let c = 0; c < m; c++) {
      const total = b[c] * mediaTotals[j][c];
      contribution[c][r] = total;
      roas[c][r] = spendTotals[c] > 0 ? total / spendTotals[c] : NaN;
    }
    if ((r + 1) % PROGRESS_EVERY === 0 || r + 1 === resamples) input.onProgress?.(r + 1, resamples);
  }
  return { roas, contribution, draw, mediaCoefficients };
}
