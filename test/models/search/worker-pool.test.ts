import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createRandom } from "../../../src/util/random";
import { latinHypercube } from "../../../src/models/search/sampling";
import { runSearch } from "../../../src/models/search/search";
import { createWorkerPool, resolveWorkerScript, type WorkerPool } from "../../../src/models/search/worker-pool";
import { sphereObjectives } from "../../fixtures/search/sphere";

const fixtures = resolve(__dirname, "../../fixtures/search");
const workerScript = join(fixtures, "sphere-worker.js");
const centre = [0.2, 0.5, 0.8, 0.35];
const inProcess = sphereObjectives(centre);

const pools: WorkerPool[] = [];
function pool(options: Parameters<typeof createWorkerPool>[0]): WorkerPool {
  const p = createWorkerPool(options);
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("createWorkerPool", () => {
  it("createWorkerPool with 2 workers returns the in-process objectives, in input order, for batches of 1 to 101 points", async () => {
    const p = pool({ workerScript, workerData: { centre }, size: 2 });
    expect(p.size).toBe(2);
    for (const n of [1, 2, 3, 64, 101]) {
      const points = latinHypercube(n, 4, createRandom(n));
      expect(await p.evaluate(points)).toEqual(inProcess(points));
    }
    expect(await p.evaluate([])).toEqual([]);
  });

  it("createWorkerPool leaves the caller's points intact (it transfers copies)", async () => {
    const p = pool({ workerScript, workerData: { centre }, size: 2 });
    const points = latinHypercube(10, 4, createRandom(1));
    const before = points.map((q) => Array.from(q));
    await p.evaluate(points);
    expect(points.map((q) => Array.from(q))).toEqual(before);
  });

  it("createWorkerPool answers concurrent evaluate calls each in its own order", async () => {
    const p = pool({ workerScript, workerData: { centre }, size: 2 });
    const batches = [5, 9, 2, 17].map((n, s) => latinHypercube(n, 4, createRandom(100 + s)));
    const results = await Promise.all(batches.map((b) => p.evaluate(b)));
    results.forEach((r, i) => expect(r).toEqual(inProcess(batches[i])));
  });

  it("createWorkerPool.evaluate as runSearch's evaluateBatch gives the same search as in-process evaluation", async () => {
    const p = pool({ workerScript, workerData: { centre }, size: 2 });
    const bounds = centre.map((_, j) => ({ name: `p${j}`, lower: 0, upper: 1 }));
    const options = { bounds, budget: 400, seed: 3, method: "de" as const, batchSize: 50 };
    const viaPool = await runSearch({ ...options, evaluateBatch: p.evaluate });
    const local = await runSearch({ ...options, evaluateBatch: inProcess });
    expect(viaPool.candidates.map((c) => [Array.from(c.unit), c.objectives])).toEqual(local.candidates.map((c) => [Array.from(c.unit), c.objectives]));
    expect(viaPool.front).toEqual(local.front);
  });

  it("createWorkerPool rejects with the worker's message when its evaluation throws, and the pool keeps working", async () => {
    const p = pool({ workerScript, workerData: { centre, throwAbove: 0.9 }, size: 2 });
    const bad = [Float64Array.of(0.1, 0, 0, 0), Float64Array.of(0.95, 0, 0, 0)];
    await expect(p.evaluate(bad)).rejects.toThrow("sphere-worker: p[0] = 0.95 is above 0.9");
    const good = [Float64Array.of(0.1, 0, 0, 0), Float64Array.of(0.3, 0, 0, 0)];
    expect(await p.evaluate(good)).toEqual(inProcess(good));
  });

  it("createWorkerPool rejects with the start-up error of a worker that crashes, now and on every later call", async () => {
    const p = pool({ workerScript, workerData: { centre, crash: true }, size: 2 });
    const points = [Float64Array.of(0, 0, 0, 0), Float64Array.of(1, 1, 1, 1)];
    await expect(p.evaluate(points)).rejects.toThrow("sphere-worker: crashed on purpose");
    await expect(p.evaluate(points)).rejects.toThrow("sphere-worker: crashed on purpose");
  });

  it("createWorkerPool.close() rejects pending and later calls and is idempotent", async () => {
    const p = pool({ workerScript, workerData: { centre, busyMs: 60_000 }, size: 2 });
    const pending = expect(p.evaluate([Float64Array.of(0, 0, 0, 0)])).rejects.toThrow("worker pool closed");
    await p.close();
    await pending;
    await expect(p.evaluate([Float64Array.of(0, 0, 0, 0)])).rejects.toThrow("worker pool closed");
    await p.close();
  });

  it("createWorkerPool.close() ends every thread: a child process using pools, one closed mid-batch, exits by itself", async () => {
    const script = join(fixtures, "pool-exits.ts");
    const { stdout } = await promisify(execFile)(process.execPath, ["--require", "tsx/cjs", script], { timeout: 20_000 });
    expect(JSON.parse(stdout)).toEqual({ out: [[0, 0], [0.25, 0.5], [0.5, 0.5]], pending: "worker pool closed" });
  }, 30_000);

  it("createWorkerPool defaults to min(2, os.availableParallelism()) workers and rejects a bad size", async () => {
    expect(pool({ workerScript, workerData: { centre } }).size).toBe(Math.min(2, availableParallelism()));
    expect(() => createWorkerPool({ workerScript, workerData: { centre }, size: 0 })).toThrow("createWorkerPool requires an integer size ≥ 1");
  });
});

describe("resolveWorkerScript", () => {
  it("resolveWorkerScript(directory, name) prefers name.js, falls back to name.ts run through tsx, and throws when neither exists", () => {
    expect(resolveWorkerScript(fixtures, "sphere-worker")).toEqual({ workerScript: join(fixtures, "sphere-worker.js"), execArgv: [] });
    expect(resolveWorkerScript(fixtures, "serve-worker")).toEqual({ workerScript: join(fixtures, "serve-worker.ts"), execArgv: ["--require", "tsx/cjs"] });
    expect(() => resolveWorkerScript(fixtures, "missing")).toThrow(`resolveWorkerScript requires missing.js or missing.ts in ${fixtures}`);
  });
});
