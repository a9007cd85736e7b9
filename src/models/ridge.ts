/**
 * Ridge regression on standardised predictors with an unpenalised intercept, optionally with
 * per-coefficient non-negativity (for media channels whose effect cannot be negative).
 */
import type { NumberArray } from "../util/vector-checks";
import { householderQr } from "../linalg/qr";
import { nnlsMixed } from "../linalg/nnls";
import { checkDesign, columnNames, predictLinear, standardizeColumns, type DesignMatrix } from "./standardize";

/** Options of fitRidge. */
export interface RidgeOptions {
  /** Names of the columns of X (default x0, x1, …). */
  readonly names?: readonly string[];
  /** Per column: constrain that coefficient to be ≥ 0 (default: all unconstrained). */
  readonly nonNegative?: readonly boolean[];
  /**
   * Standardise predictors (default true: mean 0, population sd 1, as scikit-learn's
   * StandardScaler). With false the columns are only centred (scales = 1), so alpha penalises
   * the coefficients on the scale of X as given.
   */
  readonly standardize?: boolean;
  /**
   * Per column: scale by |mean| instead of the sd before the penalty (centring is unchanged), so
   * alpha penalises b_j·mean_j — for a media column, its average contribution per period. A
   * constant or zero-mean column keeps the usual rule. Default: no column.
   */
  readonly scaleByMean?: readonly boolean[];
}

/** Result of a penalised linear fit on standardised predictors (ridge, lasso, elastic net). */
export interface PenalizedLinearFit {
  /** Penalty strength used. */
  readonly alpha: number;
  /** Column names of X. */
  readonly names: readonly string[];
  /** Coefficients on the original scale of X: b_j = s_j / scale_j. */
  readonly coefficients: Float64Array;
  /** Intercept on the original scale: b0 = ȳ − Σ_j b_j·mean_j. */
  readonly intercept: number;
  /** Coefficients s on the standardised scale (what the penalty acts on). */
  readonly standardizedCoefficients: Float64Array;
  /** Intercept on the standardised scale (= ȳ, since standardised columns have mean 0). */
  readonly standardizedIntercept: number;
  /** Column means and scales used for standardisation (scales = 1 when not standardised). */
  readonly means: Float64Array;
  readonly scales: Float64Array;
  /** Fitted values X b + b0 and residuals y − fitted on the training data. */
  readonly fitted: Float64Array;
  readonly residuals: Float64Array;
  /** Indices of constrained coefficients held at their bound 0. */
  readonly atBound: readonly number[];
}

/** Result of fitRidge. */
export type RidgeResult = PenalizedLinearFit;

/**
 * checkNonNegativeMask(fn, mask, p) validates a per-column non-negativity mask for the function
 * named fn and returns a clean copy (undefined means no constraint anywhere). O(p).
 * @param fn - calling function, named in the error
 * @param mask - one boolean per column, or undefined
 * @param p - number of columns
 * @returns a new boolean array of length p
 * @throws RangeError if mask is not an array of length p
 */
export function checkNonNegativeMask(fn: string, mask: readonly boolean[] | undefined, p: number): boolean[] {
  if (mask === undefined) return new Array<boolean>(p).fill(false);
  if (!Array.isArray(mask) || mask.length !== p) {
    throw new RangeError(`${fn} requires nonNegative as one boolean per column (${p})`);
  }
  return mask.map((v) => v === true);
}

/**
 * fitRidge(X, y, alpha, options) fits ridge regression on standardised predictors with an
 * unpenalised intercept, the objective of scikit-learn `Ridge(alpha)` fitted on
 * `StandardScaler().fit_transform(X)`:
 *   minimise ‖y − Xs s − s0‖² + alpha·‖s‖²,  Xs = (X − mean)/scale (population sd),
 * so s0 = ȳ and s solves the augmented least-squares problem [Xs; √alpha·I] s ≈ [y − ȳ; 0] by
 * Householder QR (not the normal equations). With `nonNegative`, the same augmented problem is
 * solved under s_j ≥ 0 for the flagged columns, exactly, by Lawson–Hanson NNLS with free
 * variables (see nnlsMixed); since scales are positive, b_j ≥ 0 ⇔ s_j ≥ 0. Original scale:
 * b_j = s_j/scale_j, b0 = ȳ − Σ_j b_j·mean_j. A constant column gets scale 1 (all zeros after
 * centring) and, for alpha > 0, coefficient 0. O(n·p² ) (times the active-set steps with bounds).
 * @param X - n × p design matrix (row-major); not mutated
 * @param y - target of length n
 * @param alpha - penalty ≥ 0 (0 gives OLS on the standardised data; needs full column rank)
 * @param options - `names`, `nonNegative` (one boolean per column), `standardize` (default true)
 * @returns coefficients on the original and the standardised scale, intercepts, means, scales,
 *   fitted values and residuals
 * @throws RangeError if shapes disagree, a value is not finite, alpha is not ≥ 0, or alpha = 0
 *   with collinear columns
 * @example fitRidge(designMatrix([[1], [2], [3]]), [2, 4, 6], 0).coefficients // => ≈ [2]
 */
export function fitRidge(X: DesignMatrix, y: NumberArray, alpha: number, options: RidgeOptions = {}): RidgeResult {
  checkDesign("fitRidge", X, y);
  if (!(alpha >= 0) || alpha === Infinity) throw new RangeError("fitRidge requires a finite alpha ≥ 0");
  const { rows: n, cols: p } = X;
  const names = columnNames("fitRidge", options.names, p);
  const bounded = checkNonNegativeMask("fitRidge", options.nonNegative, p);

  const { Xs, means, scales } = rescaleByMean(prepare(X, options.standardize ?? true), X, options.scaleByMean);
  let ySum = 0;
  for (let i = 0; i < n; i++) ySum += y[i];
  const yMean = ySum / n;

  // Augmented system A = [Xs; √alpha I], rhs = [y − ȳ; 0].
  const m = n + p;
  const A = new Float64Array(m * p);
  A.set(Xs.data);
  const ra = Math.sqrt(alpha);
  for (let j = 0; j < p; j++) A[(n + j) * p + j] = ra;
  const rhs = new Float64Array(m);
  for (let i = 0; i < n; i++) rhs[i] = y[i] - yMean;
  const aug: DesignMatrix = { rows: m, cols: p, data: A };

  let s: Float64Array;
  if (bounded.some(Boolean)) {
    const check = householderQr(aug);
    if (check.deficient.length > 0) throw collinearError("fitRidge", names, check.deficient);
    s = nnlsMixed(aug, rhs, bounded);
  } else {
    const qr = householderQr(aug);
    if (qr.deficient.length > 0) throw collinearError("fitRidge", names, qr.deficient);
    s = qr.solve(rhs);
  }
  return finish(alpha, names, s, yMean, means, scales, X, y, bounded);
}

/**
 * rescaleByMean(prepared, X, mask) divides the centred columns flagged in `mask` by |mean| instead
 * of their current scale (columns that are constant or have mean 0 are left as they are). O(n·p).
 */
function rescaleByMean(
  prepared: { Xs: DesignMatrix; means: Float64Array; scales: Float64Array },
  X: DesignMatrix,
  mask: readonly boolean[] | undefined,
): { Xs: DesignMatrix; means: Float64Array; scales: Float64Array } {
  if (mask === undefined || !mask.some(Boolean)) return prepared;
  const { rows: n, cols: p, data } = X;
  if (mask.length !== p) throw new RangeError(`fitRidge requires scaleByMean to have one entry per column (${p})`);
  const out = new Float64Array(n * p);
  const scales = Float64Array.from(prepared.scales);
  for (let j = 0; j < p; j++) {
    let constant = true;
    for (let i = 1; i < n && constant; i++) if (data[i * p + j] !== data[j]) constant = false;
    if (mask[j] && !constant && prepared.means[j] !== 0) scales[j] = Math.abs(prepared.means[j]);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const unchanged = scales[j] === prepared.scales[j];
      out[i * p + j] = unchanged ? prepared.Xs.data[i * p + j] : (data[i * p + j] - prepared.means[j]) / scales[j];
    }
  }
  return { Xs: { rows: n, cols: p, data: out }, means: prepared.means, scales };
}

/**
 * prepare(X, standardize) returns the predictors the penalised models work on:
 * Xs = (X − mean)/scale (scikit-learn's StandardScaler, see standardizeColumns) when standardize
 * is true, else Xs = X − mean with scales = 1, so the unpenalised intercept is always handled by
 * centring. O(n·p).
 * @param X - design matrix (not mutated)
 * @param standardize - scale to unit population sd as well as centring
 * @returns `{ Xs, means, scales }`
 */
export function prepare(X: DesignMatrix, standardize: boolean): { Xs: DesignMatrix; means: Float64Array; scales: Float64Array } {
  const st = standardizeColumns(X);
  if (standardize) return { Xs: st.X, means: st.means, scales: st.scales };
  const { rows: n, cols: p, data } = X;
  const out = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) out[i * p + j] = data[i * p + j] - st.means[j];
  return { Xs: { rows: n, cols: p, data: out }, means: st.means, scales: new Float64Array(p).fill(1) };
}

/**
 * finish(...) maps coefficients s fitted on Xs back to the original scale, b_j = s_j/scale_j and
 * b0 = ȳ − Σ_j b_j·mean_j, and computes fitted = X b + b0 and residuals = y − fitted; −0 is
 * normalised to 0 and constrained coefficients at exactly 0 are listed in `atBound`. O(n·p).
 * @param alpha - penalty recorded in the result
 * @param names - column names
 * @param s - standardised coefficients (taken over by the result)
 * @param yMean - ȳ, the standardised-scale intercept
 * @param means - column means used for Xs
 * @param scales - column scales used for Xs
 * @param X - original design matrix (not mutated)
 * @param y - target
 * @param bounded - which coefficients were constrained to be ≥ 0
 * @returns the PenalizedLinearFit
 */
export function finish(
  alpha: number,
  names: readonly string[],
  s: Float64Array,
  yMean: number,
  means: Float64Array,
  scales: Float64Array,
  X: DesignMatrix,
  y: NumberArray,
  bounded: readonly boolean[],
): PenalizedLinearFit {
  const p = X.cols;
  const coefficients = new Float64Array(p);
  let intercept = yMean;
  for (let j = 0; j < p; j++) {
    if (s[j] === 0) s[j] = 0; // normalise −0
    coefficients[j] = s[j] / scales[j];
    intercept -= coefficients[j] * means[j];
  }
  const fitted = predictLinear(X, coefficients, intercept);
  const residuals = Float64Array.from(fitted, (v, i) => y[i] - v);
  const atBound: number[] = [];
  for (let j = 0; j < p; j++) if (bounded[j] && s[j] === 0) atBound.push(j);
  return {
    alpha,
    names,
    coefficients,
    intercept,
    standardizedCoefficients: s,
    standardizedIntercept: yMean,
    means,
    scales,
    fitted,
    residuals,
    atBound,
  };
}

function collinearError(fn: string, names: readonly string[], deficient: readonly { column: number; dependsOn: readonly number[] }[]): RangeError {
  const parts = deficient.map((d) =>
    d.dependsOn.length === 0
      ? `"${names[d.column]}" is constant`
      : `"${names[d.column]}" is a linear combination of ${d.dependsOn.map((c) => `"${names[c]}"`).join(", ")}`,
  );
  return new RangeError(`${fn} found collinear columns with alpha = 0: ${parts.join("; ")}`);
}
