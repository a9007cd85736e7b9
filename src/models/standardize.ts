/**
 * Design matrices and column standardisation shared by the linear models in src/models.
 *
 * Representation (used by every model in src/models): a dense, row-major design matrix
 * `{ rows, cols, data }`, where the value of row i (period i) and column j (predictor j) is
 * `data[i * cols + j]`. It is a plain object, so it is cheap to build from typed arrays, easy to
 * serialise, and never shares mutable state with ml-matrix. No function here or in the models
 * mutates its inputs.
 */
import type { Matrix } from "../linalg/matrix";
import { checkFinite, type NumberArray } from "../util/vector-checks";

/**
 * Dense row-major design matrix: element (i, j) is `data[i * cols + j]`; `data.length` must equal
 * `rows * cols` (src/linalg's Matrix, named for its role here: rows are periods, columns predictors).
 */
export type DesignMatrix = Matrix;

/**
 * designMatrix(rows) builds a row-major DesignMatrix from an array of equally long rows
 * (row i = period i). O(n·p).
 * @param rows - n rows of p finite numbers each (n ≥ 1, p ≥ 1)
 * @returns a new DesignMatrix `{ rows: n, cols: p, data }` with `data[i·p + j] = rows[i][j]`
 * @throws RangeError if there are no rows or columns, rows differ in length, or a value is not finite
 * @example designMatrix([[1, 2], [3, 4]]).data // => Float64Array [1, 2, 3, 4]
 */
export function designMatrix(rows: readonly NumberArray[]): DesignMatrix {
  const n = rows.length;
  if (!(n >= 1)) throw new RangeError("designMatrix requires at least one row");
  const p = rows[0].length;
  if (!(p >= 1)) throw new RangeError("designMatrix requires at least one column");
  const data = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.length !== p) {
      throw new RangeError(`designMatrix requires rows of equal length: row ${i} has ${r.length}, row 0 has ${p}`);
    }
    for (let j = 0; j < p; j++) {
      const v = r[j];
      if (!Number.isFinite(v)) throw new RangeError(`designMatrix requires finite values: row ${i} column ${j} is ${v}`);
      data[i * p + j] = v;
    }
  }
  return { rows: n, cols: p, data };
}

/**
 * designMatrixFromColumns(columns) builds a row-major DesignMatrix from p equally long columns
 * (column j = predictor j over the n periods). O(n·p).
 * @param columns - p columns of n finite numbers each
 * @returns a new DesignMatrix with `data[i·p + j] = columns[j][i]`
 * @throws RangeError if there are no columns or rows, columns differ in length, or a value is not finite
 * @example designMatrixFromColumns([[1, 3], [2, 4]]).data // => Float64Array [1, 2, 3, 4]
 */
export function designMatrixFromColumns(columns: readonly NumberArray[]): DesignMatrix {
  const p = columns.length;
  if (!(p >= 1)) throw new RangeError("designMatrixFromColumns requires at least one column");
  const n = columns[0].length;
  if (!(n >= 1)) throw new RangeError("designMatrixFromColumns requires at least one row");
  const data = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const c = columns[j];
    if (c.length !== n) {
      throw new RangeError(`designMatrixFromColumns requires columns of equal length: column ${j} has ${c.length}, column 0 has ${n}`);
    }
    for (let i = 0; i < n; i++) {
      const v = c[i];
      if (!Number.isFinite(v)) throw new RangeError(`designMatrixFromColumns requires finite values: row ${i} column ${j} is ${v}`);
      data[i * p + j] = v;
    }
  }
  return { rows: n, cols: p, data };
}

/**
 * checkDesign(fn, X, y) validates a design matrix and a target for the function named `fn`:
 * shape consistency, at least one row, finite values. O(n·p).
 * @param fn - name of the calling function, used in the error message
 * @param X - design matrix
 * @param y - target, length X.rows (omit to check X only)
 * @throws RangeError naming `fn` if the shapes disagree or a value is not finite
 */
export function checkDesign(fn: string, X: DesignMatrix, y?: NumberArray): void {
  if (X === null || typeof X !== "object" || !(X.data instanceof Float64Array)) {
    throw new RangeError(`${fn} requires X as { rows, cols, data: Float64Array }`);
  }
  const { rows, cols, data } = X;
  if (!(Number.isInteger(rows) && rows >= 1)) throw new RangeError(`${fn} requires X with at least one row`);
  if (!(Number.isInteger(cols) && cols >= 1)) throw new RangeError(`${fn} requires X with at least one column`);
  if (data.length !== rows * cols) {
    throw new RangeError(`${fn} requires X.data of length rows × cols = ${rows * cols}, got ${data.length}`);
  }
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      throw new RangeError(`${fn} requires finite X: row ${Math.floor(k / cols)} column ${k % cols} is ${data[k]}`);
    }
  }
  if (y !== undefined) {
    if (y.length !== rows) throw new RangeError(`${fn} requires y of length X.rows = ${rows}, got ${y.length}`);
    checkFinite(fn, "y", y, rows);
  }
}

/**
 * columnNames(fn, names, p) returns a copy of the given column names, or the defaults x0, x1, …,
 * x(p−1) when none are given, for the function named `fn`. O(p).
 * @param fn - name of the calling function, used in the error message
 * @param names - one name per column, or undefined
 * @param p - number of columns
 * @returns a new array of p names
 * @throws RangeError naming `fn` if names does not have p entries
 * @example columnNames("fitOls", undefined, 2) // => ["x0", "x1"]
 */
export function columnNames(fn: string, names: readonly string[] | undefined, p: number): string[] {
  const out = names ? [...names] : Array.from({ length: p }, (_, j) => `x${j}`);
  if (out.length !== p) throw new RangeError(`${fn} requires one name per column: got ${out.length} names for ${p} columns`);
  return out;
}

/** Column means and scales, and the standardised matrix `(x_ij − mean_j) / scale_j`. */
export interface Standardized {
  /** Standardised copy of X (row-major, same shape). */
  readonly X: DesignMatrix;
  /** Column means. */
  readonly means: Float64Array;
  /** Population standard deviations (divisor n); 1 for a constant column, as scikit-learn. */
  readonly scales: Float64Array;
}

/**
 * isConstantFeature(variance, mean, n) → true when a column's population variance over n rows is
 * rounding noise: var ≤ n·ε·var + (n·mean·ε)², scikit-learn 1.2's rule
 * (sklearn/preprocessing/_data.py, _is_constant_feature). Every scaler in src/models uses it.
 * @example isConstantFeature(0, 5, 10) // => true
 */
export function isConstantFeature(variance: number, mean: number, n: number): boolean {
  return variance <= n * Number.EPSILON * variance + (n * mean * Number.EPSILON) ** 2;
}

/**
 * standardizeColumns(X) centres each column on its mean and divides by its population standard
 * deviation, exactly as scikit-learn's StandardScaler: mean_j = Σ_i x_ij / n,
 * scale_j = √(Σ_i (x_ij − mean_j)² / n), z_ij = (x_ij − mean_j) / scale_j, with scale_j = 1 for a
 * column of zero variance (up to rounding, scikit-learn's rule); such a column becomes exactly
 * zero. Two-pass (centre, then sum squares) for accuracy. O(n·p).
 * @param X - design matrix (not mutated)
 * @returns `{ X: standardised copy, means, scales }`
 * @throws RangeError if X is malformed or has a non-finite value
 * @example standardizeColumns(designMatrix([[1], [3]])).X.data // => Float64Array [-1, 1]
 */
export function standardizeColumns(X: DesignMatrix): Standardized {
  checkDesign("standardizeColumns", X);
  const { rows: n, cols: p, data } = X;
  const means = new Float64Array(p);
  const scales = new Float64Array(p);
  const out = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i * p + j];
    const m = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = data[i * p + j] - m;
      ss += d * d;
    }
    const variance = ss / n;
    const constant = isConstantFeature(variance, m, n);
    const sd = constant ? 1 : Math.sqrt(variance);
    means[j] = m;
    scales[j] = sd;
    // A constant column becomes exactly 0 (scikit-learn leaves rounding noise such as 1e-17 from
    // x − mean; exact zeros let the models recognise the column as empty).
    if (!constant) for (let i = 0; i < n; i++) out[i * p + j] = (data[i * p + j] - m) / sd;
  }
  return { X: { rows: n, cols: p, data: out }, means, scales };
}

/**
 * applyStandardization(X, means, scales) standardises new rows with means and scales learnt
 * elsewhere (e.g. on a training window): z_ij = (x_ij − means_j) / scales_j. O(n·p).
 * @param X - design matrix with p = means.length columns
 * @param means - column means
 * @param scales - column scales, each > 0
 * @returns a new standardised DesignMatrix
 * @throws RangeError if the column counts disagree or a scale is not > 0
 */
export function applyStandardization(X: DesignMatrix, means: NumberArray, scales: NumberArray): DesignMatrix {
  checkDesign("applyStandardization", X);
  const { rows: n, cols: p, data } = X;
  if (means.length !== p || scales.length !== p) {
    throw new RangeError(`applyStandardization requires means and scales of length X.cols = ${p}`);
  }
  for (let j = 0; j < p; j++) {
    if (!(scales[j] > 0)) throw new RangeError(`applyStandardization requires scales > 0: scales[${j}] is ${scales[j]}`);
  }
  const out = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) out[i * p + j] = (data[i * p + j] - means[j]) / scales[j];
  }
  return { rows: n, cols: p, data: out };
}

/**
 * predictLinear(X, coefficients, intercept) is the linear predictor ŷ_i = b0 + Σ_j x_ij b_j.
 * O(n·p).
 * @param X - design matrix, p = coefficients.length columns
 * @param coefficients - b, one per column of X
 * @param intercept - b0 (default 0)
 * @returns ŷ as a new Float64Array of length X.rows
 * @throws RangeError if the lengths disagree or intercept is not finite
 * @example predictLinear(designMatrix([[1, 2]]), [3, 4], 1) // => Float64Array [12]
 */
export function predictLinear(X: DesignMatrix, coefficients: NumberArray, intercept = 0): Float64Array {
  checkDesign("predictLinear", X);
  const { rows: n, cols: p, data } = X;
  if (coefficients.length !== p) {
    throw new RangeError(`predictLinear requires one coefficient per column: got ${coefficients.length}, X has ${p}`);
  }
  if (!Number.isFinite(intercept)) throw new RangeError("predictLinear requires a finite intercept");
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = intercept;
    for (let j = 0; j < p; j++) s += data[i * p + j] * coefficients[j];
    out[i] = s;
  }
  return out;
}

/**
 * selectRows(X, indices) copies the given rows of X, in the given order (for train/test windows).
 * O(k·p) for k indices.
 * @param X - design matrix
 * @param indices - row indices, each an integer in [0, X.rows)
 * @returns a new DesignMatrix with indices.length rows
 * @throws RangeError if an index is out of range
 */
export function selectRows(X: DesignMatrix, indices: readonly number[]): DesignMatrix {
  const { rows: n, cols: p, data } = X;
  const out = new Float64Array(indices.length * p);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new RangeError(`selectRows requires indices in [0, ${n}): got ${i}`);
    out.set(data.subarray(i * p, (i + 1) * p), k * p);
  }
  return { rows: indices.length, cols: p, data: out };
}
