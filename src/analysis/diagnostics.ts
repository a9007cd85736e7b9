/**
 * Residual and design diagnostics of a fitted regression, bundled for the `fit` summary, plus
 * re-exports of each test so callers can import them from one place.
 */
import type { Diagnostics } from "../models/fit-summary";
import { breuschPagan, breuschPaganOfQr } from "./breusch-pagan";
import { householderQr, type HouseholderQr } from "../linalg/qr";
import { conditionNumber, conditionNumberOfR } from "./condition-number";
import { durbinWatson } from "./durbin-watson";
import { jarqueBera } from "./jarque-bera";
import { designMatrixFromColumns } from "../models/standardize";
import { designColumns, centeredSumOfSquares, onesColumn, RANK_TOLERANCE, type MatrixInput } from "./least-squares";
import { ljungBox } from "./ljung-box";
import { shapiroWilk } from "./shapiro-wilk";
import { checkFinite, type NumberArray } from "../util/vector-checks";
import { vif, vifOfFullRankQr } from "./vif";

export { breuschPagan, type BreuschPaganResult } from "./breusch-pagan";
export { conditionNumber, type ConditionNumberOptions } from "./condition-number";
export { durbinWatson } from "./durbin-watson";
export { jarqueBera, type JarqueBeraResult } from "./jarque-bera";
export type { MatrixInput } from "./least-squares";
export { ljungBox, type LjungBoxResult } from "./ljung-box";
export { shapiroWilk, type ShapiroWilkResult } from "./shapiro-wilk";
export { vif } from "./vif";
export type { Diagnostics } from "../models/fit-summary";

/**
 * diagnose(residuals, X, names) runs every diagnostic on one fit: VIF and condition numbers of the
 * design, and Durbin–Watson, Ljung–Box, Jarque–Bera, Shapiro–Wilk and Breusch–Pagan on the
 * residuals. X holds the regressors without the intercept (it is added where a test needs it).
 * Tests that cannot be computed on these data give null; VIF of a constant column is NaN.
 * Breusch–Pagan uses only the non-constant columns of X. O(n · p²) when [1, X] has full rank
 * (one QR for the VIFs and condition numbers), else O(n · p³).
 *
 * @param residuals - residuals of the fit in time order
 * @param X - regressors without intercept, one row per residual (rows as arrays, an ml-matrix, or a DesignMatrix)
 * @param names - one name per column of X
 * @param designQr - the QR of [1, X] when the caller has it (an OLS fit's): used when it has full
 *   rank, the same factorisation diagnose would compute, so the same bits
 * @returns the diagnostics block; p-values in [0, 1]
 * @throws RangeError if X does not have one row per residual, names do not match its columns, or
 *   a value is not finite
 * @example diagnose([1, -1, 2, -2, 1, -1], [[1], [2], [3], [4], [5], [6]], ["tv"]).vif // => { tv: 1 }
 */
export function diagnose(residuals: NumberArray, X: MatrixInput, names: readonly string[], designQr?: HouseholderQr): Diagnostics {
  checkFinite("diagnose", "residual", residuals, 1);
  const n = residuals.length;
  const columns = designColumns("diagnose", X, n);
  if (names.length !== columns.length) {
    throw new RangeError(`diagnose requires one name per column of X (got ${names.length} names for ${columns.length} columns)`);
  }
  // [1, X], built only when no full-rank QR of it was given.
  let built: ReturnType<typeof designMatrixFromColumns> | null = null;
  const rows = () => (built ??= designMatrixFromColumns([onesColumn(n), ...columns]));
  const residualSs = centeredSumOfSquares(residuals);
  let sumSq = 0;
  for (let i = 0; i < n; i++) sumSq += residuals[i] * residuals[i];
  const varies = residualSs > 0;
  const lags = Math.min(10, Math.floor(n / 5));
  const nonConstant = columns.filter((c) => centeredSumOfSquares(c) > 0);
  const squares = Float64Array.from(residuals, (e) => e * e);
  const bpApplies =
    nonConstant.length > 0 && n >= nonConstant.length + 2 && centeredSumOfSquares(squares) > 0;
  // One QR of [1, X] serves the VIFs and both condition numbers when it has full rank.
  const k = columns.length + 1;
  const given = designQr !== undefined && designQr.rows === n && designQr.cols === k && designQr.rank === k;
  const qr = given ? designQr : n > k ? householderQr(rows(), RANK_TOLERANCE) : null;
  const full = qr !== null && qr.rank === k;
  const vifs = full ? vifOfFullRankQr(qr, columns.map(centeredSumOfSquares)) : null;
  return {
    vif: vifs === null ? vif(X, names) : Object.fromEntries(names.map((name, j) => [name, vifs[j]])),
    condition_number: full ? conditionNumberOfR(qr.R, k, false) : n >= k ? conditionNumber(rows()) : null,
    condition_number_scaled: full ? conditionNumberOfR(qr.R, k, true) : n >= k ? conditionNumber(rows(), { unitLength: true }) : null,
    durbin_watson: n >= 2 && sumSq > 0 ? durbinWatson(residuals) : null,
    ljung_box_lags: lags >= 1 && varies ? lags : null,
    ljung_box_p: lags >= 1 && varies ? ljungBox(residuals, lags).pValue : null,
    jarque_bera_p: n >= 2 && varies ? jarqueBera(residuals).pValue : null,
    shapiro_p: n >= 3 && n <= 5000 && varies ? shapiroWilk(residuals).pValue : null,
    breusch_pagan_p: !bpApplies ? null : full && nonConstant.length === columns.length ? breuschPaganOfQr(residuals, qr).lmPValue : breuschPagan(residuals, designMatrixFromColumns(nonConstant)).lmPValue,
  };
}
