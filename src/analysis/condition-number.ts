/**
 * Condition number of a design matrix.
 */
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import { householderQr } from "../linalg/qr";
import { designMatrixFromColumns } from "../models/standardize";
import { designColumns, type MatrixInput } from "./least-squares";

/** Options of `conditionNumber`. */
export interface ConditionNumberOptions {
  /**
   * Scale each column to unit Euclidean length (not centred) before the SVD, as Belsley, Kuh &
   * Welsch (Regression Diagnostics, 1980) recommend, so the number reflects collinearity rather
   * than the columns' units. Default false.
   */
  unitLength?: boolean;
}

/**
 * Condition number κ(X) = σ_max / σ_min, the ratio of the largest to the smallest singular value
 * of the design matrix. Tall X (n > p) is first reduced to its p × p triangular factor R by
 * Householder QR (X = QR, Q orthonormal, so X and R have the same singular values; O(n·p²)), and
 * only R (with unitLength: R·D, see conditionNumberOfR) goes through ml-matrix's Golub–Kahan–Reinsch SVD (O(p³)): on 130,000 rows this is what
 * keeps the diagnostics of a large fit from costing more than the fit. A column the QR finds
 * exactly dependent on earlier ones (or X with n ≤ p) takes the SVD of X itself.
 *
 * Convention: by default X is used exactly as given, which is numpy.linalg.cond(X) and the
 * "Cond. No." in statsmodels' OLS summary (√(λ_max/λ_min) of XᵀX) when X contains the constant
 * column; it therefore depends on the columns' units. With `unitLength: true` the columns are first
 * scaled to unit length (Belsley–Kuh–Welsch); values above about 30 then indicate harmful
 * collinearity. Include a column of ones yourself if the model has an intercept. Infinity if X is
 * rank deficient (σ_min = 0). O(n · p²).
 *
 * @param X - n rows × p columns (rows as arrays, an ml-matrix, or a DesignMatrix), n ≥ p
 * @param options - `unitLength` to scale columns first
 * @returns κ ≥ 1, unitless
 * @throws RangeError if X is not rectangular, has a non-finite entry or fewer rows than columns
 * @example conditionNumber([[1, 0], [0, 2]]) // => 2
 */
export function conditionNumber(X: MatrixInput, options: ConditionNumberOptions = {}): number {
  const columns = designColumns("conditionNumber", X);
  const n = columns[0].length;
  const p = columns.length;
  if (!(n >= p)) throw new RangeError("conditionNumber requires at least as many rows as columns");
  const data = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const col = columns[j];
    let scale = 1;
    if (options.unitLength) {
      let ss = 0;
      for (let i = 0; i < n; i++) ss += col[i] * col[i];
      if (ss === 0) return Infinity;
      scale = 1 / Math.sqrt(ss);
    }
    for (let i = 0; i < n; i++) data[i * p + j] = col[i] * scale;
  }
  if (n > p) {
    const qr = householderQr(designMatrixFromColumns(columns), Number.MIN_VALUE);
    if (qr.rank === p) return conditionNumberOfR(qr.R, p, options.unitLength ?? false);
  }
  return singularValueRatio(Matrix.from1DArray(n, p, data));
}

/**
 * conditionNumberOfR(R, p, unitLength) → κ of X from the p × p triangular factor R of its QR
 * (full rank): σ_max/σ_min of R, or with `unitLength` of R·D, D = diag(1/‖R_·j‖) — the factor of X
 * with unit-length columns, since ‖R_·j‖ = ‖x_j‖. O(p³).
 * @example conditionNumberOfR(Float64Array.of(1, 0, 0, 2), 2, false) // => 2
 */
export function conditionNumberOfR(R: Float64Array, p: number, unitLength: boolean): number {
  const scaled = Float64Array.from(R);
  if (unitLength) {
    for (let j = 0; j < p; j++) {
      let ss = 0;
      for (let i = 0; i <= j; i++) ss += R[i * p + j] * R[i * p + j];
      for (let i = 0; i <= j; i++) scaled[i * p + j] /= Math.sqrt(ss);
    }
  }
  return singularValueRatio(Matrix.from1DArray(p, p, scaled));
}

/** singularValueRatio(m) → σ_max / σ_min of m (NaN for a zero matrix, Infinity when σ_min = 0). */
function singularValueRatio(m: Matrix): number {
  const svd = new SingularValueDecomposition(m, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  const s = svd.diagonal;
  let max = 0;
  let min = Infinity;
  for (const v of s) {
    if (v > max) max = v;
    if (v < min) min = v;
  }
  if (max === 0) return NaN;
  return min === 0 ? Infinity : max / min;
}
