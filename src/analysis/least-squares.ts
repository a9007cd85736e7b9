/**
 * Auxiliary least-squares regressions for the diagnostics (VIF, Breusch–Pagan): the residual sum
 * of squares of y regressed on a set of columns, by the Householder QR of src/linalg/qr.ts.
 *
 * The residual sum of squares is the squared norm of the last n − r entries of Qᵀy (Golub & Van
 * Loan, Matrix Computations 4th ed., §5.3.3), so no back-substitution and no normal equations
 * (which would square the condition number) are needed. The QR's rank rule skips a column whose
 * part orthogonal to the earlier columns is at most RANK_TOLERANCE × its own norm: it lies in their
 * span, which gives the same fit as statsmodels' pinv-based OLS for exactly collinear designs.
 */
import type { AbstractMatrix } from "ml-matrix";
import { householderQr } from "../linalg/qr";
import { designMatrixFromColumns, type DesignMatrix } from "../models/standardize";
import type { NumberArray } from "../util/vector-checks";

/**
 * A design matrix as the diagnostics accept it (n rows × p columns): rows of numbers, an ml-matrix
 * matrix, or the row-major DesignMatrix of src/models.
 */
export type MatrixInput = readonly NumberArray[] | AbstractMatrix | DesignMatrix;

/** Relative size below which a column counts as a linear combination of the earlier ones. */
export const RANK_TOLERANCE = 1e-10;

/** Duck-typed ml-matrix check (instanceof would fail across the package's CJS and ESM builds). */
function isMatrix(X: MatrixInput): X is AbstractMatrix {
  const m = X as Partial<AbstractMatrix>;
  return typeof m.get === "function" && typeof m.rows === "number" && typeof m.columns === "number";
}

/** src/models' row-major DesignMatrix `{ rows, cols, data: Float64Array }`. */
function isDesignMatrix(X: MatrixInput): X is DesignMatrix {
  const d = X as Partial<DesignMatrix>;
  return d.data instanceof Float64Array && typeof d.rows === "number" && typeof d.cols === "number";
}

/**
 * designColumns(name, X, nRows) copies X into column vectors after checking its shape.
 * @throws RangeError if X is not rectangular with nRows rows (when given), has no column, or has a
 *   non-finite entry
 */
export function designColumns(name: string, X: MatrixInput, nRows?: number): Float64Array[] {
  let n: number;
  let p: number;
  let get: (i: number, j: number) => number;
  if (isMatrix(X)) {
    n = X.rows;
    p = X.columns;
    get = (i, j) => X.get(i, j);
  } else if (isDesignMatrix(X)) {
    n = X.rows;
    p = X.cols;
    if (X.data.length !== n * p) {
      throw new RangeError(`${name} requires X.data of length rows × cols = ${n * p}, got ${X.data.length}`);
    }
    get = (i, j) => X.data[i * p + j];
  } else {
    n = X.length;
    p = n > 0 ? X[0].length : 0;
    for (let i = 0; i < n; i++) {
      if (X[i].length !== p) {
        throw new RangeError(`${name} requires X to be rectangular (row ${i} has ${X[i].length} columns, row 0 has ${p})`);
      }
    }
    get = (i, j) => X[i][j];
  }
  if (nRows !== undefined && n !== nRows) {
    throw new RangeError(`${name} requires X to have one row per residual (got ${n} rows for ${nRows} residuals)`);
  }
  if (!(n >= 1 && p >= 1)) throw new RangeError(`${name} requires X with at least one row and one column`);
  const columns: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = get(i, j);
      if (!Number.isFinite(v)) throw new RangeError(`${name} requires finite X values (row ${i}, column ${j} is ${v})`);
      col[i] = v;
    }
    columns.push(col);
  }
  return columns;
}

/** The result of one auxiliary regression. */
export interface LeastSquaresFit {
  /** Residual sum of squares Σ(y − ŷ)². */
  ssr: number;
  /** Number of linearly independent columns used (the rank of the design). */
  rank: number;
}

/**
 * residualSumOfSquares(columns, y) regresses y on the given columns (include a column of ones for
 * an intercept) and returns the residual sum of squares and the numerical rank. Columns in the
 * span of earlier ones are skipped by householderQr's rank rule with tolerance RANK_TOLERANCE.
 * O(n · k²). Inputs are not modified.
 */
export function residualSumOfSquares(columns: readonly Float64Array[], y: NumberArray): LeastSquaresFit {
  const qr = householderQr(designMatrixFromColumns(columns), RANK_TOLERANCE);
  const qty = qr.applyQt(y);
  let ssr = 0;
  for (let i = qr.rank; i < qty.length; i++) ssr += qty[i] * qty[i];
  return { ssr, rank: qr.rank };
}

/** A column of n ones, for the intercept. */
export function onesColumn(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

/** Centred total sum of squares Σ(y − ȳ)². */
export function centeredSumOfSquares(y: NumberArray): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i];
  mean /= y.length;
  let ss = 0;
  for (let i = 0; i < y.length; i++) {
    const d = y[i] - mean;
    ss += d * d;
  }
  return ss;
}
