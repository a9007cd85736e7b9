/**
 * The zod schemas of every request and response body. Request schemas are built per model (a
 * row's fields are that model's channels and controls), once at startup; the same objects
 * validate requests (app.ts) and generate /openapi.json (openapi.ts), so the documentation
 * cannot drift from what the server accepts. Every object is strict: an unknown field is a 422
 * naming it.
 */
import { z } from "zod";
import type { ServerLimits } from "./limits";

/** A calendar date `YYYY-MM-DD` (the zod ISO date: real days only). */
export const IsoDate = z.iso.date().meta({ description: "calendar date YYYY-MM-DD", example: "2024-01-01" });

/** Spend in one period: a finite number ≥ 0 (currency). */
export const Spend = z.number().min(0).meta({ description: "spend in the period (currency), finite and ≥ 0" });

/** The channels and controls of a model: the field names of its rows. */
export interface ModelFields {
  channels: readonly string[];
  controls: readonly string[];
}

/** rowSchema(fields) → one period: `date`, spend per channel (required), controls (optional; absent → the fit window's mean). */
export function rowSchema(fields: ModelFields) {
  const shape: Record<string, z.ZodType> = { date: IsoDate };
  for (const c of fields.channels) shape[c] = Spend;
  for (const c of fields.controls) shape[c] = z.number().optional().meta({ description: `control "${c}"; absent → the model's fit-window mean` });
  return z.strictObject(shape).meta({ description: "one period: its date, the spend of every channel, optionally the controls" });
}

/** channelMap(fields, value) → an object keyed by channel names (each optional) with values of `value`. */
function channelMap(fields: ModelFields, value: z.ZodType, description: string) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of fields.channels) shape[c] = value.optional();
  return z.strictObject(shape).meta({ description });
}

/** predictBody(fields, limits) → `{"rows":[row, …]}`: consecutive periods, oldest first, at most limits.maxRows. */
export function predictBody(fields: ModelFields, limits: ServerLimits) {
  return z.strictObject({
    rows: z.array(rowSchema(fields)).min(1).max(limits.maxRows)
      .meta({ description: `consecutive periods, oldest first (weekly rows 7 days apart); at most ${limits.maxRows}` }),
  });
}

/**
 * whatIfBody(fields, limits) → the body of POST /whatif: the flags of `mixlab whatif` as fields.
 * `scale` (and/or `spend` as replacement spend, with `rows`, `from`, `to`): a historical
 * counterfactual; `spend` (+ `periods`): a plan of K future periods; `scenarios` (+ `periods`):
 * several plans in one call. A spend is a number per period or one number per period.
 */
export function whatIfBody(fields: ModelFields, limits: ServerLimits) {
  const Factor = z.number().min(0).meta({ description: "multiplier of the channel's spend, ≥ 0" });
  const PerPeriod = z.union([Spend, z.array(Spend).min(1).max(limits.maxRows)])
    .meta({ description: "spend per period (currency, ≥ 0): one number for every period, or one number per period" });
  return z.strictObject({
    scale: channelMap(fields, Factor, "historical what-if: spend multiplier per channel (like --scale tv=1.3)").optional(),
    rows: z.array(rowSchema(fields)).min(1).max(limits.maxRows).optional()
      .meta({ description: "historical what-if: the periods to predict again (like --input); default: the model's observed periods" }),
    from: IsoDate.optional().meta({ description: "historical what-if: first date of the changed window (like --from)" }),
    to: IsoDate.optional().meta({ description: "historical what-if: last date of the changed window (like --to)" }),
    spend: channelMap(fields, PerPeriod, "plan: spend per period per channel (like --spend tv=1000); with scale, rows, from or to: replacement spend in the window").optional(),
    periods: z.int().min(1).max(limits.maxRows).optional().meta({ description: "plan: K future periods (like --periods; default one quarter)" }),
    scenarios: z.array(channelMap(fields, PerPeriod, "one plan: spend per period per channel")).min(1).max(limits.maxScenarios).optional()
      .meta({ description: "several plans answered in one call (like --scenarios FILE.json)" }),
  });
}

/** optimizeBody(fields, limits) → the body of POST /optimize: the flags of `mixlab optimize` as fields. */
export function optimizeBody(fields: ModelFields, limits: ServerLimits) {
  const Total = z.number().min(0).meta({ description: "total spend over the K periods (currency)" });
  return z.strictObject({
    budget: z.number().min(0).optional().meta({ description: "total budget over the K periods (like --budget); default: the current spend of the last K periods; with target_roas: the most to consider" }),
    periods: z.int().min(1).max(limits.maxRows).optional().meta({ description: "K, the plan horizon in periods (like --periods; default one quarter)" }),
    min: channelMap(fields, Total, "lowest total spend per channel over the K periods (like --min tv=…)").optional(),
    max: channelMap(fields, Total, "highest total spend per channel over the K periods (like --max tv=…)").optional(),
    min_share: z.number().min(0).max(1).optional().meta({ description: "lowest share of the budget for every unlocked channel (like --min-share)" }),
    max_share: z.number().min(0).max(1).optional().meta({ description: "highest share of the budget for every unlocked channel (like --max-share)" }),
    share_rule: z.boolean().optional().meta({ description: "the campaign pipeline's rule, min_share 0.05 and max_share 0.6 (like --share-rule)" }),
    locked: z.array(z.enum(fields.channels as [string, ...string[]])).optional().meta({ description: "channels held at their current spend (like --locked tv,radio)" }),
    target_roas: z.number().positive().optional().meta({ description: "find the largest budget whose marginal ROAS stays at least this (like --target-roas)" }),
    budgets: z.array(z.number().positive()).min(1).max(limits.maxScenarios).optional()
      .meta({ description: "scenario table: optimal splits at these multiples of the current budget (like --budgets 0.9,1,1.1)" }),
  });
}

/** An uploaded file (a channel-dir CSV). */
export const UploadedFile = z.custom<File>((v) => typeof v === "object" && v !== null && typeof (v as Blob).text === "function" && typeof (v as File).name === "string", "must be a file (a CSV upload), not a text field")
  .meta({ type: "string", format: "binary", description: "a channel-dir CSV: <channel>_spend.csv (date,spend) or sales_data.csv (date,sales)" });

/** predictionsForm() → the multipart form of POST /predictions: one or more `files` (as FormData entries grouped by name). */
export function predictionsForm() {
  return z.strictObject({
    files: z.array(UploadedFile).min(1).max(200).meta({ description: "the channel-dir CSV files, one form field `files` per file" }),
  });
}

const Metrics = z.looseObject({ r2: z.number().nullable(), rmse: z.number().nullable(), mae: z.number().nullable(), mape: z.number().nullable() });

/** Response bodies (for /openapi.json). */
export const ErrorResponse = z.object({
  error: z.string().meta({ description: "what is wrong, naming the field" }),
  request_id: z.string().optional().meta({ description: "present on 500: quote it when reporting the problem" }),
});
export const HealthResponse = z.object({ status: z.literal("ok"), models: z.int() });
export const ModelsResponse = z.array(z.object({
  id: z.string(),
  model_type: z.string(),
  channels: z.array(z.string()),
  controls: z.array(z.string()),
  frequency: z.string(),
  created_at: z.string().nullable(),
  metrics: z.object({ train: Metrics, holdout: Metrics.nullable() }),
  default: z.boolean(),
}));
export const PredictResponse = z.object({ predictions: z.array(z.object({ date: IsoDate, predicted: z.number() })) });
export const PredictionsResponse = z.object({
  forecast: z.array(z.object({ date: IsoDate, predicted_sales: z.number() })),
  model_type: z.string(),
  rows_processed: z.int(),
  evaluation: z.object({
    mape: z.number().nullable().meta({ description: "MAPE in percent against the uploaded sales; null without sales" }),
    rows: z.int().meta({ description: "periods with a sales value" }),
  }),
  cleaning: z.looseObject({
    changes: z.array(z.looseObject({ column: z.string(), date: IsoDate.nullable(), kind: z.string(), before: z.union([z.number(), z.string()]).nullable(), after: z.number().nullable() })),
    summary: z.record(z.string(), z.int()),
  }).nullable().meta({ description: "what `mixlab clean`'s rules changed in the upload (its report); null with ?clean=false or without sales_data.csv" }),
});
export const WhatIfResponse = z.union([
  z.looseObject({ baseline: z.number(), scenario: z.number(), change: z.number(), change_pct: z.number().nullable(), channels: z.array(z.looseObject({ name: z.string(), baseline: z.number(), scenario: z.number() })) }),
  z.looseObject({ response: z.number(), channels: z.array(z.looseObject({ name: z.string(), spend: z.number(), response: z.number() })) }),
  z.object({ scenarios: z.array(z.looseObject({ response: z.number(), channels: z.array(z.looseObject({ name: z.string(), spend: z.number(), response: z.number() })) })) }),
]);
export const OptimizeResponse = z.union([
  z.looseObject({
    budget: z.number(),
    allocation: z.array(z.looseObject({ name: z.string(), current: z.number(), optimal: z.number(), response: z.number(), mroas: z.number().nullable() })),
    current_response: z.number(),
    optimal_response: z.number(),
    lift_pct: z.number().nullable(),
  }),
  z.looseObject({ scenarios: z.array(z.looseObject({ multiplier: z.number(), budget: z.number(), response: z.number() })) }),
]);

/**
 * fieldsAt(schema, path) → the field names an object schema takes at `path` of a body (array
 * indices step into the element), or null when the path does not lead to an object.
 */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | null {
  let s: z.ZodType | undefined = schema;
  for (const p of [...path, null]) {
    while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    if (p === null) break;
    if (typeof p === "number" && s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (typeof p === "string" && s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[p];
    else return null;
    if (s === undefined) return null;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : null;
}
