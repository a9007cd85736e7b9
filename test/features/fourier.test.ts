import { describe, it, expect } from "vitest";
import { dayOfWeek, dayOfWeekDummies, fourierTerms } from "../../src/features/fourier";

describe("fourierTerms", () => {
  it("fourierTerms([0, 1], 4, 1) is sin and cos of 2π·day/4: quarter turns", () => {
    const [sin1, cos1] = fourierTerms([0, 1], 4, 1);
    expect(sin1.name).toBe("sin1");
    expect(cos1.name).toBe("cos1");
    expect(sin1.values[0]).toBe(0);
    expect(sin1.values[1]).toBe(1);
    expect(cos1.values[0]).toBe(1);
    expect(cos1.values[1]).toBeCloseTo(0, 15);
  });

  it("fourierTerms(days, period, order) names the terms sin1, cos1, sin2, cos2 in that order", () => {
    expect(fourierTerms([0], 365.25, 2).map((f) => f.name)).toEqual(["sin1", "cos1", "sin2", "cos2"]);
    expect(fourierTerms([0], 365.25, 0)).toEqual([]);
  });

  it("fourierTerms(days, 365.25, k) depends on the calendar date, not on where the series starts", () => {
    // 2024-12-25 = day 20082; the same date in a series starting 2024-01-01 (day 19723) or alone
    const alone = fourierTerms([20082], 365.25, 2);
    const inSeries = fourierTerms([19723, 19900, 20082], 365.25, 2);
    for (let k = 0; k < 4; k++) expect(inSeries[k].values[2]).toBe(alone[k].values[0]);
  });

  it("fourierTerms(days, 365.25, 1) repeats every 4 × 365.25 = 1461 days", () => {
    const [sin1, cos1] = fourierTerms([100, 100 + 1461], 365.25, 1);
    expect(sin1.values[1]).toBeCloseTo(sin1.values[0], 12);
    expect(cos1.values[1]).toBeCloseTo(cos1.values[0], 12);
  });

  it("fourierTerms(days, period, 2) second harmonic is sin(4π·day/period)", () => {
    const terms = fourierTerms([10], 365.25, 2);
    expect(terms[2].values[0]).toBeCloseTo(Math.sin((4 * Math.PI * 10) / 365.25), 15);
    expect(terms[3].values[0]).toBeCloseTo(Math.cos((4 * Math.PI * 10) / 365.25), 15);
  });

  it("fourierTerms rejects period ≤ 0, a fractional order and non-integer days", () => {
    expect(() => fourierTerms([0], 0, 1)).toThrow("fourierTerms requires period > 0");
    expect(() => fourierTerms([0], 7, 1.5)).toThrow(RangeError);
    expect(() => fourierTerms([0.5], 7, 1)).toThrow(RangeError);
  });
});

describe("dayOfWeekDummies", () => {
  it("dayOfWeek(day) counts from Monday = 0; 1970-01-01 (day 0) was a Thursday", () => {
    expect(dayOfWeek(0)).toBe(3);
    expect(dayOfWeek(4)).toBe(0); // 1970-01-05, Monday
    expect(dayOfWeek(20082)).toBe(2); // 2024-12-25, Wednesday
    expect(dayOfWeek(-1)).toBe(2); // 1969-12-31, Wednesday
  });

  it("dayOfWeekDummies(days) has six 0/1 columns dow_tue … dow_sun and none for Monday", () => {
    // days 4..10 = Mon 1970-01-05 … Sun 1970-01-11
    const dummies = dayOfWeekDummies([4, 5, 6, 7, 8, 9, 10]);
    expect(dummies.map((d) => d.name)).toEqual(["dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun"]);
    expect(dummies.map((d) => d.values[0])).toEqual([0, 0, 0, 0, 0, 0]);
    dummies.forEach((d, k) => {
      expect(Array.from(d.values)).toEqual([4, 5, 6, 7, 8, 9, 10].map((_, i) => (i === k + 1 ? 1 : 0)));
    });
  });

  it("dayOfWeekDummies(Int32Array) accepts typed day numbers", () => {
    const dummies = dayOfWeekDummies(Int32Array.from([20082]));
    expect(dummies[1].values[0]).toBe(1); // dow_wed
  });
});

describe("fourierTerms names", () => {
  it("fourierTerms(days, period, order) names every harmonic sin<k>, cos<k>, also beyond the 64 whose names are kept", () => {
    const names = fourierTerms([0, 1], 365.25, 70).map((t) => t.name);
    expect(names.slice(0, 4)).toEqual(["sin1", "cos1", "sin2", "cos2"]);
    expect(names.slice(126)).toEqual(["sin64", "cos64", "sin65", "cos65", "sin66", "cos66", "sin67", "cos67", "sin68", "cos68", "sin69", "cos69", "sin70", "cos70"]);
    expect(fourierTerms([0], 7, 2).map((t) => t.name)).toEqual(["sin1", "cos1", "sin2", "cos2"]);
  });
});
