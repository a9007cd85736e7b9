import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRandom } from "../../../src/util/random";
import { latinHypercube } from "../../../src/models/search/sampling";
import { createWorkerPool, resolveWorkerScript, type WorkerPool } from "../../../src/models/search/worker-pool";
import { serveWorker } from "../../../src/models/search/worker-protocol";
import { sphereObjectives } from "../../fixtures/search/sphere";

// serve-worker.ts is a TypeScript worker built on serveWorker, run from source through tsx.
const script = resolveWorkerScript(resolve(__dirname, "../../fixtures/search"), "serve-worker");
const centre = [0.1, 0.9, 0.5];

const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
function pool(workerData: unknown): WorkerPool {
  const p = createWorkerPool({ ...script, workerData, size: 2 });
  pools.push(p);
  return p;
}

describe("serveWorker", () => {
  it("serveWorker(makeEvaluator) answers batches with the evaluator's objectives, in order", async () => {
    const points = latinHypercube(33, 3, createRandom(2));
    expect(await pool({ centre }).evaluate(points)).toEqual(sphereObjectives(centre)(points));
  }, 20_000);

  it("serveWorker(makeEvaluator) answers every request with the setup error when makeEvaluator throws", async () => {
    const p = pool({ centre, failSetup: true });
    await expect(p.evaluate([Float64Array.of(0, 0, 0)])).rejects.toThrow("serve-worker: bad problem");
    await expect(p.evaluate([Float64Array.of(0, 0, 0)])).rejects.toThrow("serve-worker: bad problem");
  }, 20_000);

  it("serveWorker(makeEvaluator) passes on the message of an async evaluator's rejection", async () => {
    await expect(pool({ centre, rejectAsync: true }).evaluate([Float64Array.of(0, 0, 0)])).rejects.toThrow("serve-worker: async failure");
  }, 20_000);

  it("serveWorker(makeEvaluator) throws on the main thread", () => {
    expect(() => serveWorker(() => () => [])).toThrow("serveWorker requires to run inside a worker thread");
  });
});
