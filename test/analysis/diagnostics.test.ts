import { describe, expect, it } from "vitest";
import {
  breuschPagan,
  conditionNumber,
  diagnose,
  durbinWatson,
  jarqueBera,
  ljungBox,
  shapiroWilk,
  vif,
} from "../../src/analysis/diagnostics";
import { fitOls } from "../../src/models/ols";
import { designMatrix } from "../../src/models/standardize";
import { reference } from "../fixtures/analysis/reference";
import { expectClose } from "../helpers/expect-close";

const d = reference.design;

describe("diagnose", () => {
  it("diagnose(residuals, X, names) bundles the statsmodels / numpy reference values", () => {
    const got = diagnose(d.residuals, d.X, d.names);
    for (const name of d.names) expectClose(got.vif[name] ?? NaN, d.vif[name], { rel: 1e-9 });
    expectClose(got.condition_number!, d.cond_with_const, { rel: 1e-9 });
    expectClose(got.condition_number_scaled!, d.cond_with_const_unit_length, { rel: 1e-9 });
    expectClose(got.durbin_watson!, d.durbin_watson, { rel: 1e-12 });
    expect(got.ljung_box_lags).toBe(d.ljung_box_default_lags);
    expectClose(got.ljung_box_p!, d.ljung_box[String(d.ljung_box_default_lags)].p, { abs: 1e-7, rel: 1e-9 });
    expectClose(got.jarque_bera_p!, d.jarque_bera.p, { abs: 1e-7, rel: 1e-9 });
    expectClose(got.breusch_pagan_p!, d.breusch_pagan.lm_p, { abs: 1e-7, rel: 1e-9 });
  });

  it("diagnose(residuals, X, names) equals the individual tests", () => {
    const got = diagnose(d.residuals, d.X, d.names);
    expect(got).toEqual({
      vif: vif(d.X, d.names),
      condition_number: conditionNumber(d.X.map((r) => [1, ...r])),
      condition_number_scaled: conditionNumber(d.X.map((r) => [1, ...r]), { unitLength: true }),
      durbin_watson: durbinWatson(d.residuals),
      ljung_box_lags: 10,
      ljung_box_p: ljungBox(d.residuals, 10).pValue,
      jarque_bera_p: jarqueBera(d.residuals).pValue,
      shapiro_p: shapiroWilk(d.residuals).pValue,
      breusch_pagan_p: breuschPagan(d.residuals, d.X).lmPValue,
    });
  });

  it("diagnose(residuals, X, names, qr) with the QR of [1, X] an OLS fit made gives the same diagnostics bit for bit", () => {
    const X = designMatrix(d.X);
    const fit = fitOls(X, d.X.map((_, i) => i + d.residuals[i]));
    expect(diagnose(d.residuals, d.X, d.names, fit.qr)).toEqual(diagnose(d.residuals, d.X, d.names));
    // a QR of another shape is not used
    const other = fitOls(designMatrix(d.X.map((r) => r.slice(1))), d.X.map((_, i) => i + d.residuals[i]));
    expect(diagnose(d.residuals, d.X, d.names, other.qr)).toEqual(diagnose(d.residuals, d.X, d.names));
  });

  it("diagnose gives null for tests that do not apply instead of throwing", () => {
    const got = diagnose([0.5, -0.5], [[1], [2]], ["tv"]);
    expect(got.ljung_box_p).toBeNull();
    expect(got.ljung_box_lags).toBeNull();
    expect(got.shapiro_p).toBeNull();
    expect(got.breusch_pagan_p).toBeNull();
    expect(got.durbin_watson).toBe(2);
    const perfect = diagnose([0, 0, 0, 0, 0, 0], [[1], [2], [3], [4], [5], [7]], ["tv"]);
    expect(perfect.durbin_watson).toBeNull();
    expect(perfect.jarque_bera_p).toBeNull();
    expect(perfect.shapiro_p).toBeNull();
  });

  it("diagnose skips constant regressors in Breusch–Pagan and reports their VIF as NaN", () => {
    const X = d.X.map((r) => [r[0], 1, r[1]]);
    const got = diagnose(d.residuals, X, ["tv", "always_on", "radio"]);
    expect(got.vif.always_on).toBeNaN();
    expect(got.breusch_pagan_p).toBe(breuschPagan(d.residuals, d.X.map((r) => [r[0], r[1]])).lmPValue);
  });

  it("diagnose rejects X with the wrong number of rows or names", () => {
    expect(() => diagnose([1, 2, 3], [[1], [2]], ["tv"])).toThrow("diagnose requires X to have one row per residual (got 2 rows for 3 residuals)");
    expect(() => diagnose([1, 2], [[1], [2]], ["tv", "radio"])).toThrow("diagnose requires one name per column of X (got 2 names for 1 columns)");
  });
});
