import { describe, expect, it } from "vitest";
import { shapiroWilk } from "../../src/analysis/shapiro-wilk";
import { reference } from "../fixtures/analysis/reference";
import { expectClose } from "../helpers/expect-close";

const cases = Object.entries(reference.shapiro);

describe("shapiroWilk", () => {
  it.each(cases)("shapiroWilk(%s) matches R's shapiro.test (double-precision AS R94) to 1e-12", (_key, c) => {
    // R: shapiro.test(x)$statistic, $p.value
    if (c.r === null) throw new Error("reference.json was made without Rscript; rerun make_reference.py with r-base-core");
    const got = shapiroWilk(c.x);
    expectClose(got.w, c.r.w, { rel: 1e-12 });
    expectClose(got.pValue, c.r.p, { abs: 1e-12, rel: 1e-9 });
  });

  it.each(cases)("shapiroWilk(%s) agrees with the installed scipy.stats.shapiro within its single-precision error", (_key, c) => {
    // scipy < 1.12 (reference.versions.scipy) computes swilk in float32: W is good to about 1e-6
    // and p to about 1e-4 at n = 1000. scipy >= 1.12 is double precision and equals R.
    const got = shapiroWilk(c.x);
    expectClose(got.w, c.scipy.w, { abs: 5e-6 });
    expectClose(got.pValue, c.scipy.p, { abs: 1e-6 + 0.002 * (c.x.length / 1000) });
  });

  it("shapiroWilk of n = 3 uses the exact p-value 1 − (6/π)·acos(√W)", () => {
    // R: shapiro.test(c(1, 2, 4)) gives W = 0.9642857, p = 0.6368868
    const got = shapiroWilk([1, 2, 4]);
    expectClose(got.w, 27 / 28, { rel: 1e-15 });
    expectClose(got.pValue, 1 - (6 / Math.PI) * Math.acos(Math.sqrt(27 / 28)), { rel: 1e-14 });
    expect(shapiroWilk([1, 2, 3]).pValue).toBeCloseTo(1, 14);
  });

  it("shapiroWilk does not depend on order, location or scale of the sample", () => {
    const x = reference.shapiro.gamma_50.x;
    const base = shapiroWilk(x);
    const moved = shapiroWilk([...x].reverse().map((v) => 3 * v - 1000));
    expectClose(moved.w, base.w, { rel: 1e-12 });
    expectClose(moved.pValue, base.pValue, { rel: 1e-9 });
  });

  it("shapiroWilk leaves its input unsorted and unchanged", () => {
    const x = Float64Array.from([5, 1, 4, 2, 3]);
    shapiroWilk(x);
    expect(Array.from(x)).toEqual([5, 1, 4, 2, 3]);
  });

  it("shapiroWilk rejects n < 3, n > 5000, equal values and NaN", () => {
    expect(() => shapiroWilk([1, 2])).toThrow("shapiroWilk requires at least 3 sample values");
    expect(() => shapiroWilk(Array.from({ length: 5001 }, (_, i) => i))).toThrow("shapiroWilk requires at most 5000 values (got 5001)");
    expect(() => shapiroWilk([2, 2, 2, 2])).toThrow("shapiroWilk requires values that are not all equal");
    expect(() => shapiroWilk([1, NaN, 3])).toThrow(RangeError);
  });
});
