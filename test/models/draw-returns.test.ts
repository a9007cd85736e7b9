// drawBootstrap and posteriorReturns: draws of (transforms, coefficients) → channel contributions and
// ROAS over the fit window, by a block bootstrap refit or from the exact conditional posterior.
import { describe, expect, it } from "vitest";
import { mediaPosterior } from "../../src/models/bayes/media-posterior";
import { drawBootstrap, drawBootstrapByMoments, posteriorReturns, PROGRESS_EVERY } from "../../src/models/draw-returns";
import { createRandom } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";

function data(n: number, seed: number) {
  const random = createRandom(seed);
  const spend = Float64Array.from({ length: n }, () => (random.uniform() < 0.2 ? 0 : 100 + 50 * random.uniform()));
  const media = Float64Array.from(spend, (s) => Math.sqrt(s));
  const trend = Float64Array.from({ length: n }, (_, i) => i / n);
  return { spend, media, trend };
}

describe("drawBootstrap", () => {
  it("drawBootstrap(input) on noise-free data recovers the true ROAS in every resample", () => {
    const n = 80;
    const { spend, media, trend } = data(n, 1);
    const y = Float64Array.from({ length: n }, (_, i) => 100 + 20 * trend[i] + 3 * media[i]);
    const boot = drawBootstrap({ draws: [{ media: [media], alpha: 1e-9 }], fixed: [trend], y, trainRows: n, spend: [spend], resamples: 20, blockLength: 6, seed: 5, ridge: { mediaFactor: 0.1 } });
    const trueRoas = (3 * media.reduce((a, b) => a + b, 0)) / spend.reduce((a, b) => a + b, 0);
    for (const r of boot.roas[0]) expect(r).toBeCloseTo(trueRoas, 6);
    for (const b of boot.mediaCoefficients) expect(b[0]).toBeCloseTo(3, 6);
  });

  it("drawBootstrap(input) uses draw r mod D in resample r and scores only the fit window", () => {
    const n = 60;
    const { spend, media, trend } = data(n, 2);
    const y = Float64Array.from({ length: n }, (_, i) => 100 + 20 * trend[i] + 3 * media[i] + (i >= 50 ? 1e6 : 0));
    const half = Float64Array.from(media, (v) => v / 2);
    const boot = drawBootstrap({ draws: [{ media: [media], alpha: 1e-9 }, { media: [half], alpha: 1e-9 }], fixed: [trend], y, trainRows: 50, spend: [spend], resamples: 5, blockLength: 5, seed: 3, ridge: {} });
    expect(Array.from(boot.draw)).toEqual([0, 1, 0, 1, 0]);
    // The held-out rows (with their huge y) never enter a fit: both draws give the same ROAS.
    const trueRoas = (3 * media.subarray(0, 50).reduce((a, b) => a + b, 0)) / spend.subarray(0, 50).reduce((a, b) => a + b, 0);
    for (const r of boot.roas[0]) expect(r).toBeCloseTo(trueRoas, 6);
    expect(boot.mediaCoefficients[1][0]).toBeCloseTo(6, 6);
  });

  it("drawBootstrap(input) reports progress every PROGRESS_EVERY resamples and after the last", () => {
    const n = 60;
    const { spend, media, trend } = data(n, 6);
    const y = Float64Array.from({ length: n }, (_, i) => 100 + 20 * trend[i] + 3 * media[i]);
    const calls: Array<[number, number]> = [];
    drawBootstrap({ draws: [{ media: [media], alpha: 1e-3 }], fixed: [trend], y, trainRows: n, spend: [spend], resamples: 25, blockLength: 5, seed: 1, ridge: {}, onProgress: (d, t) => calls.push([d, t]) });
    expect(PROGRESS_EVERY).toBe(10);
    expect(calls).toEqual([[10, 25], [20, 25], [25, 25]]);
  });

  it("drawBootstrap(input) is deterministic in its seed", () => {
    const n = 70;
    const { spend, media, trend } = data(n, 4);
    const random = createRandom(9);
    const y = Float64Array.from({ length: n }, (_, i) => 100 + 20 * trend[i] + 3 * media[i] + 5 * random.normal());
    const input = { draws: [{ media: [media], alpha: 0.1 }], fixed: [trend], y, trainRows: n, spend: [spend], resamples: 10, blockLength: 7, seed: 8, ridge: { mediaFactor: 0.1 } };
    expect(Array.from(drawBootstrap(input).roas[0])).toEqual(Array.from(drawBootstrap(input).roas[0]));
    expect(Array.from(drawBootstrap({ ...input, seed: 9 }).roas[0])).not.toEqual(Array.from(drawBootstrap(input).roas[0]));
  });

  it("drawBootstrap(input) rejects an empty set of draws", () => {
    const { spend, trend } = data(10, 5);
    expect(() => drawBootstrap({ draws: [], fixed: [trend], y: trend, trainRows: 10, spend: [spend], resamples: 1, blockLength: 2, seed: 1, ridge: {} })).toThrow(/at least one draw/);
  });
});

/** 150 periods, fit window 120: tv with a true ROAS of 2 (media = spend), radio 0.5, a trend. */
function posteriorData() {
  const random = createRandom(5);
  const n = 150;
  const tv = Float64Array.from({ length: n }, () => 1000 + 800 * random.uniform());
  const radio = Float64Array.from({ length: n }, () => 300 + 300 * random.uniform());
  const trend = Float64Array.from({ length: n }, (_, i) => i / n);
  const y = Float64Array.from({ length: n }, (_, i) => 10_000 + 2 * tv[i] + 0.5 * radio[i] + 2000 * trend[i] + 200 * random.normal());
  return { tv, radio, trend, y };
}

describe("posteriorReturns", () => {
  const { tv, radio, trend, y } = posteriorData();
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

describe("drawBootstrapByMoments", () => {
  it("drawBootstrapByMoments(input) equals drawBootstrap (same resamples, refits from the block sums) to 1e-9", () => {
    const n = 150;
    const random = createRandom(9);
    const a = data(n, 7);
    const b = data(n, 8);
    // a rare dummy: constant (0) in some resamples, where both ways must hold its coefficient at 0
    const dummy = Float64Array.from({ length: n }, (_, i) => (i === 17 || i === 18 ? 1 : 0));
    const y = Float64Array.from({ length: n }, (_, i) => 100 + 20 * a.trend[i] + 3 * a.media[i] + 2 * b.media[i] + 5 * dummy[i] + random.normal());
    const half = Float64Array.from(b.media, (v) => v / 2 + 1);
    const draws = [{ media: [a.media, b.media], alpha: 1e-8 }, { media: [a.media, half], alpha: 0.3 }];
    for (const ridge of [{ nonNegative: false }, { mediaFactor: 0.1, mediaScale: "sd" as const }]) {
      const input = { draws, fixed: [a.trend, dummy], y, trainRows: 130, spend: [a.spend, b.spend], resamples: 30, blockLength: 8, seed: 2, ridge };
      const rows = drawBootstrap(input);
      const sums = drawBootstrapByMoments(input);
      expect(Array.from(sums.draw)).toEqual(Array.from(rows.draw));
      for (let c = 0; c < 2; c++) {
        expectClose(sums.roas[c], rows.roas[c], { rel: 1e-9 });
        expectClose(sums.contribution[c], rows.contribution[c], { rel: 1e-9 });
      }
    }
  });
});
