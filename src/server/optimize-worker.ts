/**
 * The worker thread that runs optimisations for optimize-runner.ts, so that one slow request can
 * be stopped (the thread is terminated) without blocking or killing the server. It receives the
 * served models once (workerData) and answers `{ id, model, body }` messages with
 * `{ id, ok: true, result }` or `{ id, ok: false, status, message }`.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FittedModel } from "../models/fitted-model";
import { optimizeAnswer, type OptimizeRequest } from "./analysis-answers";
import { HttpError } from "./errors";

/** A job for the worker. */
export interface OptimizeJob {
  id: number;
  model: string;
  body: OptimizeRequest;
}

/** The worker's answer to a job. */
export type OptimizeReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; status: number; message: string };

if (parentPort !== null) {
  const port = parentPort;
  const models = (workerData as { models: Record<string, FittedModel> }).models;
  port.on("message", (job: OptimizeJob) => {
    let reply: OptimizeReply;
    try {
      // JSON round trip: NaN → null as in the CLI's output, and a plain object to post back.
      reply = { id: job.id, ok: true, result: JSON.parse(JSON.stringify(optimizeAnswer(models[job.model], job.body))) };
    } catch (err) {
      reply = err instanceof HttpError
        ? { id: job.id, ok: false, status: err.status, message: err.message }
        : { id: job.id, ok: false, status: 500, message: err instanceof Error ? err.stack ?? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
