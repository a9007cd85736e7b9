import { describe, expect, it } from "vitest";
import { quantileInPlace, quantileSorted } from "../../src/util/quantile";

describe("quantiles", () => {
  it("quantileSorted(sorted, p) interpolates linearly (type 7): numpy.quantile([1,2,3,4], 0.95) = 3.85", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(quantileSorted([7], 0.95)).toBe(7);
  });
  it("quantileInPlace(values, p) equals quantileSorted of the sorted copy on random data", () => {
    let seed = 99;
    const next = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(next() * 300);
      const values = Float64Array.from({ length: n }, () => Math.floor(next() * 50));
      const sorted = Float64Array.from(values).sort();
      for (const p of [0, 0.05, 0.5, 0.95, 1]) expect(quantileInPlace(Float64Array.from(values), p)).toBe(quantileSorted(sorted, p));
    }
  });
});
