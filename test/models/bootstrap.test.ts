import { describe, expect, it } from "vitest";
import { blockBootstrap, blockIndices, percentile } from "../../src/models/bootstrap";
import { createRandom } from "../../src/util/random";

describe("block bootstrap", () => {
  it("blockIndices(n, L, random) returns n indices in runs of L consecutive rows", () => {
    const idx = blockIndices(20, 5, createRandom(3));
    expect(idx).toHaveLength(20);
    for (let b = 0; b < 4; b++) for (let i = 1; i < 5; i++) expect(idx[b * 5 + i]).toBe(idx[b * 5] + 1 * i);
    expect(idx.every((i) => i >= 0 && i < 20)).toBe(true);
  });

  it("blockBootstrap(input) on noise-free data recovers the true ROAS in every resample", () => {
    const random = createRandom(11);
    const n = 60;
    const spend = Float64Array.from({ length: n }, () => 50 + 50 * random.uniform());
    const media = Float64Array.from(spend, (s) => s / (s + 80));
    const trend = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = Float64Array.from(media, (v, i) => 1000 + 300 * v + 40 * trend[i]);
    const boot = blockBootstrap({ pool: [{ media: [media], alpha: 1e-9 }], fixed: [trend], y, trainRows: n, spend: [spend], resamples: 30, blockLength: 6, seed: 5, nonNegative: true, mediaScaleByMean: false, tolerance: 0 });
    let mediaSum = 0, spendSum = 0;
    for (let i = 0; i < n; i++) { mediaSum += media[i]; spendSum += spend[i]; }
    const trueRoas = (300 * mediaSum) / spendSum;
    for (const r of boot.roas[0]) expect(r).toBeCloseTo(trueRoas, 5);
    expect(Array.from(boot.chosen)).toEqual(new Array(30).fill(0));
  });

  it("blockBootstrap(input) picks, per resample, the pool member with the smaller out-of-bag error", () => {
    const random = createRandom(2);
    const n = 80;
    const spend = Float64Array.from({ length: n }, () => 100 * random.uniform());
    const good = Float64Array.from(spend, (s) => s / (s + 50));
    const bad = Float64Array.from(spend, (s) => (s > 50 ? 1 : 0));
    const y = Float64Array.from(good, (v) => 500 + 200 * v + random.normal());
    const boot = blockBootstrap({ pool: [{ media: [bad], alpha: 0.01 }, { media: [good], alpha: 0.01 }], fixed: [], y, trainRows: n, spend: [spend], resamples: 20, blockLength: 5, seed: 1, nonNegative: true, mediaScaleByMean: false, tolerance: 0 });
    expect(Array.from(boot.chosen).filter((c) => c === 1).length).toBeGreaterThanOrEqual(19);
  });

  it("percentile(values, p) is the type-7 quantile of the finite values", () => {
    expect(percentile(Float64Array.from([4, NaN, 1, 3, 2]), 0.5)).toBe(2.5);
    expect(percentile(Float64Array.from([NaN]), 0.5)).toBeNaN();
  });
});
