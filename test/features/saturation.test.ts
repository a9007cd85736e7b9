import { describe, it, expect } from "vitest";
import type { SaturationParams } from "../../src/spec/transform-params";
import {
  hill,
  hillDerivative,
  hillDerivativeValue,
  hillValue,
  logisticSaturation,
  logisticSaturationDerivative,
  logisticSaturationDerivativeValue,
  logisticSaturationValue,
  logSaturation,
  logSaturationDerivative,
  logSaturationDerivativeValue,
  logSaturationValue,
  saturate,
  saturateInto,
  saturateDerivative,
  saturateDerivativeValue,
  saturateValue,
} from "../../src/features/saturation";

/** Central finite difference, for checking derivatives. */
const numericSlope = (f: (x: number) => number, x: number, h = 1e-4): number => (f(x + h) - f(x - h)) / (2 * h);

describe("hill", () => {
  it("hillValue(k, k, s) is exactly 0.5 at the half-saturation point for any shape", () => {
    for (const s of [0.5, 1, 2, 3.7]) expect(hillValue(50, 50, s)).toBe(0.5);
    expect(hillValue(1234.5, 1234.5, 1.3)).toBe(0.5);
  });

  it("hill([0, 50, 100], 50, 1) is x/(x + k): 0, 1/2 and 2/3", () => {
    const out = hill([0, 50, 100], 50, 1);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(0.5);
    expect(out[2]).toBeCloseTo(2 / 3, 15);
  });

  it("hill(x, 10, 2) matches x²/(x² + 100) at x = 20: 400/500 = 0.8", () => {
    expect(hill([20], 10, 2)[0]).toBeCloseTo(0.8, 15);
  });

  it("hill(x, k, s) rises towards 1 without reaching it", () => {
    const out = hill([1, 10, 100, 1e6], 10, 2);
    for (let i = 1; i < out.length; i++) expect(out[i]).toBeGreaterThan(out[i - 1]);
    expect(out[3]).toBeLessThan(1);
    expect(out[3]).toBeCloseTo(1, 9);
  });

  it("hill(x, k, s) rejects k ≤ 0, s ≤ 0, NaN parameters and negative x", () => {
    expect(() => hill([1], 0, 1)).toThrow("hill requires halfSaturation > 0");
    expect(() => hill([1], 1, -1)).toThrow("hill requires shape > 0");
    expect(() => hill([1], NaN, 1)).toThrow(RangeError);
    expect(() => hill([-1], 1, 1)).toThrow("hill requires x >= 0");
    expect(() => hillValue(-1, 1, 1)).toThrow(RangeError);
  });

  it("hill(x, k, s) does not mutate its input", () => {
    const x = Float64Array.from([5, 10]);
    hill(x, 10, 2);
    expect(Array.from(x)).toEqual([5, 10]);
  });

  it("hillDerivativeValue(k, k, s) is s/(4k), the slope at the half-saturation point", () => {
    expect(hillDerivativeValue(50, 50, 2)).toBeCloseTo(0.01, 15); // 2/(4·50)
    expect(hillDerivativeValue(10, 10, 1)).toBeCloseTo(0.025, 15); // 1/(4·10)
  });

  it("hillDerivative(x, k, s) matches a finite difference of hill", () => {
    const xs = [0.5, 3, 10, 25, 80];
    const d = hillDerivative(xs, 10, 1.8);
    xs.forEach((x, i) => { expect(d[i]).toBeCloseTo(numericSlope((v) => hillValue(v, 10, 1.8), x), 7); });
  });

  it("hillDerivative([0], k, s) is Infinity for s < 1, 1/k for s = 1 and 0 for s > 1", () => {
    expect(hillDerivative([0], 4, 0.5)[0]).toBe(Infinity);
    expect(hillDerivative([0], 4, 1)[0]).toBe(0.25);
    expect(hillDerivative([0], 4, 2)[0]).toBe(0);
  });
});

describe("logSaturation", () => {
  it("logSaturation([0, 1, 3], 1) is log1p(x/scale): 0, ln 2, ln 4", () => {
    const out = logSaturation([0, 1, 3], 1);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(Math.LN2);
    expect(out[2]).toBeCloseTo(Math.log(4), 15);
    expect(logSaturationValue(200, 100)).toBeCloseTo(Math.log(3), 15);
  });

  it("logSaturationDerivative(x, scale) is 1/(scale + x)", () => {
    expect(logSaturationDerivativeValue(1, 1)).toBe(0.5);
    expect(Array.from(logSaturationDerivative([0, 4], 4))).toEqual([0.25, 0.125]);
    expect(logSaturationDerivativeValue(7, 3)).toBeCloseTo(numericSlope((v) => logSaturationValue(v, 3), 7), 8);
  });

  it("logSaturation(x, scale) rejects scale ≤ 0 and negative x", () => {
    expect(() => logSaturation([1], 0)).toThrow("logSaturation requires scale > 0");
    expect(() => logSaturation([-2], 1)).toThrow(RangeError);
  });
});

describe("logisticSaturation", () => {
  it("logisticSaturationValue(ln 3, 1) is (1 - 1/3)/(1 + 1/3) = 0.5", () => {
    expect(logisticSaturationValue(Math.log(3), 1)).toBeCloseTo(0.5, 15);
    expect(logisticSaturation([0], 2)[0]).toBe(0);
  });

  it("logisticSaturation(x, λ) equals (1 - e^(-λx))/(1 + e^(-λx))", () => {
    const xs = [0.1, 1, 5, 20];
    const out = logisticSaturation(xs, 0.3);
    xs.forEach((x, i) => {
      const e = Math.exp(-0.3 * x);
      expect(out[i]).toBeCloseTo((1 - e) / (1 + e), 14);
    });
  });

  it("logisticSaturationDerivative(x, λ) is λ/2 at 0 and matches a finite difference elsewhere", () => {
    expect(logisticSaturationDerivativeValue(0, 2)).toBe(1);
    const xs = [0.5, 2, 9];
    const d = logisticSaturationDerivative(xs, 0.4);
    xs.forEach((x, i) => { expect(d[i]).toBeCloseTo(numericSlope((v) => logisticSaturationValue(v, 0.4), x), 8); });
  });

  it("logisticSaturation(x, λ) rejects λ ≤ 0", () => {
    expect(() => logisticSaturation([1], 0)).toThrow("logisticSaturation requires lambda > 0");
    expect(() => logisticSaturationValue(1, -1)).toThrow(RangeError);
  });
});

describe("saturate", () => {
  const all: SaturationParams[] = [
    { type: "hill", halfSaturation: 20, shape: 1.5 },
    { type: "log", scale: 15 },
    { type: "logistic", lambda: 0.05 },
    { type: "none" },
  ];

  it("saturate(x, params) dispatches to the curve of each type", () => {
    const x = [0, 5, 20, 60];
    expect(Array.from(saturate(x, all[0]))).toEqual(Array.from(hill(x, 20, 1.5)));
    expect(Array.from(saturate(x, all[1]))).toEqual(Array.from(logSaturation(x, 15)));
    expect(Array.from(saturate(x, all[2]))).toEqual(Array.from(logisticSaturation(x, 0.05)));
    expect(Array.from(saturate(x, all[3]))).toEqual(x);
  });

  it("saturateValue(x, params) agrees with saturate([x], params)", () => {
    for (const p of all) expect(saturateValue(33, p)).toBe(saturate([33], p)[0]);
  });

  it("saturateDerivative(x, params) matches a finite difference of saturateValue for every type", () => {
    for (const p of all) {
      const d = saturateDerivative([12, 40], p);
      expect(d[0]).toBeCloseTo(numericSlope((v) => saturateValue(v, p), 12), 7);
      expect(d[1]).toBeCloseTo(numericSlope((v) => saturateValue(v, p), 40), 7);
      expect(saturateDerivativeValue(40, p)).toBe(d[1]);
    }
  });

  it("saturate(x, params) rejects an unknown type", () => {
    expect(() => saturate([1], { type: "cubic" } as unknown as SaturationParams)).toThrow(RangeError);
    expect(() => saturateDerivativeValue(1, { type: "cubic" } as unknown as SaturationParams)).toThrow(RangeError);
  });
});

describe("saturateInto", () => {
  const all: SaturationParams[] = [
    { type: "hill", halfSaturation: 400, shape: 1.7 },
    { type: "log", scale: 250 },
    { type: "logistic", lambda: 0.003 },
    { type: "none" },
  ];
  const x = Float64Array.from([0, 0.5, 17, 400, 1234.5678, 1e6]);

  it("saturateInto(x, params, out) writes saturate(x, params) into out, bit for bit, for every type", () => {
    for (const params of all) {
      const out = new Float64Array(x.length);
      expect(saturateInto(x, params, out)).toBe(out);
      expect(Array.from(out)).toEqual(Array.from(saturate(x, params)));
    }
  });

  it("saturateInto(x, params, x) saturates in place to the same values", () => {
    for (const params of all) {
      const copy = Float64Array.from(x);
      expect(Array.from(saturateInto(copy, params, copy))).toEqual(Array.from(saturate(x, params)));
    }
  });

  it("saturateInto(x, params, out) rejects x < 0 as saturate does", () => {
    expect(() => saturateInto([1, -1], all[0], new Float64Array(2))).toThrow(RangeError);
  });
});
