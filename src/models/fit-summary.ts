/**
 * The fit summary (contract: the `summary` of model.json and of `mixlab fit --json`) as zod
 * schemas, each block once: the metric set of a window, one channel's figures, the diagnostics, the
 * search, bootstrap and sampler reports. The TypeScript types are inferred from them;
 * artifact/artifact.ts checks a loaded summary with FitSummarySchema. analysis/summary.ts builds
 * the summary; it lives here, with the model it describes, so that models/ never imports analysis/.
 *
 * A figure is a number, or null where it was not finite: JSON has no NaN or Infinity, so a saved
 * summary stores them as null (a freshly fitted one still holds NaN). Every block is a loose object:
 * a summary written by a later mixlab with more fields still loads, its extra fields kept.
 */
import { z } from "zod";

/** A summary figure: a number, or null where it was NaN or infinite. */
export const FigureSchema = z.number().nullable();
const Figure = FigureSchema;
const Name = z.string().min(1);

/** The fit-quality figures of one window (analysis/metrics.ts's regressionMetrics computes them). */
export const MetricSetSchema = z.looseObject({
  /** R², unitless (sklearn r2_score). */
  r2: Figure,
  /** Adjusted R² for p predictors; NaN when n ≤ p + 1 (the holdout may omit it). */
  adj_r2: Figure.optional(),
  /** Root mean squared error, target units. */
  rmse: Figure,
  /** Mean absolute error, target units. */
  mae: Figure,
  /** MAPE in percent, zero actuals skipped. */
  mape: Figure,
  /** Weighted MAPE in percent. */
  wmape: Figure,
  /** Symmetric MAPE in percent (0–200). */
  smape: Figure,
  /** RMSE / (max(y) − min(y)), Robyn's NRMSE. */
  nrmse: Figure,
});
/** Metrics of one window; the holdout may omit adj_r2. */
export type MetricSet = z.infer<typeof MetricSetSchema>;
/** The names of the metrics of a window. */
export type MetricName = keyof typeof MetricSetSchema.shape;
/** Every metric of one window as computed (NaN where undefined): what regressionMetrics returns. */
export type RegressionMetrics = Record<MetricName, number>;

/** A window of the data: first and last date (ISO) and its number of rows. */
export const WindowSchema = z.looseObject({ start: z.iso.date(), end: z.iso.date(), rows: z.int().min(0) });

/** One channel's figures over the fit window (contract: `summary.channels[]`). */
export const ChannelSummarySchema = z.looseObject({
  name: Name,
  /** Total spend over the fit window. */
  spend: Figure,
  /** Total modelled contribution over the fit window, target units. */
  contribution: Figure,
  /** contribution / spend. */
  roas: Figure,
  /** 90 % interval of the ROAS (bootstrap, or posterior for bayes); null without intervals. */
  roas_low: Figure,
  roas_high: Figure,
  /** 90 % interval of the contribution; null without intervals. */
  contribution_low: Figure,
  contribution_high: Figure,
  /** Marginal ROAS at the current spend. */
  mroas: Figure,
  /** Shares of total media spend and of total media effect, in [0, 1]. */
  share_of_spend: Figure,
  share_of_effect: Figure,
  /** The fitted transforms (AdstockParams, SaturationParams), as stored. */
  adstock: z.looseObject({ type: Name }),
  saturation: z.looseObject({ type: Name }),
});
export type ChannelSummary = z.infer<typeof ChannelSummarySchema>;

/**
 * The residual and design diagnostics (analysis/diagnostics.ts's diagnose). A test that does not
 * apply to the data (too few residuals, zero variance, n > 5000 for Shapiro–Wilk) is null.
 */
export const DiagnosticsSchema = z.looseObject({
  /** Variance inflation factor per regressor (Infinity for exact collinearity, NaN for a constant column). */
  vif: z.record(z.string(), Figure),
  /** κ of [1, X] as given (statsmodels' OLS summary "Cond. No."), unit-dependent. */
  condition_number: Figure,
  /** κ of [1, X] with columns scaled to unit length (Belsley–Kuh–Welsch); above ~30 is collinear. */
  condition_number_scaled: Figure,
  /** Durbin–Watson d of the residuals (≈ 2: no first-order autocorrelation). */
  durbin_watson: Figure,
  /** Lags used for Ljung–Box: min(10, ⌊n/5⌋), statsmodels' default. */
  ljung_box_lags: Figure,
  /** Ljung–Box p-value at `ljung_box_lags`. */
  ljung_box_p: Figure,
  /** Jarque–Bera p-value. */
  jarque_bera_p: Figure,
  /** Shapiro–Wilk p-value (null outside 3 ≤ n ≤ 5000). */
  shapiro_p: Figure,
  /** Studentised Breusch–Pagan LM p-value against the non-constant regressors. */
  breusch_pagan_p: Figure,
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

/**
 * The summary's diagnostics block: the diagnostics, or `{ error }` when they could not be computed
 * (every field optional, so both load).
 */
export const DiagnosticsBlockSchema = DiagnosticsSchema.partial().extend({ error: z.string().optional() });

/** What the transform search did (null without a search). */
export const SearchSummarySchema = z.looseObject({
  /** Candidates evaluated. */
  candidates: z.int().min(0),
  /** Wall time of search and sampler, seconds. */
  seconds: z.number().min(0),
  /**
   * Candidates scored per second of `seconds`: the search's and the sampler's evaluations together
   * (each one transform setting through adstock, saturation and the evidence), rounded. Varies
   * from run to run like `seconds`; absent in artifacts written before it was added.
   */
  candidates_per_second: z.number().min(0).optional(),
  seed: z.int(),
  method: Name,
  /** CV NRMSE of the chosen candidate. */
  cv_nrmse: Figure,
  /** RSSD of the chosen candidate (Robyn's decomp.rssd: spend share vs effect share). */
  rssd: Figure,
  /** Distinct settings among the posterior draws (the set the data cannot tell apart). */
  near_optimal: z.int().min(0),
  /** How far the draws' scores reach above the best one (90th percentile). */
  tolerance: Figure,
});
export type SearchSummary = z.infer<typeof SearchSummarySchema>;

/** The block bootstrap behind the intervals (null without one). */
export const BootstrapSummarySchema = z.looseObject({
  resamples: z.int().min(0),
  /** Block length in periods. */
  block_length: z.int().min(0),
  /** Posterior draws of the transforms the resamples run over. */
  trials: z.int().min(0),
  seconds: z.number().min(0),
});
export type BootstrapSummary = z.infer<typeof BootstrapSummarySchema>;

/**
 * How the posterior of `--model bayes` was sampled: DE-MC chains over the transforms and the
 * penalty, then exact conditional draws of the coefficients (posteriorReturns in models/draw-returns.ts).
 * rhat_max and ess_min are the rank-normalised split R̂ (largest) and the bulk/tail ESS (smallest)
 * over the sampled transform parameters and each channel's ROAS (Vehtari et al. 2021); divergences
 * are those of Hamiltonian samplers and are 0 here (DE-MC and Gibbs have none).
 */
export const SamplerSummarySchema = z.looseObject({
  chains: z.int().min(1),
  /** Joint posterior draws behind the intervals. */
  draws: z.int().min(1),
  rhat_max: z.number().nullable(),
  ess_min: z.number().nullable(),
  divergences: z.int().min(0),
  seconds: z.number().min(0),
});
export type SamplerSummary = z.infer<typeof SamplerSummarySchema>;

/** One structure of a model: what models/fit/structure.ts chooses when the spec leaves it free. */
export const StructureSchema = z.looseObject({
  saturation: Name,
  trend: Name,
  /** Yearly Fourier order. */
  seasonality: z.int().min(0),
  /** Holiday country or "none". */
  holidays: Name,
  day_of_week: z.boolean(),
});
export type Structure = z.infer<typeof StructureSchema>;

/**
 * How the structure was chosen: the choice, every
 * candidate with its score (the criterion's, smaller is better) and its −2 log evidence, and the
 * criterion in words. When the spec fixes every part: that structure, no candidates, and a
 * criterion that says so. Absent from artifacts written before the structure step.
 */
export const StructureSummarySchema = z.looseObject({
  chosen: StructureSchema,
  candidates: z.array(StructureSchema.extend({ score: Figure, evidence: Figure })),
  criterion: z.string(),
});
export type StructureSummary = z.infer<typeof StructureSummarySchema>;

/** The contract's fit summary (also printed by `mixlab fit --json`); extra fields are kept. */
export const FitSummarySchema = z.looseObject({
  model_type: Name,
  /** Rows of the input: fit window plus holdout. */
  rows: z.int().min(0),
  frequency: Name,
  fit_window: WindowSchema,
  holdout_window: WindowSchema.nullable(),
  train: MetricSetSchema,
  holdout: MetricSetSchema.nullable(),
  intercept: Figure,
  /** Coefficient per term, on the original scale of each term. */
  coefficients: z.record(z.string(), Figure),
  /** Standard error per term (ols; bayes: posterior sd). */
  std_errors: z.record(z.string(), Figure),
  /** The ridge/lasso penalty used (null where none). */
  alpha: Figure,
  channels: z.array(ChannelSummarySchema),
  diagnostics: DiagnosticsBlockSchema,
  search: SearchSummarySchema.nullable(),
  bootstrap: BootstrapSummarySchema.nullable(),
  /** The posterior sampler of `--model bayes` (null for the other models). */
  sampler: SamplerSummarySchema.nullable(),
  /** The structure chosen from the data, or fixed (absent from artifacts written before the step). */
  structure: StructureSummarySchema.optional(),
  /** `--model ols` only: t, two-sided p and 95 % interval per term (and "intercept"), F, σ̂. */
  t_values: z.record(z.string(), Figure).optional(),
  p_values: z.record(z.string(), Figure).optional(),
  conf_int: z.record(z.string(), z.tuple([Figure, Figure])).optional(),
  f_statistic: Figure.optional(),
  f_p_value: Figure.optional(),
  residual_std_error: Figure.optional(),
  df_residual: z.int().min(0).optional(),
  /** Role decisions made for the user (columns left out or recoded as indicators), one sentence each; absent when none. */
  warnings: z.array(z.string()).optional(),
});
export type FitSummary = z.infer<typeof FitSummarySchema>;
