/**
 * A small pool of worker threads that evaluates batches of points in parallel.
 *
 * Each worker runs `workerScript` (see worker-protocol.ts for the messages and `serveWorker`) and
 * receives the problem once as `workerData`. `evaluate(points)` cuts the batch into one contiguous
 * chunk per worker, posts copies of the points (their buffers transferred, the caller's arrays are
 * untouched) and returns the objectives in input order. Workers are unref'd while idle, so a pool
 * that is never closed does not keep the process alive; `close()` terminates them.
 *
 * Failure: an error thrown by the evaluator inside a worker rejects that evaluate call with the
 * worker's message (the worker lives on). A worker that dies (uncaught error, exit) rejects its
 * pending calls with its error and makes the pool unusable: later calls reject with the same
 * message. Nothing hangs.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { BatchReply, BatchRequest } from "./worker-protocol";

/** Options of `createWorkerPool`. */
export interface WorkerPoolOptions {
  /** Absolute path of the worker script: a .js file (or .ts with execArgv ["--require", "tsx/cjs"]). */
  workerScript: string;
  /** The problem, structured-cloned to every worker once. */
  workerData: unknown;
  /** Number of workers, an integer ≥ 1 (default min(2, os.availableParallelism())). */
  size?: number;
  /** Node options of the workers (e.g. ["--require", "tsx/cjs"] to run a .ts script from src). */
  execArgv?: string[];
}

/** A running pool; see createWorkerPool. */
export interface WorkerPool {
  /** Number of workers. */
  readonly size: number;
  /** Objectives of every point, in input order. Rejects with the worker's message on failure. */
  evaluate(points: Float64Array[]): Promise<number[][]>;
  /** Terminates every worker (pending calls reject); resolves when all have exited. Idempotent. */
  close(): Promise<void>;
}

interface Pending {
  count: number;
  resolve: (objectives: number[][]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * createWorkerPool(options): starts `size` worker threads on `workerScript` with `workerData`.
 * O(size) to start; evaluate is O(n·d) on this thread besides the workers' time.
 * @param options - workerScript, workerData, size, execArgv
 * @returns `{ size, evaluate, close }`
 * @throws RangeError if size is not an integer ≥ 1
 * @example
 * const pool = createWorkerPool({ workerScript: join(__dirname, "fit-worker.js"), workerData: problem });
 * try { await runSearch({ ...options, evaluateBatch: pool.evaluate }); } finally { await pool.close(); }
 */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const size = options.size ?? Math.min(2, availableParallelism());
  if (!(Number.isInteger(size) && size >= 1)) throw new RangeError("createWorkerPool requires an integer size ≥ 1");
  let nextId = 0;
  let failure: Error | null = null;
  let closing: Promise<void> | null = null;

  const failAll = (slot: Slot, error: Error): void => {
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
  };

  const slots: Slot[] = [];
  for (let w = 0; w < size; w++) {
    const worker = new Worker(options.workerScript, { workerData: options.workerData, execArgv: options.execArgv });
    const slot: Slot = { worker, pending: new Map() };
    worker.unref();
    worker.on("message", (reply: BatchReply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if ("error" in reply) p.reject(new Error(reply.error));
      else if (!Array.isArray(reply.objectives) || reply.objectives.length !== p.count) {
        p.reject(new Error(`worker pool: a worker returned ${reply.objectives?.length} results for ${p.count} points`));
      } else p.resolve(reply.objectives);
    });
    worker.on("error", (error: Error) => {
      failure ??= error;
      failAll(slot, error);
    });
    worker.on("messageerror", (error: Error) => failAll(slot, error));
    worker.on("exit", (code: number) => {
      const error = closing ? new Error("worker pool closed") : new Error(`worker pool: a worker exited with code ${code}`);
      if (!closing) failure ??= error;
      failAll(slot, error);
    });
    slots.push(slot);
  }

  const send = (slot: Slot, points: Float64Array[]): Promise<number[][]> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const copies = points.map((p) => Float64Array.from(p));
      slot.pending.set(id, { count: points.length, resolve, reject });
      slot.worker.ref();
      try {
        slot.worker.postMessage({ id, points: copies } satisfies BatchRequest, copies.map((c) => c.buffer));
      } catch (e) {
        slot.pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });

  async function evaluate(points: Float64Array[]): Promise<number[][]> {
    if (closing) throw new Error("worker pool closed");
    if (failure) throw new Error(failure.message);
    const n = points.length;
    if (n === 0) return [];
    const chunks = Math.min(size, n);
    const parts: Promise<number[][]>[] = [];
    for (let c = 0; c < chunks; c++) {
      const from = Math.floor((c * n) / chunks);
      const to = Math.floor(((c + 1) * n) / chunks);
      parts.push(send(slots[c], points.slice(from, to)));
    }
    return (await Promise.all(parts)).flat();
  }

  function close(): Promise<void> {
    closing ??= Promise.all(slots.map((s) => {
      failAll(s, new Error("worker pool closed"));
      return s.worker.terminate();
    })).then(() => undefined);
    return closing;
  }

  return { size, evaluate, close };
}

/**
 * resolveWorkerScript(directory, name): where a worker script sits beside the calling module — the
 * compiled `name.js` (from dist/) when present, else `name.ts` run through tsx (from src/, e.g.
 * under vitest; tsx is a dev dependency). Pass the result into createWorkerPool. O(1).
 * @param directory - usually `__dirname` of the calling module
 * @param name - file name without extension
 * @returns `{ workerScript, execArgv }`
 * @throws Error if neither file exists
 * @example createWorkerPool({ ...resolveWorkerScript(__dirname, "fit-worker"), workerData })
 */
export function resolveWorkerScript(directory: string, name: string): { workerScript: string; execArgv: string[] } {
  const js = join(directory, `${name}.js`);
  if (existsSync(js)) return { workerScript: js, execArgv: [] };
  const ts = join(directory, `${name}.ts`);
  if (existsSync(ts)) return { workerScript: ts, execArgv: ["--require", "tsx/cjs"] };
  throw new Error(`resolveWorkerScript requires ${name}.js or ${name}.ts in ${directory}`);
}
