import { describe, expect, it } from "vitest";
import { splitChains } from "../../src/mcmc/split-chains";

describe("splitChains", () => {
  it("splitChains(chains) gives first halves then second halves, dropping the middle draw of an odd chain (as arviz)", () => {
    const out = splitChains([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]);
    expect(out.map((c) => Array.from(c))).toEqual([[1, 2], [6, 7], [4, 5], [9, 10]]);
  });

  it("splitChains rejects chains of unequal length", () => {
    expect(() => splitChains([[1, 2, 3], [1, 2]])).toThrow(/splitChains requires chains of equal length/);
  });
});
