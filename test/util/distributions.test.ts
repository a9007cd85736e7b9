// Reference values: scipy.stats (test/fixtures/analysis/make_reference.py) and 50-digit mpmath
// next to scipy.stats.t / scipy.stats.f (fields mp_*, test/fixtures/models/make_reference.py);
// library versions in each reference.json → "versions". scipy 1.10's t.ppf (cephes) is itself
// only good to ≈ 1e-9, so it is checked loosely and mpmath tightly.
import { afterAll, describe, expect, it } from "vitest";
import {
  chiSquareCdf,
  chiSquareSf,
  fCdf,
  fSf,
  normalCdf,
  normalQuantile,
  normalSf,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  studentTSf,
  studentTTwoSidedP,
} from "../../src/util/distributions";
import { reference as analysisReference } from "../fixtures/analysis/reference";
import { reference as modelsReference, reportErrors, track } from "../fixtures/models/reference";
import { expectClose } from "../helpers/expect-close";

const special = analysisReference.special;
const D = modelsReference.distributions;

afterAll(() => {
  if (process.env.MIXLAB_PRINT_ERRORS) console.log("distributions max rel err", reportErrors());
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

describe("Student t distribution", () => {
  it("studentTCdf, studentTSf and studentTTwoSidedP match 50-digit mpmath to 1e-11 relative (scipy to 1e-9)", () => {
    for (const r of D.t_cdf) {
      const got = [studentTCdf(r.t, r.df), studentTSf(r.t, r.df), studentTTwoSidedP(r.t, r.df)];
      track("t cdf/sf/two-sided vs mpmath", got, [r.mp_cdf, r.mp_sf, r.mp_two_sided], 1e-300);
      // ν = 1e6 needs a continued fraction of ~1000 terms; rounding accumulates to ≈ 4e-11
      expectClose(got, [r.mp_cdf, r.mp_sf, r.mp_two_sided], { rel: r.df >= 1e6 ? 1e-10 : 1e-11, abs: 1e-300 });
      expectClose(got, [r.cdf, r.sf, r.two_sided], { rel: 1e-9, abs: 1e-300 });
    }
  });

  it("studentTQuantile matches 50-digit mpmath to 1e-11 relative (scipy.stats.t.ppf to 1e-8)", () => {
    for (const r of D.t_ppf) {
      const q = studentTQuantile(r.p, r.df);
      track("t ppf vs mpmath", q, r.mp_ppf, 1e-300);
      expectClose(q, r.mp_ppf, { rel: 1e-11, abs: 1e-15 });
      expectClose(q, r.ppf, { rel: 1e-8, abs: 1e-15 });
    }
  });

  it("studentTQuantile(0.975, 1) equals tan(0.475π) and studentTQuantile(p, 2) equals (2p − 1)/√(2p(1 − p))", () => {
    expectClose(studentTQuantile(0.975, 1), Math.tan(0.475 * Math.PI), { rel: 1e-14 });
    for (const p of [0.001, 0.3, 0.9]) {
      expectClose(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), { rel: 1e-13 });
    }
  });

  it("studentTQuantile(p, df) is the inverse of studentTCdf and is odd", () => {
    for (const df of [1, 4.5, 30]) {
      for (const p of [0.001, 0.2, 0.7, 0.99]) {
        expectClose(studentTCdf(studentTQuantile(p, df), df), p, { rel: 1e-12 });
      }
      // 1 − p is exact for these p, so symmetry must hold bit for bit
      for (const p of [0.125, 0.25, 0.0625]) expect(studentTQuantile(p, df)).toBe(-studentTQuantile(1 - p, df));
    }
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it("studentTPdf(t, 1) is the Cauchy density 1/(π(1 + t²))", () => {
    for (const t of [0, 0.5, 3, -20]) expectClose(studentTPdf(t, 1), 1 / (Math.PI * (1 + t * t)), { rel: 1e-14 });
  });

  it("studentTCdf at ±Infinity is 0 and 1", () => {
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTCdf(Infinity, 3)).toBe(1);
  });

  it("studentTCdf rejects NaN t and df ≤ 0", () => {
    expect(() => studentTCdf(NaN, 3)).toThrow(/studentTCdf requires a number t/);
    expect(() => studentTCdf(1, 0)).toThrow(/studentTCdf requires finite degrees of freedom/);
    expect(() => studentTQuantile(1.2, 3)).toThrow(/studentTQuantile requires p in \[0, 1\]/);
  });
});

describe("F distribution", () => {
  it("fCdf(x, d1, d2) and fSf(x, d1, d2) match scipy.stats.f to 1e-12 relative", () => {
    // scipy: f.cdf(x, d1, d2), f.sf(x, d1, d2)
    for (const { x, d1, d2, cdf, sf } of special.f) {
      expectClose(fCdf(x, d1, d2), cdf, { rel: 1e-12, abs: 1e-300 });
      expectClose(fSf(x, d1, d2), sf, { rel: 1e-12, abs: 1e-300 });
    }
  });

  it("fCdf and fSf match 50-digit mpmath to 1e-12 relative (scipy to 1e-11)", () => {
    for (const r of D.f) {
      const got = [fCdf(r.f, r.d1, r.d2), fSf(r.f, r.d1, r.d2)];
      track("f cdf/sf vs mpmath", got, [r.mp_cdf, r.mp_sf], 1e-300);
      expectClose(got, [r.mp_cdf, r.mp_sf], { rel: 1e-12, abs: 1e-300 });
      expectClose(got, [r.cdf, r.sf], { rel: 1e-11, abs: 1e-300 });
    }
  });

  it("fSf(t², 1, df) equals the two-sided t p-value", () => {
    for (const [t, df] of [[0.4, 7], [2.2, 31], [5, 3.5]]) {
      expectClose(fSf(t * t, 1, df), studentTTwoSidedP(t, df), { rel: 1e-13 });
    }
  });

  it("fCdf and fSf reject NaN and non-positive degrees of freedom; the ends map to 0 and 1", () => {
    expect(() => fSf(1, 0, 3)).toThrow("fSf requires finite degrees of freedom d1 > 0 and d2 > 0");
    expect(() => fSf(1, -1, 1)).toThrow(/fSf requires finite degrees of freedom/);
    expect(() => fCdf(NaN, 1, 1)).toThrow(/fCdf requires a number f/);
    expect(() => fCdf(NaN, 1, 3)).toThrow(RangeError);
    expect(fSf(0, 2, 3)).toBe(1);
    expect(fCdf(Infinity, 2, 3)).toBe(1);
  });
});
