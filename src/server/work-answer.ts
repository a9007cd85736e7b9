/**
 * The jobs of the server's worker threads (work-queue.ts, work-worker.ts) and their answers: a
 * what-if, an optimisation or a CSV upload on one served model, answered as JSON text.
 */
import type { DesignContext } from "../features/design";
import type { FittedModel } from "../models/fitted-model";
import { designContext } from "../models/predict";
import { optimizeAnswer, whatIfAnswer, type OptimizeRequest, type WhatIfRequest } from "./analysis-answers";
import { predictionsAnswer, type PredictionsJob } from "./predictions-answer";

/** A job for a worker: what to compute, on which model. */
export type WorkJob =
  | { kind: "whatif"; model: string; body: WhatIfRequest }
  | { kind: "optimize"; model: string; body: OptimizeRequest }
  | { kind: "predictions"; model: string; body: PredictionsJob };

/** A job as posted to the worker, with its id. */
export type WorkMessage = WorkJob & { id: number };

/** The worker's answer to a job. */
export type WorkReply = { id: number; ok: true; text: string } | { id: number; ok: false; status: number; message: string };

/**
 * workAnswer(job, model, context) → the JSON text of a job's answer (JSON.stringify writes NaN as
 * null, as the CLI's --json does).
 * @throws HttpError for the caller's mistakes; anything else is a bug
 */
export function workAnswer(job: WorkJob, model: FittedModel, context: () => DesignContext): string {
  switch (job.kind) {
    case "whatif": return JSON.stringify(whatIfAnswer(model, job.body));
    case "optimize": return JSON.stringify(optimizeAnswer(model, job.body));
    case "predictions": return predictionsAnswer(model, context(), job.body);
  }
}


/**
 * designContexts(modelOf) → contextOf(id), a thunk of the model's design context, built on first
 * use and kept (only /predictions needs one), for the worker threads and the inline queue alike.
 */
export function designContexts(modelOf: (id: string) => FittedModel): (id: string) => () => DesignContext {
  const contexts = new Map<string, DesignContext>();
  return (id) => () => {
    let c = contexts.get(id);
    if (c === undefined) { c = designContext(modelOf(id)); contexts.set(id, c); }
    return c;
  };
}
