/**
 * scoreCandidate: the per-candidate half of the cross-validated ridge kernel (see index.ts). From
 * the media sums of one pass it assembles, per training window, the standardised normal equations
 * (G_s + alpha·I) s = c_s, solves them, and measures the test SSE on the fold's test rows.
 */
import { solveGramBounded } from "../../linalg/gram-solvers";
import { isConstantFeature } from "../standardize";
import { mediaSums } from "./media-sums";
import { STATE, workspace, type RidgeCvPrepared, type State, type Workspace } from "./state";

/** Options of scoreCandidate. */
export interface ScoreCandidateOptions {
  /** Constrain the media coefficients to be ≥ 0 (default true); fixed coefficients are always free. */
  readonly nonNegative?: boolean;
  /**
   * How media columns are scaled before the penalty (fixed columns always use their sd):
   * "sd" (default, fitRidge's StandardScaler) or "mean" (divide by the window mean, so the penalty
   * acts on each channel's average contribution per period — fitRidge's `scaleByMean`).
   */
  readonly mediaScale?: "sd" | "mean";
}

/** Coefficients of the ridge fit on the whole training window, on the original scale. */
export interface RidgeCvFullFit {
  /** b_j = s_j/scale_j, media columns first, then the fixed columns. */
  readonly coefficients: Float64Array;
  /** b0 = ȳ − Σ_j b_j·mean_j. */
  readonly intercept: number;
}

/**
 * Scores of one candidate. The object and its arrays belong to the prepared kernel and are
 * overwritten by the next scoreCandidate call on it (that is what makes the hot path allocation
 * free): copy what you keep.
 */
export interface RidgeCvScore {
  /** Σ (y − ŷ)² over each fold's test window. */
  readonly foldSse: Float64Array;
  /** Number of test rows per fold. */
  readonly foldN: Int32Array;
  /** max − min of y on each fold's test window. */
  readonly foldRange: Float64Array;
  /** Mean over folds of √(SSE/n)/range (Infinity or NaN if a test window has constant y). */
  readonly nrmse: number;
  /** Fit on rows [0, trainEnd). */
  readonly fullFit: RidgeCvFullFit;
  /**
   * false if some system was not positive definite (possible only with alpha = 0 and a constant or
   * collinear column, where fitRidge throws); the affected SSEs, nrmse and coefficients are NaN.
   */
  readonly positiveDefinite: boolean;
}

/**
 * scoreCandidate(prepared, media, alpha, options) scores one set of media columns: for each fold,
 * ridge with standardised predictors [media | fixed] fitted on the fold's training rows (exactly
 * fitRidge's problem, with nonNegative on the media columns by default) and evaluated on its test
 * rows, plus the fit on the full training window. Media sums in one pass over the rows; per fold
 * the (m + q)² standardised normal equations, one Cholesky factorisation (active-set steps with
 * the non-negativity constraint refactor the passive block) and a pass over the test rows.
 * A column that is constant on a training window gets scale 1 and, for alpha > 0, coefficient 0,
 * as in fitRidge. O(n·m·(m + q) + folds·(m + q)³); allocation free after the first call with a
 * given m.
 * @param prepared - from prepareRidgeCv
 * @param media - m media columns, each a Float64Array of length n (m + q ≥ 1); not mutated
 * @param alpha - ridge penalty, finite and ≥ 0
 * @param options - `nonNegative` (default true): constrain the media coefficients to be ≥ 0
 * @returns per-fold test SSE, test sizes and y ranges, the mean NRMSE and the full fit; the object
 *   is reused by the next call on the same prepared problem
 * @throws RangeError if a media column has the wrong type or length or a non-finite value, there
 *   are no columns at all, or alpha is not finite and ≥ 0
 * @example scoreCandidate(prepareRidgeCv(fixed, y, folds), [tv, radio], 1).nrmse // => ≈ 0.08
 */
export function scoreCandidate(
  prepared: RidgeCvPrepared,
  media: readonly Float64Array[],
  alpha: number,
  options: ScoreCandidateOptions = {},
): RidgeCvScore {
  const P = (prepared as { readonly [STATE]?: State })[STATE];
  if (P === undefined) throw new RangeError("scoreCandidate requires a problem made by prepareRidgeCv");
  const n = P.rows;
  const q = P.fixedCols;
  const m = media.length;
  if (!(m + q >= 1)) throw new RangeError("scoreCandidate requires at least one media or fixed column");
  for (let j = 0; j < m; j++) {
    const col = media[j];
    if (!(col instanceof Float64Array) || col.length !== n) throw new RangeError(`scoreCandidate requires media columns as Float64Array of length ${n}: column ${j} is not`);
  }
  if (!(alpha >= 0) || alpha === Infinity) throw new RangeError("scoreCandidate requires a finite alpha ≥ 0");
  const nonNegative = options.nonNegative ?? true;
  const byMean = options.mediaScale === "mean";
  const w = workspace(P, m);
  mediaSums(P, w, media);

  const res = w.result;
  const boundedCount = nonNegative ? m : 0;
  let pd = true;
  let nrmse = 0;
  for (let f = 0; f < P.folds; f++) {
    const b = P.foldBound[f];
    let sse = NaN;
    if (solveWindow(P, w, b, alpha, boundedCount, byMean)) {
      const b0 = originalScale(P, w, b);
      sse = testSse(P, w, media, b0, P.testStart[f], P.testEnd[f]);
      if (!Number.isFinite(sse)) throw new RangeError("scoreCandidate requires finite media values on the test rows");
    } else pd = false;
    res.foldSse[f] = sse;
    nrmse += Math.sqrt(sse / res.foldN[f]) / res.foldRange[f];
  }
  res.nrmse = nrmse / P.folds;

  const coefficients = res.fullFit.coefficients;
  if (solveWindow(P, w, P.fullBound, alpha, boundedCount, byMean)) {
    res.fullFit.intercept = originalScale(P, w, P.fullBound);
    coefficients.set(w.beta);
  } else {
    pd = false;
    res.fullFit.intercept = NaN;
    coefficients.fill(NaN);
  }
  res.positiveDefinite = pd;
  return res;
}

/**
 * Builds (G_s + alpha·I) and c_s for training window bounds[b] into w.H, w.c (media first), with
 * means and scales in w.mean, w.scale, and solves it into w.s; false if not positive definite.
 */
function solveWindow(P: State, w: Workspace, b: number, alpha: number, boundedCount: number, byMean: boolean): boolean {
  const { m, p, centre, firstChange, snapM, snapMM, snapMF, snapMY, mean, scale, isConst, H, c } = w;
  const q = P.fixedCols;
  const k = P.bounds[b];
  const sY = P.ySum[b];
  const oM = b * m;
  const oMM = b * m * m;
  const oMF = b * m * q;
  const oF = b * q;
  for (let j = 0; j < m; j++) {
    const sj = snapM[oM + j];
    const mu = centre[j] + sj / k;
    const variance = (snapMM[oMM + j * m + j] - (sj * sj) / k) / k;
    const constant = firstChange[j] >= k || isConstantFeature(variance, mu, k);
    mean[j] = mu;
    scale[j] = constant ? 1 : byMean && mu !== 0 ? Math.abs(mu) : Math.sqrt(variance);
    isConst[j] = constant ? 1 : 0;
  }
  for (let l = 0; l < q; l++) {
    mean[m + l] = P.fMean[oF + l];
    scale[m + l] = P.fScale[oF + l];
    isConst[m + l] = P.fConst[oF + l];
  }
  for (let j = 0; j < m; j++) {
    const sj = snapM[oM + j];
    const cj = isConst[j] === 1;
    const scj = scale[j];
    c[j] = cj ? 0 : (snapMY[oM + j] - (sj * sY) / k) / scj;
    for (let l = j; l < m; l++) {
      const v = cj || isConst[l] === 1 ? 0 : (snapMM[oMM + j * m + l] - (sj * snapM[oM + l]) / k) / (scj * scale[l]);
      H[j * p + l] = v;
      H[l * p + j] = v;
    }
    for (let l = 0; l < q; l++) {
      const v = cj || isConst[m + l] === 1 ? 0 : (snapMF[oMF + j * q + l] - (sj * P.fSum[oF + l]) / k) / (scj * scale[m + l]);
      H[j * p + m + l] = v;
      H[(m + l) * p + j] = v;
    }
  }
  const g = b * q * q;
  for (let l = 0; l < q; l++) {
    c[m + l] = P.fRhs[oF + l];
    const row = (m + l) * p + m;
    for (let l2 = 0; l2 < q; l2++) H[row + l2] = P.fGram[g + l * q + l2];
  }
  for (let j = 0; j < p; j++) H[j * p + j] += alpha;
  return solveGramBounded(w, boundedCount);
}

/** β = s/scale into w.beta (−0 normalised to 0); returns b0 = ȳ − Σ β_j·mean_j. */
function originalScale(P: State, w: Workspace, b: number): number {
  const { p, s, scale, mean, beta } = w;
  let b0 = P.yMean[b];
  for (let j = 0; j < p; j++) {
    let v = s[j] / scale[j];
    if (v === 0) v = 0;
    beta[j] = v;
    b0 -= v * mean[j];
  }
  return b0;
}

/** Σ (y_i − b0 − Σ_j β_j x_ij)² over rows [from, to). */
function testSse(P: State, w: Workspace, media: readonly Float64Array[], b0: number, from: number, to: number): number {
  const { m, beta } = w;
  const q = P.fixedCols;
  const { F, y } = P;
  let sse = 0;
  for (let i = from; i < to; i++) {
    let pred = b0;
    for (let j = 0; j < m; j++) pred += beta[j] * media[j][i];
    const o = i * q;
    for (let l = 0; l < q; l++) pred += beta[m + l] * F[o + l];
    const r = y[i] - pred;
    sse += r * r;
  }
  return sse;
}
