/**
 * FittedModel: a ModelSpec plus everything the fit chose — the transform parameters of each
 * channel, the terms kept, the coefficients on the original scale of each term, the trend window,
 * control defaults, the spend observed (for adstock carry-over) and the controls observed (to hold
 * them at their recent average in forward plans) — and the fit's summary. Plain
 * JSON as it stands: the artifact is this plus format, version and metadata.
 * models/fit/fit.ts returns the model without its summary (FittedCore); analysis/summary.ts builds
 * the summary and analysis/fit.ts (fitModel) returns both. The summary's types are defined here,
 * with the model they describe, so that models/ never imports analysis/.
 */
import type { ChannelTransform } from "../features/design";
import type { ModelSpec } from "../spec/model-spec";

/** The fit-quality figures of one window (train or holdout); analysis/metrics.ts computes them. */
export interface RegressionMetrics {
  /** R², unitless (sklearn r2_score). */
  r2: number;
  /** Adjusted R² for p predictors; NaN when n ≤ p + 1. */
  adj_r2: number;
  /** Root mean squared error, target units. */
  rmse: number;
  /** Mean absolute error, target units. */
  mae: number;
  /** MAPE in percent, zero actuals skipped. */
  mape: number;
  /** Weighted MAPE in percent. */
  wmape: number;
  /** Symmetric MAPE in percent (0–200). */
  smape: number;
  /** RMSE / (max(y) − min(y)), Robyn's NRMSE. */
  nrmse: number;
}

/** One channel's figures over the fit window (contract: `summary.channels[]`). */
export interface ChannelSummary {
  name: string;
  spend: number;
  contribution: number;
  roas: number;
  roas_low: number | null;
  roas_high: number | null;
  contribution_low: number | null;
  contribution_high: number | null;
  mroas: number;
  share_of_spend: number;
  share_of_effect: number;
  adstock: Record<string, unknown>;
  saturation: Record<string, unknown>;
}

/** Metrics of one window (RegressionMetrics); the holdout may omit adj_r2. */
export type MetricSet = Omit<RegressionMetrics, "adj_r2"> & { adj_r2?: number };

/** The contract's fit summary (also printed by `mixlab fit --json`). */
export interface FitSummary {
  model_type: string;
  rows: number;
  frequency: string;
  fit_window: { start: string; end: string; rows: number };
  holdout_window: { start: string; end: string; rows: number } | null;
  train: MetricSet;
  holdout: MetricSet | null;
  intercept: number;
  coefficients: Record<string, number>;
  std_errors: Record<string, number>;
  alpha: number | null;
  channels: ChannelSummary[];
  diagnostics: Record<string, unknown>;
  search: { candidates: number; seconds: number; seed: number; method: string; cv_nrmse: number; rssd: number; near_optimal: number; tolerance: number } | null;
  bootstrap: { resamples: number; block_length: number; trials: number; seconds: number } | null;
  /** The posterior sampler of `--model bayes` (null for the other models). */
  sampler: SamplerSummary | null;
}

/**
 * How the posterior of `--model bayes` was sampled: DE-MC chains over the transforms and the
 * penalty, then exact conditional draws of the coefficients (posteriorReturns in models/draw-returns.ts).
 * rhat_max and ess_min are the rank-normalised split R̂ (largest) and the bulk/tail ESS (smallest)
 * over the sampled transform parameters and each channel's ROAS (Vehtari et al. 2021); divergences
 * are those of Hamiltonian samplers and are 0 here (DE-MC and Gibbs have none).
 */
export interface SamplerSummary {
  chains: number;
  /** Joint posterior draws behind the intervals. */
  draws: number;
  rhat_max: number | null;
  ess_min: number | null;
  divergences: number;
  seconds: number;
}

/**
 * One bootstrap draw of the media part of the model: the transforms and media coefficients chosen
 * in one resample. Responses computed with every draw give the interval of a plan's response.
 */
export interface MediaDraw {
  transforms: Record<string, ChannelTransform>;
  /** Media coefficient per channel (original scale). */
  coefficients: Record<string, number>;
}

/** What the fit chose, without its summary: everything predict() and the analyses need. */
export interface FittedCore {
  spec: ModelSpec;
  transforms: Record<string, ChannelTransform>;
  /** Names of the design columns in the model, media first (constant baseline terms are dropped). */
  terms: string[];
  /** Coefficients on the original scale of each term, aligned with `terms`. */
  coefficients: number[];
  intercept: number;
  /** The trend runs 0 → 1 over [trendStart, trendEnd] (day numbers of the fit window). */
  trendStart: number;
  trendEnd: number;
  periodDays: number;
  /**
   * Value used for a control an input lacks (predict, the server's rows): its mean over the fit
   * window. Forward plans use the recent average instead (history.controls, recentControls), and
   * fall back to this when the model has no control history.
   */
  controlDefaults: Record<string, number>;
  /**
   * Every observed period of the input (fit window and holdout): dates, spend per channel and, when
   * present, the value of each control per period (each list as long as `dates`). `controls` is
   * optional: models saved before it existed lack it, and their plans then hold the controls at
   * controlDefaults (the fit-window mean), as they did. fitModel always writes it.
   */
  history: { dates: string[]; spend: Record<string, number[]>; controls?: Record<string, number[]> };
  /** Bootstrap draws of the media transforms and coefficients (empty without a bootstrap). */
  draws: MediaDraw[];
}

/** A fitted model with the summary of its fit: what fitModel returns and model.json stores. */
export interface FittedModel extends FittedCore {
  summary: FitSummary;
}
