import { describe, expect, it } from "vitest";
import { jarqueBera } from "../../src/analysis/jarque-bera";
import { reference } from "../fixtures/analysis/reference";
import { expectClose } from "../helpers/expect-close";

describe("jarqueBera", () => {
  it("jarqueBera(residuals) matches statsmodels jarque_bera (statistic, p-value, skew, kurtosis)", () => {
    // statsmodels: jarque_bera(resid) -> (jb, jb_pv, skew, kurtosis)
    for (const c of [reference.design, ...Object.values(reference.residuals)]) {
      const got = jarqueBera(c.residuals);
      expectClose(got.statistic, c.jarque_bera.statistic, { rel: 1e-9 });
      expectClose(got.skew, c.jarque_bera.skew, { rel: 1e-9 });
      expectClose(got.kurtosis, c.jarque_bera.kurtosis, { rel: 1e-9 });
      expectClose(got.pValue, c.jarque_bera.p, { abs: 1e-7, rel: 1e-9 });
    }
  });

  it("jarqueBera of a symmetric sample has zero skew and Pearson (not excess) kurtosis", () => {
    // m2 = 1.25, m4 = 2.5625: K = 1.64; JB = 4/6 · (1.64 − 3)²/4; p = e^(−JB/2)
    const got = jarqueBera([1, 2, 3, 4]);
    expect(got.skew).toBe(0);
    expect(got.kurtosis).toBe(1.64);
    expectClose(got.statistic, (4 / 6) * ((1.64 - 3) ** 2 / 4), { rel: 1e-14 });
    expectClose(got.pValue, Math.exp(-got.statistic / 2), { rel: 1e-14 });
  });

  it("jarqueBera rejects fewer than 2 values, constant residuals and NaN", () => {
    expect(() => jarqueBera([1])).toThrow("jarqueBera requires at least 2 residual values");
    expect(() => jarqueBera([3, 3])).toThrow("jarqueBera requires residuals that are not all equal");
    expect(() => jarqueBera([1, NaN])).toThrow(RangeError);
  });
});
