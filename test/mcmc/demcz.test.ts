import { describe, expect, it } from "vitest";
import { chainSummary } from "../../src/mcmc/chain-summary";
import { sampleDeMcz, type DeMczOptions } from "../../src/mcmc/demcz";
import { createRandom } from "../../src/util/random";

/**
 * A correlated Gaussian in the unit cube: mean 0.5 in every coordinate, sd `sd`, correlation ρ
 * between neighbours (an AR(1) structure, so Σ_ij = sd²·ρ^|i−j|). The cube's faces are ≥ 5 sd away,
 * so the truncation changes the moments by less than the Monte Carlo error.
 * −2 log density (up to a constant) by the AR(1) precision: (x₁² + Σ_{j>1} (x_j − ρ x_{j−1})²/(1 − ρ²))/sd².
 */
function ar1Gaussian(d: number, sd: number, rho: number) {
  const f = (points: Float64Array[]) => points.map((p) => {
    let q = ((p[0] - 0.5) / sd) ** 2;
    for (let j = 1; j < d; j++) q += ((p[j] - 0.5 - rho * (p[j - 1] - 0.5)) / sd) ** 2 / (1 - rho * rho);
    return q;
  });
  const covariance = (i: number, j: number) => sd * sd * rho ** Math.abs(i - j);
  return { f, covariance };
}

/**
 * A banana (Haario, Saksman & Tamminen 1999, "Adaptive proposal distribution for random walk
 * Metropolis algorithm", Computational Statistics 14, 375–395): a = (u₁ − 0.5)/0.1 ~ N(0, 1),
 * b = (u₂ − 0.3)/0.05 − 2·(a² − 1) ~ N(0, 1) given a, so E u₁ = 0.5, sd u₁ = 0.1,
 * E u₂ = 0.3 + 0.05·2·(E a² − 1) = 0.3, var u₂ = 0.05²·(1 + 4·var a²) = 0.05²·(1 + 8) → sd 0.15,
 * cov(u₁, u₂) = 0.1·0.05·2·E a³ = 0. Faces of the cube: u₂ = 0 is 2 sd below, so the target is
 * truncated there; the test reads the moments of the truncated target off a fine grid.
 */
function banana() {
  const f = (points: Float64Array[]) => points.map((p) => {
    const a = (p[0] - 0.5) / 0.1;
    const b = (p[1] - 0.3) / 0.05 - 2 * (a * a - 1);
    return a * a + b * b;
  });
  return { f };
}

/** Grid moments of exp(−f/2) on the unit square (midpoint rule, 1000 × 1000). */
function gridMoments(f: (points: Float64Array[]) => number[]): { mean: number[]; cov: number[][] } {
  const n = 1000;
  let w = 0;
  const s = [0, 0];
  const ss = [[0, 0], [0, 0]];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: n }, (_, j) => Float64Array.of((i + 0.5) / n, (j + 0.5) / n));
    const v = f(row);
    row.forEach((p, j) => {
      const d = Math.exp(-v[j] / 2);
      w += d;
      for (let a = 0; a < 2; a++) {
        s[a] += d * p[a];
        for (let b = 0; b < 2; b++) ss[a][b] += d * p[a] * p[b];
      }
    });
  }
  const mean = s.map((v) => v / w);
  return { mean, cov: ss.map((r, a) => r.map((v, b) => v / w - mean[a] * mean[b])) };
}

function sampleMoments(points: readonly Float64Array[]): { mean: number[]; cov: number[][] } {
  const d = points[0].length;
  const mean = Array.from({ length: d }, (_, j) => points.reduce((a, p) => a + p[j], 0) / points.length);
  const cov = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => points.reduce((t, p) => t + (p[a] - mean[a]) * (p[b] - mean[b]), 0) / points.length));
  return { mean, cov };
}

/** Chains started and archive drawn uniformly in [lo, hi]^d (overdispersed against the targets here). */
function setup(f: (points: Float64Array[]) => number[], chains: number, archive: number, d: number, seed: number, lo = 0.2, hi = 0.8): Pick<DeMczOptions, "start" | "startValues" | "archive" | "evaluate"> {
  const random = createRandom(seed);
  const box = () => Float64Array.from({ length: d }, () => lo + (hi - lo) * random.uniform());
  const start = Array.from({ length: chains }, box);
  return { start, startValues: f(start), archive: Array.from({ length: archive }, box), evaluate: f };
}

describe("sampleDeMcz", () => {
  it("sampleDeMcz(options) on a correlated 2-D Gaussian recovers its mean and covariance within Monte Carlo error", () => {
    const g = ar1Gaussian(2, 0.08, 0.8);
    const r = sampleDeMcz({ ...setup(g.f, 3, 20, 2, 1), generations: 20000, burnIn: 4000, seed: 2 });
    const m = sampleMoments(r.draws.map((d) => d.unit));
    const summary = chainSummary(r.draws.map((d) => d.unit), 3);
    // Monte Carlo sd of a mean: sd/√ESS; ESS ≥ 1,000 here, so 4 × 0.08/√1000 ≈ 0.01
    expect(summary.essMin!).toBeGreaterThan(1000);
    for (let j = 0; j < 2; j++) expect(Math.abs(m.mean[j] - 0.5)).toBeLessThan(4 * 0.08 / Math.sqrt(summary.essMin!));
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) expect(Math.abs(m.cov[a][b] - g.covariance(a, b))).toBeLessThan(0.1 * 0.0064);
    expect(summary.rhatMax!).toBeLessThan(1.01);
  });

  it("sampleDeMcz(options) on a correlated 10-D Gaussian recovers means, variances and covariances, with and without independence moves", () => {
    const g = ar1Gaussian(10, 0.05, 0.7);
    for (const independence of [0, 0.5]) {
      const r = sampleDeMcz({ ...setup(g.f, 4, 100, 10, 3), generations: 20000, burnIn: 6000, seed: 4, independence });
      const m = sampleMoments(r.draws.map((d) => d.unit));
      const summary = chainSummary(r.draws.map((d) => d.unit), 4);
      expect(summary.rhatMax!).toBeLessThan(1.02);
      const se = 0.05 / Math.sqrt(summary.essMin!);
      for (let j = 0; j < 10; j++) {
        expect(Math.abs(m.mean[j] - 0.5)).toBeLessThan(4 * se);
        // relative error of a variance from ESS draws ≈ √(2/ESS)
        expect(Math.abs(m.cov[j][j] / g.covariance(j, j) - 1)).toBeLessThan(4 * Math.sqrt(2 / summary.essMin!));
      }
      for (let j = 1; j < 10; j++) expect(Math.abs(m.cov[j][j - 1] / 0.0025 - 0.7)).toBeLessThan(0.1);
      expect(Math.abs(m.cov[0][9])).toBeLessThan(0.1 * 0.0025);
      expect(r.independenceUsed).toBe(independence > 0);
      if (independence > 0) expect(r.independenceAcceptance).toBeGreaterThan(0.3);
    }
  }, 30_000); // 2 × 20,000 generations: seconds, more on a busy machine

  it("sampleDeMcz(options) on a banana-shaped density truncated by the cube matches the grid's mean and covariance", () => {
    const b = banana();
    const truth = gridMoments(b.f);
    const r = sampleDeMcz({ ...setup(b.f, 4, 20, 2, 5, 0.3, 0.7), generations: 25000, burnIn: 5000, seed: 6, independence: 0.3 });
    const m = sampleMoments(r.draws.map((d) => d.unit));
    const summary = chainSummary(r.draws.map((d) => d.unit), 4);
    expect(summary.rhatMax!).toBeLessThan(1.02);
    expect(summary.essMin!).toBeGreaterThan(1000);
    const se = [Math.sqrt(truth.cov[0][0] / summary.essMin!), Math.sqrt(truth.cov[1][1] / summary.essMin!)];
    for (let j = 0; j < 2; j++) expect(Math.abs(m.mean[j] - truth.mean[j])).toBeLessThan(4 * se[j]);
    expect(Math.abs(m.cov[0][0] / truth.cov[0][0] - 1)).toBeLessThan(0.15);
    expect(Math.abs(m.cov[1][1] / truth.cov[1][1] - 1)).toBeLessThan(0.15);
    expect(Math.abs(m.cov[0][1]) / Math.sqrt(truth.cov[0][0] * truth.cov[1][1])).toBeLessThan(0.1);
    expect(Math.abs(truth.cov[0][1]) / Math.sqrt(truth.cov[0][0] * truth.cov[1][1])).toBeLessThan(0.02);
  });

  it("sampleDeMcz(options) stopped too early from scattered starts is flagged by chainSummary (R̂ well above 1.05)", () => {
    const g = ar1Gaussian(2, 0.02, 0);
    // each chain starts in its own corner, the archive about the starts
    const start = [Float64Array.of(0.05, 0.05), Float64Array.of(0.95, 0.95), Float64Array.of(0.05, 0.95), Float64Array.of(0.95, 0.05)];
    const archive = start.flatMap((s) => [s, Float64Array.from(s, (v) => v + 0.01), Float64Array.from(s, (v) => v - 0.01)]);
    const r = sampleDeMcz({ start, startValues: g.f(start), archive, evaluate: g.f, generations: 40, burnIn: 8, seed: 18 });
    expect(chainSummary(r.draws.map((d) => d.unit), 4).rhatMax!).toBeGreaterThan(1.2);
  });

  it("sampleDeMcz(options) with temperature 4 draws from exp(−f/8): the sd doubles", () => {
    const g = ar1Gaussian(2, 0.04, 0);
    const r = sampleDeMcz({ ...setup(g.f, 3, 20, 2, 7), generations: 10000, burnIn: 2000, seed: 8, temperature: 4 });
    const m = sampleMoments(r.draws.map((d) => d.unit));
    expect(Math.abs(Math.sqrt(m.cov[0][0]) / 0.08 - 1)).toBeLessThan(0.1);
  });

  it("sampleDeMcz(options) is deterministic: the same seed gives the same chains whatever the evaluator's batching and timing", () => {
    const g = ar1Gaussian(3, 0.1, 0.5);
    const s = setup(g.f, 4, 30, 3, 9);
    const a = sampleDeMcz({ ...s, generations: 300, burnIn: 100, seed: 10, independence: 0.5 });
    // an evaluator that evaluates one point at a time, in reverse order, with a busy wait
    const slow = (points: Float64Array[]) => {
      const out = new Array<number>(points.length);
      for (let i = points.length - 1; i >= 0; i--) {
        const until = Date.now() + (i % 2);
        while (Date.now() < until);
        out[i] = g.f([points[i]])[0];
      }
      return out;
    };
    const b = sampleDeMcz({ ...s, evaluate: slow, generations: 300, burnIn: 100, seed: 10, independence: 0.5 });
    expect(b.draws.map((d) => Array.from(d.unit))).toEqual(a.draws.map((d) => Array.from(d.unit)));
    expect(b.draws.map((d) => d.evaluation)).toEqual(a.draws.map((d) => d.evaluation));
    const c = sampleDeMcz({ ...s, generations: 300, burnIn: 100, seed: 11, independence: 0.5 });
    expect(c.draws.map((d) => Array.from(d.unit))).not.toEqual(a.draws.map((d) => Array.from(d.unit)));
  });

  it("sampleDeMcz(options) never evaluates a point outside the unit cube and keeps states chain by chain after burn-in", () => {
    const seen: number[] = [];
    const f = (points: Float64Array[]) => points.map((p) => { seen.push(...p); return p.reduce((a, v) => a + ((v - 0.95) / 0.2) ** 2, 0); });
    const r = sampleDeMcz({ ...setup(f, 3, 10, 3, 11), generations: 400, burnIn: 150, seed: 12, independence: 0.5 });
    expect(seen.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(r.draws).toHaveLength(250 * 3);
    expect(r.archiveSize).toBe(10 + 3 * 40);
    expect(r.evaluations).toBeLessThanOrEqual(400 * 3);
  });

  it("sampleDeMcz(options) marks a chain's starting point by −1 − chain and an evaluation by its index", () => {
    const g = ar1Gaussian(2, 0.1, 0);
    const s = setup(g.f, 3, 10, 2, 13);
    const evaluated: number[] = [];
    const r = sampleDeMcz({ ...s, evaluate: (p) => { const v = g.f(p); evaluated.push(...v); return v; }, generations: 50, burnIn: 0, seed: 14 });
    for (const d of r.draws) {
      if (d.evaluation >= 0) expect(d.value).toBe(evaluated[d.evaluation]);
      else expect(Array.from(d.unit)).toEqual(Array.from(s.start[-1 - d.evaluation]));
    }
    expect(r.evaluations).toBe(evaluated.length);
  });

  it("sampleDeMcz(options) calls onGeneration after every generation with (done, generations)", () => {
    const g = ar1Gaussian(2, 0.1, 0);
    const calls: Array<[number, number]> = [];
    sampleDeMcz({ ...setup(g.f, 2, 5, 2, 15), generations: 4, burnIn: 1, seed: 16, onGeneration: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
  });

  it("sampleDeMcz(options) rejects an archive of fewer than 3 points, a burn-in as long as the run and a probability outside [0, 1]", () => {
    const g = ar1Gaussian(2, 0.1, 0);
    const s = setup(g.f, 2, 2, 2, 17);
    expect(() => sampleDeMcz({ ...s, generations: 5, burnIn: 0, seed: 1 })).toThrow("sampleDeMcz requires an archive of at least 3 points");
    const t = setup(g.f, 2, 5, 2, 17);
    expect(() => sampleDeMcz({ ...t, generations: 5, burnIn: 5, seed: 1 })).toThrow(/burnIn/);
    expect(() => sampleDeMcz({ ...t, generations: 5, burnIn: 0, seed: 1, independence: 1.5 })).toThrow(/independence probability/);
    expect(() => sampleDeMcz({ ...t, generations: 5, burnIn: 0, seed: 1, snooker: NaN })).toThrow(/snooker probability/);
    expect(() => sampleDeMcz({ ...t, start: [], startValues: [], generations: 5, burnIn: 0, seed: 1 })).toThrow(/at least 1 chain/);
  });
});
