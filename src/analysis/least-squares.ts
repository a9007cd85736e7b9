/**
 * Auxiliary least-squares regressions for the diagnostics (VIF, Breusch–Pagan): the residual sum
 * of squares of y regressed on a set of columns, by Householder QR.
 *
 * Householder QR (Golub & Van Loan, Matrix Computations 4th ed., §5.2 and §5.3.3): the residual
 * sum of squares is the squared norm of the last n − r entries of Qᵀy, so no back-substitution
 * and no normal equations (which would square the condition number) are needed. A column whose
 * remaining norm after the earlier reflections is below RANK_TOLERANCE × its own norm lies in the
 * span of the earlier columns and is skipped, which gives the same fit as statsmodels' pinv-based
 * OLS for exactly collinear designs.
 */
import type { AbstractMatrix } from "ml-matrix";
import type { Vector } from "./vector-checks";

/** Rows of a design matrix (n rows × p columns), or an ml-matrix matrix of the same shape. */
export type DesignMatrix = readonly Vector[] | AbstractMatrix;

/** Relative size below which a column counts as a linear combination of the earlier ones. */
export const RANK_TOLERANCE = 1e-10;

/** Duck-typed ml-matrix check (instanceof would fail across the package's CJS and ESM builds). */
function isMatrix(X: DesignMatrix): X is AbstractMatrix {
  const m = X as Partial<AbstractMatrix>;
  return typeof m.get === "function" && typeof m.rows === "number" && typeof m.columns === "number";
}

/**
 * designColumns(name, X, nRows) copies X into column vectors after checking its shape.
 * @throws RangeError if X is not rectangular with nRows rows (when given), has no column, or has a
 *   non-finite entry
 */
export function designColumns(name: string, X: DesignMatrix, nRows?: number): Float64Array[] {
  let n: number;
  let p: number;
  let get: (i: number, j: number) => number;
  if (isMatrix(X)) {
    n = X.rows;
    p = X.columns;
    get = (i, j) => X.get(i, j);
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
 * an intercept) and returns the residual sum of squares and the numerical rank. O(n · k²).
 * Inputs are not modified.
 */
export function residualSumOfSquares(columns: readonly Float64Array[], y: Vector): LeastSquaresFit {
  const n = y.length;
  const work = columns.map((c) => Float64Array.from(c));
  const qty = Float64Array.from(y);
  let rank = 0; // rows [0, rank) hold the triangular part; reflections act on rows [rank, n)
  for (let j = 0; j < work.length && rank < n; j++) {
    const col = work[j];
    let full = 0;
    for (let i = 0; i < n; i++) full += col[i] * col[i];
    let tail = 0;
    for (let i = rank; i < n; i++) tail += col[i] * col[i];
    const norm = Math.sqrt(tail);
    if (!(norm > RANK_TOLERANCE * Math.sqrt(full))) continue; // in the span of earlier columns
    // Householder vector v = x + sign(x0)‖x‖e0 on rows [rank, n), stored in place.
    const alpha = col[rank] >= 0 ? -norm : norm;
    col[rank] -= alpha;
    let vtv = 0;
    for (let i = rank; i < n; i++) vtv += col[i] * col[i];
    const applyTo = (target: Float64Array): void => {
      let dot = 0;
      for (let i = rank; i < n; i++) dot += col[i] * target[i];
      const f = (2 * dot) / vtv;
      for (let i = rank; i < n; i++) target[i] -= f * col[i];
    };
    for (let k = j + 1; k < work.length; k++) applyTo(work[k]);
    applyTo(qty);
    rank++;
  }
  let ssr = 0;
  for (let i = rank; i < n; i++) ssr += qty[i] * qty[i];
  return { ssr, rank };
}

/** A column of n ones, for the intercept. */
export function onesColumn(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

/** Centred total sum of squares Σ(y − ȳ)². */
export function centeredSumOfSquares(y: Vector): number {
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
