/**
 * Breusch–Pagan test for heteroskedasticity, studentised (Koenker) version.
 */
import { chiSquareSf, fSf } from "../util/distributions";
import {
  centeredSumOfSquares,
  designColumns,
  onesColumn,
  residualSumOfSquares,
  type MatrixInput,
} from "./least-squares";
import { checkFinite, type NumberArray } from "../util/vector-checks";
import type { HouseholderQr } from "../linalg/qr";

/** Result of the Breusch–Pagan test. */
export interface BreuschPaganResult {
  /** Lagrange-multiplier statistic n·R² of the auxiliary regression. */
  lm: number;
  /** P(χ²_q > lm), q = number of non-constant regressors. */
  lmPValue: number;
  /** F statistic of the auxiliary regression (all slopes zero). */
  f: number;
  /** P(F_{q, n−q−1} > f). */
  fPValue: number;
}

/**
 * Breusch–Pagan test (Breusch & Pagan, Econometrica 47, 1979) in Koenker's studentised form
 * (J. Econometrics 17, 1981), robust to non-normal errors: regress e² on an intercept and X by OLS;
 * LM = n·R² ~ χ²_q and F = (ESS/q) / (SSR/(n − q − 1)) ~ F_{q, n−q−1}, q = rank of X (the number
 * of columns when X has full rank). Matches statsmodels' `het_breuschpagan(e, add_constant(X))`
 * with its default robust=True. The intercept is added here, so X must not contain a constant
 * column. A small p-value means the residual variance depends on X. O(n · q²).
 *
 * @param residuals - model residuals; their squares must not all be equal
 * @param X - regressors without intercept, n rows × q columns (rows as arrays, an ml-matrix, or a DesignMatrix)
 * @returns { lm, lmPValue, f, fPValue }
 * @throws RangeError if X does not have one row per residual, a value is not finite, X has a
 *   constant column, n ≤ q + 1, or the squared residuals are all equal
 * @example breuschPagan([1, -2, 3, -4, 5], [[1], [2], [3], [4], [5]]).lm // => 4.812834224598931
 */
export function breuschPagan(residuals: NumberArray, X: MatrixInput): BreuschPaganResult {
  checkFinite("breuschPagan", "residual", residuals, 3);
  const n = residuals.length;
  const columns = designColumns("breuschPagan", X, n);
  for (let j = 0; j < columns.length; j++) {
    if (centeredSumOfSquares(columns[j]) === 0) {
      throw new RangeError(`breuschPagan requires non-constant columns in X (column ${j} is constant; the intercept is added internally)`);
    }
  }
  const y = squaresOf(residuals);
  const { ssr, rank } = residualSumOfSquares([onesColumn(n), ...columns], y);
  return breuschPaganOfAuxiliary(y, ssr, rank);
}

/**
 * breuschPaganOfQr(residuals, qr) is breuschPagan(residuals, X) given `qr`, a full-rank QR of
 * [1, X] with X's columns non-constant (as diagnose has from the VIFs): the auxiliary regression's
 * SSR is ‖(Qᵀe²)[k:n]‖², the tail of Qᵀe², with no second factorisation. O(n · k).
 * @throws RangeError as breuschPagan
 */
export function breuschPaganOfQr(residuals: NumberArray, qr: HouseholderQr): BreuschPaganResult {
  checkFinite("breuschPagan", "residual", residuals, 3);
  if (qr.rows !== residuals.length || qr.rank !== qr.cols) throw new RangeError("breuschPaganOfQr requires a full-rank QR with one row per residual");
  const y = squaresOf(residuals);
  const qty = qr.applyQt(y);
  let ssr = 0;
  for (let i = qr.rank; i < qty.length; i++) ssr += qty[i] * qty[i];
  return breuschPaganOfAuxiliary(y, ssr, qr.rank);
}

/** squaresOf(e) → e² elementwise. */
function squaresOf(residuals: NumberArray): Float64Array {
  return Float64Array.from(residuals, (e) => e * e);
}

/** breuschPaganOfAuxiliary(y, ssr, rank) → the statistics from the auxiliary regression of y = e² (SSR ssr, rank columns with the intercept). */
function breuschPaganOfAuxiliary(y: Float64Array, ssr: number, rank: number): BreuschPaganResult {
  const n = y.length;
  const sst = centeredSumOfSquares(y);
  if (!(sst > 0)) throw new RangeError("breuschPagan requires squared residuals that are not all equal");
  const q = rank - 1;
  const dfResid = n - rank;
  if (!(dfResid >= 1)) throw new RangeError(`breuschPagan requires more residuals than regressors plus one (n = ${n}, q = ${q})`);
  const rsquared = 1 - ssr / sst;
  const lm = n * rsquared;
  const f = ((sst - ssr) / q) / (ssr / dfResid);
  return { lm, lmPValue: chiSquareSf(lm, q), f, fPValue: fSf(f, q, dfResid) };
}
