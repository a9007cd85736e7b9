// Reference values: arviz 0.23.4 ess(method="bulk" | "tail" | "mean") and the internal _ess (no
// split) on the chains of diagnostics-reference.ts (script: reference/diagnostics_reference.py).
// Tolerance 1e-12 relative (observed ≤ 5e-15): arviz computes the autocovariances by FFT, this code lag by lag.
import { describe, expect, it } from "vitest";
import { essBasic, essBulk, essTail, geyerEss } from "../../src/mcmc/ess";
import { expectClose } from "../helpers/expect-close";
import { ARVIZ, CHAINS, ar1Chains, iidChains } from "./diagnostics-reference";

const REL = { rel: 1e-12 };

describe("effective sample size", () => {
  for (const name of Object.keys(CHAINS)) {
    it(`essBulk, essTail, essBasic and geyerEss match arviz on the ${name} chains`, () => {
      const ref = ARVIZ[name];
      expectClose(essBulk(CHAINS[name]), ref.essBulk as number, REL);
      expectClose(essTail(CHAINS[name]), ref.essTail as number, REL);
      expectClose(essBasic(CHAINS[name]), ref.essMean as number, REL);
      expectClose(geyerEss(CHAINS[name]), ref.essNoSplit as number, REL);
    });
  }

  it("essBulk and essTail of 4 × 1,000 iid draws are within 10 % of 4,000", () => {
    const chains = iidChains(21, 4, 1000);
    expectClose(essBulk(chains), 4000, { rel: 0.1 });
    expectClose(essTail(chains), 4000, { rel: 0.1 });
  });

  it("geyerEss of AR(1) chains with ρ = 0.9 is within 20 % of n(1 − ρ)/(1 + ρ)", () => {
    // 4 × 2,500 draws: n(1 − ρ)/(1 + ρ) = 10,000·0.1/1.9 ≈ 526 (arviz: 572).
    expectClose(geyerEss(CHAINS.ar09), (10_000 * 0.1) / 1.9, { rel: 0.2 });
    const long = ar1Chains(31, 1, 20_000, 0.9);
    expectClose(essBulk(long), (20_000 * 0.1) / 1.9, { rel: 0.2 });
  });

  it("geyerEss of constant draws is the number of draws, as arviz", () => {
    expect(geyerEss([[2, 2, 2, 2, 2], [2, 2, 2, 2, 2]])).toBe(10);
  });

  it("ESS functions reject too few draws and non-finite draws", () => {
    expect(() => essBulk([[1, 2, 3, 4, 5, 6, 7]])).toThrow(/essBulk requires at least 8 draws per chain/);
    expect(() => geyerEss([[1, 2, Infinity, 4]])).toThrow(/finite draws/);
  });
});
