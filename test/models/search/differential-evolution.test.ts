import { describe, expect, it } from "vitest";
import { differentialEvolution, type DeStrategy } from "../../../src/models/search/differential-evolution";

const centre = [0.3, 0.71, 0.55, 0.123, 0.9];
const sphere = (p: Float64Array): number => p.reduce((s, v, j) => s + (v - centre[j]) ** 2, 0);
/** Rosenbrock on [−2, 2]², minimum 0 at (1, 1), i.e. at unit (0.75, 0.75). */
const rosenbrock = (p: Float64Array): number => {
  const x = -2 + 4 * p[0];
  const y = -2 + 4 * p[1];
  return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
};
const maxError = (x: Float64Array, target: readonly number[]) => Math.max(...target.map((t, j) => Math.abs(x[j] - t)));

describe("differentialEvolution", () => {
  it("differentialEvolution rand/1/bin (NP 25, F 0.5, CR 0.9) finds a shifted 5-D sphere's minimum to 1e-6 within 5,000 evaluations, seeds 1–10", async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = await differentialEvolution({ dims: 5, seed, population: 25, budget: 5000, evaluateBatch: (ps) => ps.map(sphere) });
      expect(r.evaluations).toBe(5000);
      expect(maxError(r.x, centre)).toBeLessThan(1e-6);
      expect(r.value).toBeLessThan(1e-12);
    }
  });

  // NP 20 stagnates in the valley on some seeds (6 of 30 for scipy.optimize.differential_evolution
  // with rand1bin, popsize 10, F 0.5, CR 0.9, 3,000 evaluations, deferred updating — ours too), so NP 40.
  it("differentialEvolution rand/1/bin (NP 40) finds Rosenbrock's minimum on [−2, 2]² to 1e-4 within 6,000 evaluations, seeds 1–10", async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = await differentialEvolution({ dims: 2, seed, population: 40, budget: 6000, evaluateBatch: (ps) => ps.map(rosenbrock) });
      expect(4 * maxError(r.x, [0.75, 0.75])).toBeLessThan(1e-4);
    }
  });

  it("differentialEvolution current-to-best/1/bin finds the sphere (NP 50, 5,000 evaluations) and Rosenbrock (NP 30, 4,000) minima", async () => {
    const strategy: DeStrategy = "current-to-best/1/bin";
    for (let seed = 1; seed <= 5; seed++) {
      const s = await differentialEvolution({ dims: 5, seed, strategy, population: 50, budget: 5000, evaluateBatch: (ps) => ps.map(sphere) });
      expect(maxError(s.x, centre)).toBeLessThan(1e-6);
      const r = await differentialEvolution({ dims: 2, seed, strategy, population: 30, budget: 4000, evaluateBatch: (ps) => ps.map(rosenbrock) });
      expect(4 * maxError(r.x, [0.75, 0.75])).toBeLessThan(1e-4);
    }
  });

  it("differentialEvolution reaches a minimum on a cube face by bounce-back and never leaves [0, 1]", async () => {
    const target = [0, 1, 0.5];
    let outside = 0;
    const r = await differentialEvolution({
      dims: 3, seed: 3, population: 30, budget: 6000,
      evaluateBatch: (ps) => ps.map((p) => {
        if (p.some((v) => !(v >= 0 && v <= 1))) outside++;
        return p.reduce((s, v, j) => s + (v - target[j]) ** 2, 0);
      }),
    });
    expect(outside).toBe(0);
    expect(maxError(r.x, target)).toBeLessThan(1e-6);
  });

  it("differentialEvolution evaluates the same points in the same order whatever the batch size", async () => {
    const run = async (batchSize: number | undefined) => {
      const seen: number[][] = [];
      const calls: number[] = [];
      const r = await differentialEvolution({
        dims: 3, seed: 42, population: 12, budget: 200, batchSize,
        evaluateBatch: async (ps) => {
          calls.push(ps.length);
          seen.push(...ps.map((p) => Array.from(p)));
          return ps.map(sphere);
        },
      });
      return { seen, calls, r };
    };
    const whole = await run(undefined);
    expect(whole.calls).toEqual([...Array(16).fill(12), 8]);
    for (const batchSize of [1, 5, 200]) {
      const other = await run(batchSize);
      expect(other.seen).toEqual(whole.seen);
      expect(other.r).toEqual(whole.r);
      expect(Math.max(...other.calls)).toBe(Math.min(batchSize, 12));
    }
    expect(whole.seen.length).toBe(200);
    expect(whole.r.generations).toBe(16);
    const reseeded = await differentialEvolution({ dims: 3, seed: 43, population: 12, budget: 200, evaluateBatch: (ps) => ps.map(sphere) });
    expect(reseeded.x).not.toEqual(whole.r.x);
  });

  it("differentialEvolution stops after `generations` when that comes before the budget", async () => {
    let count = 0;
    const r = await differentialEvolution({ dims: 2, seed: 1, population: 10, generations: 3, evaluateBatch: (ps) => { count += ps.length; return ps.map(sphere); } });
    expect(count).toBe(40);
    expect(r.evaluations).toBe(40);
    expect(r.generations).toBe(3);
  });

  it("differentialEvolution treats NaN as +Infinity: a failed point is never kept as best", async () => {
    // NaN on half the cube; the minimum (0.3, 0.71) lies in the valid half p[0] < 0.5.
    const r = await differentialEvolution({
      dims: 2, seed: 2, population: 20, budget: 3000,
      evaluateBatch: (ps) => ps.map((p) => (p[0] >= 0.5 ? NaN : (p[0] - 0.3) ** 2 + (p[1] - 0.71) ** 2)),
    });
    expect(r.value).toBeLessThan(1e-12);
    expect(r.values.every((v) => v < Infinity)).toBe(true);
  });

  it("differentialEvolution rejects bad options and a wrong number of values", async () => {
    const evaluateBatch = (ps: Float64Array[]) => ps.map(sphere);
    await expect(differentialEvolution({ dims: 2, seed: 1, population: 3, budget: 10, evaluateBatch })).rejects.toThrow("differentialEvolution requires an integer population ≥ 4");
    await expect(differentialEvolution({ dims: 2, seed: 1, evaluateBatch })).rejects.toThrow("differentialEvolution requires generations or budget");
    await expect(differentialEvolution({ dims: 2, seed: 1, population: 10, budget: 5, evaluateBatch })).rejects.toThrow("differentialEvolution requires an integer budget ≥ population");
    await expect(differentialEvolution({ dims: 2, seed: 1, budget: 100, F: 0, evaluateBatch })).rejects.toThrow("differentialEvolution requires F in (0, 2]");
    await expect(differentialEvolution({ dims: 2, seed: 1, budget: 100, CR: NaN, evaluateBatch })).rejects.toThrow("differentialEvolution requires CR in [0, 1]");
    await expect(differentialEvolution({ dims: 2, seed: 1, budget: 100, evaluateBatch: (ps) => ps.slice(1).map(sphere) }))
      .rejects.toThrow("differentialEvolution requires evaluateBatch to return 20 values, got 19");
  });
});
