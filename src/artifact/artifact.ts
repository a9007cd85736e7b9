/**
 * The model artifact (`model.json`): a FittedModel plus format, version and metadata, as plain JSON.
 *
 * `ArtifactSchema` checks a parsed file thoroughly — the spec, the transform parameters (the
 * AdstockParams and SaturationParams unions of src/features), one coefficient per term, finite
 * numbers, ISO dates, history arrays as long as `history.dates` — so that a damaged file fails on
 * load with the JSON path of the problem instead of producing wrong predictions.
 *
 * `toArtifact` writes every object with a fixed key order (channels in spec order, parameters in
 * the order of their type), so the same model always serialises to the same bytes; only
 * `created_at`, `fit_seconds`, `summary.search.seconds` and `summary.bootstrap.seconds` vary.
 * JSON has no NaN or Infinity: a non-finite summary figure (the ROAS of a channel that never
 * spent, an infinite VIF) is stored as null. The parts predictions depend on must be finite.
 *
 * `history.controls` (each control's value per observed period, as long as `history.dates`) was
 * added within version 1 and is optional: forward plans hold the controls at their average over
 * the recent window (recentControls in src/analysis/recent-spend.ts: the last K observed periods,
 * K the plan's horizon — the window of the current spend). An artifact without it, written by an
 * earlier mixlab, loads unchanged and its plans hold the controls at `controlDefaults`, the
 * fit-window means, as before. (An earlier mixlab rejects an artifact that has it.)
 */
import { z } from "zod";
import type { AdstockParams } from "../features/adstock";
import type { ChannelTransform } from "../features/design";
import type { SaturationParams } from "../features/saturation";
import type { FitSummary, FittedModel } from "../models/fitted-model";
import type { ChannelBounds, ModelSpec } from "../spec/model-spec";
import { VERSION } from "../version";

/** The `format` field of every artifact. */
export const ARTIFACT_FORMAT = "mixlab-model";

/** The artifact format version this mixlab writes and reads. */
export const ARTIFACT_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Schema

/** A finite number (zod 4's z.number() already rejects NaN and ±Infinity). */
const Finite = z.number();
/** A summary figure: finite, or null where the value was NaN or infinite. */
const Figure = z.number().nullable();
const Name = z.string().min(1);
/** A calendar date `YYYY-MM-DD`. */
const IsoDate = z.iso.date();

const Interval = z.tuple([Finite, Finite]).refine(([lower, upper]) => lower <= upper, { message: "the lower bound is above the upper bound" });

const ChannelBoundsSchema = z.strictObject({
  decay: Interval,
  weibullShape: Interval,
  weibullScale: Interval,
  peakLag: Interval,
  saturationRatio: Interval,
  hillShape: Interval,
});

/** The ModelSpec of src/spec/model-spec.ts. */
export const ModelSpecSchema = z.strictObject({
  target: Name,
  channels: z.array(Name).min(1),
  controls: z.array(Name),
  frequency: z.enum(["daily", "weekly"]),
  model: z.enum(["ridge", "ols", "lasso", "elastic-net", "bayes"]),
  adstock: z.enum(["geometric", "weibull_cdf", "weibull_pdf", "delayed", "none"]),
  saturation: z.enum(["hill", "log", "logistic", "none"]),
  maxLag: z.int().min(0),
  bounds: z.record(Name, ChannelBoundsSchema),
  trend: z.enum(["linear", "none"]),
  seasonality: z.int().min(0),
  dayOfWeek: z.boolean(),
  holidays: Name,
  alpha: z.number().min(0).nullable(),
  alphaBounds: Interval.refine(([lower]) => lower > 0, { message: "alpha bounds must be > 0" }),
  l1Ratio: z.number().min(0).max(1),
  nonNegativeMedia: z.boolean(),
  mediaPenalty: z.enum(["contribution", "standardized"]),
  search: z.strictObject({ trials: z.int().min(0), seed: z.int(), method: z.enum(["de", "lhs", "random"]), folds: z.int().min(1) }),
  holdout: z.union([z.strictObject({ fraction: z.number().min(0).lt(1) }), z.strictObject({ splitDate: IsoDate })]),
  bootstrap: z.strictObject({ resamples: z.int().min(0), blockLength: z.int().min(1).nullable(), trials: z.int().min(1) }),
});

/** AdstockParams (src/features/adstock.ts) with the ranges its kernels accept. */
export const AdstockParamsSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("geometric"), decay: z.number().min(0).lt(1), normalize: z.boolean().optional(), maxLag: z.int().min(0).optional() }),
  z.strictObject({ type: z.enum(["weibull_cdf", "weibull_pdf"]), shape: z.number().positive(), scale: z.number().positive().max(1), window: z.int().min(1).optional() }),
  z.strictObject({ type: z.literal("delayed"), decay: z.number().min(0).lt(1), peakLag: z.number().min(0), maxLag: z.int().min(0) })
    .refine((p) => p.peakLag <= p.maxLag, { message: "peakLag must be at most maxLag", path: ["peakLag"] }),
  z.strictObject({ type: z.literal("none") }),
]);

/** SaturationParams (src/features/saturation.ts) with the ranges its curves accept. */
export const SaturationParamsSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("hill"), halfSaturation: z.number().positive(), shape: z.number().positive() }),
  z.strictObject({ type: z.literal("log"), scale: z.number().positive() }),
  z.strictObject({ type: z.literal("logistic"), lambda: z.number().positive() }),
  z.strictObject({ type: z.literal("none") }),
]);

const ChannelTransformSchema = z.strictObject({ adstock: AdstockParamsSchema, saturation: SaturationParamsSchema });

const MetricSetSchema = z.looseObject({
  r2: Figure, adj_r2: Figure.optional(), rmse: Figure, mae: Figure, mape: Figure, wmape: Figure, smape: Figure, nrmse: Figure,
});

const WindowSchema = z.looseObject({ start: IsoDate, end: IsoDate, rows: z.int().min(0) });

const ChannelSummarySchema = z.looseObject({
  name: Name,
  spend: Figure,
  contribution: Figure,
  roas: Figure,
  roas_low: Figure,
  roas_high: Figure,
  contribution_low: Figure,
  contribution_high: Figure,
  mroas: Figure,
  share_of_spend: Figure,
  share_of_effect: Figure,
  adstock: z.looseObject({ type: Name }),
  saturation: z.looseObject({ type: Name }),
});

/** The fit summary (FitSummary of src/models/fitted-model.ts); extra fields are kept. */
export const FitSummarySchema = z.looseObject({
  model_type: Name,
  rows: z.int().min(0),
  frequency: Name,
  fit_window: WindowSchema,
  holdout_window: WindowSchema.nullable(),
  train: MetricSetSchema,
  holdout: MetricSetSchema.nullable(),
  intercept: Figure,
  coefficients: z.record(z.string(), Figure),
  std_errors: z.record(z.string(), Figure),
  alpha: Figure,
  channels: z.array(ChannelSummarySchema),
  diagnostics: z.record(z.string(), z.unknown()),
  search: z.looseObject({
    candidates: z.int().min(0), seconds: z.number().min(0), seed: z.int(), method: Name,
    cv_nrmse: Figure, rssd: Figure, near_optimal: z.int().min(0), tolerance: Figure,
  }).nullable(),
  bootstrap: z.looseObject({ resamples: z.int().min(0), block_length: z.int().min(0), trials: z.int().min(0), seconds: z.number().min(0) }).nullable(),
  sampler: z.looseObject({
    chains: z.int().min(1), draws: z.int().min(1), rhat_max: z.number().nullable(), ess_min: z.number().nullable(),
    divergences: z.int().min(0), seconds: z.number().min(0),
  }).nullable(),
});

/** The whole artifact: format, version, metadata, then the FittedModel's fields. */
export const ArtifactSchema = z.strictObject({
  format: z.literal(ARTIFACT_FORMAT),
  version: z.literal(ARTIFACT_VERSION),
  created_at: z.iso.datetime({ offset: true }),
  mixlab_version: Name,
  spec: ModelSpecSchema,
  transforms: z.record(Name, ChannelTransformSchema),
  terms: z.array(Name),
  coefficients: z.array(Finite),
  intercept: Finite,
  trendStart: z.int(),
  trendEnd: z.int(),
  periodDays: z.union([z.literal(1), z.literal(7)]),
  controlDefaults: z.record(Name, Finite),
  history: z.strictObject({ dates: z.array(IsoDate).min(1), spend: z.record(Name, z.array(Finite)), controls: z.record(Name, z.array(Finite)).optional() }),
  draws: z.array(z.strictObject({ transforms: z.record(Name, ChannelTransformSchema), coefficients: z.record(Name, Finite) })),
  summary: FitSummarySchema,
  fit_seconds: z.number().min(0).nullable(),
}).superRefine((a, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if (a.terms.length !== a.coefficients.length) {
    issue(["coefficients"], `has ${a.coefficients.length} entries but terms has ${a.terms.length}; they must be equally long`);
  }
  const seen = new Set<string>();
  a.terms.forEach((t, i) => {
    if (seen.has(t)) issue(["terms", i], `term "${t}" appears twice`);
    seen.add(t);
  });
  const channels = new Set(a.spec.channels);
  for (const c of a.spec.channels) {
    if (a.transforms[c] === undefined) issue(["transforms", c], `channel "${c}" of the spec has no transforms`);
    if (a.spec.bounds[c] === undefined) issue(["spec", "bounds", c], `channel "${c}" of the spec has no bounds`);
    if (a.history.spend[c] === undefined) issue(["history", "spend", c], `channel "${c}" of the spec has no spend history`);
  }
  for (const c of Object.keys(a.transforms)) if (!channels.has(c)) issue(["transforms", c], `"${c}" is not a channel of the spec`);
  for (const c of a.spec.controls) {
    if (a.controlDefaults[c] === undefined) issue(["controlDefaults", c], `control "${c}" of the spec has no default`);
    if (a.history.controls !== undefined && a.history.controls[c] === undefined) issue(["history", "controls", c], `control "${c}" of the spec has no history`);
  }
  const n = a.history.dates.length;
  for (const [c, values] of Object.entries(a.history.spend)) {
    if (values.length !== n) issue(["history", "spend", c], `has ${values.length} values but history.dates has ${n}`);
  }
  const controls = new Set(a.spec.controls);
  for (const [c, values] of Object.entries(a.history.controls ?? {})) {
    if (!controls.has(c)) issue(["history", "controls", c], `"${c}" is not a control of the spec`);
    else if (values.length !== n) issue(["history", "controls", c], `has ${values.length} values but history.dates has ${n}`);
  }
  for (let i = 1; i < n; i++) {
    if (!(a.history.dates[i] > a.history.dates[i - 1])) {
      issue(["history", "dates", i], `${a.history.dates[i]} does not come after ${a.history.dates[i - 1]}; dates must ascend`);
      break;
    }
  }
  if (a.trendStart > a.trendEnd) issue(["trendEnd"], "trendEnd is before trendStart");
  if (a.periodDays !== (a.spec.frequency === "daily" ? 1 : 7)) issue(["periodDays"], `${a.periodDays} does not match ${a.spec.frequency} data`);
});

/** A checked, parsed artifact. */
export type Artifact = z.infer<typeof ArtifactSchema>;

/** Metadata of an artifact that is not part of the model. */
export interface ArtifactMeta {
  /** When the model was written (default: now). */
  createdAt?: Date | string;
  /** How long the fit took, in seconds (default null: unknown). */
  fitSeconds?: number | null;
}

// ---------------------------------------------------------------------------------------------
// Canonical order

/** orderedKeys(record, first) → the keys of `first` present in record, then the others sorted. */
function orderedKeys(record: Record<string, unknown>, first: readonly string[]): string[] {
  const firstSet = new Set(first);
  return [...first.filter((k) => Object.prototype.hasOwnProperty.call(record, k)), ...Object.keys(record).filter((k) => !firstSet.has(k)).sort()];
}

function orderRecord<T, U>(record: Record<string, T>, first: readonly string[], map: (value: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const k of orderedKeys(record, first)) out[k] = map(record[k]);
  return out;
}

function interval(i: readonly [number, number]): [number, number] {
  return [i[0], i[1]];
}

function orderBounds(b: ChannelBounds): ChannelBounds {
  return {
    decay: interval(b.decay), weibullShape: interval(b.weibullShape), weibullScale: interval(b.weibullScale),
    peakLag: interval(b.peakLag), saturationRatio: interval(b.saturationRatio), hillShape: interval(b.hillShape),
  };
}

function orderSpec(s: ModelSpec): ModelSpec {
  return {
    target: s.target,
    channels: [...s.channels],
    controls: [...s.controls],
    frequency: s.frequency,
    model: s.model,
    adstock: s.adstock,
    saturation: s.saturation,
    maxLag: s.maxLag,
    bounds: orderRecord(s.bounds, s.channels, orderBounds),
    trend: s.trend,
    seasonality: s.seasonality,
    dayOfWeek: s.dayOfWeek,
    holidays: s.holidays,
    alpha: s.alpha,
    alphaBounds: interval(s.alphaBounds),
    l1Ratio: s.l1Ratio,
    nonNegativeMedia: s.nonNegativeMedia,
    mediaPenalty: s.mediaPenalty,
    search: { trials: s.search.trials, seed: s.search.seed, method: s.search.method, folds: s.search.folds },
    holdout: "splitDate" in s.holdout ? { splitDate: s.holdout.splitDate } : { fraction: s.holdout.fraction },
    bootstrap: { resamples: s.bootstrap.resamples, blockLength: s.bootstrap.blockLength, trials: s.bootstrap.trials },
  };
}

/** orderAdstock(p) → the same parameters with keys in the order of their type (optional keys only when set). */
function orderAdstock(p: AdstockParams): AdstockParams {
  switch (p.type) {
    case "geometric":
      return { type: p.type, decay: p.decay, ...(p.normalize !== undefined && { normalize: p.normalize }), ...(p.maxLag !== undefined && { maxLag: p.maxLag }) };
    case "weibull_cdf":
    case "weibull_pdf":
      return { type: p.type, shape: p.shape, scale: p.scale, ...(p.window !== undefined && { window: p.window }) };
    case "delayed":
      return { type: p.type, decay: p.decay, peakLag: p.peakLag, maxLag: p.maxLag };
    default:
      return { type: "none" };
  }
}

function orderSaturation(p: SaturationParams): SaturationParams {
  switch (p.type) {
    case "hill": return { type: p.type, halfSaturation: p.halfSaturation, shape: p.shape };
    case "log": return { type: p.type, scale: p.scale };
    case "logistic": return { type: p.type, lambda: p.lambda };
    default: return { type: "none" };
  }
}

function orderTransform(t: ChannelTransform): ChannelTransform {
  return { adstock: orderAdstock(t.adstock), saturation: orderSaturation(t.saturation) };
}

/**
 * jsonSafe(value) → a plain-JSON copy keeping key order: typed arrays become arrays, NaN and
 * ±Infinity become null, undefined properties are dropped (as JSON.stringify would).
 */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, jsonSafe);
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : jsonSafe(v)));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== "function") out[k] = jsonSafe(v);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conversion

/**
 * toArtifact(model, meta) → the artifact of a fitted model: format, version, created_at,
 * mixlab_version, then the model's fields in a fixed key order, then fit_seconds. Does not check
 * the result (saveModel does, with ArtifactSchema).
 * @example JSON.stringify(toArtifact(model, { createdAt: "2024-01-01T00:00:00.000Z" }), null, 2)
 */
export function toArtifact(model: FittedModel, meta: ArtifactMeta = {}): Artifact {
  const createdAt = meta.createdAt ?? new Date();
  const channels = model.spec.channels;
  const body: { [K in keyof FittedModel]-?: unknown } = {
    spec: orderSpec(model.spec),
    transforms: orderRecord(model.transforms, channels, orderTransform),
    terms: [...model.terms],
    coefficients: Array.from(model.coefficients),
    intercept: model.intercept,
    trendStart: model.trendStart,
    trendEnd: model.trendEnd,
    periodDays: model.periodDays,
    controlDefaults: orderRecord(model.controlDefaults, model.spec.controls, (v) => v),
    history: {
      dates: [...model.history.dates],
      spend: orderRecord(model.history.spend, channels, (v) => Array.from(v)),
      ...(model.history.controls !== undefined && { controls: orderRecord(model.history.controls, model.spec.controls, (v) => Array.from(v)) }),
    },
    draws: model.draws.map((d) => ({ transforms: orderRecord(d.transforms, channels, orderTransform), coefficients: orderRecord(d.coefficients, channels, (v) => v) })),
    summary: jsonSafe(model.summary),
  };
  return {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    created_at: typeof createdAt === "string" ? createdAt : createdAt.toISOString(),
    mixlab_version: VERSION,
    ...body,
    fit_seconds: meta.fitSeconds ?? null,
  } as Artifact;
}

/**
 * fromArtifact(artifact) → the FittedModel it stores (metadata dropped). Summary figures stored
 * as null (non-finite when fitted) stay null.
 */
export function fromArtifact(artifact: Artifact): FittedModel {
  return {
    spec: artifact.spec as ModelSpec,
    transforms: artifact.transforms as Record<string, ChannelTransform>,
    terms: artifact.terms,
    coefficients: artifact.coefficients,
    intercept: artifact.intercept,
    trendStart: artifact.trendStart,
    trendEnd: artifact.trendEnd,
    periodDays: artifact.periodDays,
    draws: artifact.draws as FittedModel["draws"],
    controlDefaults: artifact.controlDefaults,
    history: artifact.history,
    summary: artifact.summary as unknown as FitSummary,
  };
}

/**
 * describeSchemaIssues(issues, shown) → "spec.adstock: Invalid option …; coefficients[2]: …" for
 * the first `shown` problems, with "and N more" after them.
 */
export function describeSchemaIssues(issues: readonly z.core.$ZodIssue[], shown = 3): string {
  const text = issues.slice(0, shown).map((i) => `${formatPath(i.path)}: ${i.message}`).join("; ");
  return issues.length > shown ? `${text}; and ${issues.length - shown} more` : text;
}

/** formatPath(["history", "spend", "tv", 3]) → "history.spend.tv[3]"; [] → "(top level)". */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out;
}
