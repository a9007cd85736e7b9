/**
 * workQueue(models, limits): runs the heavy work of the server (what-if plans, optimisations, CSV
 * uploads; work-worker.ts) on `limits.workers` worker threads, started on first use, one job per
 * thread at a time, in arrival order. Every job has a deadline counted from its request's arrival
 * (`limits.timeoutMs`, the wait in the queue included): a job past it is answered 503 — taken off
 * the queue, or its thread terminated (synchronous numeric work cannot be interrupted otherwise)
 * and a fresh one started for the next job. A job whose client has gone (its request's abort
 * signal) is dropped the same way. When `limits.maxQueue` jobs already wait, a new one is refused
 * at once: 503 with Retry-After.
 */
import { Worker } from "node:worker_threads";
import { workerScript } from "../util/worker-script";
import type { FittedModel } from "../models/fitted-model";
import { ClientGone, HttpError, type ErrorStatus } from "./errors";
import type { ServerLimits } from "./limits";
import { designContexts, workAnswer, type WorkJob, type WorkMessage, type WorkReply } from "./work-answer";

/** The request a job answers: when it arrived (performance.now()), and its abort signal. */
export interface JobRequest {
  arrived: number;
  signal?: AbortSignal;
}

/** Runs jobs; `close()` stops the workers and refuses what waits. */
export interface WorkQueue {
  /** run(job, request) → the JSON text of the job's answer. @throws HttpError (4xx, 503), ClientGone */
  run(job: WorkJob, request: JobRequest): Promise<string>;
  close(): Promise<void>;
}

interface Pending {
  job: WorkMessage;
  resolve: (text: string) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout | undefined;
  signal?: AbortSignal;
  onAbort: () => void;
  slot: Slot | null;
}

interface Slot {
  worker: Worker | null;
  current: Pending | null;
}

/** Heap of one worker thread, MB: a job that needs more fails alone (503), not the server. */
const WORKER_HEAP_MB = 1024;

/** tooSlow(limits) → the 503 of a job past its deadline. */
const tooSlow = (limits: ServerLimits) => new HttpError(503, `the request took longer than ${limits.timeoutMs} ms (the server's time limit, counted from its arrival) and was stopped; ask for fewer scenarios, budgets or periods`);

/** inlineQueue(models) → a queue that runs each job at once on the main thread: no worker, no deadline (tests of the answers). */
function inlineQueue(models: ReadonlyMap<string, FittedModel>): WorkQueue {
  const contextOf = designContexts((id) => models.get(id) as FittedModel);
  return {
    run: async (job) => workAnswer(job, models.get(job.model) as FittedModel, contextOf(job.model)),
    close: async () => undefined,
  };
}

/**
 * workQueue(models, limits, inline) → the queue of the module comment; with `inline`, one that
 * runs jobs on the main thread instead (tests). Workers do not keep the process alive.
 */
export function workQueue(models: ReadonlyMap<string, FittedModel>, limits: ServerLimits, inline = false): WorkQueue {
  if (inline) return inlineQueue(models);
  const slots: Slot[] = Array.from({ length: limits.workers }, () => ({ worker: null, current: null }));
  const queue: Pending[] = [];
  let nextId = 0;

  const stopWorker = (slot: Slot) => {
    const w = slot.worker;
    slot.worker = null;
    if (w !== null) { w.removeAllListeners(); w.on("error", () => undefined); void w.terminate(); }
  };

  /** settle(p) detaches a job from its timer, signal, slot or place in the queue; returns the slot it ran in. */
  const settle = (p: Pending): Slot | null => {
    clearTimeout(p.timer);
    p.signal?.removeEventListener("abort", p.onAbort);
    const slot = p.slot;
    if (slot !== null) { slot.current = null; p.slot = null; } else {
      const i = queue.indexOf(p);
      if (i !== -1) queue.splice(i, 1);
    }
    return slot;
  };

  /** drop(p, err) ends a job before its answer: off the queue, or its thread terminated. */
  const drop = (p: Pending, err: Error) => {
    const slot = settle(p);
    if (slot !== null) stopWorker(slot);
    p.reject(err);
    pump();
  };

  const start = (slot: Slot): Worker => {
    const { file, execArgv } = workerScript(__dirname, "work-worker");
    const w = new Worker(file, { workerData: { mixlabWork: true, models: Object.fromEntries(models) }, execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.unref();
    w.on("message", (reply: WorkReply) => {
      const p = slot.current;
      if (p === null || p.job.id !== reply.id) return;
      settle(p);
      if (reply.ok) p.resolve(reply.text);
      else if (reply.status === 500) p.reject(new Error(`the work failed in the worker: ${reply.message}`));
      else p.reject(new HttpError(reply.status as ErrorStatus, reply.message));
      pump();
    });
    const failed = (err: Error & { code?: string }) => {
      stopWorker(slot);
      const p = slot.current;
      if (p === null) return;
      settle(p);
      p.reject(err.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? new HttpError(503, `the request needed more than ${WORKER_HEAP_MB} MB (the server's memory limit per request) and was stopped; ask for fewer scenarios, budgets or periods`)
        : err);
      pump();
    };
    w.on("error", failed);
    w.on("exit", (code) => failed(new Error(`the worker thread exited (code ${code})`)));
    return w;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.current !== null) continue;
      const p = queue.shift();
      if (p === undefined) return;
      p.slot = slot;
      slot.current = p;
      slot.worker ??= start(slot);
      slot.worker.postMessage(p.job);
    }
  };

  return {
    run(job, request) {
      if (request.signal?.aborted) return Promise.reject(new ClientGone());
      const left = request.arrived + limits.timeoutMs - performance.now();
      if (!(left > 0)) return Promise.reject(tooSlow(limits));
      if (queue.length >= limits.maxQueue) {
        const seconds = Math.ceil(limits.timeoutMs / 1000);
        return Promise.reject(new HttpError(503, `the server is busy: ${queue.length} requests already wait for a worker (the server's queue limit); retry in ${seconds} s`, { "retry-after": String(seconds) }));
      }
      return new Promise<string>((resolve, reject) => {
        const p: Pending = { job: { ...job, id: ++nextId }, resolve, reject, timer: undefined, signal: request.signal, onAbort: () => drop(p, new ClientGone()), slot: null };
        p.timer = setTimeout(() => drop(p, tooSlow(limits)), left);
        request.signal?.addEventListener("abort", p.onAbort, { once: true });
        queue.push(p);
        pump();
      });
    },
    async close() {
      for (const p of queue.slice()) { settle(p); p.reject(new HttpError(503, "the server is shutting down")); }
      await Promise.all(slots.map(async (slot) => {
        if (slot.current !== null) { const p = slot.current; settle(p); p.reject(new HttpError(503, "the server is shutting down")); }
        const w = slot.worker;
        slot.worker = null;
        if (w !== null) await w.terminate();
      }));
    },
  };
}
