import { describe, expect, it } from "vitest";
import { thinDraws } from "../../src/mcmc/thin-draws";

describe("thinDraws", () => {
  it("thinDraws(draws, size, seed) keeps `size` distinct draws, the same ones for the same seed", () => {
    const draws = Array.from({ length: 100 }, (_, i) => i);
    const a = thinDraws(draws, 30, 1);
    expect(new Set(a).size).toBe(30);
    expect(thinDraws(draws, 30, 1)).toEqual(a);
    expect(thinDraws(draws, 30, 2)).not.toEqual(a);
  });

  it("thinDraws(draws, size, seed) with size ≥ the draws keeps them all, in order", () => {
    expect(thinDraws([3, 1, 2], 5, 1)).toEqual([3, 1, 2]);
  });
});
