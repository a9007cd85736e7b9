/**
 * Time-series cross-validation of the media-prior ridge (media-prior-ridge.ts): each
 * expanding-window fold refits the ridge on its training rows and is scored on its test rows. The
 * baseline block of every fold is prepared once (prepareMediaPriorCv), so scoring a candidate's
 * media columns costs one Gram fit per fold. The CV error of the default fit's summary, and the
 * score of the `lowest-cv` search, which ranks candidates by it (with one penalty for every term).
 */
import { createMediaPriorRidge, fitMediaPriorRidge, type MediaPriorRidge, type MediaPriorRidgeOptions } from "./media-prior-ridge";
import type { TimeSeriesFold } from "./time-series-cv";

/** A cross-validation problem with its folds' baseline blocks prepared. */
export interface MediaPriorCv {
  readonly folds: readonly TimeSeriesFold[];
  /** Baseline columns and target over the rows the folds index. */
  readonly fixed: readonly Float64Array[];
  readonly y: Float64Array;
  /** Per fold, the baseline block of its training rows [0, end). */
  readonly prepared: readonly MediaPriorRidge[];
  /** Per fold, the end of its training window. */
  readonly ends: readonly number[];
}

/**
 * prepareMediaPriorCv(folds, fixed, y) prepares the baseline block of every fold's training window
 * (a prefix of the rows). O(folds·n·q²).
 * @param folds - expanding-window folds (timeSeriesFolds): training rows 0 … end − 1
 * @param fixed - baseline columns, each at least as long as the rows the folds use
 * @param y - target over the same rows
 * @throws RangeError as createMediaPriorRidge
 */
export function prepareMediaPriorCv(folds: readonly TimeSeriesFold[], fixed: readonly Float64Array[], y: Float64Array): MediaPriorCv {
  const ends = folds.map((fold) => fold.train[fold.train.length - 1] + 1);
  const prepared = ends.map((end) => createMediaPriorRidge(fixed.map((c) => c.subarray(0, end)), y.subarray(0, end)));
  return { folds, fixed, y, prepared, ends };
}

/**
 * mediaPriorCvNrmse(cv, media, alpha, ridge) → the CV NRMSE (mean over folds of √(SSE/n)/range of y
 * on each test window) of the media-prior ridge with penalty alpha, each fold refitted on its
 * training rows. O(folds·(n·m·(m + q) + (m + q)³)).
 * @param cv - from prepareMediaPriorCv
 * @param media - media columns over the same rows as cv.y
 * @param alpha - baseline penalty, finite and > 0
 * @param ridge - the ridge's options (media factor, non-negativity, media scale)
 * @example mediaPriorCvNrmse(prepareMediaPriorCv(timeSeriesFolds(156), [trend], y), [tv], 0.1, {}) // => ≈ 0.08
 */
export function mediaPriorCvNrmse(cv: MediaPriorCv, media: readonly Float64Array[], alpha: number, ridge: MediaPriorRidgeOptions): number {
  const { folds, fixed, y } = cv;
  let total = 0;
  folds.forEach((fold, f) => {
    const end = cv.ends[f];
    const fit = fitMediaPriorRidge(cv.prepared[f], media.map((c) => c.subarray(0, end)), alpha, ridge);
    let sse = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of fold.test) {
      let p = fit.intercept;
      media.forEach((c, j) => { p += fit.coefficients[j] * c[i]; });
      fixed.forEach((c, l) => { p += fit.coefficients[media.length + l] * c[i]; });
      sse += (y[i] - p) ** 2;
      lo = Math.min(lo, y[i]);
      hi = Math.max(hi, y[i]);
    }
    total += Math.sqrt(sse / fold.test.length) / (hi - lo);
  });
  return total / folds.length;
}
