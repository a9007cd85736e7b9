/**
 * The schema of the project config file (`--config mixlab.json`): column roles, cleaning strategies
 * and the model spec (`model`: the fit flags in snake_case plus per-channel bounds). Checked with
 * zod so that a typo gets a message naming the field. Reading the file is cli/read-config.ts.
 */
import { z } from "zod";
import { FREQUENCIES } from "../data/table";
import { ADSTOCK_CHOICES, ChannelBoundsSchema, IsoDateSchema, ModelKindSchema, ModelSpecSchema, SearchMethodSchema, TrendSchema } from "./model-spec";
import { SaturationKindSchema } from "./transform-params";

const Strategy = z.enum(["interpolate", "zero", "drop", "keep"]);

const bounds = ChannelBoundsSchema.shape;
const spec = ModelSpecSchema.shape;

/** Per-channel search bounds in the config: ChannelBounds's fields in snake_case, each optional. */
export const ConfigBoundsSchema = z.strictObject({
  decay: bounds.decay.optional(),
  weibull_shape: bounds.weibullShape.optional(),
  weibull_scale: bounds.weibullScale.optional(),
  peak_lag: bounds.peakLag.optional(),
  saturation_ratio: bounds.saturationRatio.optional(),
  hill_shape: bounds.hillShape.optional(),
});

/**
 * The `model` section: the fit flags in snake_case (flags win over it) plus per-channel search
 * bounds (`"*"` applies to every channel, a channel's own entry overrides it). Each field is the
 * ModelSpec field's schema; a few are narrower here (at least one trial, two folds, a seed ≥ 0).
 */
export const ConfigModelSchema = z.strictObject({
  model: ModelKindSchema.optional(),
  adstock: z.enum(ADSTOCK_CHOICES).optional(),
  saturation: SaturationKindSchema.optional(),
  trend: TrendSchema.optional(),
  seasonality: spec.seasonality.optional(),
  holidays: spec.holidays.optional(),
  trials: spec.search.shape.trials.min(1).optional(),
  seed: spec.search.shape.seed.min(0).optional(),
  holdout_fraction: spec.holdout.options[0].shape.fraction.optional(),
  split_date: IsoDateSchema.optional(),
  alpha: spec.alpha.unwrap().optional(),
  bootstrap: spec.bootstrap.shape.resamples.optional(),
  max_lag: spec.maxLag.optional(),
  day_of_week: spec.dayOfWeek.optional(),
  l1_ratio: spec.l1Ratio.optional(),
  search_method: SearchMethodSchema.optional(),
  folds: spec.search.shape.folds.min(2).optional(),
  bounds: z.record(z.string().min(1), ConfigBoundsSchema).optional(),
}).refine((m) => m.holdout_fraction === undefined || m.split_date === undefined, {
  message: "give holdout_fraction or split_date, not both",
});

export const ConfigSchema = z.object({
  format: z.enum(["wide", "channel-dir", "campaigns"]).optional(),
  roles: z.object({
    date: z.string().min(1).optional(),
    target: z.string().min(1).optional(),
    channels: z.array(z.string().min(1)).min(1).optional(),
    controls: z.array(z.string().min(1)).optional(),
    /** Channel → its exposure columns (impressions, clicks, GRPs): what `mixlab init` left out of the controls; never a model input. */
    exposures: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
    /** The panel's group column (geo, region): several rows per date, one per group. */
    group: z.string().min(1).optional(),
    /** The panel's population column (constant per group): the model is per capita. */
    population: z.string().min(1).optional(),
    /** The frequency of the dates; `fit` stops when the data's detected frequency differs. */
    frequency: z.enum(FREQUENCIES).optional(),
  }).strict().optional(),
  /** Why each role is what it is (written by `mixlab init`; informational). */
  reasons: z.record(z.string(), z.string()).optional(),
  channel_map: z.record(z.string(), z.string().min(1)).optional(),
  clean: z.object({
    outlier_factor: z.number().positive().finite().optional(),
    strategies: z.object({
      missing: Strategy.optional(), non_numeric: Strategy.optional(), negative: Strategy.optional(),
      outlier: Strategy.optional(), zero_target: Strategy.optional(),
    }).strict().optional(),
  }).strict().optional(),
  model: ConfigModelSchema.optional(),
}).passthrough();

export type Config = z.infer<typeof ConfigSchema>;
