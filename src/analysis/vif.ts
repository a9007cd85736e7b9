/**
 * Variance inflation factors of a design matrix.
 */
import { householderQr, type HouseholderQr } from "../linalg/qr";
import { designMatrixFromColumns } from "../models/standardize";
import {
  centeredSumOfSquares,
  designColumns,
  onesColumn,
  RANK_TOLERANCE,
  residualSumOfSquares,
  type MatrixInput,
} from "./least-squares";

/**
 * Variance inflation factor of each column: VIF_j = 1 / (1 − R²_j), where R²_j is the R² of
 * column j regressed by least squares on an intercept and all the other columns. Computed as
 * Σ(x_j − x̄_j)² / SSR_j, which equals 1/(1 − R²_j) without the cancellation in 1 − R².
 *
 * Matches statsmodels' `variance_inflation_factor(add_constant(X), j + 1)` (statsmodels needs the
 * constant column added by the caller; here it is added internally, so X must not contain one).
 * VIF = 1 means no collinearity; above 10 is the usual warning level. A column that is an exact
 * linear combination of the others gets Infinity (JSON: null); a constant column gets NaN (its
 * R² is undefined).
 *
 * When Z = [1, X] has full rank (by the QR's rank rule), all p VIFs come from one Householder QR
 * Z = QR: by Frisch–Waugh–Lovell, SSR_j = 1 / [(ZᵀZ)⁻¹]_{j+1,j+1} and (ZᵀZ)⁻¹ = R⁻¹R⁻ᵀ, so
 * VIF_j = Σ(x_j − x̄_j)² · Σ_l (R⁻¹)²_{j+1,l}. O(n · p²). Otherwise each column is regressed on the
 * others in turn, O(n · p³), which tells the columns in the span of the others apart.
 *
 * @param X - design matrix without intercept: n rows × p columns (rows as arrays, an ml-matrix, or a DesignMatrix)
 * @param names - one name per column
 * @returns { [name]: VIF } in column order, unitless, ≥ 1
 * @throws RangeError if X is not rectangular, has a non-finite entry, or names do not match its columns
 * @example vif([[1, 2], [2, 1], [3, 5], [4, 3]], ["tv", "radio"]) // => { tv: 1.3888888888888888, radio: 1.3888888888888888 }
 */
export function vif(X: MatrixInput, names: readonly string[]): Record<string, number> {
  const columns = designColumns("vif", X);
  if (names.length !== columns.length) {
    throw new RangeError(`vif requires one name per column of X (got ${names.length} names for ${columns.length} columns)`);
  }
  if (new Set(names).size !== names.length) throw new RangeError("vif requires distinct column names");
  const n = columns[0].length;
  const ones = onesColumn(n);
  const out: Record<string, number> = {};
  const sst = columns.map(centeredSumOfSquares);
  const qr = n > columns.length + 1 ? householderQr(designMatrixFromColumns([ones, ...columns]), RANK_TOLERANCE) : null;
  const fast = qr !== null && qr.rank === columns.length + 1 ? vifOfFullRankQr(qr, sst) : null;
  for (let j = 0; j < columns.length; j++) {
    if (sst[j] === 0) {
      out[names[j]] = NaN;
      continue;
    }
    if (fast !== null) {
      out[names[j]] = fast[j];
      continue;
    }
    const others = [ones, ...columns.filter((_, k) => k !== j)];
    const { ssr } = residualSumOfSquares(others, columns[j]);
    // The QR's rank rule on the centred x_j appended to [1, others]: a residual norm at most
    // RANK_TOLERANCE × ‖x_j − x̄_j‖ means x_j lies in the span of the others (exact collinearity).
    out[names[j]] = ssr <= RANK_TOLERANCE * RANK_TOLERANCE * sst[j] ? Infinity : sst[j] / ssr;
  }
  return out;
}

/**
 * vifOfFullRankQr(qr, sst) → VIF_j = sst_j·[(ZᵀZ)⁻¹]_{j+1,j+1} = sst_j·Σ_l (R⁻¹)²_{j+1,l} from the QR
 * of Z = [1, X] of full rank, sst_j = Σ(x_j − x̄_j)²; Infinity where the column-by-column rule
 * would find SSR_j ≤ RANK_TOLERANCE²·sst_j. O(p³).
 */
export function vifOfFullRankQr(qr: HouseholderQr, sst: readonly number[]): Float64Array {
  const k = qr.rank;
  const rinv = qr.rInverse();
  const out = new Float64Array(k - 1);
  for (let j = 1; j < k; j++) {
    let s = 0;
    for (let l = j; l < k; l++) s += rinv[j * k + l] * rinv[j * k + l];
    const value = sst[j - 1] * s;
    out[j - 1] = value >= 1 / (RANK_TOLERANCE * RANK_TOLERANCE) ? Infinity : value;
  }
  return out;
}
