import { describe, expect, it } from "vitest";
import { durbinWatson } from "../../src/analysis/durbin-watson";
import { reference } from "../fixtures/analysis/reference";
import { expectClose } from "../helpers/expect-close";

describe("durbinWatson", () => {
  it("durbinWatson(residuals) matches statsmodels durbin_watson to 1e-12 relative", () => {
    // statsmodels: durbin_watson(resid)
    for (const c of [reference.design, ...Object.values(reference.residuals)]) {
      expectClose(durbinWatson(c.residuals), c.durbin_watson, { rel: 1e-12 });
    }
  });

  it("durbinWatson of alternating residuals is near 4 and of a constant run is 0", () => {
    expect(durbinWatson([1, -1, 1, -1])).toBe(3);
    expect(durbinWatson([2, 2, 2])).toBe(0);
  });

  it("durbinWatson accepts a Float64Array", () => {
    expect(durbinWatson(Float64Array.from([1, -1, 1, -1]))).toBe(3);
  });

  it("durbinWatson rejects fewer than 2 residuals, all-zero residuals and NaN", () => {
    expect(() => durbinWatson([1])).toThrow("durbinWatson requires at least 2 residual values");
    expect(() => durbinWatson([0, 0, 0])).toThrow("durbinWatson requires residuals that are not all zero");
    expect(() => durbinWatson([1, NaN])).toThrow(RangeError);
  });
});
