/**
 * Media-prior ridge: ridge regression whose penalty on media is a fraction of its penalty on the
 * baseline, with the evidence (marginal likelihood) of each fit — the model the default fit
 * searches, samples and bootstraps.
 *
 * The model: y = b0 + Σ_j b_j x_j + ε, ε ~ N(0, σ²), on columns centred and scaled as fitRidge
 * does (baseline by its population sd; media by |mean|, so the penalty acts on a channel's average
 * contribution per period, or by the sd with mediaScale "sd"), with an unpenalised intercept and
 * the penalty Σ λ_j s_j², s_j = b_j·scale_j, λ_j = alpha·mediaFactor for media and alpha for the
 * baseline. It is the posterior mode under the prior s_j ~ N(0, σ²/λ_j).
 *
 * Why a separate media factor: with one alpha for every column, the alpha that suits the dozen
 * small baseline coefficients (season, trend, holidays, controls) shrinks every channel's
 * contribution towards 0, and the intervals inherit that bias: on 15 generated recovery sets, with
 * one penalty, 10 of the 12 intervals that missed the true ROAS lay entirely below it; with the
 * media penalty a tenth of the baseline's the misses fell to 7 of 75, on both sides
 * (MEDIA_PENALTY_FACTOR in models/fit/search.ts; docs/decisions/002-media-penalty-factor.md).
 *
 * The evidence, with b integrated out and σ² profiled (MacKay 1992, "Bayesian interpolation",
 * Neural Computation 4(3), 415–447; Bishop, Pattern Recognition and Machine Learning, §3.5):
 *   −2 log p(y | transforms, alpha) = (W − 1)·log(RSS + Σ λ_j s_j²) + log det(G_s + Λ) − Σ log λ_j
 * up to a constant, G_s = Σ_i w_i x̃_i x̃_iᵀ the Gram matrix of the centred, scaled columns with
 * row weights w (W = Σ w), Λ = diag(λ). It uses every row, and its log-determinant charges for
 * flexibility, so it neither rewards transforms that fit the noise of a few CV folds nor drives
 * alpha to 0. Non-negativity of the media coefficients is ignored in the determinant (a Laplace
 * approximation at the constrained mode).
 *
 * Sufficient statistics: the baseline block is prepared once per set of row weights
 * (createMediaPriorRidge); each fit computes only the media blocks, O(n·m·(m + q)), and solves
 * the (m + q)² normal equations by Cholesky, or Lawson–Hanson with non-negative media
 * (linalg/gram-solvers.ts). As in the CV kernel (ridge-cv/index.ts, which argues it), normal equations
 * are safe because the penalty bounds the conditioning; sums are two-pass. The final model is
 * refitted by QR on the augmented system (fitMediaPriorRidgeExact), and the tests compare both.
 */
import type { NumberArray } from "../util/vector-checks";
import { createGramWorkspace, solveGramBounded, type GramWorkspace } from "../linalg/gram-solvers";
import type { WeightedMoments } from "./block-moments";
import { fitRidge } from "./ridge";
import { isConstantFeature, type DesignMatrix } from "./standardize";

/** The baseline (fixed) part of a media-prior ridge problem on weighted rows. */
export interface MediaPriorRidge {
  /** Rows n (weights may be 0). */
  readonly rows: number;
  /** Number of baseline columns q. */
  readonly fixedCols: number;
  /** Row weights (1 when none were given). */
  readonly weights: Float64Array;
  /** W = Σ w. */
  readonly weightSum: number;
  /** Weighted means and scales (sd; 1 when constant) of the baseline columns. */
  readonly fixedMeans: Float64Array;
  readonly fixedScales: Float64Array;
  /** Centred, scaled baseline columns (0 when constant), column-major (l·n + i). */
  readonly fixedScaled: Float64Array;
  /** Weighted Gram block of the scaled baseline columns (q × q) and their products with y − ȳ. */
  readonly fixedGram: Float64Array;
  readonly fixedRhs: Float64Array;
  /** Weighted ȳ, y − ȳ and Σ w (y − ȳ)². */
  readonly yMean: number;
  readonly yCentred: Float64Array;
  readonly yy: number;
}

/** Options of fitMediaPriorRidge and fitMediaPriorRidgeExact. */
export interface MediaPriorRidgeOptions {
  /** λ for media = alpha·mediaFactor (default 1: plain ridge); > 0. */
  readonly mediaFactor?: number;
  /** Constrain the media coefficients to be ≥ 0 (default true). */
  readonly nonNegative?: boolean;
  /** Scale media by |mean| ("mean", default) or by the sd ("sd") before the penalty. */
  readonly mediaScale?: "mean" | "sd";
}

/** One fit. */
export interface MediaPriorRidgeFit {
  /** b on the original scale, media first, then the baseline columns. */
  readonly coefficients: Float64Array;
  readonly intercept: number;
  /** Σ w (y − ŷ)². */
  readonly rss: number;
  /** −2 log evidence up to a constant (smaller is better); NaN if not positive definite. */
  readonly evidence: number;
  /** false if the system was not positive definite (then the coefficients are NaN). */
  readonly positiveDefinite: boolean;
}

/**
 * columnScale(mean, variance, n, byMean) → the divisor of one column before the penalty: 1 for a
 * column constant over its n rows (to rounding), |mean| when `byMean` (media, mediaScale "mean")
 * and the mean is not 0, else the population sd √variance. Column units.
 * @example columnScale(4, 1, 10, true) // => 4
 */
export function columnScale(mean: number, variance: number, n: number, byMean: boolean): number {
  if (isConstantFeature(variance, mean, n)) return 1;
  return byMean && mean !== 0 ? Math.abs(mean) : Math.sqrt(variance);
}

/**
 * createMediaPriorRidge(fixed, y, weights) prepares the baseline block on weighted rows (a
 * bootstrap's counts; all 1 when omitted). O(n·q²).
 * @param fixed - q baseline columns, each of length n
 * @param y - the target, length n
 * @param weights - optional row weights ≥ 0 with a positive sum
 * @throws RangeError if lengths disagree, a value is not finite or the weights sum to less than 2
 * @example createMediaPriorRidge([trend], y).fixedCols // => 1
 */
export function createMediaPriorRidge(fixed: readonly NumberArray[], y: NumberArray, weights?: NumberArray): MediaPriorRidge {
  const n = y.length;
  const q = fixed.length;
  const w = weights === undefined ? new Float64Array(n).fill(1) : Float64Array.from(weights);
  if (w.length !== n) throw new RangeError(`createMediaPriorRidge requires one weight per row (${n})`);
  let W = 0;
  for (let i = 0; i < n; i++) {
    if (!(w[i] >= 0) || w[i] === Infinity) throw new RangeError(`createMediaPriorRidge requires finite weights ≥ 0: row ${i} is ${w[i]}`);
    if (!Number.isFinite(y[i])) throw new RangeError(`createMediaPriorRidge requires finite y: row ${i} is ${y[i]}`);
    W += w[i];
  }
  if (!(W >= 2)) throw new RangeError("createMediaPriorRidge requires weights summing to at least 2");
  let ym = 0;
  for (let i = 0; i < n; i++) ym += w[i] * y[i];
  ym /= W;
  const yCentred = new Float64Array(n);
  let yy = 0;
  for (let i = 0; i < n; i++) {
    yCentred[i] = y[i] - ym;
    yy += w[i] * yCentred[i] * yCentred[i];
  }
  const fixedMeans = new Float64Array(q);
  const fixedScales = new Float64Array(q);
  const fixedScaled = new Float64Array(q * n);
  for (let l = 0; l < q; l++) {
    const col = fixed[l];
    if (col.length !== n) throw new RangeError(`createMediaPriorRidge requires baseline columns of length ${n}: column ${l} is not`);
    let mean = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(col[i])) throw new RangeError(`createMediaPriorRidge requires finite baseline values: column ${l} row ${i} is ${col[i]}`);
      mean += w[i] * col[i];
    }
    mean /= W;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += w[i] * (col[i] - mean) ** 2;
    const constant = isConstantFeature(ss / W, mean, W);
    const scale = constant ? 1 : Math.sqrt(ss / W);
    fixedMeans[l] = mean;
    fixedScales[l] = scale;
    if (!constant) for (let i = 0; i < n; i++) fixedScaled[l * n + i] = (col[i] - mean) / scale;
  }
  const fixedGram = new Float64Array(q * q);
  const fixedRhs = new Float64Array(q);
  for (let a = 0; a < q; a++) {
    const oa = a * n;
    let r = 0;
    for (let i = 0; i < n; i++) r += w[i] * fixedScaled[oa + i] * yCentred[i];
    fixedRhs[a] = r;
    for (let b = a; b < q; b++) {
      const ob = b * n;
      let v = 0;
      for (let i = 0; i < n; i++) v += w[i] * fixedScaled[oa + i] * fixedScaled[ob + i];
      fixedGram[a * q + b] = v;
      fixedGram[b * q + a] = v;
    }
  }
  return { rows: n, fixedCols: q, weights: w, weightSum: W, fixedMeans, fixedScales, fixedScaled, fixedGram, fixedRhs, yMean: ym, yCentred, yy };
}

/** Workspaces by size, reused across fits (the hot path allocates only its result). */
const workspaces = new Map<number, GramWorkspace>();

function workspaceFor(p: number): GramWorkspace {
  let w = workspaces.get(p);
  if (w === undefined) {
    w = createGramWorkspace(p);
    workspaces.set(p, w);
  }
  return w;
}

/** Buffers of the centred, scaled media (and times the weights) by size m·n, reused across fits. */
const mediaBuffers = new Map<number, { scaled: Float64Array; weighted: Float64Array }>();

function mediaBuffersFor(size: number): { scaled: Float64Array; weighted: Float64Array } {
  let b = mediaBuffers.get(size);
  if (b === undefined) {
    b = { scaled: new Float64Array(size), weighted: new Float64Array(size) };
    mediaBuffers.set(size, b);
  }
  return b;
}

/**
 * mediaScales(media, weights, mediaScale) → per media column its weighted mean and the scale the
 * penalty uses (|mean| or the sd; 1 and `constant` when the column is constant on the rows). O(n·m).
 */
function mediaScales(media: readonly NumberArray[], w: Float64Array, W: number, byMean: boolean): { means: Float64Array; scales: Float64Array; constant: Uint8Array } {
  const m = media.length;
  const n = w.length;
  const means = new Float64Array(m);
  const scales = new Float64Array(m);
  const constant = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    const col = media[j];
    if (col.length !== n) throw new RangeError(`fitMediaPriorRidge requires media columns of length ${n}: column ${j} is not`);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += w[i] * col[i];
    mean /= W;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += w[i] * (col[i] - mean) ** 2;
    if (!Number.isFinite(ss)) throw new RangeError(`fitMediaPriorRidge requires finite media values: column ${j} is not`);
    const isConst = isConstantFeature(ss / W, mean, W);
    means[j] = mean;
    constant[j] = isConst ? 1 : 0;
    scales[j] = isConst ? 1 : byMean && mean !== 0 ? Math.abs(mean) : Math.sqrt(ss / W);
  }
  return { means, scales, constant };
}

/**
 * fitMediaPriorRidge(prepared, media, alpha, options) fits the media-prior ridge on the prepared
 * rows and returns its coefficients, RSS and −2 log evidence (see the module comment).
 * O(n·m·(m + q) + (m + q)³).
 * @param prepared - from createMediaPriorRidge
 * @param media - m media columns of length n (not mutated)
 * @param alpha - baseline penalty, finite and > 0
 * @param options - mediaFactor (1), nonNegative (true), mediaScale ("mean")
 * @throws RangeError if alpha or mediaFactor is not finite and > 0, or a column has the wrong length
 * @example fitMediaPriorRidge(createMediaPriorRidge([trend], y), [tv], 0.1, { mediaFactor: 0.1 }).coefficients[0] // => ≈ the TV coefficient
 */
export function fitMediaPriorRidge(prepared: MediaPriorRidge, media: readonly NumberArray[], alpha: number, options: MediaPriorRidgeOptions = {}): MediaPriorRidgeFit {
  const factor = options.mediaFactor ?? 1;
  if (!(alpha > 0) || alpha === Infinity) throw new RangeError("fitMediaPriorRidge requires a finite alpha > 0");
  if (!(factor > 0) || factor === Infinity) throw new RangeError("fitMediaPriorRidge requires a finite mediaFactor > 0");
  const { rows: n, fixedCols: q, weights: w, weightSum: W, fixedScaled, fixedGram, fixedRhs, yCentred, yy } = prepared;
  const m = media.length;
  const p = m + q;
  if (!(p >= 1)) throw new RangeError("fitMediaPriorRidge requires at least one column");
  const { means, scales, constant } = mediaScales(media, w, W, (options.mediaScale ?? "mean") === "mean");
  // Centred, scaled media times the weights (so each product below is one multiply-add).
  const { scaled, weighted } = mediaBuffersFor(m * n);
  for (let j = 0; j < m; j++) {
    const o = j * n;
    if (constant[j] === 1) {
      scaled.fill(0, o, o + n);
      weighted.fill(0, o, o + n);
      continue;
    }
    const col = media[j];
    for (let i = 0; i < n; i++) {
      const v = (col[i] - means[j]) / scales[j];
      scaled[o + i] = v;
      weighted[o + i] = w[i] * v;
    }
  }
  const ws = workspaceFor(p);
  const { H, c } = ws;
  for (let a = 0; a < m; a++) {
    const oa = a * n;
    let r = 0;
    for (let i = 0; i < n; i++) r += weighted[oa + i] * yCentred[i];
    c[a] = r;
    for (let b = a; b < m; b++) {
      const ob = b * n;
      let v = 0;
      for (let i = 0; i < n; i++) v += weighted[oa + i] * scaled[ob + i];
      H[a * p + b] = v;
      H[b * p + a] = v;
    }
    for (let l = 0; l < q; l++) {
      const ol = l * n;
      let v = 0;
      for (let i = 0; i < n; i++) v += weighted[oa + i] * fixedScaled[ol + i];
      H[a * p + m + l] = v;
      H[(m + l) * p + a] = v;
    }
  }
  for (let l = 0; l < q; l++) {
    c[m + l] = fixedRhs[l];
    for (let l2 = 0; l2 < q; l2++) H[(m + l) * p + m + l2] = fixedGram[l * q + l2];
  }
  return solveMediaPriorRidge(ws, {
    m, alpha, factor, nonNegative: options.nonNegative ?? true, yy, weightSum: W, yMean: prepared.yMean,
    mediaMeans: means, mediaScales: scales, fixedMeans: prepared.fixedMeans, fixedScales: prepared.fixedScales,
  });
}

/**
 * fitMediaPriorRidgeFromMoments(moments, m, alpha, options) is fitMediaPriorRidge on weighted rows
 * given only their moments (block-moments.ts): columns media (m), baseline (q), then y last. The
 * weighted centred cross-products are G = Σ w z zᵀ − W z̄ z̄ᵀ (z the shifted columns, z̄ = Σ w z / W);
 * each column is scaled as fitMediaPriorRidge scales it, and a column counts as constant on the
 * rows by isConstantFeature or when G_aa ≤ W·ε·Σ w z_a² (all its variance is rounding of the sums).
 * O((m + q)³), independent of the rows.
 * @param moments - weighted moments of [media…, baseline…, y]
 * @param m - number of media columns (first)
 * @param alpha - baseline penalty, finite and > 0
 * @param options - mediaFactor (1), nonNegative (true), mediaScale ("mean")
 * @throws RangeError if alpha or mediaFactor is not finite and > 0, or there are no columns
 * @example fitMediaPriorRidgeFromMoments(blockResampleMoments([tv, trend, y], n, 8, starts)[0], 1, 0.1).coefficients[0] // => the TV coefficient of that resample
 */
export function fitMediaPriorRidgeFromMoments(moments: WeightedMoments, m: number, alpha: number, options: MediaPriorRidgeOptions = {}): MediaPriorRidgeFit {
  const factor = options.mediaFactor ?? 1;
  if (!(alpha > 0) || alpha === Infinity) throw new RangeError("fitMediaPriorRidgeFromMoments requires a finite alpha > 0");
  if (!(factor > 0) || factor === Infinity) throw new RangeError("fitMediaPriorRidgeFromMoments requires a finite mediaFactor > 0");
  const { weight: W, shift, sums, products } = moments;
  const d = shift.length;
  const p = d - 1;
  if (!(p >= 1)) throw new RangeError("fitMediaPriorRidgeFromMoments requires at least one column besides y");
  const byMean = (options.mediaScale ?? "mean") === "mean";
  const means = new Float64Array(d);
  const scales = new Float64Array(d);
  const G = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    means[a] = shift[a] + sums[a] / W;
    for (let b = 0; b < d; b++) G[a * d + b] = products[a * d + b] - (sums[a] * sums[b]) / W;
  }
  for (let a = 0; a < p; a++) {
    const variance = G[a * d + a] / W;
    const constant = isConstantFeature(variance, means[a], W) || G[a * d + a] <= W * Number.EPSILON * products[a * d + a];
    scales[a] = constant ? 0 : a < m && byMean && means[a] !== 0 ? Math.abs(means[a]) : Math.sqrt(variance);
  }
  const ws = workspaceFor(p);
  const { H, c } = ws;
  for (let a = 0; a < p; a++) {
    c[a] = scales[a] === 0 ? 0 : G[a * d + p] / scales[a];
    for (let b = 0; b < p; b++) H[a * p + b] = scales[a] === 0 || scales[b] === 0 ? 0 : G[a * d + b] / (scales[a] * scales[b]);
  }
  for (let a = 0; a < p; a++) if (scales[a] === 0) scales[a] = 1;
  return solveMediaPriorRidge(ws, {
    m, alpha, factor, nonNegative: options.nonNegative ?? true, yy: Math.max(0, G[p * d + p]), weightSum: W, yMean: means[p],
    mediaMeans: means.subarray(0, m), mediaScales: scales.subarray(0, m), fixedMeans: means.subarray(m, p), fixedScales: scales.subarray(m, p),
  });
}

/** What solveMediaPriorRidge needs beside the scaled Gram G_s (in ws.H) and its right-hand side (ws.c). */
interface ScaledProblem {
  /** Media columns m (first), penalties alpha·factor for media and alpha for the baseline. */
  m: number;
  alpha: number;
  factor: number;
  nonNegative: boolean;
  /** Σ w (y − ȳ)², W = Σ w and the weighted ȳ. */
  yy: number;
  weightSum: number;
  yMean: number;
  /** Weighted means and penalty scales of the media and the baseline columns (original units). */
  mediaMeans: Float64Array;
  mediaScales: Float64Array;
  fixedMeans: Float64Array;
  fixedScales: Float64Array;
}

/**
 * solveMediaPriorRidge(ws, problem) adds Λ to the diagonal of G_s in ws.H, solves (G_s + Λ) s = c
 * (media ≥ 0 when asked) and maps s back to the original scale, with the RSS and −2 log evidence
 * of the module comment. O((m + q)³). ws.H is left as G_s + Λ.
 */
function solveMediaPriorRidge(ws: GramWorkspace, problem: ScaledProblem): MediaPriorRidgeFit {
  const { m, alpha, factor, yy, weightSum: W } = problem;
  const { p, H, c } = ws;
  // G_s s and sᵀ G_s s need G_s itself after the solve: keep its diagonal, add Λ, restore later.
  const lambda = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    lambda[j] = j < m ? alpha * factor : alpha;
    H[j * p + j] += lambda[j];
  }
  const ok = solveGramBounded(ws, problem.nonNegative ? m : 0);
  const coefficients = new Float64Array(p);
  if (!ok) {
    coefficients.fill(NaN);
    return { coefficients, intercept: NaN, rss: NaN, evidence: NaN, positiveDefinite: false };
  }
  const s = Float64Array.from(ws.s);
  // RSS = Σw(y − ȳ)² − 2 sᵀc + sᵀ G_s s, and the penalty Σ λ s².
  let sGs = 0;
  let sc = 0;
  let penalty = 0;
  for (let a = 0; a < p; a++) {
    let row = 0;
    for (let b = 0; b < p; b++) row += H[a * p + b] * s[b];
    row -= lambda[a] * s[a];
    sGs += s[a] * row;
    sc += s[a] * c[a];
    penalty += lambda[a] * s[a] * s[a];
  }
  const rss = Math.max(0, yy - 2 * sc + sGs);
  // log det(G_s + Λ) from the pivots of the unconstrained factorisation H = L·Lᵀ (solveGramBounded).
  let logDet = 0;
  for (let r = 0; r < p; r++) logDet += Math.log(ws.pivots[r]);
  let logLambda = 0;
  for (let j = 0; j < p; j++) logLambda += Math.log(lambda[j]);
  const evidence = (W - 1) * Math.log(rss + penalty) + logDet - logLambda;
  let intercept = problem.yMean;
  for (let j = 0; j < p; j++) {
    const scale = j < m ? problem.mediaScales[j] : problem.fixedScales[j - m];
    const mean = j < m ? problem.mediaMeans[j] : problem.fixedMeans[j - m];
    let b = s[j] / scale;
    if (b === 0) b = 0;
    coefficients[j] = b;
    intercept -= b * mean;
  }
  return { coefficients, intercept, rss, evidence, positiveDefinite: true };
}

/**
 * fitMediaPriorRidgeExact(X, y, alpha, mediaCols, options) → the same fit as fitMediaPriorRidge
 * (unit weights), by fitRidge's QR on the augmented system: each column is pre-divided by
 * scale_j·√(λ_j/alpha) and fitted unstandardised, so fitRidge's penalty alpha·b'² is exactly
 * λ_j·(b_j·scale_j)²; coefficients are mapped back. The first `mediaCols` columns of X are media.
 * O(n·p²).
 * @param X - design matrix, media columns first
 * @param y - target
 * @param alpha - baseline penalty, finite and ≥ 0 (0: least squares, with the non-negativity)
 * @param mediaCols - number of media columns (first in X)
 * @param options - as fitMediaPriorRidge
 * @returns `{ coefficients, intercept }` on the original scale
 * @throws RangeError as fitRidge
 */
export function fitMediaPriorRidgeExact(X: DesignMatrix, y: NumberArray, alpha: number, mediaCols: number, options: MediaPriorRidgeOptions = {}): { coefficients: Float64Array; intercept: number } {
  const factor = options.mediaFactor ?? 1;
  if (!(alpha >= 0) || alpha === Infinity) throw new RangeError("fitMediaPriorRidgeExact requires a finite alpha ≥ 0");
  if (!(factor > 0) || factor === Infinity) throw new RangeError("fitMediaPriorRidgeExact requires a finite mediaFactor > 0");
  const { rows: n, cols: p, data } = X;
  const byMean = (options.mediaScale ?? "mean") === "mean";
  const divisor = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * p + j];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (data[i * p + j] - mean) ** 2;
    const media = j < mediaCols;
    divisor[j] = columnScale(mean, ss / n, n, media && byMean) * (media ? Math.sqrt(factor) : 1);
  }
  const scaled = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) scaled[i * p + j] = data[i * p + j] / divisor[j];
  const nonNegative = Array.from({ length: p }, (_, j) => j < mediaCols && (options.nonNegative ?? true));
  const fit = fitRidge({ rows: n, cols: p, data: scaled }, y, alpha, { standardize: false, nonNegative });
  const coefficients = Float64Array.from(fit.coefficients, (b, j) => (b / divisor[j] === 0 ? 0 : b / divisor[j]));
  return { coefficients, intercept: fit.intercept };
}
