import { describe, it, expect } from "vitest";
import { dampedTrend, linearTrend, piecewiseTrend } from "../../src/features/trend";

describe("linearTrend", () => {
  it("linearTrend(5) runs from 0 to 1 in steps of 1/(n - 1)", () => {
    expect(Array.from(linearTrend(5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("linearTrend(1) is [0] and linearTrend(0) is empty", () => {
    expect(Array.from(linearTrend(1))).toEqual([0]);
    expect(linearTrend(0).length).toBe(0);
  });

  it("linearTrend(n) rejects a negative or fractional n", () => {
    expect(() => linearTrend(-1)).toThrow("linearTrend requires n to be an integer >= 0");
    expect(() => linearTrend(2.5)).toThrow(RangeError);
  });
});

describe("piecewiseTrend", () => {
  it("piecewiseTrend(5, [2]) is max(0, t - 2)/(n - 1): zero up to the change point, then the trend slope", () => {
    const [hinge] = piecewiseTrend(5, [2]);
    expect(hinge.name).toBe("trend_cp2");
    expect(Array.from(hinge.values)).toEqual([0, 0, 0, 0.25, 0.5]);
  });

  it("piecewiseTrend(n, [0]) equals linearTrend(n)", () => {
    expect(Array.from(piecewiseTrend(9, [0])[0].values)).toEqual(Array.from(linearTrend(9)));
  });

  it("piecewiseTrend(n, changePoints) gives one feature per change point, in order", () => {
    const out = piecewiseTrend(11, [3, 7.5]);
    expect(out.map((f) => f.name)).toEqual(["trend_cp3", "trend_cp7.5"]);
    expect(out[1].values[10]).toBeCloseTo(0.25, 15); // (10 - 7.5)/10
    expect(out[1].values[7]).toBe(0);
  });

  it("piecewiseTrend(n, changePoints) rejects change points outside [0, n - 1]", () => {
    expect(() => piecewiseTrend(5, [5])).toThrow("piecewiseTrend requires change points in [0, n - 1]");
    expect(() => piecewiseTrend(5, [-1])).toThrow(RangeError);
    expect(() => piecewiseTrend(5, [NaN])).toThrow(RangeError);
  });
});

describe("dampedTrend", () => {
  it("dampedTrend(days, start, end, 7, 7) is linear up to end, then adds half the previous step each week", () => {
    // slope per week 7/14 = 0.5; after end the steps are 0.25, 0.125, 0.0625 (φ = 0.5)
    expect(Array.from(dampedTrend([0, 7, 14, 21, 28, 35], 0, 14, 7, 7))).toEqual([0, 0.5, 1, 1.25, 1.375, 1.4375]);
  });

  it("dampedTrend levels off at 1 + step·φ/(1 − φ) far past the window", () => {
    const far = dampedTrend([0, 70, 70 + 7 * 10_000], 0, 70, 7, 91)[2];
    const phi = 0.5 ** (7 / 91);
    expect(far).toBeCloseTo(1 + (7 / 70) * phi / (1 - phi), 10);
  });

  it("dampedTrend equals linearTrend inside the window and is linear before it", () => {
    const days = Array.from({ length: 5 }, (_, i) => 10 + i);
    expect(Array.from(dampedTrend(days, 10, 14, 1))).toEqual(Array.from(linearTrend(5)));
    expect(dampedTrend([8], 10, 14, 1)[0]).toBe(-0.5);
  });

  it("dampedTrend of a one-day window is 0 everywhere, and bad arguments throw", () => {
    expect(Array.from(dampedTrend([3, 4, 9], 4, 4, 1))).toEqual([0, 0, 0]);
    expect(() => dampedTrend([1], 5, 4, 1)).toThrow("dampedTrend requires end ≥ start");
    expect(() => dampedTrend([1], 0, 4, 0)).toThrow("dampedTrend requires periodDays > 0 and halfLifeDays > 0");
  });
});
