/**
 * ServedModel: a fitted model as the server keeps it — parsed once at startup, with its design
 * context (history as typed arrays) and its request schemas built once, so that a request does no
 * artifact work at all.
 */
import { designContext } from "../models/predict";
import type { DesignContext } from "../features/design";
import type { FittedModel, MetricSet } from "../models/fitted-model";
import type { ServerLimits } from "./limits";
import { predictBodyCheck } from "./predict-body-check";
import { fieldsAt, optimizeBody, predictBody, predictionsForm, whatIfBody } from "./schemas";

export interface ServedModel {
  id: string;
  model: FittedModel;
  context: DesignContext;
  schemas: {
    predict: ReturnType<typeof predictBody>;
    predictions: ReturnType<typeof predictionsForm>;
    whatIf: ReturnType<typeof whatIfBody>;
    optimize: ReturnType<typeof optimizeBody>;
  };
  /** The hand-written yes of schemas.predict for the hot route (predict-body-check.ts); no → ask zod. */
  predictCheck: ReturnType<typeof predictBodyCheck>;
  /** This model's entry in GET /models. */
  info: Record<string, unknown>;
}

function metrics(m: MetricSet | null | undefined): Record<string, number | null> | null {
  if (m === null || m === undefined) return null;
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === "number" && Number.isFinite(v) ? v : null]));
}

/** serveModel(id, model, createdAt, limits) → the served model (see the module comment). */
export function serveModel(id: string, model: FittedModel, createdAt: string | null, limits: ServerLimits, isDefault: boolean): ServedModel {
  const fields = { channels: model.spec.channels, controls: model.spec.controls };
  return {
    id,
    model,
    context: designContext(model),
    schemas: {
      predict: predictBody(fields, limits),
      predictions: predictionsForm(),
      whatIf: whatIfBody(fields, limits),
      optimize: optimizeBody(fields, limits),
    },
    predictCheck: predictBodyCheck(fields, limits),
    info: {
      id,
      model_type: model.summary?.model_type ?? model.spec.model,
      channels: [...model.spec.channels],
      controls: [...model.spec.controls],
      frequency: model.spec.frequency,
      created_at: createdAt,
      metrics: { train: metrics(model.summary?.train), holdout: metrics(model.summary?.holdout) },
      default: isDefault,
    },
  };
}

/** allowedFields(schema) → the `allowed(path)` function errors.ts takes, for one request schema. */
export const allowedFields = (schema: Parameters<typeof fieldsAt>[0]) => (path: readonly PropertyKey[]) => fieldsAt(schema, path);
