/**
 * optimizeRunner(models, timeoutMs): runs optimisations in one worker thread, started on first use
 * (idle servers pay nothing), one job at a time in arrival order. A job that runs longer than
 * `timeoutMs` is answered 503 and its thread terminated; the next job starts a fresh one. Thus the
 * per-request timeout is real — synchronous numeric work cannot be interrupted on the main thread.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { FittedModel } from "../models/fitted-model";
import type { OptimizeRequest } from "./analysis-answers";
import { HttpError, type ErrorStatus } from "./errors";
import type { OptimizeJob, OptimizeReply } from "./optimize-worker";

/** Runs optimisation jobs; `close()` stops the worker. */
export interface OptimizeRunner {
  run(model: string, body: OptimizeRequest): Promise<unknown>;
  close(): Promise<void>;
}

interface Pending {
  job: OptimizeJob;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** Most jobs waiting for the worker; more → 503. */
const MAX_QUEUE = 64;

/** workerScript() → the compiled worker (dist) or, when running from sources (tests), the .ts file with tsx. */
function workerScript(): { file: string; execArgv: string[] } {
  const js = join(__dirname, "optimize-worker.js");
  if (existsSync(js)) return { file: js, execArgv: [] };
  return { file: join(__dirname, "optimize-worker.ts"), execArgv: ["--require", "tsx/cjs"] };
}

/**
 * optimizeRunner(models, timeoutMs) → a runner whose jobs time out after timeoutMs (see the module
 * comment). The worker does not keep the process alive.
 */
export function optimizeRunner(models: ReadonlyMap<string, FittedModel>, timeoutMs: number): OptimizeRunner {
  let worker: Worker | null = null;
  let current: Pending | null = null;
  let timer: NodeJS.Timeout | null = null;
  const queue: Pending[] = [];
  let nextId = 0;

  const settle = (): Pending | null => {
    const p = current;
    current = null;
    if (timer !== null) { clearTimeout(timer); timer = null; }
    return p;
  };

  const stopWorker = () => {
    const w = worker;
    worker = null;
    if (w !== null) { w.removeAllListeners(); void w.terminate(); }
  };

  const start = (): Worker => {
    const { file, execArgv } = workerScript();
    const w = new Worker(file, { workerData: { models: Object.fromEntries(models) }, execArgv });
    w.unref();
    w.on("message", (reply: OptimizeReply) => {
      const p = settle();
      if (p === null || p.job.id !== reply.id) return;
      if (reply.ok) p.resolve(reply.result);
      else if (reply.status === 500) p.reject(new Error(`optimisation failed in the worker: ${reply.message}`));
      else p.reject(new HttpError(reply.status as ErrorStatus, reply.message));
      pump();
    });
    w.on("error", (err) => {
      stopWorker();
      const p = settle();
      if (p !== null) p.reject(err instanceof Error ? err : new Error(String(err)));
      pump();
    });
    return w;
  };

  const pump = () => {
    if (current !== null) return;
    const p = queue.shift();
    if (p === undefined) return;
    current = p;
    worker ??= start();
    timer = setTimeout(() => {
      stopWorker();
      const late = settle();
      late?.reject(new HttpError(503, `the optimisation took longer than ${timeoutMs} ms (the server's limit) and was stopped; try fewer budgets or simpler bounds`));
      pump();
    }, timeoutMs);
    worker.postMessage(p.job);
  };

  return {
    run(model, body) {
      if (queue.length >= MAX_QUEUE) return Promise.reject(new HttpError(503, "the server is busy with other optimisations; retry shortly"));
      return new Promise((resolve, reject) => {
        queue.push({ job: { id: ++nextId, model, body }, resolve, reject });
        pump();
      });
    },
    async close() {
      for (const p of queue.splice(0)) p.reject(new HttpError(503, "the server is shutting down"));
      settle()?.reject(new HttpError(503, "the server is shutting down"));
      const w = worker;
      worker = null;
      if (w !== null) await w.terminate();
    },
  };
}
