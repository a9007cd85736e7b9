/**
 * ModelSpec: everything a user chooses about a model — column roles, the transform families and
 * the bounds the search may explore, the baseline features, the estimator, the search, the holdout
 * and the bootstrap. JSON-serialisable; the config file and the CLI flags both produce one, and the
 * artifact stores it.
 */
import { z } from "zod";
import { FREQUENCIES, type Frequency } from "../data/table";
import { type AdstockKind, AdstockKindSchema, SaturationKindSchema } from "./transform-params";

export { type AdstockKind, AdstockKindSchema, type SaturationKind, SaturationKindSchema } from "./transform-params";

/**
 * The adstock a user may name (flag `--adstock`, config `model.adstock`): the kinds, plus
 * "weibull" for "weibull_cdf".
 */
export const ADSTOCK_CHOICES = [...AdstockKindSchema.options, "weibull"] as const;

/** adstockKind("weibull") → "weibull_cdf"; the other choices are kinds already. */
export function adstockKind(choice: (typeof ADSTOCK_CHOICES)[number]): AdstockKind {
  return choice === "weibull" ? "weibull_cdf" : choice;
}

/** The estimators a spec may choose. */
export const ModelKindSchema = z.enum(["ridge", "ols", "lasso", "elastic-net", "bayes"]);
export type ModelKind = z.infer<typeof ModelKindSchema>;

/**
 * The baseline trend a spec may choose: "linear" (extrapolated as a straight line), "damped"
 * (linear over the fit window, its slope halving every quarter after it: features/trend.ts's
 * dampedTrend) or "none".
 */
export const TrendSchema = z.enum(["linear", "damped", "none"]);

/**
 * The parts of a model's structure the fit can choose from the data (models/fit/structure.ts):
 * the saturation family, the trend, the Fourier order, holidays on/off and day-of-week on/off.
 */
export const StructurePartSchema = z.enum(["saturation", "trend", "seasonality", "holidays", "dayOfWeek"]);
export type StructurePart = z.infer<typeof StructurePartSchema>;

/** How the transform search proposes candidates after its Latin hypercube start. */
export const SearchMethodSchema = z.enum(["de", "lhs", "random"]);

/** The data frequencies a spec is for (data/table.ts's Frequency). */
export const FrequencySchema = z.enum(FREQUENCIES);

/** A non-empty name (column, channel, country code). */
const Name = z.string().min(1);

/** A calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date();

/** A closed interval [lower, upper] of finite numbers, lower ≤ upper. */
export const IntervalSchema = z.tuple([z.number(), z.number()]).refine(([lower, upper]) => lower <= upper, { message: "the lower bound is above the upper bound" });
export type Interval = z.infer<typeof IntervalSchema>;

/** IntervalSchema whose both ends satisfy `ok` (`message` says what it requires). */
const boundInterval = (ok: (v: number) => boolean, message: string) =>
  IntervalSchema.refine(([lower, upper]) => ok(lower) && ok(upper), { message });

/**
 * Search bounds of one channel's transform parameters. `halfSaturation` (Hill), `scale` (log) and
 * `1/lambda` (logistic) are searched as a multiple of the channel's mean adstocked spend over the
 * fit window (`saturationRatio`), so the same bounds suit a channel spending 100 or 100,000 per
 * period; the fitted value is stored in spend units.
 */
export const ChannelBoundsSchema = z.strictObject({
  /** Geometric and delayed decay, in [0, 1). */
  decay: boundInterval((v) => v >= 0 && v < 1, "both ends must lie in [0, 1)"),
  /** Weibull shape, > 0. */
  weibullShape: boundInterval((v) => v > 0, "both ends must be > 0"),
  /** Weibull scale, a share of the kernel window in (0, 1]. */
  weibullScale: boundInterval((v) => v > 0 && v <= 1, "both ends must lie in (0, 1]"),
  /** Delayed adstock's peak lag, in periods ≥ 0. */
  peakLag: boundInterval((v) => v >= 0, "both ends must be >= 0"),
  /** Saturation point over the mean adstocked spend, > 0. */
  saturationRatio: boundInterval((v) => v > 0, "both ends must be > 0"),
  /** Hill shape, > 0. */
  hillShape: boundInterval((v) => v > 0, "both ends must be > 0"),
});
export type ChannelBounds = z.infer<typeof ChannelBoundsSchema>;

/** The ModelSpec schema: strict (an unknown key is an error), with the range of every field. */
export const ModelSpecSchema = z.strictObject({
  target: Name,
  channels: z.array(Name).min(1),
  controls: z.array(Name),
  frequency: FrequencySchema,
  model: ModelKindSchema,
  adstock: AdstockKindSchema,
  saturation: SaturationKindSchema,
  /** Longest carry-over kept by the delayed kernel, in periods. */
  maxLag: z.int().min(0),
  /** Bounds per channel (every channel has an entry). */
  bounds: z.record(Name, ChannelBoundsSchema),
  trend: TrendSchema,
  /** Fourier order of yearly seasonality (period 365.25 days); 0 = none. */
  seasonality: z.int().min(0),
  /** Day-of-week dummies (daily data only). */
  dayOfWeek: z.boolean(),
  /** date-holidays country code, or "none". */
  holidays: Name,
  /** Ridge/lasso penalty; null = searched within alphaBounds. */
  alpha: z.number().min(0).nullable(),
  alphaBounds: IntervalSchema.refine(([lower]) => lower > 0, { message: "alpha bounds must be > 0" }),
  l1Ratio: z.number().min(0).max(1),
  /** Media coefficients ≥ 0 (default true; false for ols). */
  nonNegativeMedia: z.boolean(),
  /**
   * What the ridge penalty shrinks for media: "contribution" (default) scales each media column by
   * its mean, so the penalty acts on the channel's average contribution per period and a nearly
   * constant (saturated) column cannot take a huge coefficient for free; "standardized" scales by
   * the sd as scikit-learn's StandardScaler does. Either way the default fit penalises media a tenth
   * as much as the baseline terms (media-prior-ridge.ts, MEDIA_PENALTY_FACTOR in models/fit/search.ts).
   */
  mediaPenalty: z.enum(["contribution", "standardized"]),
  /**
   * The transform search: `trials` evaluations (Latin hypercube, then `method`, then local samples),
   * seeded; the posterior sampler that follows spends 8 × trials more (models/fit/sample.ts);
   * `folds` expanding-window CV folds (the CV NRMSE reported, and the score of the lowest-CV rule).
   */
  search: z.strictObject({ trials: z.int().min(0), seed: z.int(), method: SearchMethodSchema, folds: z.int().min(1) }),
  /** The holdout: the last `fraction` of periods, or the periods from `splitDate` on. */
  holdout: z.union([z.strictObject({ fraction: z.number().min(0).lt(1) }), z.strictObject({ splitDate: IsoDateSchema })]),
  /**
   * Intervals: `resamples` block-bootstrap resamples over `trials` posterior draws of the transforms
   * (resample r refits draw r mod trials; models/draw-returns.ts), blocks of `blockLength` periods
   * (null: min(⌊fit rows/5⌋, 8 weekly or 28 daily)).
   */
  bootstrap: z.strictObject({ resamples: z.int().min(0), blockLength: z.int().min(1).nullable(), trials: z.int().min(1) }),
  /**
   * The structure parts the fit chooses from the data (summary.structure); the fields of these
   * parts hold the chosen values once fitted (before, their defaults). Absent or empty: every part
   * is fixed as given.
   */
  auto: z.array(StructurePartSchema).optional(),
});
export type ModelSpec = z.infer<typeof ModelSpecSchema>;

/** Default bounds: broad enough for TV-like and search-like channels alike. */
export const DEFAULT_BOUNDS: ChannelBounds = {
  decay: [0, 0.85],
  weibullShape: [0.5, 5],
  weibullScale: [0.01, 0.3],
  peakLag: [0, 3],
  saturationRatio: [0.5, 3],
  hillShape: [0.5, 3],
};

/** What a caller may leave out of a spec; `defaultSpec` fills the rest. */
export type SpecInput = Partial<Omit<ModelSpec, "target" | "channels" | "controls" | "frequency" | "bounds" | "search" | "bootstrap">> & {
  target: string;
  channels: string[];
  controls: string[];
  frequency: Frequency;
  bounds?: Record<string, Partial<ChannelBounds>>;
  search?: Partial<ModelSpec["search"]>;
  bootstrap?: Partial<ModelSpec["bootstrap"]>;
};

/**
 * freeParts(input) → the structure parts a spec input leaves out (saturation, trend, seasonality,
 * holidays and, for daily data, day-of-week): the parts the fit chooses from the data.
 */
export function freeParts(input: SpecInput): StructurePart[] {
  const given: Record<StructurePart, boolean> = {
    saturation: input.saturation !== undefined, trend: input.trend !== undefined, seasonality: input.seasonality !== undefined,
    holidays: input.holidays !== undefined, dayOfWeek: input.dayOfWeek !== undefined || input.frequency !== "daily",
  };
  return StructurePartSchema.options.filter((part) => !given[part]);
}

/**
 * defaultSpec(input) → a complete ModelSpec: ridge, geometric adstock, alpha searched, non-negative
 * media (not for ols), 2,000 search trials with seed 1, last 20 % held out, 100 bootstrap resamples
 * over 300 posterior draws; the structure parts the input leaves out (freeParts, unless `auto`
 * lists them) are chosen by the fit from the data, starting from Hill saturation, linear trend,
 * yearly seasonality of order 2, US holidays and day-of-week for daily data.
 */
export function defaultSpec(input: SpecInput): ModelSpec {
  const model = input.model ?? "ridge";
  const bounds: Record<string, ChannelBounds> = {};
  for (const c of input.channels) bounds[c] = { ...DEFAULT_BOUNDS, ...input.bounds?.[c] };
  return {
    target: input.target,
    channels: [...input.channels],
    controls: [...input.controls],
    frequency: input.frequency,
    model,
    adstock: input.adstock ?? "geometric",
    saturation: input.saturation ?? "hill",
    maxLag: input.maxLag ?? (input.frequency === "daily" ? 28 : 8),
    bounds,
    trend: input.trend ?? "linear",
    seasonality: input.seasonality ?? 2,
    dayOfWeek: input.dayOfWeek ?? input.frequency === "daily",
    holidays: input.holidays ?? "US",
    alpha: input.alpha ?? (model === "ols" ? 0 : null),
    alphaBounds: input.alphaBounds ?? [1e-3, 1e3],
    l1Ratio: input.l1Ratio ?? (model === "lasso" ? 1 : 0.5),
    nonNegativeMedia: input.nonNegativeMedia ?? model !== "ols",
    mediaPenalty: input.mediaPenalty ?? "contribution",
    search: { trials: 2000, seed: 1, method: "de", folds: 5, ...input.search },
    holdout: input.holdout ?? { fraction: 0.2 },
    bootstrap: { resamples: 100, blockLength: null, trials: 300, ...input.bootstrap },
    auto: [...(input.auto ?? freeParts(input))],
  };
}
