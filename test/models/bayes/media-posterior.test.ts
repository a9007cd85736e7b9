/**
 * mediaPosterior and drawMediaPosterior: the media-prior ridge as a Bayesian model. Its posterior
 * mean without the sign constraint is the ridge fit (fitMediaPriorRidgeExact, the posterior mode);
 * with a vanishing penalty its sd is the OLS standard error times √((n − p)/(n − 2)) (the 1/σ²
 * prior gives σ² | y ~ InvGamma(n/2, RSS/2), against s² = RSS/(n − p) in OLS); draws have the
 * right mean, keep the media ≥ 0 when asked, and repeat with the seed.
 */
import { describe, expect, it } from "vitest";
import { drawMediaPosterior, mediaPosterior } from "../../../src/models/bayes/media-posterior";
import { fitMediaPriorRidgeExact } from "../../../src/models/media-prior-ridge";
import { fitOls } from "../../../src/models/ols";
import { designMatrixFromColumns } from "../../../src/models/standardize";
import { createRandom } from "../../../src/util/random";
import { expectClose } from "../../helpers/expect-close";

/** 120 weeks: two media columns (one with a near-zero true effect), trend and price; y in the thousands. */
function data(): { media: Float64Array[]; fixed: Float64Array[]; y: Float64Array } {
  const random = createRandom(11);
  const n = 120;
  const tv = Float64Array.from({ length: n }, () => 500 + 400 * random.uniform());
  const radio = Float64Array.from({ length: n }, () => 100 + 200 * random.uniform());
  const trend = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
  const price = Float64Array.from({ length: n }, () => 10 + random.normal() * 0.5);
  const y = Float64Array.from({ length: n }, (_, i) => 5000 + 3 * tv[i] + 0.05 * radio[i] + 800 * trend[i] - 120 * price[i] + 150 * random.normal());
  return { media: [tv, radio], fixed: [trend, price], y };
}

/** posteriorMeanOriginal(mp) → [intercept, b_1 … b_p] of the unconstrained posterior mean on the original scale. */
function posteriorMeanOriginal(mp: ReturnType<typeof mediaPosterior>): number[] {
  const p = mp.posterior.cols;
  const b = Array.from({ length: p - 1 }, (_, j) => mp.posterior.mean[j + 1] / mp.scales[j + 1]);
  let b0 = mp.posterior.mean[0];
  b.forEach((v, j) => { b0 -= v * mp.means[j + 1]; });
  return [b0, ...b];
}

describe("mediaPosterior", () => {
  const { media, fixed, y } = data();

  it("without the sign constraint its posterior mean is the media-prior ridge fit (the posterior mode), to 1e-9", () => {
    for (const [alpha, mediaScale] of [[0.3, "mean"], [5, "sd"]] as const) {
      const mp = mediaPosterior({ media, fixed, y, alpha, mediaFactor: 0.1, mediaScale });
      const ridge = fitMediaPriorRidgeExact(designMatrixFromColumns([...media, ...fixed]), y, alpha, 2, { mediaFactor: 0.1, nonNegative: false, mediaScale });
      const mean = posteriorMeanOriginal(mp);
      expectClose(mean[0], ridge.intercept, { rel: 1e-9 });
      ridge.coefficients.forEach((b, j) => {
        expectClose(mean[j + 1], b, { rel: 1e-9 });
      });
    }
  });

  it("with a vanishing penalty its mean is OLS and its sd the OLS standard error × √((n − p)/(n − 2))", () => {
    const mp = mediaPosterior({ media, fixed, y, alpha: 1e-10 });
    const ols = fitOls(designMatrixFromColumns([...media, ...fixed]), y);
    const n = y.length;
    const p = 5;
    const mean = posteriorMeanOriginal(mp);
    expectClose(mean[0], ols.intercept, { rel: 1e-7 });
    ols.coefficients.forEach((b, j) => {
      expectClose(mean[j + 1], b, { rel: 1e-7 });
    });
    for (let j = 1; j < p; j++) {
      expectClose(mp.posterior.sd[j] / mp.scales[j], ols.standardErrors[j] * Math.sqrt((n - p) / (n - 2)), { rel: 1e-7 });
    }
  });

  it("refuses a non-positive alpha and columns of another length", () => {
    expect(() => mediaPosterior({ media, fixed, y, alpha: 0 })).toThrow(RangeError);
    expect(() => mediaPosterior({ media: [media[0].subarray(1)], fixed, y, alpha: 1 })).toThrow("every column");
  });
});

describe("drawMediaPosterior", () => {
  const { media, fixed, y } = data();
  const mp = mediaPosterior({ media, fixed, y, alpha: 0.3, mediaFactor: 0.1 });

  it("20,000 exact draws average to the posterior mean within 5 standard errors, on the original scale", () => {
    const draws = drawMediaPosterior(mp, 20_000, { nonNegative: false, random: 3 });
    const mean = posteriorMeanOriginal(mp);
    const q = 4;
    for (let j = 0; j < q; j++) {
      let s = 0;
      for (let d = 0; d < draws.draws; d++) s += draws.coefficients[d * q + j];
      const sd = mp.posterior.sd[j + 1] / mp.scales[j + 1];
      expect(Math.abs(s / draws.draws - mean[j + 1])).toBeLessThan(5 * sd / Math.sqrt(draws.draws));
    }
    let b0 = 0;
    for (let d = 0; d < draws.draws; d++) b0 += draws.intercept[d];
    expect(Math.abs(b0 / draws.draws - mean[0])).toBeLessThan(0.01 * Math.abs(mean[0]));
  });

  it("with nonNegative every media draw is ≥ 0 (radio's true effect is near 0), the baseline is free, and the seed repeats the draws", () => {
    const a = drawMediaPosterior(mp, 2_000, { nonNegative: true, random: 9 });
    const b = drawMediaPosterior(mp, 2_000, { nonNegative: true, random: 9 });
    expect(Array.from(a.coefficients)).toEqual(Array.from(b.coefficients));
    let negativePrice = 0;
    for (let d = 0; d < a.draws; d++) {
      expect(a.coefficients[d * 4]).toBeGreaterThanOrEqual(0);
      expect(a.coefficients[d * 4 + 1]).toBeGreaterThanOrEqual(0);
      if (a.coefficients[d * 4 + 3] < 0) negativePrice++;
    }
    expect(negativePrice).toBe(a.draws); // price's true effect is −120 per unit
    // radio: unconstrained posterior 0.115 ± 0.222 (true 0.05); truncated at 0, its median moves up but stays below 0.5
    const radio = Array.from({ length: a.draws }, (_, d) => a.coefficients[d * 4 + 1]).sort((u, v) => u - v);
    expect(radio[a.draws / 2]).toBeGreaterThan(0.115);
    expect(radio[a.draws / 2]).toBeLessThan(0.5);
    // TV's coefficient: 3 per unit, well identified
    let tv = 0;
    for (let d = 0; d < a.draws; d++) tv += a.coefficients[d * 4];
    expectClose(tv / a.draws, 3, { rel: 0.05 });
  });
});
