import { describe, expect, it } from "vitest";
import { geometricAdstock } from "../../src/features/adstock";
import { hill } from "../../src/features/saturation";
import { blockBootstrap, blockIndices, percentile, type BootstrapInput, type BootstrapResult } from "../../src/models/bootstrap";
import { createRandom } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";
import { referenceBootstrap } from "../helpers/reference-bootstrap";

/**
 * A seeded weekly problem like the fit's: 4 channels of bursty spend, media = Hill(geometric
 * adstock) with per-candidate decay, half-saturation and shape, alpha log-uniform in [1e-3, 1e2];
 * fixed = trend, yearly sin/cos, a price control; y from the first candidate's transforms + noise.
 * The last 20 % of rows are outside the fit window.
 */
function weeklyProblem(seed: number, poolSize: number): Omit<BootstrapInput, "nonNegative" | "mediaScaleByMean" | "seed" | "resamples"> {
  const random = createRandom(seed);
  const n = 160;
  const k = 128;
  const channels = 4;
  const spend = Array.from({ length: channels }, () => {
    const level = 1000 + 20_000 * random.uniform();
    let on = true;
    return Float64Array.from({ length: n }, () => {
      if (random.uniform() < 0.15) on = random.uniform() < 0.7;
      return on ? level * Math.exp(0.4 * random.normal()) : 0;
    });
  });
  const trend = Float64Array.from({ length: n }, (_, i) => i / (k - 1));
  const sin = Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * i) / 52.18));
  const cos = Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * i) / 52.18));
  let price = 10;
  const prices = Float64Array.from({ length: n }, () => (price += 0.05 * random.normal()));
  const pool = Array.from({ length: poolSize }, () => ({
    media: spend.map((s) => {
      const ad = geometricAdstock(s, 0.8 * random.uniform());
      let mean = 0;
      for (let i = 0; i < k; i++) mean += ad[i];
      return hill(ad, (0.5 + 2.5 * random.uniform()) * (mean / k), 0.5 + 2.5 * random.uniform());
    }),
    alpha: Math.pow(10, -3 + 5 * random.uniform()),
  }));
  const effects = [30_000, 0, 12_000, -5000]; // a useless channel and one the data would make negative
  const y = Float64Array.from({ length: n }, (_, i) => {
    let v = 200_000 + 20_000 * trend[i] + 8000 * sin[i] - 3000 * cos[i] - 4000 * (prices[i] - 10) + 4000 * random.normal();
    for (let c = 0; c < channels; c++) v += effects[c] * pool[0].media[c][i];
    return v;
  });
  return { pool, fixed: [trend, sin, cos, prices], y, trainRows: k, spend, blockLength: 8, tolerance: 0.02 };
}

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

  it("blockBootstrap(input) chooses the same pool members as the fitRidge reference, with ROAS, contributions and coefficients equal to 1e-9", () => {
    const problem = weeklyProblem(41, 40);
    let distinct = 0;
    for (const [nonNegative, mediaScaleByMean] of [[true, true], [true, false], [false, false]]) {
      const input: BootstrapInput = { ...problem, resamples: 40, seed: 3, nonNegative, mediaScaleByMean };
      const fast = blockBootstrap(input);
      const slow = referenceBootstrap(input);
      expect(Array.from(fast.chosen)).toEqual(Array.from(slow.chosen));
      distinct = Math.max(distinct, new Set(fast.chosen).size);
      for (let c = 0; c < 4; c++) {
        expectClose(fast.roas[c], slow.roas[c], { rel: 1e-9, floor: Math.max(...Array.from(slow.roas[c], Math.abs)) });
        expectClose(fast.contribution[c], slow.contribution[c], { rel: 1e-9, floor: Math.max(...Array.from(slow.contribution[c], Math.abs)) });
      }
      fast.mediaCoefficients.forEach((b, r) => expectClose(b, slow.mediaCoefficients[r], { rel: 1e-9, floor: Math.max(...Array.from(slow.mediaCoefficients[r], Math.abs)) }));
    }
    expect(distinct).toBeGreaterThan(3); // the choice varies across resamples, so it is really compared
  });

  it("blockBootstrap(input) scores on the in-bag rows, as the reference does, a resample that leaves no row out", () => {
    // k = 8 rows in blocks of 4: a resample covers every row (all counts 1) when its starts are 0 and 4.
    const problem = weeklyProblem(43, 5);
    const input: BootstrapInput = { ...problem, pool: problem.pool.map((p) => ({ ...p, alpha: 1 })), trainRows: 8, blockLength: 4, resamples: 60, seed: 9, nonNegative: true, mediaScaleByMean: true, fixed: problem.fixed.slice(0, 2) };
    const random = createRandom(9);
    let covering = 0;
    for (let r = 0; r < 60; r++) if (new Set(blockIndices(8, 4, random)).size === 8) covering++;
    expect(covering).toBeGreaterThan(0);
    const fast = blockBootstrap(input);
    const slow = referenceBootstrap(input);
    expect(Array.from(fast.chosen)).toEqual(Array.from(slow.chosen));
    for (let c = 0; c < 4; c++) expectClose(fast.roas[c], slow.roas[c], { rel: 1e-9, floor: Math.max(...Array.from(slow.roas[c], Math.abs)) });
  });

  it("percentile(values, p) is the type-7 quantile of the finite values", () => {
    expect(percentile(Float64Array.from([4, NaN, 1, 3, 2]), 0.5)).toBe(2.5);
    expect(percentile(Float64Array.from([NaN]), 0.5)).toBeNaN();
  });
});
