/**
 * The model artifact (`model.json`): a FittedModel plus format, version and metadata, as plain JSON.
 *
 * `ArtifactSchema` checks a parsed file thoroughly — the spec and the transform parameters (their
 * schemas in src/spec/), the summary (src/models/fit-summary.ts), one coefficient per term, finite
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
import { FitSummarySchema, type FitSummary } from "../models/fit-summary";
import { FittedModelSchema, type FittedModel } from "../models/fitted-model";
import type { ChannelBounds, ModelSpec } from "../spec/model-spec";
import type { AdstockParams, ChannelTransform, SaturationParams } from "../spec/transform-params";
import { VERSION } from "../version";

/** The `format` field of every artifact. */
export const ARTIFACT_FORMAT = "mixlab-model";

/** The artifact format version this mixlab writes and reads. */
export const ARTIFACT_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Schema

/**
 * The whole artifact: format, version, metadata, then the FittedModel's fields (FittedModelSchema
 * of src/models/fitted-model.ts: the ModelSpec, the transform parameters and the fit summary each
 * have one schema, in spec/ and models/), then fit_seconds; plus the checks across fields.
 */
export const ArtifactSchema = z.strictObject({
  format: z.literal(ARTIFACT_FORMAT),
  version: z.literal(ARTIFACT_VERSION),
  created_at: z.iso.datetime({ offset: true }),
  mixlab_version: z.string().min(1),
  ...FittedModelSchema.shape,
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
  return [...first.filter((k) => Object.hasOwn(record, k)), ...Object.keys(record).filter((k) => !firstSet.has(k)).sort()];
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
    ...(s.auto !== undefined && s.auto.length > 0 && { auto: [...s.auto] }),
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
  // A typed array's own enumerable values are its elements, in index order.
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Object.values(value).map(jsonSafe);
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : jsonSafe(v)));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== "function") out[k] = jsonSafe(v);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conversion

/**
 * toArtifact(model, meta) → the artifact of a fitted model: format, version, created_at,
 * mixlab_version, then the model's fields in a fixed key order, then fit_seconds. Checks only the
 * summary, made JSON-safe (saveModel checks the whole with ArtifactSchema).
 * @throws RangeError when the summary does not fit FitSummarySchema
 * @example JSON.stringify(toArtifact(model, { createdAt: "2024-01-01T00:00:00.000Z" }), null, 2)
 */
export function toArtifact(model: FittedModel, meta: ArtifactMeta = {}): Artifact {
  const createdAt = meta.createdAt ?? new Date();
  const channels = model.spec.channels;
  return {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    created_at: typeof createdAt === "string" ? createdAt : createdAt.toISOString(),
    mixlab_version: VERSION,
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
    summary: jsonSafeSummary(model.summary),
    fit_seconds: meta.fitSeconds ?? null,
  };
}

/** matches(schema, value) → whether value fits the schema (a type guard: value is its type). */
function matches<S extends z.ZodType>(schema: S, value: unknown): value is z.infer<S> {
  return schema.safeParse(value).success;
}

/**
 * jsonSafeSummary(summary) → jsonSafe(summary), keeping its key order, checked against
 * FitSummarySchema (non-finite figures become null, which the schema allows).
 * @throws RangeError naming the first problems when the summary does not fit the schema
 */
function jsonSafeSummary(summary: FitSummary): FitSummary {
  const safe = jsonSafe(summary);
  if (matches(FitSummarySchema, safe)) return safe;
  const issues = FitSummarySchema.safeParse(safe).error?.issues ?? [];
  throw new RangeError(`toArtifact: the model's summary does not fit the summary schema: ${describeSchemaIssues(issues.map((i) => ({ ...i, path: ["summary", ...i.path] })))}`);
}

/**
 * fromArtifact(artifact) → the FittedModel it stores (metadata dropped). Summary figures stored
 * as null (non-finite when fitted) stay null.
 */
export function fromArtifact(artifact: Artifact): FittedModel {
  return {
    spec: artifact.spec,
    transforms: artifact.transforms,
    terms: artifact.terms,
    coefficients: artifact.coefficients,
    intercept: artifact.intercept,
    trendStart: artifact.trendStart,
    trendEnd: artifact.trendEnd,
    periodDays: artifact.periodDays,
    draws: artifact.draws,
    controlDefaults: artifact.controlDefaults,
    history: artifact.history,
    summary: artifact.summary,
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
