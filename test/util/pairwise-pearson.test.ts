import { describe, expect, it } from "vitest";
import { pairwisePearson } from "../../src/util/pairwise-pearson";

describe("pairwisePearson", () => {
  it("pairwisePearson(x, y) of [1,2,3,4] and [2,1,4,3] is r = 0.6 over 4 rows (hand: Sxy = 3, Sxx = Syy = 5)", () => {
    const { r, count } = pairwisePearson([1, 2, 3, 4], [2, 1, 4, 3]);
    expect(count).toBe(4);
    expect(r).toBeCloseTo(0.6, 14);
  });

  it("pairwisePearson(x, y) skips rows where either is NaN and gives NaN for a constant series", () => {
    expect(pairwisePearson([1, NaN, 3, 4, 9], [2, 5, 4, 3, NaN])).toEqual({ r: pairwisePearson([1, 3, 4], [2, 4, 3]).r, count: 3 });
    // hand: Sxy = 2, Sxx = 42/9, Syy = 2 → r = 6/√84
    expect(pairwisePearson([1, 3, 4], [2, 4, 3]).r).toBeCloseTo(6 / Math.sqrt(84), 14);
    expect(Number.isNaN(pairwisePearson([1, 2, 3], [5, 5, 5]).r)).toBe(true);
  });
});
