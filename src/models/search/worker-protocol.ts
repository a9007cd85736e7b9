/**
 * The messages between a worker pool (worker-pool.ts) and its worker scripts, and `serveWorker`,
 * which implements the worker side.
 *
 * The protocol is small enough to write by hand in a plain .js worker with no imports but
 * node:worker_threads:
 * - the worker gets the problem once, as `workerData` (structured-cloned by `new Worker`);
 * - the pool posts `{ id, points }` (points: Float64Array[], their buffers transferred);
 * - the worker answers `{ id, objectives }` (one number[] per point, in order) or `{ id, error }`
 *   (the message of what it threw). One answer per request; answers may come in any order.
 *
 * @example
 * // a worker script, plain CommonJS:
 * const { parentPort, workerData } = require("node:worker_threads");
 * parentPort.on("message", ({ id, points }) => {
 *   try { parentPort.postMessage({ id, objectives: points.map((p) => [p[0] * workerData.scale]) }); }
 *   catch (e) { parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) }); }
 * });
 */
import { parentPort, workerData } from "node:worker_threads";

/** Pool → worker: a batch of unit points to evaluate. */
export interface BatchRequest {
  id: number;
  points: Float64Array[];
}

/** Worker → pool: the objectives of every point of request `id`, in order. */
export interface BatchResult {
  id: number;
  objectives: number[][];
}

/** Worker → pool: request `id` failed with this message. */
export interface BatchError {
  id: number;
  error: string;
}

/** Any answer of a worker. */
export type BatchReply = BatchResult | BatchError;

/** Evaluates a batch of points: one array of objectives per point, in order. */
export type BatchEvaluator = (points: Float64Array[]) => number[][] | Promise<number[][]>;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * serveWorker(makeEvaluator): the body of a worker script. Builds the evaluator once from
 * `workerData` (if that throws, every request is answered with that error), then answers each
 * `BatchRequest` with a `BatchResult`, or a `BatchError` carrying the message of whatever the
 * evaluator threw or rejected with; the worker survives errors. O(1) besides the evaluations.
 * @param makeEvaluator - receives workerData, returns the (sync or async) batch evaluator
 * @throws Error if called outside a worker thread
 * @example
 * // src/models/my-worker.ts, compiled to dist/models/my-worker.js
 * serveWorker((data) => { const problem = prepare(data as MyData); return (points) => points.map((p) => score(problem, p)); });
 */
export function serveWorker(makeEvaluator: (workerData: unknown) => BatchEvaluator): void {
  const port = parentPort;
  if (!port) throw new Error("serveWorker requires to run inside a worker thread");
  let evaluate: BatchEvaluator | null = null;
  let setupError = "";
  try {
    evaluate = makeEvaluator(workerData);
  } catch (e) {
    setupError = messageOf(e);
  }
  port.on("message", async (request: BatchRequest) => {
    const { id, points } = request;
    try {
      if (!evaluate) throw new Error(setupError);
      const objectives = await evaluate(points);
      port.postMessage({ id, objectives } satisfies BatchResult);
    } catch (e) {
      port.postMessage({ id, error: messageOf(e) } satisfies BatchError);
    }
  });
}
