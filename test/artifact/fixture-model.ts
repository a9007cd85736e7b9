/**
 * fixtureModel(): a real FittedModel built by hand, without the search: fixed transforms per
 * channel, design() for the features, fitOls for the coefficients, predict() and
 * regressionMetrics for the summary. Shared by the artifact tests.
 */
import { channelReturns } from "../../src/analysis/decompose";
import { regressionMetrics } from "../../src/analysis/metrics";
import { predict } from "../../src/models/predict";
import { formatDay } from "../../src/data/parse-date";
import type { ChannelTransform } from "../../src/spec/transform-params";
import { design, type DesignInput } from "../../src/features/design";
import type { FitSummary, FittedModel } from "../../src/models/fitted-model";
import { defaultSpec } from "../../src/spec/model-spec";
import { fitOls } from "../../src/models/ols";
import { designMatrixFromColumns } from "../../src/models/standardize";

/** 40 weeks from 2024-01-01: deterministic spend, price and sales. */
export function fixtureInput(n = 40): DesignInput & { dates: string[]; sales: Float64Array } {
  const days = Int32Array.from({ length: n }, (_, i) => 19723 + 7 * i);
  const tv = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : 1000 + 250 * ((i * 7) % 6)));
  const radio = Float64Array.from({ length: n }, (_, i) => 300 + 40 * ((i * 3) % 7));
  const price = Float64Array.from({ length: n }, (_, i) => 9 + 0.25 * ((i * 5) % 4));
  const sales = Float64Array.from({ length: n }, (_, i) => 20000 + 3 * tv[i] + 5 * radio[i] - 800 * price[i] + 300 * Math.sin(i) + 40 * i);
  return { days, dates: Array.from(days, formatDay), columns: { tv, radio, price }, sales };
}

/**
 * fixtureModel(options) → a FittedModel over fixtureInput() with its first 32 weeks as the fit
 * window. Without `controlHistory` it has no history.controls, like a model saved before that
 * field existed; with it, the price of every observed week, as fitModel writes today.
 */
export function fixtureModel(options: { controlHistory?: boolean } = {}): FittedModel {
  const input = fixtureInput();
  const k = 32;
  const spec = defaultSpec({
    target: "sales", channels: ["tv", "radio"], controls: ["price"], frequency: "weekly", model: "ols",
    holdout: { fraction: 0.2 }, search: { trials: 10, seed: 7 }, bootstrap: { resamples: 0 },
  });
  const transforms: Record<string, ChannelTransform> = {
    tv: { adstock: { type: "geometric", decay: 0.4 }, saturation: { type: "hill", halfSaturation: 1200, shape: 1.5 } },
    radio: { adstock: { type: "weibull_pdf", shape: 2, scale: 0.3, window: 9 }, saturation: { type: "log", scale: 400 } },
  };
  const context = { trendStart: input.days[0], trendEnd: input.days[k - 1], periodDays: 7 };
  const d = design(spec, transforms, input, context);
  const fit = fitOls(designMatrixFromColumns(d.columns.map((c) => c.subarray(0, k))), input.sales.subarray(0, k), { names: d.names });
  const controlDefaults = { price: input.columns.price.subarray(0, k).reduce((a, b) => a + b, 0) / k };
  const model: FittedModel = {
    spec,
    transforms,
    terms: [...d.names],
    coefficients: Array.from(fit.coefficients),
    intercept: fit.intercept,
    trendStart: context.trendStart,
    trendEnd: context.trendEnd,
    periodDays: 7,
    controlDefaults,
    history: {
      dates: [...input.dates], spend: { tv: Array.from(input.columns.tv), radio: Array.from(input.columns.radio) },
      ...(options.controlHistory === true && { controls: { price: Array.from(input.columns.price) } }),
    },
    draws: [],
    summary: null as unknown as FitSummary,
  };
  const predicted = predict(model, input);
  const metric = (from: number, to: number) => {
    const m = regressionMetrics(input.sales.subarray(from, to), predicted.subarray(from, to), d.names.length);
    return { r2: m.r2, adj_r2: m.adj_r2, rmse: m.rmse, mae: m.mae, mape: m.mape, wmape: m.wmape, smape: m.smape, nrmse: m.nrmse };
  };
  const returns = channelReturns(model, input, { from: 0, to: k });
  model.summary = {
    model_type: "ols",
    rows: input.dates.length,
    frequency: "weekly",
    fit_window: { start: input.dates[0], end: input.dates[k - 1], rows: k },
    holdout_window: { start: input.dates[k], end: input.dates[input.dates.length - 1], rows: input.dates.length - k },
    train: metric(0, k),
    holdout: (({ adj_r2: _, ...m }) => m)(metric(k, input.dates.length)), // the contract's holdout has no adj_r2
    intercept: fit.intercept,
    coefficients: Object.fromEntries(d.names.map((t, j) => [t, fit.coefficients[j]])),
    std_errors: Object.fromEntries(d.names.map((t, j) => [t, fit.standardErrors[j + 1]])),
    alpha: null,
    channels: returns.map((r) => ({
      ...r, roas_low: null, roas_high: null, contribution_low: null, contribution_high: null,
      adstock: { ...transforms[r.name].adstock }, saturation: { ...transforms[r.name].saturation },
    })),
    diagnostics: { durbin_watson: 1.9, vif: { tv: 1.2, radio: 1.1 } },
    search: { candidates: 10, seconds: 0.25, seed: 7, method: "de", cv_nrmse: 0.05, rssd: 0.1, near_optimal: 3, tolerance: 0.02 },
    bootstrap: null,
    sampler: null,
  };
  return model;
}
