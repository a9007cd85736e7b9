/**
 * FittedModel: a ModelSpec plus everything the fit chose — the transform parameters of each
 * channel, the terms kept, the coefficients on the original scale of each term, the trend window,
 * control defaults, the spend observed (for adstock carry-over) and the controls observed (to hold
 * them at their recent average in forward plans) — and the fit's summary. Plain
 * JSON as it stands: the artifact is this plus format, version and metadata.
 * models/fit/fit.ts returns the model without its summary (FittedCore); analysis/summary.ts builds
 * the summary and analysis/fit.ts (fitModel) returns both. The summary's types are defined here,
 * with the model they describe (fit-summary.ts), so that models/ never imports analysis/. The types
 * are inferred from the zod schemas that artifact/artifact.ts checks model.json with.
 */
import { z } from "zod";
import { parseIsoDate } from "../data/parse-date";
import { ModelSpecSchema } from "../spec/model-spec";
import { ChannelTransformSchema } from "../spec/transform-params";
import { FitSummarySchema } from "./fit-summary";

export type { BootstrapSummary, ChannelSummary, Diagnostics, FitSummary, MetricSet, RegressionMetrics, SamplerSummary, SearchSummary, Structure, StructureSummary } from "./fit-summary";

const Name = z.string().min(1);
/** A finite number (zod 4's z.number() rejects NaN and ±Infinity). */
const Finite = z.number();

/** At most this many bad entries of one series are reported (a damaged file names the first ones). */
const SERIES_ISSUES = 10;

/** received(v) → how zod names the type of a value in its messages ("null", "string", "NaN"…). */
function received(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : "Infinity";
  return Array.isArray(v) ? "array" : typeof v;
}

/**
 * series(ok, message) → an array schema whose entries are checked in one loop, with an issue per bad
 * entry at its index (the first SERIES_ISSUES). The history holds a value per observed period —
 * 130,000 on a long daily file — where zod's per-element parse took about 0.25 s on a cold start,
 * the largest part of writing model.json.
 */
function series<T>(ok: (v: unknown) => v is T, message: (v: unknown) => string) {
  return z.custom<T[]>((v) => Array.isArray(v), { error: (issue) => `Invalid input: expected array, received ${received(issue.input)}` }).superRefine((values, ctx) => {
    let bad = 0;
    for (let i = 0; i < values.length && bad < SERIES_ISSUES; i++) {
      if (!ok(values[i])) {
        ctx.addIssue({ code: "custom", path: [i], message: message(values[i]) });
        bad++;
      }
    }
  });
}

/** A series of finite numbers, one per observed period. */
const FiniteSeries = series((v): v is number => typeof v === "number" && Number.isFinite(v), (v) => `Invalid input: expected number, received ${received(v)}`);

/** A series of calendar dates `YYYY-MM-DD`, one per observed period. */
const DateSeries = series((v): v is string => typeof v === "string" && v.length === 10 && !Number.isNaN(parseIsoDate(v)), () => "Invalid ISO date");

/**
 * One bootstrap draw of the media part of the model: the transforms and media coefficients chosen
 * in one resample. Responses computed with every draw give the interval of a plan's response.
 */
export const MediaDrawSchema = z.strictObject({
  transforms: z.record(Name, ChannelTransformSchema),
  /** Media coefficient per channel (original scale). */
  coefficients: z.record(Name, Finite),
});
export type MediaDraw = z.infer<typeof MediaDrawSchema>;

/**
 * What the fit chose, without its summary: everything predict() and the analyses need. Strict (an
 * unknown key is an error), every number that predictions depend on finite.
 */
export const FittedCoreSchema = z.strictObject({
  spec: ModelSpecSchema,
  transforms: z.record(Name, ChannelTransformSchema),
  /** Names of the design columns in the model, media first (constant baseline terms are dropped). */
  terms: z.array(Name),
  /** Coefficients on the original scale of each term, aligned with `terms`. */
  coefficients: z.array(Finite),
  intercept: Finite,
  /** The trend runs 0 → 1 over [trendStart, trendEnd] (day numbers of the fit window). */
  trendStart: z.int(),
  trendEnd: z.int(),
  /** Days per period: 1 (daily) or 7 (weekly). */
  periodDays: z.union([z.literal(1), z.literal(7)]),
  /**
   * Value used for a control an input lacks (predict, the server's rows): its mean over the fit
   * window. Forward plans use the recent average instead (history.controls, recentControls), and
   * fall back to this when the model has no control history.
   */
  controlDefaults: z.record(Name, Finite),
  /**
   * Every observed period of the input (fit window and holdout): dates, spend per channel and, when
   * present, the value of each control per period (each list as long as `dates`). `controls` is
   * optional: models saved before it existed lack it, and their plans then hold the controls at
   * controlDefaults (the fit-window mean), as they did. fitModel always writes it.
   */
  history: z.strictObject({
    dates: DateSeries.refine((dates) => dates.length >= 1, { message: "Too small: expected array to have >=1 items" }),
    spend: z.record(Name, FiniteSeries),
    controls: z.record(Name, FiniteSeries).optional(),
  }),
  /** Bootstrap draws of the media transforms and coefficients (empty without a bootstrap). */
  draws: z.array(MediaDrawSchema),
});
export type FittedCore = z.infer<typeof FittedCoreSchema>;

/** A fitted model with the summary of its fit: what fitModel returns and model.json stores. */
export const FittedModelSchema = FittedCoreSchema.extend({ summary: FitSummarySchema });
export type FittedModel = z.infer<typeof FittedModelSchema>;
