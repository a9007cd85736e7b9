/**
 * ModelSpec: everything a user chooses about a model — column roles, the transform families and
 * the bounds the search may explore, the baseline features, the estimator, the search, the holdout
 * and the bootstrap. JSON-serialisable; the config file and the CLI flags both produce one, and the
 * artifact stores it.
 */
import type { Frequency } from "../data/table";

export type ModelKind = "ridge" | "ols" | "lasso" | "elastic-net" | "bayes";
export type AdstockKind = "geometric" | "weibull_cdf" | "weibull_pdf" | "delayed" | "none";
export type SaturationKind = "hill" | "log" | "logistic" | "none";

/** A closed interval [lower, upper] of a searched parameter. */
export type Interval = readonly [number, number];

/**
 * Search bounds of one channel's transform parameters. `halfSaturation` (Hill), `scale` (log) and
 * `1/lambda` (logistic) are searched as a multiple of the channel's mean adstocked spend over the
 * fit window, so the same bounds suit a channel spending 100 or 100,000 per period; the fitted
 * value is stored in spend units.
 */
export interface ChannelBounds {
  decay: Interval;
  weibullShape: Interval;
  weibullScale: Interval;
  peakLag: Interval;
  saturationRatio: Interval;
  hillShape: Interval;
}

export interface ModelSpec {
  target: string;
  channels: string[];
  controls: string[];
  frequency: Frequency;
  model: ModelKind;
  adstock: AdstockKind;
  saturation: SaturationKind;
  /** Longest carry-over kept by the delayed kernel, in periods. */
  maxLag: number;
  /** Bounds per channel (every channel has an entry). */
  bounds: Record<string, ChannelBounds>;
  trend: "linear" | "none";
  /** Fourier order of yearly seasonality (period 365.25 days); 0 = none. */
  seasonality: number;
  /** Day-of-week dummies (daily data only). */
  dayOfWeek: boolean;
  /** date-holidays country code, or "none". */
  holidays: string;
  /** Ridge/lasso penalty; null = searched within alphaBounds. */
  alpha: number | null;
  alphaBounds: Interval;
  l1Ratio: number;
  /** Media coefficients ≥ 0 (default true; false for ols). */
  nonNegativeMedia: boolean;
  /**
   * What the ridge penalty shrinks for media: "contribution" (default) scales each media column by
   * its mean, so the penalty acts on the channel's average contribution per period and a nearly
   * constant (saturated) column cannot take a huge coefficient for free; "standardized" scales by
   * the sd as scikit-learn's StandardScaler does. Either way the default fit penalises media a tenth
   * as much as the baseline terms (media-prior-ridge.ts, MEDIA_PENALTY_FACTOR in models/fit/search.ts).
   */
  mediaPenalty: "contribution" | "standardized";
  /**
   * The transform search: `trials` evaluations (Latin hypercube, then `method`, then local samples),
   * seeded; the posterior sampler that follows spends 8 × trials more (models/fit/sample.ts);
   * `folds` expanding-window CV folds (the CV NRMSE reported, and the score of the lowest-CV rule).
   */
  search: { trials: number; seed: number; method: "de" | "lhs" | "random"; folds: number };
  holdout: { fraction: number } | { splitDate: string };
  /**
   * Intervals: `resamples` block-bootstrap resamples over `trials` posterior draws of the transforms
   * (resample r refits draw r mod trials; models/draw-returns.ts), blocks of `blockLength` periods
   * (null: min(⌊fit rows/5⌋, 8 weekly or 28 daily)).
   */
  bootstrap: { resamples: number; blockLength: number | null; trials: number };
}

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
 * defaultSpec(input) → a complete ModelSpec: ridge, geometric adstock, Hill saturation, linear
 * trend, yearly seasonality of order 2, day-of-week for daily data, US holidays, alpha searched,
 * non-negative media (not for ols), 2,000 search trials with seed 1, last 20 % held out, 100
 * bootstrap resamples over 300 posterior draws.
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
  };
}
