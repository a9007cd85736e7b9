import { describe, expect, it } from "vitest";
import { blockIndices, percentile } from "../../src/models/bootstrap";
import { createRandom } from "../../src/util/random";

describe("block bootstrap", () => {
  it("blockIndices(n, L, random) returns n indices in runs of L consecutive rows", () => {
    const idx = blockIndices(20, 5, createRandom(3));
    expect(idx).toHaveLength(20);
    for (let b = 0; b < 4; b++) for (let i = 1; i < 5; i++) expect(idx[b * 5 + i]).toBe(idx[b * 5] + 1 * i);
    expect(idx.every((i) => i >= 0 && i < 20)).toBe(true);
  });

  it("blockIndices(n, L, random) with L > n uses one block of n rows, and the last block is cut to n", () => {
    expect(blockIndices(4, 10, createRandom(1))).toEqual([0, 1, 2, 3]);
    const idx = blockIndices(7, 3, createRandom(2));
    expect(idx).toHaveLength(7);
    expect(idx[4]).toBe(idx[3] + 1);
  });

  it("percentile(values, p) is the type-7 quantile of the finite values", () => {
    expect(percentile(Float64Array.from([4, NaN, 1, 3, 2]), 0.5)).toBe(2.5);
    expect(percentile(Float64Array.from([1, 2, 3, 4, 5]), 0.05)).toBeCloseTo(1.2, 12);
    expect(percentile(Float64Array.from([NaN]), 0.5)).toBeNaN();
  });
});
