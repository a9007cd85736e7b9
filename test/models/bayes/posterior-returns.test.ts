/**
 * posteriorReturns: joint posterior draws of (transforms, coefficients) → channel contributions and
 * ROAS over the fit window, in drawBootstrap's shape.
 */
import { describe, expect, it } from "vitest";
import { mediaPosterior } from "../../../src/models/bayes/media-posterior";
import { posteriorReturns } from "../../../src/models/bayes/posterior-returns";
import { createRandom } from "../../../src/util/random";
import { expectClose } from "../../helpers/expect-close";

/** 150 periods, fit window 120: tv with a true ROAS of 2 (media = spend), radio 0.5, a trend. */
function data() {
  const random = createRandom(5);
  const n = 150;
  const tv = Float64Array.from({ length: n }, () => 1000 + 800 * random.uniform());
  const radio = Float64Array.from({ length: n }, () => 300 + 300 * random.uniform());
  const trend = Float64Array.from({ length: n }, (_, i) => i / n);
  const y = Float64Array.from({ length: n }, (_, i) => 10_000 + 2 * tv[i] + 0.5 * radio[i] + 2000 * trend[i] + 200 * random.normal());
  return { tv, radio, trend, y };
}

describe("posteriorReturns", () => {
  const { tv, radio, trend, y } = data();
  const k = 120;
  const base = { fixed: [trend], y, trainRows: k, spend: [tv, radio], seed: 3, ridge: { mediaFactor: 0.1, mediaScale: "mean" as const, nonNegative: true } };

  it("gives ROAS = coefficient × Σ media / Σ spend over the fit window for every draw, and 90 % intervals around the true ROAS", () => {
    const out = posteriorReturns({ ...base, transforms: [{ media: [tv, radio], alpha: 0.05 }], draws: 2000 });
    expect(out.roas[0]).toHaveLength(2000);
    let spendTv = 0;
    for (let i = 0; i < k; i++) spendTv += tv[i];
    for (const r of [0, 1, 999, 1999]) {
      expectClose(out.contribution[0][r], out.mediaCoefficients[r][0] * spendTv, { rel: 1e-12 });
      expectClose(out.roas[0][r], out.contribution[0][r] / spendTv, { rel: 1e-12 });
    }
    const sorted = (a: Float64Array) => Float64Array.from(a).sort();
    const tvRoas = sorted(out.roas[0]);
    const radioRoas = sorted(out.roas[1]);
    expect(tvRoas[100]).toBeLessThan(2);
    expect(tvRoas[1900]).toBeGreaterThan(2);
    expect(radioRoas[100]).toBeLessThan(0.5);
    expect(radioRoas[1900]).toBeGreaterThan(0.5);
    expect(radioRoas[0]).toBeGreaterThanOrEqual(0);
  });

  it("without the sign constraint the ROAS draws average to the posterior mean's ROAS (within 5 standard errors)", () => {
    const out = posteriorReturns({ ...base, ridge: { ...base.ridge, nonNegative: false }, transforms: [{ media: [tv, radio], alpha: 0.05 }], draws: 4000 });
    const mp = mediaPosterior({ media: [tv.subarray(0, k), radio.subarray(0, k)], fixed: [trend.subarray(0, k)], y: y.subarray(0, k), alpha: 0.05, mediaFactor: 0.1 });
    const b = mp.posterior.mean[1] / mp.scales[1];
    const sd = mp.posterior.sd[1] / mp.scales[1];
    let mean = 0;
    for (const v of out.roas[0]) mean += v;
    mean /= out.roas[0].length;
    // media = spend, so ROAS_tv = b_tv
    expect(Math.abs(mean - b)).toBeLessThan(5 * sd / Math.sqrt(4000));
  });

  it("draw r uses transform draw r mod D, and the seed repeats every number", () => {
    const transforms = [{ media: [tv, radio], alpha: 0.05 }, { media: [tv.map((v) => Math.sqrt(v)), radio], alpha: 0.5 }, { media: [tv, radio], alpha: 5 }];
    const a = posteriorReturns({ ...base, transforms, draws: 10 });
    const b = posteriorReturns({ ...base, transforms, draws: 10 });
    expect(Array.from(a.draw)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    expect(a.roas.map((r) => Array.from(r))).toEqual(b.roas.map((r) => Array.from(r)));
    const other = posteriorReturns({ ...base, seed: 4, transforms, draws: 10 });
    expect(Array.from(other.roas[0])).not.toEqual(Array.from(a.roas[0]));
  });

  it("refuses no transform draws or a non-integer number of draws", () => {
    expect(() => posteriorReturns({ ...base, transforms: [], draws: 10 })).toThrow(RangeError);
    expect(() => posteriorReturns({ ...base, transforms: [{ media: [tv, radio], alpha: 1 }], draws: 1.5 })).toThrow(RangeError);
  });
});
