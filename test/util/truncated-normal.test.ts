// Reference: scipy.stats.truncnorm(a, b, loc, scale) mean and variance, and the standard errors
// of a 200,000-draw sample mean √(var/N) and variance √((μ4 − var²)/N) from its moments, printed by
// test/models/bayes/reference/sampling_reference.py (/usr/bin/python3, scipy 1.10). Tolerance:
// 5 standard errors, so each assertion fails by chance with probability < 1e-6.
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/util/random";
import { sampleTruncatedNormal, sampleTruncatedStandardNormal } from "../../src/util/truncated-normal";
import { expectClose } from "../helpers/expect-close";

const N = 200_000;
const CASES = [
  { name: "straddling 0, [−1, 2]", loc: 0, scale: 1, lower: -1, upper: 2, mean: 0.22963717909132902, var: 0.5197625392115339, seMean: 0.0016120833402953054, seVar: 0.0013149953505936002 },
  { name: "a moderate tail, [1, ∞)", loc: 0, scale: 1, lower: 1, upper: Infinity, mean: 1.5251352761609822, var: 0.1990976655703467, seMean: 0.0009977416137716885, seVar: 0.0008900975917051293 },
  { name: "a tail interval by inverse CDF, [4.5, 6]", loc: 0, scale: 1, lower: 4.5, upper: 6, mean: 4.703897474674674, var: 0.03820403237424763, seMean: 0.0004370585336899832, seVar: 0.00020716301607480878 },
  { name: "the far tail 10 sd away, [10, ∞) (exponential rejection)", loc: 0, scale: 1, lower: 10, upper: Infinity, mean: 10.098093233962564, var: 0.009445377825130441, seMean: 0.0002173174846294062, seVar: 5.8149982963086105e-5 },
  { name: "a narrow far-tail interval, [8, 8.05] (uniform rejection)", loc: 0, scale: 1, lower: 8, upper: 8.05, mean: 8.023332732370225, var: 0.000206649922238622, seMean: 3.2144200273036974e-5, seVar: 4.196830509735091e-7 },
  { name: "the mirrored far tail, (−∞, −12]", loc: 0, scale: 1, lower: -Infinity, upper: -12, mean: -12.082214175254526, var: 0.006670726332905996, seMean: 0.00018262976664424116, seVar: 4.1383046819675314e-5 },
  { name: "N(3, 2²) on [0, 1]", loc: 3, scale: 2, lower: 0, upper: 1, mean: 0.5513225246844398, var: 0.08107572465953616, seMean: 0.0006366935081321944, seVar: 0.0001692868371209107 },
  { name: "40 sd away, [40, ∞), where Φ(−40) underflows", loc: 0, scale: 1, lower: 40, upper: Infinity, mean: 40.024968847210886, var: 0.0006226682335286338, seMean: 5.5797322226457866e-5, seVar: 3.779558255216248e-6 },
];

describe("sampleTruncatedNormal", () => {
  for (const c of CASES) {
    it(`sampleTruncatedNormal(random, mean, sd, lower, upper) on ${c.name} matches scipy's truncnorm mean and variance`, () => {
      const r = createRandom(2026);
      const x = new Float64Array(N);
      let s = 0;
      for (let i = 0; i < N; i++) {
        x[i] = sampleTruncatedNormal(r, c.loc, c.scale, c.lower, c.upper);
        s += x[i];
      }
      const mean = s / N;
      let ss = 0, lo = Infinity, hi = -Infinity;
      for (const v of x) {
        ss += (v - mean) * (v - mean);
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      expect(lo).toBeGreaterThanOrEqual(c.lower);
      expect(hi).toBeLessThanOrEqual(c.upper);
      expectClose(mean, c.mean, { abs: 5 * c.seMean });
      expectClose(ss / (N - 1), c.var, { abs: 5 * c.seVar });
    });
  }

  it("sampleTruncatedStandardNormal(random, a, b) gives the same draws for the same seed", () => {
    const a = createRandom(9), b = createRandom(9);
    for (const [lo, hi] of [[-1, 2], [10, Infinity], [8, 8.05], [-Infinity, -3]]) {
      expect(sampleTruncatedStandardNormal(a, lo, hi)).toBe(sampleTruncatedStandardNormal(b, lo, hi));
    }
  });

  it("sampleTruncatedNormal rejects an empty interval and a non-positive sd", () => {
    expect(() => sampleTruncatedNormal(createRandom(1), 0, 1, 2, 2)).toThrow(/sampleTruncatedNormal requires lower < upper/);
    expect(() => sampleTruncatedNormal(createRandom(1), 0, 0, 0, 1)).toThrow(/sd > 0/);
    expect(() => sampleTruncatedStandardNormal(createRandom(1), NaN, 1)).toThrow(RangeError);
  });
});
