/**
 * The schema of the project config file (`--config mixlab.json`): column roles, cleaning strategies
 * and the model spec (`model`: the fit flags in snake_case plus per-channel bounds). Checked with
 * zod so that a typo gets a message naming the field. Reading the file is cli/read-config.ts.
 */
import { z } from "zod";

const Strategy = z.enum(["interpolate", "zero", "drop", "keep"]);

/** A searched interval [lower, upper]: lower ≤ upper and both ends `ok`. */
const interval = (ok: (v: number) => boolean, message: string) =>
  z.tuple([z.number(), z.number()])
    .refine(([lo, hi]) => lo <= hi, { message: "the lower bound must not exceed the upper bound" })
    .refine(([lo, hi]) => ok(lo) && ok(hi), { message });

/** Per-channel search bounds in the config (snake_case of ChannelBounds). */
export const ConfigBoundsSchema = z.object({
  decay: interval((v) => v >= 0 && v < 1, "decay must lie in [0, 1)").optional(),
  weibull_shape: interval((v) => v > 0, "weibull_shape must be > 0").optional(),
  weibull_scale: interval((v) => v > 0 && v <= 1, "weibull_scale must lie in (0, 1]").optional(),
  peak_lag: interval((v) => v >= 0, "peak_lag must be >= 0").optional(),
  saturation_ratio: interval((v) => v > 0, "saturation_ratio must be > 0").optional(),
  hill_shape: interval((v) => v > 0, "hill_shape must be > 0").optional(),
}).strict();

/**
 * The `model` section: the fit flags in snake_case (flags win over it) plus per-channel search
 * bounds (`"*"` applies to every channel, a channel's own entry overrides it).
 */
export const ConfigModelSchema = z.object({
  model: z.enum(["ridge", "ols", "lasso", "elastic-net", "bayes"]).optional(),
  adstock: z.enum(["geometric", "weibull", "weibull_cdf", "weibull_pdf", "delayed", "none"]).optional(),
  saturation: z.enum(["hill", "log", "logistic", "none"]).optional(),
  trend: z.enum(["linear", "none"]).optional(),
  seasonality: z.int().min(0).optional(),
  holidays: z.string().min(1).optional(),
  trials: z.int().min(1).optional(),
  seed: z.int().min(0).optional(),
  holdout_fraction: z.number().min(0).lt(1).optional(),
  split_date: z.iso.date().optional(),
  alpha: z.number().min(0).optional(),
  bootstrap: z.int().min(0).optional(),
  max_lag: z.int().min(0).optional(),
  day_of_week: z.boolean().optional(),
  l1_ratio: z.number().min(0).max(1).optional(),
  search_method: z.enum(["de", "lhs", "random"]).optional(),
  folds: z.int().min(2).optional(),
  bounds: z.record(z.string().min(1), ConfigBoundsSchema).optional(),
}).strict().refine((m) => m.holdout_fraction === undefined || m.split_date === undefined, {
  message: "give holdout_fraction or split_date, not both",
});

export const ConfigSchema = z.object({
  format: z.enum(["wide", "channel-dir", "campaigns"]).optional(),
  roles: z.object({
    date: z.string().min(1).optional(),
    target: z.string().min(1).optional(),
    channels: z.array(z.string().min(1)).min(1).optional(),
    controls: z.array(z.string().min(1)).optional(),
  }).strict().optional(),
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
