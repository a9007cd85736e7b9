import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { breuschPagan, breuschPaganOfQr } from "../../src/analysis/breusch-pagan";
import { designColumns, onesColumn } from "../../src/analysis/least-squares";
import { householderQr } from "../../src/linalg/qr";
import { designMatrixFromColumns } from "../../src/models/standardize";
import { chiSquareSf, fSf } from "../../src/util/distributions";
import { reference } from "../fixtures/analysis/reference";
import { expectClose } from "../helpers/expect-close";

const d = reference.design;

describe("breuschPagan", () => {
  it("breuschPagan(residuals, X) matches statsmodels het_breuschpagan(resid, add_constant(X)) (robust=True)", () => {
    // statsmodels: het_breuschpagan(resid, sm.add_constant(X)) -> (lm, lm_pvalue, fvalue, f_pvalue)
    const got = breuschPagan(d.residuals, d.X);
    expectClose(got.lm, d.breusch_pagan.lm, { rel: 1e-9 });
    expectClose(got.f, d.breusch_pagan.f, { rel: 1e-9 });
    expectClose(got.lmPValue, d.breusch_pagan.lm_p, { abs: 1e-7, rel: 1e-9 });
    expectClose(got.fPValue, d.breusch_pagan.f_p, { abs: 1e-7, rel: 1e-9 });
  });

  it("breuschPaganOfQr(residuals, QR of [1, X]) matches statsmodels het_breuschpagan as breuschPagan does", () => {
    const n = d.residuals.length;
    const qr = householderQr(designMatrixFromColumns([onesColumn(n), ...designColumns("test", d.X, n)]));
    const got = breuschPaganOfQr(d.residuals, qr);
    expectClose(got.lm, d.breusch_pagan.lm, { rel: 1e-9 });
    expectClose(got.f, d.breusch_pagan.f, { rel: 1e-9 });
    expectClose(got.lmPValue, d.breusch_pagan.lm_p, { abs: 1e-7, rel: 1e-9 });
    expect(() => breuschPaganOfQr(d.residuals.slice(1), qr)).toThrow(RangeError);
  });

  it("breuschPagan with one regressor is n·R² of e² on x", () => {
    // e² = 1, 4, 9, 16, 25 on x = 1..5: R² = 60² / (10 · 374)
    const got = breuschPagan([1, -2, 3, -4, 5], [[1], [2], [3], [4], [5]]);
    const r2 = 3600 / 3740;
    expectClose(got.lm, 5 * r2, { rel: 1e-14 });
    expectClose(got.f, r2 / ((1 - r2) / 3), { rel: 1e-13 });
    expect(got.lmPValue).toBe(chiSquareSf(got.lm, 1));
    expect(got.fPValue).toBe(fSf(got.f, 1, 3));
  });

  it("breuschPagan accepts an ml-matrix Matrix", () => {
    expect(breuschPagan(d.residuals, new Matrix(d.X))).toEqual(breuschPagan(d.residuals, d.X));
  });

  it("breuschPagan rejects a constant column, a row-count mismatch and too few residuals", () => {
    expect(() => breuschPagan([1, 2, 3, 4], [[1, 5], [2, 5], [3, 5], [4, 5]])).toThrow(
      "breuschPagan requires non-constant columns in X (column 1 is constant; the intercept is added internally)",
    );
    expect(() => breuschPagan([1, 2, 3], [[1], [2]])).toThrow("breuschPagan requires X to have one row per residual (got 2 rows for 3 residuals)");
    expect(() => breuschPagan([1, 2, 3], [[1, 0], [2, 1], [3, 5]])).toThrow("breuschPagan requires more residuals than regressors plus one");
    expect(() => breuschPagan([1, -1, 1], [[1], [2], [3]])).toThrow("breuschPagan requires squared residuals that are not all equal");
  });
});
