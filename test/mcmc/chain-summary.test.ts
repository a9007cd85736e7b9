import { describe, expect, it } from "vitest";
import { chainSummary } from "../../src/mcmc/chain-summary";
import { essBulk, essTail } from "../../src/mcmc/ess";
import { rankNormalizedRhat } from "../../src/mcmc/rhat";
import { createRandom } from "../../src/util/random";

/** states(chains, perChain, f) → states ordered generation by generation, chain by chain; f(chain, g) gives the state. */
function states(chains: number, perChain: number, f: (c: number, g: number) => number[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (let g = 0; g < perChain; g++) for (let c = 0; c < chains; c++) out.push(Float64Array.from(f(c, g)));
  return out;
}

describe("chainSummary", () => {
  it("regroups generation-major states into chains: R̂ max and ESS min equal those of the worst component computed directly", () => {
    const random = createRandom(2);
    const values = Array.from({ length: 4 }, () => Array.from({ length: 100 }, () => [random.normal(), random.normal() + 0.0])); // chain × g × component
    // component 1 of chain 3 is shifted: that component is the unmixed one
    values[3].forEach((v) => { v[1] += 1.5; });
    const s = states(4, 100, (c, g) => values[c][g]);
    const out = chainSummary(s, 4);
    const traces = (d: number) => values.map((chain) => Float64Array.from(chain, (v) => v[d]));
    expect(out.drawsPerChain).toBe(100);
    expect(out.rhatMax).toBe(Math.max(rankNormalizedRhat(traces(0)), rankNormalizedRhat(traces(1))));
    expect(out.rhatMax!).toBeGreaterThan(1.1);
    expect(out.essMin).toBe(Math.min(essBulk(traces(0)), essTail(traces(0)), essBulk(traces(1)), essTail(traces(1))));
  });

  it("independent draws give R̂ near 1 and ESS near the number of draws; constant or non-finite components are left out", () => {
    const random = createRandom(8);
    const s = states(8, 250, () => [random.normal(), 3, random.uniform()]);
    const out = chainSummary(s, 8);
    expect(out.rhatMax!).toBeLessThan(1.01);
    expect(out.essMin!).toBeGreaterThan(0.8 * 2000);
    const allConstant = chainSummary(states(4, 10, () => [1]), 4);
    expect(allConstant.rhatMax).toBeNull();
    expect(allConstant.essMin).toBeNull();
    const withNaN = chainSummary(states(4, 10, (c, g) => [c === 0 && g === 0 ? NaN : g]), 4);
    expect(withNaN.rhatMax).toBeNull();
  });

  it("refuses a count of states that is not a multiple of the chains, or fewer than 8 per chain", () => {
    expect(() => chainSummary(states(4, 10, () => [1]).slice(1), 4)).toThrow(RangeError);
    expect(() => chainSummary(states(4, 5, () => [1]), 4)).toThrow(RangeError);
  });
});
