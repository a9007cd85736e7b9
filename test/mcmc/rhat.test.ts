// Reference values: arviz 0.23.4 rhat(method="rank" | "split" | "identity") on the chains of
// diagnostics-reference.ts (script: reference/diagnostics_reference.py). Tolerance 1e-12 relative (observed ≤ 5e-15):
// arviz and this code differ only in summation order.
import { describe, expect, it } from "vitest";
import { potentialScaleReduction, rankNormalizedRhat, splitRhat } from "../../src/mcmc/rhat";
import { expectClose } from "../helpers/expect-close";
import { ARVIZ, CHAINS, iidChains } from "./diagnostics-reference";

const REL = { rel: 1e-12 };

describe("R̂", () => {
  it("the test chains are bit-identical to the ones arviz saw", () => {
    for (const [name, chains] of Object.entries(CHAINS)) {
      const ref = ARVIZ[name];
      expect([chains.length, chains[0].length]).toEqual(ref.shape);
      expect(chains[0][0]).toBe(ref.first);
      expect(chains[chains.length - 1][chains[0].length - 1]).toBe(ref.last);
      expectClose(chains.reduce((s, c) => s + c.reduce((t, v) => t + v, 0), 0), ref.sum as number, { rel: 1e-12 });
    }
  });

  for (const name of Object.keys(CHAINS)) {
    it(`rankNormalizedRhat, splitRhat and potentialScaleReduction match arviz on the ${name} chains`, () => {
      const ref = ARVIZ[name];
      expectClose(rankNormalizedRhat(CHAINS[name]), ref.rhatRank as number, REL);
      expectClose(splitRhat(CHAINS[name]), ref.rhatSplit as number, REL);
      expectClose(potentialScaleReduction(CHAINS[name]), ref.rhatIdentity as number, REL);
    });
  }

  it("rankNormalizedRhat of 4 chains of 1,000 iid draws is within 0.01 of 1", () => {
    expect(Math.abs(rankNormalizedRhat(iidChains(17, 4, 1000)) - 1)).toBeLessThan(0.01);
  });

  it("chains with different means have R̂ clearly above 1 (1.095 here, threshold 1.01)", () => {
    expect(rankNormalizedRhat(CHAINS.shifted)).toBeGreaterThan(1.05);
    expect(splitRhat(iidChains(8, 4, 500, [0, 0, 0, 1]))).toBeGreaterThan(1.05);
  });

  it("rankNormalizedRhat sees a chain with 3 times the scale through the fold, where split-R̂ does not", () => {
    expect(rankNormalizedRhat(CHAINS.scaled)).toBeGreaterThan(1.1);
    expect(splitRhat(CHAINS.scaled)).toBeLessThan(1.01);
  });

  it("splitRhat sees a drifting single chain: a linear trend splits into disagreeing halves", () => {
    const chain = Float64Array.from(iidChains(9, 1, 1000)[0], (v, i) => v + i / 250);
    expect(splitRhat([chain])).toBeGreaterThan(1.5);
  });

  it("R̂ functions reject too few draws, unequal chains and non-finite draws", () => {
    expect(() => splitRhat([[1, 2, 3]])).toThrow(/splitRhat requires at least 4 draws per chain/);
    expect(() => rankNormalizedRhat([[1, 2, 3, 4], [1, 2, 3]])).toThrow(/equal length/);
    expect(() => potentialScaleReduction([[1, 2, 3, 4]])).toThrow(/at least 2 chains/);
    expect(() => splitRhat([[1, 2, NaN, 4]])).toThrow(/finite draws/);
  });
});
