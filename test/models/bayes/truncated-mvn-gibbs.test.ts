// Reference: the mean and sd of N((0.3, −0.5), [[1, 0.6], [0.6, 2]]) restricted to a box, by
// scipy.integrate.dblquad of x·pdf over the box divided by its mass (to ≈ 1e-12), printed by
// test/models/bayes/reference/sampling_reference.py (/usr/bin/python3, scipy 1.10). The Gibbs draws
// are autocorrelated, so the tolerance is 5 Monte Carlo standard errors sd/√ESS, the ESS of each
// coordinate estimated by essBasic (checked against arviz in ess.test.ts).
import { describe, expect, it } from "vitest";
import { essBasic } from "../../../src/mcmc/ess";
import { truncatedMvnGibbsSweep } from "../../../src/models/bayes/truncated-mvn-gibbs";
import { createRandom, type Random } from "../../../src/util/random";
import { expectClose } from "../../helpers/expect-close";

const MU = [0.3, -0.5];
// inv([[1, 0.6], [0.6, 2]]) by numpy.
const PRECISION = [1.2195121951219512, -0.36585365853658536, -0.36585365853658536, 0.6097560975609756];
const N = 200_000;

/**
 * sampleTruncatedMvn(mean, precision, options): the coordinate Gibbs sampler of N(μ, σ²Λ⁻¹) on the
 * box [lower, upper] built from truncatedMvnGibbsSweep — burnIn sweeps from the mean clamped into
 * the box, then one draw kept per sweep; row-major draws × p.
 */
function sampleTruncatedMvn(
  mean: number[], precision: number[],
  options: { lower?: number[]; upper?: number[]; draws: number; burnIn?: number; sigma?: number; random: number | Random },
): Float64Array {
  const p = mean.length;
  const lower = options.lower ?? new Array<number>(p).fill(-Infinity);
  const upper = options.upper ?? new Array<number>(p).fill(Infinity);
  const x = Float64Array.from(mean, (m, j) => Math.min(Math.max(m, lower[j]), upper[j]));
  const random = typeof options.random === "number" ? createRandom(options.random) : options.random;
  for (let t = 0; t < (options.burnIn ?? 100); t++) truncatedMvnGibbsSweep(x, mean, precision, options.sigma ?? 1, lower, upper, random);
  const out = new Float64Array(options.draws * p);
  for (let d = 0; d < options.draws; d++) {
    truncatedMvnGibbsSweep(x, mean, precision, options.sigma ?? 1, lower, upper, random);
    out.set(x, d * p);
  }
  return out;
}

function coordinate(draws: Float64Array, j: number, p: number): Float64Array {
  return Float64Array.from({ length: draws.length / p }, (_, d) => draws[d * p + j]);
}

function checkAgainst(draws: Float64Array, mean: number[], sd: number[], lower: number[], upper: number[]): void {
  for (let j = 0; j < 2; j++) {
    const x = coordinate(draws, j, 2);
    let s = 0, outside = 0;
    for (const v of x) {
      if (!(v >= lower[j] && v <= upper[j])) outside++;
      s += v;
    }
    expect(outside).toBe(0);
    // Four chains of N/4 for the ESS estimate.
    const q = x.length / 4;
    const ess = essBasic([0, 1, 2, 3].map((c) => x.subarray(c * q, (c + 1) * q)));
    expect(ess).toBeGreaterThan(N / 20);
    expectClose(s / x.length, mean[j], { abs: (5 * sd[j]) / Math.sqrt(ess) });
  }
}

describe("truncatedMvnGibbsSweep", () => {
  it("sampleTruncatedMvn(mean, precision, { lower: [0, 0] }) matches the positive-quadrant mean from numerical integration", () => {
    const draws = sampleTruncatedMvn(MU, PRECISION, { lower: [0, 0], draws: N, random: 42 });
    // dblquad: mass 0.28420929054850236
    checkAgainst(draws, [1.0857470979918242, 1.0271678301674396], [0.706622863387522, 0.790951957884871], [0, 0], [Infinity, Infinity]);
  });

  it("sampleTruncatedMvn on the box x0 ≥ 0.5, −1 ≤ x1 ≤ 0.2 matches the numerical-integration mean", () => {
    const lower = [0.5, -1], upper = [Infinity, 0.2];
    const draws = sampleTruncatedMvn(MU, PRECISION, { lower, upper, draws: N, random: 43 });
    // dblquad: mass 0.13942178673762043
    checkAgainst(draws, [1.1681505485569719, -0.37023063648637605], [0.5190018939992748, 0.3408924327066473], lower, upper);
  });

  it("sampleTruncatedMvn with sigma 2 samples N(μ, 4Λ⁻¹): unconstrained variances scale by 4", () => {
    const draws = sampleTruncatedMvn(MU, PRECISION, { draws: 50_000, sigma: 2, random: 5 });
    const x0 = coordinate(draws, 0, 2);
    let s = 0, ss = 0;
    for (const v of x0) s += v;
    const m = s / x0.length;
    for (const v of x0) ss += (v - m) * (v - m);
    // Var = 4·Σ00 = 4; the sample variance of ≥ 25,000 effective draws is within 5 %.
    expectClose(ss / (x0.length - 1), 4, { rel: 0.05 });
  });

  it("sampleTruncatedMvn gives the same draws for the same seed", () => {
    const a = sampleTruncatedMvn(MU, PRECISION, { lower: [0, 0], draws: 100, random: 8 });
    const b = sampleTruncatedMvn(MU, PRECISION, { lower: [0, 0], draws: 100, random: createRandom(8) });
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("truncatedMvnGibbsSweep keeps the state inside the box even when the mean lies 10 sd outside it", () => {
    const x = Float64Array.of(0, 0);
    const r = createRandom(1);
    for (let t = 0; t < 100; t++) {
      truncatedMvnGibbsSweep(x, [-10, -10], [1, 0, 0, 1], 1, [0, 0], [Infinity, Infinity], r);
      expect(x[0] >= 0 && x[1] >= 0).toBe(true);
    }
  });
});
