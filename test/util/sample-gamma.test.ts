// Reference: the closed-form moments of Gamma(k, 1) — mean k, variance k, 4th central moment
// 3k² + 6k — and of InvGamma(a, b) — mean b/(a − 1), variance b²/((a − 1)²(a − 2)).
// Sample means and variances of 200,000 seeded draws must lie within 5 standard errors:
// se(mean) = √(var/N), se(var) = √((μ4 − var²)/N).
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/util/random";
import { sampleGamma, sampleInverseGamma } from "../../src/util/sample-gamma";
import { expectClose } from "../helpers/expect-close";

const N = 200_000;

function moments(x: Float64Array): { mean: number; var: number } {
  let s = 0;
  for (const v of x) s += v;
  const mean = s / x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) * (v - mean);
  return { mean, var: ss / (x.length - 1) };
}

describe("sampleGamma", () => {
  for (const k of [0.3, 1, 2.5, 40]) {
    it(`sampleGamma(random, ${k}) has mean and variance ${k} within 5 standard errors`, () => {
      const r = createRandom(11);
      const x = Float64Array.from({ length: N }, () => sampleGamma(r, k));
      const m = moments(x);
      expectClose(m.mean, k, { abs: 5 * Math.sqrt(k / N) });
      expectClose(m.var, k, { abs: 5 * Math.sqrt((2 * k * k + 6 * k) / N) });
      expect(Math.min(...x.subarray(0, 1000))).toBeGreaterThan(0);
    });
  }

  it("sampleGamma(random, k) gives the same draws for the same seed", () => {
    const a = createRandom(5), b = createRandom(5);
    for (let i = 0; i < 100; i++) expect(sampleGamma(a, 0.7)).toBe(sampleGamma(b, 0.7));
  });

  it("sampleGamma rejects a shape that is not > 0", () => {
    expect(() => sampleGamma(createRandom(1), 0)).toThrow(/sampleGamma requires a finite shape > 0/);
    expect(() => sampleGamma(createRandom(1), NaN)).toThrow(RangeError);
  });
});

describe("sampleInverseGamma", () => {
  it("sampleInverseGamma(random, 6, 5) has mean b/(a − 1) = 1 and variance b²/((a − 1)²(a − 2)) = 0.25", () => {
    const r = createRandom(3);
    const x = Float64Array.from({ length: N }, () => sampleInverseGamma(r, 6, 5));
    const m = moments(x);
    expectClose(m.mean, 1, { abs: 5 * Math.sqrt(0.25 / N) });
    // InvGamma(6) has a finite 4th moment only for a > 4; the sample variance is noisy: 5 %.
    expectClose(m.var, 0.25, { rel: 0.05 });
  });
});
