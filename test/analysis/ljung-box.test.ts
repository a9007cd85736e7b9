import { describe, expect, it } from "vitest";
import { ljungBox } from "../../src/analysis/ljung-box";
import { chiSquareSf } from "../../src/util/distributions";
import { reference } from "../fixtures/analysis/reference";
import { expectClose } from "../helpers/expect-close";

describe("ljungBox", () => {
  it("ljungBox(residuals, lags) matches statsmodels acorr_ljungbox at lags 1, 5 and 10", () => {
    // statsmodels: acorr_ljungbox(resid, lags=[1, 5, 10])
    for (const c of [reference.design, ...Object.values(reference.residuals)]) {
      for (const [lags, want] of Object.entries(c.ljung_box)) {
        const got = ljungBox(c.residuals, Number(lags));
        expectClose(got.statistic, want.statistic, { rel: 1e-9 });
        expectClose(got.pValue, want.p, { abs: 1e-7, rel: 1e-9 });
      }
    }
  });

  it("ljungBox of an alternating series at lag 1 is n(n + 2) r₁² / (n − 1) with r₁ = −5/6", () => {
    const got = ljungBox([1, -1, 1, -1, 1, -1], 1);
    expectClose(got.statistic, (6 * 8 * (25 / 36)) / 5, { rel: 1e-15 });
    expect(got.pValue).toBe(chiSquareSf(got.statistic, 1));
  });

  it("ljungBox of strongly autocorrelated residuals has a small p-value", () => {
    expect(ljungBox(reference.residuals.ar07_t5_150.residuals, 5).pValue).toBeLessThan(1e-10);
  });

  it("ljungBox rejects lags outside [1, n − 1], constant residuals and NaN", () => {
    expect(() => ljungBox([1, 2, 3], 3)).toThrow("ljungBox requires lags to be an integer in [1, 2]");
    expect(() => ljungBox([1, 2, 3], 0)).toThrow(RangeError);
    expect(() => ljungBox([1, 2, 3], 1.5)).toThrow(RangeError);
    expect(() => ljungBox([4, 4, 4], 1)).toThrow("ljungBox requires residuals that are not all equal");
    expect(() => ljungBox([1, NaN, 3], 1)).toThrow(RangeError);
  });
});
