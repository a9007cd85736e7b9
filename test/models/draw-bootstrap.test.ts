import { describe, expect, it } from "vitest";
import { drawBootstrap, PROGRESS_EVERY } from "../../src/models/draw-bootstrap";
import { createRandom } from "../../src/util/random";

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
