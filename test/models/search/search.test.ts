import { describe, expect, it } from "vitest";
import { toBox, type SearchBound } from "../../../src/models/search/sampling";
import { runSearch, type SearchOptions, type SearchResult } from "../../../src/models/search/search";

const bounds: SearchBound[] = [
  { name: "decay", lower: 0, upper: 0.9 },
  { name: "alpha", lower: 1e-3, upper: 1e3, scale: "log" },
  { name: "shape", lower: 0.5, upper: 3 },
];
const centre = [0.4, 0.6, 0.25];
/** Three objectives: a sphere (minimised), the distance to another point (a competing goal), and a passenger value. */
const objectives = (p: Float64Array): number[] => {
  let a = 0;
  let b = 0;
  for (let j = 0; j < p.length; j++) {
    a += (p[j] - centre[j]) ** 2;
    b += (p[j] - 0.9) ** 2;
  }
  return [a, b, p[0] * 10];
};
const evaluateBatch = (ps: Float64Array[]) => ps.map(objectives);
const plain = (r: SearchResult) => r.candidates.map((c) => ({ ...c, unit: Array.from(c.unit) }));

describe("runSearch", () => {
  it("runSearch keeps every evaluated candidate, in evaluation order, with its box values and all objectives", async () => {
    for (const method of ["random", "lhs", "de"] as const) {
      const seen: Float64Array[] = [];
      const r = await runSearch({ bounds, budget: 300, seed: 1, method, batchSize: 32, evaluateBatch: (ps) => { seen.push(...ps); return ps.map(objectives); } });
      expect(r.evaluations).toBe(300);
      expect(r.candidates.length).toBe(300);
      expect(seen.length).toBe(300);
      r.candidates.forEach((c, i) => {
        expect(c.index).toBe(i);
        expect(Array.from(c.unit)).toEqual(Array.from(seen[i]));
        expect(c.objectives).toEqual(objectives(seen[i]));
        expect(c.x).toEqual(toBox(c.unit, bounds));
      });
    }
  });

  it("runSearch with the same seed and budget gives identical candidates for batch sizes 1, 7, 64 and 500", async () => {
    for (const method of ["random", "lhs", "de"] as const) {
      const base = await runSearch({ bounds, budget: 500, seed: 7, method, batchSize: 64, evaluateBatch });
      for (const batchSize of [1, 7, 500]) {
        const other = await runSearch({ bounds, budget: 500, seed: 7, method, batchSize, evaluateBatch: async (ps) => evaluateBatch(ps) });
        expect(plain(other)).toEqual(plain(base));
        expect(other.best).toBe(base.best);
      }
      const reseeded = await runSearch({ bounds, budget: 500, seed: 8, method, evaluateBatch });
      expect(plain(reseeded)).not.toEqual(plain(base));
    }
  });

  it("runSearch method lhs evaluates one Latin hypercube of budget points", async () => {
    const r = await runSearch({ bounds, budget: 200, seed: 3, method: "lhs", evaluateBatch });
    const all = Array.from({ length: 200 }, (_, k) => k);
    for (let d = 0; d < bounds.length; d++) {
      expect(r.candidates.map((c) => Math.floor(c.unit[d] * 200)).sort((a, b) => a - b)).toEqual(all);
    }
  });

  it("runSearch method de with budget ≤ its population evaluates the same Latin hypercube as lhs", async () => {
    const lhs = await runSearch({ bounds, budget: 15, seed: 4, method: "lhs", evaluateBatch });
    const de = await runSearch({ bounds, budget: 15, seed: 4, method: "de", evaluateBatch });
    expect(plain(de)).toEqual(plain(lhs));
  });

  it("runSearch method de gets objectives[0] below 1e-8 in 3,000 evaluations, where random and lhs stay above 1e-4", async () => {
    const best = async (method: SearchOptions["method"]) => {
      const r = await runSearch({ bounds, budget: 3000, seed: 5, method, evaluateBatch });
      return r.candidates[r.best].objectives[0];
    };
    expect(await best("de")).toBeLessThan(1e-8);
    expect(await best("lhs")).toBeGreaterThan(1e-4);
    expect(await best("random")).toBeGreaterThan(1e-4);
  });

  it("runSearch returns best = the first index of the lowest objectives[0]", async () => {
    const r = await runSearch({ bounds, budget: 400, seed: 6, method: "de", evaluateBatch });
    const first = r.candidates.map((c) => c.objectives[0]);
    expect(r.best).toBe(first.indexOf(Math.min(...first)));
  });

  it("runSearch counts NaN objectives as +Infinity for best but keeps them in the candidates", async () => {
    const r = await runSearch({
      bounds, budget: 100, seed: 2, method: "random",
      evaluateBatch: (ps) => ps.map((p) => (p[0] < 0.5 ? [NaN, NaN] : objectives(p).slice(0, 2))),
    });
    const nan = r.candidates.filter((c) => Number.isNaN(c.objectives[0]));
    expect(nan.length).toBeGreaterThan(20);
    expect(Number.isNaN(r.candidates[r.best].objectives[0])).toBe(false);
  });

  it("runSearch calls onProgress after every batch with (done, budget, best objectives[0] so far)", async () => {
    const calls: [number, number, number][] = [];
    const r = await runSearch({ bounds, budget: 100, seed: 1, method: "lhs", batchSize: 30, evaluateBatch, onProgress: (d, t, b) => calls.push([d, t, b]) });
    expect(calls.map((c) => c[0])).toEqual([30, 60, 90, 100]);
    expect(calls.every((c) => c[1] === 100)).toBe(true);
    expect(calls[3][2]).toBe(r.candidates[r.best].objectives[0]);
    for (let i = 1; i < calls.length; i++) expect(calls[i][2]).toBeLessThanOrEqual(calls[i - 1][2]);
  });

  it("runSearch gives evaluateBatch copies: an evaluator that scribbles on its points changes nothing", async () => {
    const clean = await runSearch({ bounds, budget: 200, seed: 9, method: "de", evaluateBatch });
    const scribbled = await runSearch({
      bounds, budget: 200, seed: 9, method: "de",
      evaluateBatch: (ps) => { const out = ps.map(objectives); for (const p of ps) p.fill(0.5); return out; },
    });
    expect(plain(scribbled)).toEqual(plain(clean));
  });

  it("runSearch rejects invalid options and malformed evaluator results", async () => {
    const base = { bounds, budget: 10, seed: 1, method: "lhs" as const, evaluateBatch };
    await expect(runSearch({ ...base, bounds: [] })).rejects.toThrow("runSearch requires at least one bound");
    await expect(runSearch({ ...base, budget: 0 })).rejects.toThrow("runSearch requires an integer budget ≥ 1");
    await expect(runSearch({ ...base, batchSize: 0 })).rejects.toThrow("runSearch requires an integer batchSize ≥ 1");
    await expect(runSearch({ ...base, method: "grid" as "lhs" })).rejects.toThrow('runSearch requires method "random", "lhs" or "de"');
    await expect(runSearch({ ...base, evaluateBatch: (ps) => ps.slice(1).map(objectives) })).rejects.toThrow("runSearch requires evaluateBatch to return 10 results, got 9");
    await expect(runSearch({ ...base, evaluateBatch: (ps) => ps.map((p, i) => objectives(p).slice(0, i === 3 ? 1 : 2)) }))
      .rejects.toThrow("runSearch requires evaluateBatch to return the same number (≥ 1) of objectives for every point");
    await expect(runSearch({ ...base, evaluateBatch: async () => { throw new Error("model failed"); } })).rejects.toThrow("model failed");
  });
});
