// Reference values: scipy.special (test/fixtures/analysis/make_reference.py) and 50-digit mpmath
// next to scipy.special.betainc (fields mp_*, test/fixtures/models/make_reference.py); library
// versions in each reference.json → "versions".
import { afterAll, describe, expect, it } from "vitest";
import {
  inverseRegularizedIncompleteBeta,
  logBeta,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
  regularizedIncompleteBeta,
  regularizedIncompleteBetaPair,
} from "../../src/util/special-functions";
import { reference as analysisReference } from "../fixtures/analysis/reference";
import { reference as modelsReference, reportErrors, track } from "../fixtures/models/reference";
import { expectClose } from "../helpers/expect-close";

const special = analysisReference.special;
const D = modelsReference.distributions;

afterAll(() => {
  if (process.env.MIXLAB_PRINT_ERRORS) console.log("special-functions max rel err", reportErrors());
});

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

  it("logGamma(0.5) equals ln √π and the reflection formula covers negative non-integers", () => {
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), { rel: 1e-15 });
    // Γ(−0.5) = −2√π
    expectClose(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), { rel: 1e-14 });
  });

  it("logGamma(x) rejects the poles 0, −1, −2, …, NaN and Infinity", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(0)).toThrow(/logGamma requires/);
    expect(() => logGamma(-1)).toThrow("logGamma requires a finite x > 0");
    expect(() => logGamma(-3)).toThrow(/logGamma requires/);
    expect(() => logGamma(NaN)).toThrow(RangeError);
    expect(() => logGamma(NaN)).toThrow(/logGamma requires/);
    expect(() => logGamma(Infinity)).toThrow(RangeError);
  });
});

describe("logBeta", () => {
  it("logBeta(a, b) equals ln Γ(a) + ln Γ(b) − ln Γ(a + b) for small shapes", () => {
    for (const [a, b] of [[0.5, 0.5], [2, 3], [1.5, 7.25]]) {
      expectClose(logBeta(a, b), logGamma(a) + logGamma(b) - logGamma(a + b), { rel: 1e-14, abs: 1e-15 });
    }
  });

  it("logBeta(1, b) is −ln b and logBeta(a, b) is symmetric, also for large shapes", () => {
    // B(1, b) = 1/b exactly
    for (const b of [4, 50, 1e6]) expectClose(logBeta(1, b), -Math.log(b), { rel: 1e-14 });
    expect(logBeta(3e5, 0.5)).toBe(logBeta(0.5, 3e5));
  });

  it("logBeta rejects non-positive and infinite shapes", () => {
    expect(() => logBeta(0, 1)).toThrow("logBeta requires finite shape parameters a > 0 and b > 0");
    expect(() => logBeta(1, Infinity)).toThrow(RangeError);
    expect(() => logBeta(NaN, 1)).toThrow(RangeError);
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

describe("regularizedIncompleteBeta", () => {
  it("regularizedIncompleteBeta(x, a, b) matches scipy.special.betainc to 1e-12 relative", () => {
    // scipy: betainc(a, b, x)
    for (const { x, a, b, value } of special.beta) {
      expectClose(regularizedIncompleteBeta(x, a, b), value, { rel: 1e-12, abs: 1e-300 });
    }
  });

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
    for (const x of [0.1, 0.45, 0.9]) {
      expectClose(regularizedIncompleteBeta(x, 2.5, 4) + regularizedIncompleteBeta(1 - x, 4, 2.5), 1, { abs: 1e-15 });
    }
  });

  it("regularizedIncompleteBeta rejects x outside [0, 1] and non-positive shapes", () => {
    expect(() => regularizedIncompleteBeta(2, 1, 1)).toThrow("regularizedIncompleteBeta requires x in [0, 1]");
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(/regularizedIncompleteBeta requires x in \[0, 1\]/);
    expect(() => regularizedIncompleteBeta(NaN, 1, 1)).toThrow(/regularizedIncompleteBeta requires/);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(/regularizedIncompleteBeta requires finite shape/);
    expect(() => regularizedIncompleteBeta(0.5, 1, NaN)).toThrow(RangeError);
  });
});

describe("regularizedIncompleteBetaPair", () => {
  it("regularizedIncompleteBetaPair(x, 1 − x, a, b) is [I_x(a, b), I_{1−x}(b, a)]", () => {
    for (const [x, a, b] of [[0.2, 2.5, 4], [0.9, 0.5, 30], [0.5, 2, 2]]) {
      const [lower, upper] = regularizedIncompleteBetaPair(x, 1 - x, a, b);
      expect(lower).toBe(regularizedIncompleteBeta(x, a, b));
      expectClose(upper, regularizedIncompleteBeta(1 - x, b, a), { rel: 1e-14 });
    }
    expect(regularizedIncompleteBetaPair(0, 1, 2, 3)).toEqual([0, 1]);
    expect(regularizedIncompleteBetaPair(1, 0, 2, 3)).toEqual([1, 0]);
  });

  it("regularizedIncompleteBetaPair keeps a tiny upper tail that 1 − I_x would round to 0", () => {
    // y = 1e-20 cannot be represented as 1 − x; I_y(1, 1) = y exactly
    const [lower, upper] = regularizedIncompleteBetaPair(1, 1e-20, 1, 1);
    expect(lower).toBe(1);
    expectClose(upper, 1e-20, { rel: 1e-14 });
  });

  it("regularizedIncompleteBetaPair rejects x or y outside [0, 1] and non-positive shapes", () => {
    expect(() => regularizedIncompleteBetaPair(0.5, 1.5, 1, 1)).toThrow(/regularizedIncompleteBetaPair requires x and y/);
    expect(() => regularizedIncompleteBetaPair(NaN, 0.5, 1, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBetaPair(0.5, 0.5, -1, 1)).toThrow(/regularizedIncompleteBetaPair requires finite shape/);
  });
});

describe("inverseRegularizedIncompleteBeta", () => {
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
