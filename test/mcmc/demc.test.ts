import { describe, expect, it } from "vitest";
import { sampleDeMc } from "../../src/mcmc/demc";
import { createRandom } from "../../src/util/random";

/** f = −2 log density of N(0.5, sd²) in each of `d` dimensions; counts evaluations. */
function gaussian(sd: number) {
  let calls = 0;
  const f = (points: Float64Array[]) => points.map((p) => { calls++; return p.reduce((a, v) => a + ((v - 0.5) / sd) ** 2, 0); });
  return { f, calls: () => calls };
}

function starts(chains: number, d: number, seed: number): Float64Array[] {
  const random = createRandom(seed);
  return Array.from({ length: chains }, () => Float64Array.from({ length: d }, () => 0.3 + 0.4 * random.uniform()));
}

function moments(values: number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, sd: Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) };
}

describe("sampleDeMc", () => {
  it("sampleDeMc(options) on a Gaussian −2 log density recovers its mean and sd", () => {
    const g = gaussian(0.1);
    const start = starts(12, 2, 1);
    const r = sampleDeMc({ start, startValues: g.f(start), evaluate: g.f, generations: 1500, burnIn: 300, seed: 2 });
    for (let j = 0; j < 2; j++) {
      const m = moments(r.draws.map((d) => d.unit[j]));
      expect(Math.abs(m.mean - 0.5)).toBeLessThan(0.01);
      expect(Math.abs(m.sd - 0.1)).toBeLessThan(0.01);
    }
    expect(r.acceptance).toBeGreaterThan(0.2);
  });

  it("sampleDeMc(options) with temperature 4 draws from exp(−f/8): the sd doubles", () => {
    const g = gaussian(0.05);
    const start = starts(12, 2, 3);
    const r = sampleDeMc({ start, startValues: g.f(start), evaluate: g.f, generations: 1500, burnIn: 300, seed: 4, temperature: 4 });
    expect(Math.abs(moments(r.draws.map((d) => d.unit[0])).sd - 0.1)).toBeLessThan(0.01);
  });

  it("sampleDeMc(options) is deterministic and never evaluates a point outside the unit cube", () => {
    const seen: number[] = [];
    const f = (points: Float64Array[]) => points.map((p) => { seen.push(...p); return p.reduce((a, v) => a + ((v - 0.95) / 0.2) ** 2, 0); });
    const start = starts(8, 3, 5);
    const a = sampleDeMc({ start, startValues: f(start), evaluate: f, generations: 60, burnIn: 30, seed: 6 });
    const b = sampleDeMc({ start, startValues: f(start), evaluate: f, generations: 60, burnIn: 30, seed: 6 });
    expect(b.draws.map((d) => Array.from(d.unit))).toEqual(a.draws.map((d) => Array.from(d.unit)));
    expect(seen.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(a.draws).toHaveLength(30 * 8);
  });

  it("sampleDeMc(options) calls onGeneration after every generation with (done, generations)", () => {
    const g = gaussian(0.1);
    const start = starts(6, 2, 7);
    const calls: Array<[number, number]> = [];
    sampleDeMc({ start, startValues: g.f(start), evaluate: g.f, generations: 5, burnIn: 2, seed: 8, onGeneration: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
  });

  it("sampleDeMc(options) marks a chain's starting point by −1 − chain and an evaluation by its index", () => {
    const g = gaussian(0.1);
    const start = starts(4, 1, 7);
    const evaluated: number[] = [];
    const r = sampleDeMc({ start, startValues: g.f(start), evaluate: (p) => { const v = g.f(p); evaluated.push(...v); return v; }, generations: 5, burnIn: 0, seed: 8 });
    for (const d of r.draws) {
      if (d.evaluation >= 0) expect(d.value).toBe(evaluated[d.evaluation]);
      else expect(Array.from(d.unit)).toEqual(Array.from(start[-1 - d.evaluation]));
    }
    expect(r.evaluations).toBe(evaluated.length);
  });

  it("sampleDeMc(options) rejects fewer than 4 chains and a burn-in as long as the run", () => {
    const g = gaussian(0.1);
    const start = starts(3, 1, 9);
    expect(() => sampleDeMc({ start, startValues: g.f(start), evaluate: g.f, generations: 5, burnIn: 0, seed: 1 })).toThrow(/at least 4 chains/);
    const four = starts(4, 1, 9);
    expect(() => sampleDeMc({ start: four, startValues: g.f(four), evaluate: g.f, generations: 5, burnIn: 5, seed: 1 })).toThrow(/burnIn/);
  });
});
