import { describe, expect, it } from "vitest";
import {
  chiSquareCdf,
  chiSquareSf,
  fCdf,
  fSf,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSf,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from "../../src/util/special-functions";
import { expectClose, reference } from "../analysis/reference";

const special = reference.special;

describe("logGamma", () => {
  it("logGamma(x) matches scipy.special.gammaln to 1e-13 relative", () => {
    // scipy: gammaln(x)
    for (const { x, value } of special.gammaln) expectClose(logGamma(x), value, { rel: 1e-13, abs: 1e-15 });
  });

  it("logGamma(n) is ln((n − 1)!) for integers", () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expectClose(logGamma(n), Math.log(factorial), { rel: 1e-14, abs: 1e-15 });
      factorial *= n;
    }
  });

  it("logGamma(x) rejects x ≤ 0, NaN and Infinity", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow("logGamma requires a finite x > 0");
    expect(() => logGamma(NaN)).toThrow(RangeError);
    expect(() => logGamma(Infinity)).toThrow(RangeError);
  });
});

describe("regularizedGammaP / regularizedGammaQ", () => {
  it("regularizedGammaP(a, x) and regularizedGammaQ(a, x) match scipy gammainc / gammaincc to 1e-12 relative", () => {
    // scipy: gammainc(a, x), gammaincc(a, x)
    for (const { a, x, p, q } of special.gamma) {
      expectClose(regularizedGammaP(a, x), p, { rel: 1e-12, abs: 1e-300 });
      expectClose(regularizedGammaQ(a, x), q, { rel: 1e-12, abs: 1e-300 });
    }
  });

  it("regularizedGammaP(1, x) is 1 − e^−x and P + Q = 1", () => {
    for (const x of [0.01, 0.5, 1, 3, 20]) {
      expectClose(regularizedGammaP(1, x), -Math.expm1(-x), { rel: 1e-14 });
      expectClose(regularizedGammaP(3.5, x) + regularizedGammaQ(3.5, x), 1, { abs: 1e-15 });
    }
  });

  it("regularizedGammaP(a, 0) is 0 and regularizedGammaQ(a, Infinity) is 0", () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
  });

  it("regularizedGammaP(a, x) rejects a ≤ 0, x < 0 and NaN", () => {
    expect(() => regularizedGammaP(0, 1)).toThrow("regularizedGammaP requires a finite shape a > 0");
    expect(() => regularizedGammaQ(1, -1)).toThrow("regularizedGammaQ requires x >= 0");
    expect(() => regularizedGammaP(1, NaN)).toThrow(RangeError);
    expect(() => regularizedGammaQ(NaN, 1)).toThrow(RangeError);
  });
});

describe("normal distribution", () => {
  it("normalCdf(x) and normalSf(x) match scipy.stats.norm to 1e-13 relative, deep into the tails", () => {
    // scipy: norm.cdf(x), norm.sf(x)
    for (const { x, cdf, sf } of special.norm_cdf) {
      expectClose(normalCdf(x), cdf, { rel: 1e-13 });
      expectClose(normalSf(x), sf, { rel: 1e-13 });
    }
  });

  it("normalQuantile(p) matches scipy.stats.norm.ppf to 1e-14 relative", () => {
    // scipy: norm.ppf(p)
    for (const { p, ppf } of special.norm_ppf) expectClose(normalQuantile(p), ppf, { rel: 1e-14, abs: 1e-16 });
  });

  it("normalCdf(normalQuantile(p)) returns p", () => {
    for (const p of [1e-12, 0.001, 0.2, 0.5, 0.8, 0.999]) expectClose(normalCdf(normalQuantile(p)), p, { rel: 1e-13 });
  });

  it("normalCdf is symmetric and the infinities map to 0 and 1", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
    for (const x of [0.3, 1.7, 4.2]) expectClose(normalCdf(x) + normalCdf(-x), 1, { abs: 1e-16 });
  });

  it("normalQuantile(p) rejects p outside [0, 1] and NaN", () => {
    expect(() => normalQuantile(1.5)).toThrow("normalQuantile requires p in [0, 1]");
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(NaN)).toThrow(RangeError);
    expect(() => normalCdf(NaN)).toThrow(RangeError);
  });
});

describe("chi-square distribution", () => {
  it("chiSquareCdf(x, df) and chiSquareSf(x, df) match scipy.stats.chi2 to 1e-12 relative", () => {
    // scipy: chi2.cdf(x, df), chi2.sf(x, df)
    for (const { x, df, cdf, sf } of special.chi2) {
      expectClose(chiSquareCdf(x, df), cdf, { rel: 1e-12, abs: 1e-300 });
      expectClose(chiSquareSf(x, df), sf, { rel: 1e-12, abs: 1e-300 });
    }
  });

  it("chiSquareSf(x, 2) is e^(−x/2)", () => {
    for (const x of [0.1, 1, 5.991464547107979, 40]) expectClose(chiSquareSf(x, 2), Math.exp(-x / 2), { rel: 1e-14 });
  });

  it("chiSquareSf(x, df) of x ≤ 0 is 1 and it rejects df ≤ 0", () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareCdf(-1, 3)).toBe(0);
    expect(() => chiSquareSf(1, 0)).toThrow("chiSquareSf requires df > 0");
    expect(() => chiSquareCdf(1, NaN)).toThrow(RangeError);
    expect(() => chiSquareSf(NaN, 2)).toThrow(RangeError);
  });
});

describe("incomplete beta and F distribution", () => {
  it("regularizedBeta(x, a, b) matches scipy.special.betainc to 1e-12 relative", () => {
    // scipy: betainc(a, b, x)
    for (const { x, a, b, value } of special.beta) expectClose(regularizedBeta(x, a, b), value, { rel: 1e-12, abs: 1e-300 });
  });

  it("regularizedBeta(x, a, b) = 1 − regularizedBeta(1 − x, b, a)", () => {
    for (const x of [0.1, 0.45, 0.9]) {
      expectClose(regularizedBeta(x, 2.5, 4) + regularizedBeta(1 - x, 4, 2.5), 1, { abs: 1e-15 });
    }
    expectClose(regularizedBeta(0.3, 1, 1), 0.3, { rel: 1e-14 });
  });

  it("fCdf(x, d1, d2) and fSf(x, d1, d2) match scipy.stats.f to 1e-12 relative", () => {
    // scipy: f.cdf(x, d1, d2), f.sf(x, d1, d2)
    for (const { x, d1, d2, cdf, sf } of special.f) {
      expectClose(fCdf(x, d1, d2), cdf, { rel: 1e-12, abs: 1e-300 });
      expectClose(fSf(x, d1, d2), sf, { rel: 1e-12, abs: 1e-300 });
    }
  });

  it("regularizedBeta and the F functions reject out-of-range arguments", () => {
    expect(() => regularizedBeta(2, 1, 1)).toThrow("regularizedBeta requires x in [0, 1]");
    expect(() => regularizedBeta(0.5, 0, 1)).toThrow(RangeError);
    expect(() => regularizedBeta(0.5, 1, NaN)).toThrow(RangeError);
    expect(() => fSf(1, 0, 3)).toThrow("fSf requires d1 > 0 and d2 > 0");
    expect(() => fCdf(NaN, 1, 3)).toThrow(RangeError);
    expect(fSf(0, 2, 3)).toBe(1);
    expect(fCdf(Infinity, 2, 3)).toBe(1);
  });
});
