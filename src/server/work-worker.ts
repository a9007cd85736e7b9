/**
 * The worker thread that runs the heavy work of the server for work-queue.ts — what-if plans,
 * optimisations, CSV uploads — so that a slow request can be stopped (the thread is terminated)
 * without blocking or killing the server. It receives the served models once (workerData) and
 * answers each job `{ id, kind, model, body }` with `{ id, ok: true, text }` (the JSON answer, written
 * here so that the main thread only sends it) or `{ id, ok: false, status, message }`.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { FittedModel } from "../models/fitted-model";
import { HttpError } from "./errors";
import { designContexts, workAnswer, type WorkMessage, type WorkReply } from "./work-answer";

if (!isMainThread && parentPort !== null && (workerData as { mixlabWork?: boolean } | null)?.mixlabWork === true) {
  const port = parentPort;
  const models = (workerData as { models: Record<string, FittedModel> }).models;
  const contextOf = designContexts((id) => models[id]);
  port.on("message", (job: WorkMessage) => {
    let reply: WorkReply;
    try {
      reply = { id: job.id, ok: true, text: workAnswer(job, models[job.model], contextOf(job.model)) };
    } catch (err) {
      reply = err instanceof HttpError
        ? { id: job.id, ok: false, status: err.status, message: err.message }
        : { id: job.id, ok: false, status: 500, message: err instanceof Error ? err.stack ?? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
