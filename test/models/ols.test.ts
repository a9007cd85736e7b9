// Reference values: statsmodels OLS(y, add_constant(X)).fit() (default method "pinv"; method "qr"
// is also stored), plus the exact rational least-squares solution of the Longley problem, all
// computed by test/fixtures/models/make_reference.py (library versions in reference.json →
// "versions"). Note: statsmodels 0.13's method="qr" forms inv(RᵀR) for the covariance, which
// squares the condition number; its Longley standard errors are 2e-8 off the exact ones, so the
// qr variant is used for coefficients only.
import { afterAll, describe, expect, it } from "vitest";
// ml-regression ships no type declarations; a local shim for this cross-check only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MultivariateLinearRegression } = require("ml-regression") as {
  MultivariateLinearRegression: new (x: number[][], y: number[][], o?: { intercept?: boolean }) => { weights: number[][] };
};
import { fitOls } from "../../src/models/ols";
import { designMatrix, designMatrixFromColumns, predictLinear } from "../../src/models/standardize";
import { longleyX, reference, reportErrors, syntheticX, track, type OlsRef } from "../fixtures/models/reference";
import { expectClose } from "../helpers/expect-close";

afterAll(() => {
  if (process.env.MIXLAB_PRINT_ERRORS) console.log("ols max rel err", reportErrors());
});

const REL = 1e-8;

function checkAgainst(label: string, fit: ReturnType<typeof fitOls>, ref: OlsRef): void {
  track(`${label} params`, fit.estimates, ref.params);
  track(`${label} bse`, fit.standardErrors, ref.bse);
  track(`${label} t`, fit.tValues, ref.tvalues);
  track(`${label} r2`, [fit.rSquared, fit.adjRSquared], [ref.rsquared, ref.rsquared_adj]);
  track(`${label} F`, fit.fStatistic, ref.fvalue);
  track(`${label} p-values (absolute)`, [...fit.pValues, fit.fPValue], [...ref.pvalues, ref.f_pvalue], 1);
  expectClose(fit.estimates, ref.params, { rel: REL });
  expectClose(fit.standardErrors, ref.bse, { rel: REL });
  expectClose(fit.tValues, ref.tvalues, { rel: REL });
  expectClose(fit.pValues, ref.pvalues, { abs: 1e-6 });
  expectClose(fit.pValues, ref.pvalues, { rel: 1e-6, abs: 1e-300 });
  expectClose(fit.ciLower, ref.conf_int.map((c) => c[0]), { rel: REL });
  expectClose(fit.ciUpper, ref.conf_int.map((c) => c[1]), { rel: REL });
  expectClose(fit.rSquared, ref.rsquared, { rel: REL });
  expectClose(fit.adjRSquared, ref.rsquared_adj, { rel: REL });
  expectClose(fit.fStatistic, ref.fvalue, { rel: REL });
  expectClose(fit.fPValue, ref.f_pvalue, { abs: 1e-6 });
  expectClose(fit.ssr, ref.ssr, { rel: REL });
  expectClose(fit.sigma ** 2, ref.scale, { rel: REL });
  expect(fit.dfResidual).toBe(ref.df_resid);
  expect(fit.dfModel).toBe(ref.df_model);
  expectClose(fit.fitted, ref.fittedvalues, { rel: REL });
  expectClose(fit.residuals, ref.resid, { rel: 1e-6, abs: 1e-9 * Math.max(...ref.fittedvalues.map(Math.abs)) });
}

describe("fitOls", () => {
  it("fitOls(X, y) matches statsmodels OLS with a constant on the synthetic data to 1e-8", () => {
    const fit = fitOls(syntheticX, reference.synthetic.y, { names: reference.synthetic.names });
    checkAgainst("synthetic", fit, reference.ols.synthetic_const.pinv);
    expectClose(fit.estimates, reference.ols.synthetic_const.qr.params, { rel: REL });
    expect(fit.terms).toEqual(["(intercept)", ...reference.synthetic.names]);
  });

  it("fitOls(X, y, { intercept: false }) matches statsmodels OLS without a constant (uncentred R²)", () => {
    const fit = fitOls(syntheticX, reference.synthetic.y, { intercept: false });
    checkAgainst("synthetic no constant", fit, reference.ols.synthetic_noconst.pinv);
    expect(fit.intercept).toBe(0);
    expect(fit.terms).toEqual(["x0", "x1", "x2", "x3"]);
  });

  it("fitOls on the Longley data matches statsmodels to 1e-8", () => {
    const fit = fitOls(longleyX, reference.longley.y, { names: reference.longley.names });
    checkAgainst("longley", fit, reference.ols.longley_const.pinv);
    expectClose(fit.estimates, reference.ols.longley_const.qr.params, { rel: REL });
  });

  it("fitOls on the Longley data matches the exact rational least-squares solution to 1e-9", () => {
    const ex = reference.longley.exact;
    const fit = fitOls(longleyX, reference.longley.y);
    track("longley vs exact params", fit.estimates, ex.params);
    track("longley vs exact bse", fit.standardErrors, ex.bse);
    expectClose(fit.estimates, ex.params, { rel: 1e-9 });
    expectClose(fit.standardErrors, ex.bse, { rel: 1e-9 });
    expectClose(fit.rSquared, ex.rsquared, { rel: 1e-12 });
    expectClose(fit.sigma, ex.sigma, { rel: 1e-9 });
  });

  it("fitOls fitted values equal X·b + b0 and residuals sum to 0 with an intercept", () => {
    const fit = fitOls(syntheticX, reference.synthetic.y);
    expectClose(fit.fitted, predictLinear(syntheticX, fit.coefficients, fit.intercept), { rel: 1e-13 });
    const sum = fit.residuals.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum)).toBeLessThan(1e-10);
    for (let i = 0; i < fit.residuals.length; i++) {
      expect(fit.residuals[i]).toBeCloseTo(reference.synthetic.y[i] - fit.fitted[i], 12);
    }
  });

  it("fitOls covariance is symmetric and its diagonal is the squared standard errors", () => {
    const fit = fitOls(syntheticX, reference.synthetic.y);
    const k = fit.terms.length;
    for (let a = 0; a < k; a++) {
      expectClose(fit.covariance[a * k + a], fit.standardErrors[a] ** 2, { rel: 1e-14 });
      for (let b = 0; b < k; b++) expect(fit.covariance[a * k + b]).toBe(fit.covariance[b * k + a]);
    }
  });

  it("fitOls of an exact line recovers it with zero residuals", () => {
    const X = designMatrix([[1, 0], [2, 1], [3, 5], [4, 2], [5, 7]]);
    const y = [1, 2, 3, 4, 5].map((_, i) => 3 + 2 * X.data[i * 2] - 0.5 * X.data[i * 2 + 1]);
    const fit = fitOls(X, y);
    expectClose(fit.estimates, [3, 2, -0.5], { rel: 1e-13 });
    expect(fit.rSquared).toBeCloseTo(1, 14);
    expect(fit.fPValue).toBeLessThan(1e-10);
  });

  it("fitOls agrees with ml-regression's MultivariateLinearRegression on the synthetic data", () => {
    const fit = fitOls(syntheticX, reference.synthetic.y);
    const mlr = new MultivariateLinearRegression(reference.synthetic.X, reference.synthetic.y.map((v) => [v]));
    // ml-regression puts the intercept weight last; it solves by SVD, so agree to 1e-8
    const w = mlr.weights.map((r) => r[0]);
    expectClose(fit.coefficients, w.slice(0, 4), { rel: 1e-8 });
    expectClose(fit.intercept, w[4], { rel: 1e-8 });
  });

  it("fitOls with a column that is a combination of others names the collinear columns", () => {
    const tv = reference.synthetic.X.map((r) => r[0]);
    const radio = reference.synthetic.X.map((r) => r[1]);
    const both = tv.map((v, i) => v + 2 * radio[i]);
    const X = designMatrixFromColumns([tv, radio, both]);
    expect(() => fitOls(X, reference.synthetic.y, { names: ["tv", "radio", "both"] })).toThrow(
      'fitOls found collinear columns (rank 3 of 4): "both" is a linear combination of "tv", "radio"',
    );
  });

  it("fitOls with a constant column and an intercept names the intercept as the dependency", () => {
    const X = designMatrixFromColumns([reference.synthetic.X.map((r) => r[0]), reference.synthetic.X.map(() => 7)]);
    expect(() => fitOls(X, reference.synthetic.y, { names: ["tv", "const"] })).toThrow(/"const" is a linear combination of "\(intercept\)"/);
  });

  it("fitOls with an all-zero column says so", () => {
    const X = designMatrixFromColumns([reference.synthetic.X.map((r) => r[0]), reference.synthetic.X.map(() => 0)]);
    expect(() => fitOls(X, reference.synthetic.y, { names: ["tv", "empty"] })).toThrow(/"empty" is all zeros/);
  });

  it("fitOls does not mutate its inputs", () => {
    const X = designMatrix(reference.synthetic.X);
    const copy = Float64Array.from(X.data);
    const y = Float64Array.from(reference.synthetic.y);
    const yCopy = Float64Array.from(y);
    fitOls(X, y);
    expect(X.data).toEqual(copy);
    expect(y).toEqual(yCopy);
  });

  it("fitOls rejects bad input with a RangeError naming fitOls", () => {
    expect(() => fitOls(syntheticX, [1, 2, 3])).toThrow(/fitOls requires y of length X.rows/);
    expect(() => fitOls(designMatrix([[1], [2]]), [1, 2])).toThrow(/fitOls requires more rows than coefficients/);
    const bad = designMatrix([[1], [2], [3]]);
    expect(() => fitOls(bad, [1, NaN, 3])).toThrow(/fitOls requires finite y/);
    expect(() => fitOls(syntheticX, reference.synthetic.y, { names: ["a"] })).toThrow(/fitOls requires one name per column/);
    expect(() => fitOls(syntheticX, reference.synthetic.y, { level: 1 })).toThrow(RangeError);
  });
});
