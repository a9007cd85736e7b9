/**
 * The summary of a fit (the `summary` of model.json and of `mixlab fit --json`): metrics on the fit
 * window and the holdout, each channel's spend, contribution, ROAS with its interval, marginal ROAS
 * and shares, the residual diagnostics, and what the fit reported (coefficients, standard errors,
 * search, bootstrap, sampler).
 */
import type { Table } from "../data/table";
import type { DesignInput } from "../features/design";
import type { FitReport } from "../models/fit/fit";
import type { ChannelSummary, FitSummary, FittedCore } from "../models/fitted-model";
import { predictTerms } from "../models/predict";
import { channelReturns } from "./decompose";
import { diagnose } from "./diagnostics";
import { regressionMetrics } from "./metrics";

/**
 * summarise(model, table, report) → the fit's summary: the model predicts every row of the table
 * (fit window and holdout); figures per channel are over the fit window. A failing diagnostic is
 * reported as `diagnostics.error` rather than thrown. O(n · terms²).
 */
export function summarise(model: FittedCore, table: Table, report: FitReport): FitSummary {
  const spec = model.spec;
  const { splitIndex: k, intervals, X } = report;
  const n = table.dates.length;
  const terms = model.terms;
  const y = table.columns[spec.target];
  const yTrain = y.subarray(0, k);
  const input: DesignInput = { days: table.days, columns: table.columns };
  const termContributions = predictTerms(model, input);
  const predicted = termContributions.predicted;
  const p = terms.length;
  const train = regressionMetrics(yTrain, predicted.subarray(0, k), p);
  const holdout = k < n ? regressionMetrics(y.subarray(k), predicted.subarray(k), p) : null;
  const returns = channelReturns(model, input, { from: 0, to: k }, termContributions);
  const channels: ChannelSummary[] = returns.map((r, c) => ({
    name: r.name,
    spend: r.spend,
    contribution: r.contribution,
    roas: r.roas,
    roas_low: intervals[c]?.roas[0] ?? null,
    roas_high: intervals[c]?.roas[1] ?? null,
    contribution_low: intervals[c]?.contribution[0] ?? null,
    contribution_high: intervals[c]?.contribution[1] ?? null,
    mroas: r.mroas,
    share_of_spend: r.share_of_spend,
    share_of_effect: r.share_of_effect,
    adstock: { ...model.transforms[r.name].adstock },
    saturation: { ...model.transforms[r.name].saturation },
  }));
  const residuals = Float64Array.from(yTrain, (v, i) => v - predicted[i]);
  let diagnostics: Record<string, unknown> = {};
  try {
    diagnostics = { ...diagnose(residuals, X, terms, report.designQr ?? undefined) };
  } catch (err) {
    diagnostics = { error: (err as Error).message };
  }
  return {
    model_type: spec.model,
    rows: n,
    frequency: table.frequency,
    fit_window: { start: table.dates[0], end: table.dates[k - 1], rows: k },
    holdout_window: k < n ? { start: table.dates[k], end: table.dates[n - 1], rows: n - k } : null,
    train,
    holdout,
    intercept: model.intercept,
    coefficients: Object.fromEntries(terms.map((t, j) => [t, model.coefficients[j]])),
    std_errors: report.stdErrors,
    alpha: report.alpha,
    channels,
    diagnostics,
    search: report.search,
    bootstrap: report.bootstrap,
    sampler: report.sampler,
    structure: report.structure,
    ...(report.ols ?? {}),
    ...(table.warnings !== undefined && table.warnings.length > 0 ? { warnings: [...table.warnings] } : {}),
  };
}
