/**
 * Elastic net (and lasso, l1Ratio = 1) by cyclic coordinate descent on standardised predictors,
 * with the objective, update and stopping rule of scikit-learn's `ElasticNet` / `Lasso`
 * (sklearn/linear_model/_cd_fast.pyx, `enet_coordinate_descent`).
 */
import type { NumberArray } from "../util/vector-checks";
import { checkDesign, columnNames, type DesignMatrix } from "./standardize";
import { checkNonNegativeMask, finish, prepare, type PenalizedLinearFit } from "./ridge";

/** Options of fitElasticNet. */
export interface ElasticNetOptions {
  /** Penalty strength alpha ≥ 0. */
  readonly alpha: number;
  /** Mix between L1 and L2 in [0, 1]; 1 = lasso (default 0.5, as scikit-learn). */
  readonly l1Ratio?: number;
  /** Maximum number of full coordinate sweeps (default 10000). */
  readonly maxIter?: number;
  /** Tolerance: stop when the duality gap ≤ tol·‖y − ȳ‖² (default 1e-4, as scikit-learn). */
  readonly tol?: number;
  /** Per column: constrain that coefficient to be ≥ 0 (scikit-learn's positive=True, per column). */
  readonly nonNegative?: readonly boolean[];
  /** Names of the columns of X (default x0, x1, …). */
  readonly names?: readonly string[];
  /** Standardise predictors (default true, StandardScaler); false only centres them. */
  readonly standardize?: boolean;
  /** Starting standardised coefficients (warm start along an alpha path; default zeros). */
  readonly warmStart?: NumberArray;
}

/** Result of fitElasticNet. */
export interface ElasticNetResult extends PenalizedLinearFit {
  readonly l1Ratio: number;
  /** Coordinate sweeps performed. */
  readonly iterations: number;
  /** Whether the stopping rule was met within maxIter. */
  readonly converged: boolean;
  /** Final duality gap of the n-scaled problem (NaN when alpha·l1Ratio = 0, where it is not used). */
  readonly dualityGap: number;
}

/**
 * fitElasticNet(X, y, options) minimises scikit-learn's elastic-net objective on standardised
 * predictors Xs = (X − mean)/scale (population sd) with an unpenalised intercept:
 *   1/(2n)·‖y − Xs s − s0‖² + alpha·l1Ratio·‖s‖₁ + ½·alpha·(1 − l1Ratio)·‖s‖²,
 * so s0 = ȳ; lasso is l1Ratio = 1. Cyclic coordinate descent on the n-scaled problem,
 *   s_j ← S(x_jᵀ r + s_j‖x_j‖², n·alpha·l1Ratio) / (‖x_j‖² + n·alpha·(1 − l1Ratio)),
 * S the soft-threshold (and max(0, ·) for non-negative coordinates). Convergence as
 * scikit-learn: after a sweep whose largest coefficient change is ≤ tol × the largest |s_j|, the
 * duality gap is computed, and the fit stops when gap ≤ tol·‖y − ȳ‖²; when alpha·l1Ratio = 0
 * (pure ridge or OLS by coordinate descent) the gap is not defined and the coefficient-change
 * test alone stops the fit. Coefficients are returned on both scales as in fitRidge.
 * O(n·p) per sweep.
 * @param X - n × p design matrix (row-major); not mutated
 * @param y - target of length n
 * @param options - alpha, l1Ratio (0.5), maxIter (10000), tol (1e-4), nonNegative, names,
 *   standardize (true), warmStart
 * @returns coefficients (original and standardised scale), intercepts, iterations, converged,
 *   dualityGap, fitted values and residuals
 * @throws RangeError if shapes disagree, a value is not finite, alpha < 0, l1Ratio ∉ [0, 1],
 *   maxIter < 1 or tol ≤ 0
 * @example fitElasticNet(X, y, { alpha: 0.1, l1Ratio: 1 }).coefficients // lasso coefficients
 */
export function fitElasticNet(X: DesignMatrix, y: NumberArray, options: ElasticNetOptions): ElasticNetResult {
  checkDesign("fitElasticNet", X, y);
  if (options === null || typeof options !== "object") throw new RangeError("fitElasticNet requires options with alpha");
  const { alpha } = options;
  const l1Ratio = options.l1Ratio ?? 0.5;
  const maxIter = options.maxIter ?? 10000;
  const tol = options.tol ?? 1e-4;
  if (!(alpha >= 0) || alpha === Infinity) throw new RangeError("fitElasticNet requires a finite alpha ≥ 0");
  if (!(l1Ratio >= 0 && l1Ratio <= 1)) throw new RangeError("fitElasticNet requires l1Ratio in [0, 1]");
  if (!(Number.isInteger(maxIter) && maxIter >= 1)) throw new RangeError("fitElasticNet requires an integer maxIter ≥ 1");
  if (!(tol > 0)) throw new RangeError("fitElasticNet requires tol > 0");
  const { rows: n, cols: p } = X;
  const names = columnNames("fitElasticNet", options.names, p);
  const bounded = checkNonNegativeMask("fitElasticNet", options.nonNegative, p);

  const { Xs, means, scales } = prepare(X, options.standardize ?? true);
  // column-major copy for the coordinate sweeps
  const cols = new Float64Array(n * p);
  const colSq = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const v = Xs.data[i * p + j];
      cols[j * n + i] = v;
      s += v * v;
    }
    colSq[j] = s;
  }
  let ySum = 0;
  for (let i = 0; i < n; i++) ySum += y[i];
  const yMean = ySum / n;
  const yc = new Float64Array(n);
  let yNorm2 = 0;
  for (let i = 0; i < n; i++) {
    yc[i] = y[i] - yMean;
    yNorm2 += yc[i] * yc[i];
  }

  const l1 = alpha * l1Ratio * n;
  const l2 = alpha * (1 - l1Ratio) * n;
  const w = new Float64Array(p);
  if (options.warmStart !== undefined) {
    if (options.warmStart.length !== p) throw new RangeError(`fitElasticNet requires warmStart of length ${p}`);
    for (let j = 0; j < p; j++) {
      const v = options.warmStart[j];
      if (!Number.isFinite(v)) throw new RangeError("fitElasticNet requires a finite warmStart");
      w[j] = bounded[j] && v < 0 ? 0 : v;
    }
  }
  const r = Float64Array.from(yc);
  for (let j = 0; j < p; j++) {
    if (w[j] !== 0) for (let i = 0; i < n; i++) r[i] -= cols[j * n + i] * w[j];
  }

  const gapTol = tol * yNorm2;
  let iterations = 0;
  let converged = false;
  let gap = NaN;
  if (yNorm2 === 0 && options.warmStart === undefined) {
    // y constant: every coefficient 0 is optimal.
    converged = true;
    gap = 0;
  }
  for (let iter = 0; iter < maxIter && !converged; iter++) {
    iterations = iter + 1;
    let wMax = 0;
    let dMax = 0;
    for (let j = 0; j < p; j++) {
      if (colSq[j] === 0) continue;
      const old = w[j];
      let tmp = 0;
      for (let i = 0; i < n; i++) tmp += cols[j * n + i] * r[i];
      tmp += old * colSq[j];
      let next: number;
      if (bounded[j] && tmp < 0) next = 0;
      else next = (Math.sign(tmp) * Math.max(Math.abs(tmp) - l1, 0)) / (colSq[j] + l2);
      if (next !== old) {
        const d = next - old;
        for (let i = 0; i < n; i++) r[i] -= cols[j * n + i] * d;
        w[j] = next;
      }
      dMax = Math.max(dMax, Math.abs(next - old));
      wMax = Math.max(wMax, Math.abs(next));
    }
    if (wMax === 0 || dMax / wMax <= tol || iter === maxIter - 1) {
      if (l1 === 0) {
        if (wMax === 0 || dMax / wMax <= tol) converged = true;
        continue;
      }
      gap = dualityGap(cols, n, p, r, yc, w, l1, l2, bounded);
      if (gap <= gapTol) converged = true;
    }
  }
  const fit = finish(alpha, names, w, yMean, means, scales, X, y, bounded);
  return { ...fit, l1Ratio, iterations, converged, dualityGap: gap };
}

/**
 * Duality gap of ½‖r‖² + l1‖w‖₁ + ½ l2‖w‖² at w (r = y − Xw), as scikit-learn's
 * enet_coordinate_descent: XtA = Xᵀr − l2·w; dual scaling c = min(1, l1/‖XtA‖_∞) (only positive
 * entries of XtA count for non-negative coordinates); gap = ½‖r‖²(1 + c²) + l1‖w‖₁ − c·rᵀy
 * + ½ l2 (1 + c²)‖w‖².
 */
function dualityGap(
  cols: Float64Array,
  n: number,
  p: number,
  r: Float64Array,
  y: Float64Array,
  w: Float64Array,
  l1: number,
  l2: number,
  bounded: readonly boolean[],
): number {
  let dual = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += cols[j * n + i] * r[i];
    const xta = s - l2 * w[j];
    dual = Math.max(dual, bounded[j] ? xta : Math.abs(xta));
  }
  let rNorm2 = 0;
  let ry = 0;
  for (let i = 0; i < n; i++) {
    rNorm2 += r[i] * r[i];
    ry += r[i] * y[i];
  }
  let wNorm2 = 0;
  let wL1 = 0;
  for (let j = 0; j < p; j++) {
    wNorm2 += w[j] * w[j];
    wL1 += Math.abs(w[j]);
  }
  let c = 1;
  let gap: number;
  if (dual > l1) {
    c = l1 / dual;
    gap = 0.5 * (rNorm2 + rNorm2 * c * c);
  } else {
    gap = rNorm2;
  }
  gap += l1 * wL1 - c * ry + 0.5 * l2 * (1 + c * c) * wNorm2;
  return gap;
}
