// Reference values: 50-digit mpmath (fields mp_*) and scipy.stats.t / scipy.stats.f /
// scipy.special.betainc, computed by test/fixtures/models/make_reference.py (library versions in
// reference.json → "versions"). scipy 1.10's t.ppf (cephes) is itself only good to ≈ 1e-9, so
// it is checked loosely and mpmath tightly.
import { afterAll, describe, expect, it } from "vitest";
import {
  fCdf,
  fSurvival,
  inverseRegularizedIncompleteBeta,
  lnGamma,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  studentTSurvival,
  studentTTwoSidedP,
} from "../../src/util/stats-distributions";
import { expectClose, reference, reportErrors, track } from "../fixtures/models/reference";

const D = reference.distributions;

afterAll(() => {
  if (process.env.MIXLAB_PRINT_ERRORS) console.log("stats-distributions max rel err", reportErrors());
});

describe("lnGamma", () => {
  it("lnGamma(n) equals ln((n − 1)!) for integers", () => {
    let f = 1;
    for (let n = 1; n <= 20; n++) {
      if (n > 1) f *= n - 1;
      expectClose(lnGamma(n), Math.log(f), { rel: 1e-14, abs: 1e-15 });
    }
  });
  it("lnGamma(0.5) equals ln √π and the reflection formula covers negative non-integers", () => {
    expectClose(lnGamma(0.5), 0.5 * Math.log(Math.PI), { rel: 1e-15 });
    // Γ(−0.5) = −2√π
    expectClose(lnGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), { rel: 1e-14 });
  });
  it("lnGamma rejects NaN and non-positive integers", () => {
    expect(() => lnGamma(NaN)).toThrow(/lnGamma requires/);
    expect(() => lnGamma(0)).toThrow(/lnGamma requires/);
    expect(() => lnGamma(-3)).toThrow(/lnGamma requires/);
  });
});

describe("regularizedIncompleteBeta", () => {
  it("regularizedIncompleteBeta(x, a, b) matches 50-digit mpmath to 1e-12 and scipy to 1e-11 relative", () => {
    for (const r of D.betainc) {
      const v = regularizedIncompleteBeta(r.x, r.a, r.b);
      track("betainc vs mpmath", v, r.mp_value, 1e-300);
      expectClose(v, r.mp_value, { rel: 1e-12, abs: 1e-300 });
      expectClose(v, r.value, { rel: 1e-11, abs: 1e-300 });
    }
  });
  it("regularizedIncompleteBeta(x, 1, 1) is x and I_x(a, b) = 1 − I_{1−x}(b, a)", () => {
    expectClose(regularizedIncompleteBeta(0.3, 1, 1), 0.3, { rel: 1e-14 });
    expectClose(regularizedIncompleteBeta(0.25, 2.5, 4), 1 - regularizedIncompleteBeta(0.75, 4, 2.5), { rel: 1e-14 });
  });
  it("regularizedIncompleteBeta rejects x outside [0, 1] and non-positive shapes", () => {
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(/regularizedIncompleteBeta requires x in \[0, 1\]/);
    expect(() => regularizedIncompleteBeta(NaN, 1, 1)).toThrow(/regularizedIncompleteBeta requires/);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(/regularizedIncompleteBeta requires finite shape/);
  });
  it("inverseRegularizedIncompleteBeta(p, a, b) inverts regularizedIncompleteBeta", () => {
    for (const [a, b] of [[0.5, 0.5], [2, 3], [17, 0.5], [0.1, 40], [300, 200]]) {
      for (const p of [1e-10, 0.01, 0.3, 0.5, 0.9, 0.999]) {
        const x = inverseRegularizedIncompleteBeta(p, a, b);
        expectClose(regularizedIncompleteBeta(x, a, b), p, { rel: 1e-10 });
      }
    }
    expect(inverseRegularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(inverseRegularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("Student t", () => {
  it("studentTCdf, studentTSurvival and studentTTwoSidedP match 50-digit mpmath to 1e-11 relative (scipy to 1e-9)", () => {
    for (const r of D.t_cdf) {
      const got = [studentTCdf(r.t, r.df), studentTSurvival(r.t, r.df), studentTTwoSidedP(r.t, r.df)];
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

describe("F", () => {
  it("fCdf and fSurvival match 50-digit mpmath to 1e-12 relative (scipy to 1e-11)", () => {
    for (const r of D.f) {
      const got = [fCdf(r.f, r.d1, r.d2), fSurvival(r.f, r.d1, r.d2)];
      track("f cdf/sf vs mpmath", got, [r.mp_cdf, r.mp_sf], 1e-300);
      expectClose(got, [r.mp_cdf, r.mp_sf], { rel: 1e-12, abs: 1e-300 });
      expectClose(got, [r.cdf, r.sf], { rel: 1e-11, abs: 1e-300 });
    }
  });
  it("fSurvival(t², 1, df) equals the two-sided t p-value", () => {
    for (const [t, df] of [[0.4, 7], [2.2, 31], [5, 3.5]]) {
      expectClose(fSurvival(t * t, 1, df), studentTTwoSidedP(t, df), { rel: 1e-13 });
    }
  });
  it("fCdf rejects NaN and non-positive degrees of freedom", () => {
    expect(() => fCdf(NaN, 1, 1)).toThrow(/fCdf requires a number f/);
    expect(() => fSurvival(1, -1, 1)).toThrow(/fSurvival requires finite degrees of freedom/);
  });
});
