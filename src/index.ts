/**
 * mixlab's public API: the one module the notebooks (`../dist/index`) and library users import.
 * Data flows one way — load → validate/clean → Table → design → fit → FittedModel → predict,
 * decomposition, what-if, plan, optimiser, report — and every stage is exported from here.
 *
 * Nothing heavy is loaded by requiring this module: danfojs is only required when an EDA function
 * that needs it is called (src/eda/), so the CLI, the server and the tests never pay for it.
 */

// Data: loading, validation, cleaning, synthetic data with ground truth.
export * from "./data/load";
export { assemble, detectFrequency, type Assembled, type GridSeries } from "./data/assemble";
export * from "./data/validate";
export * from "./data/clean";
export { generate } from "./generate/generate";
export * from "./generate/options";
export type { GeneratedData, GeneratedSeries, Truth, TruthBaseline, TruthChannel } from "./generate/truth";
export type { Fault, FaultKind } from "./generate/dirt";
export * from "./generate/generated-table";
export * from "./generate/bundled-sets";
export * from "./data/write-wide";
export * from "./generate/write-generated";
export * from "./data/table";
export * from "./data/issue";
export type { Dataset, InputFormat, Role, SourceColumn, SourceFile, CampaignKpi } from "./data/source";
export { parseIsoDate, formatDay } from "./data/parse-date";

// Features: the transforms and the one design() that turns a table into model columns.
export * from "./features/adstock";
export * from "./features/saturation";
export * from "./features/trend";
export * from "./features/fourier";
export * from "./features/holidays";
export * from "./features/design";

// Models: the spec, the estimators and the fit.
export * from "./spec/model-spec";
export * from "./models/fitted-model";
export type { FitOptions } from "./models/fit/fit";
export type { FitPhase } from "./models/fit/progress";
export { holdoutSplit, splitIndexOf, type HoldoutOptions, type HoldoutSplit } from "./models/fit/split";
export { EXPLORE_SHARE, LOCAL_SHARE, MEDIA_PENALTY_FACTOR, MIN_TRAIN_FRACTION, rssd } from "./models/fit/search";
export {
  BAYES_ARCHIVE_PER_DIMENSION, BAYES_BURN_IN, BAYES_CHAINS, BAYES_INDEPENDENCE, BAYES_SAMPLER_SHARE,
  SAMPLER_CHAINS, SAMPLER_SHARE, SAMPLER_TEMPERATURE,
} from "./models/fit/sample";
export { POSTERIOR_DRAWS } from "./models/fit/intervals";
export * from "./models/ols";
export * from "./models/ridge";
export * from "./models/elastic-net";
export * from "./models/standardize";
export * from "./models/time-series-cv";
export * from "./models/transform-space";

// Analysis: metrics, diagnostics, decomposition, returns, what-if, plans, budget allocation.
export * from "./analysis/metrics";
export { fitModel } from "./analysis/fit";
export * from "./analysis/diagnostics";
export * from "./analysis/decompose";
export * from "./analysis/what-if";
export * from "./analysis/plan";
export * from "./analysis/flat-response";
export * from "./analysis/recent-spend";
export * from "./analysis/future-periods";
export * from "./analysis/allocate";
export * from "./analysis/optimize-budget";
export * from "./analysis/budget-scenarios";
export * from "./analysis/response-curve";

// Artifact: save, load, predict.
export * from "./artifact/artifact";
export * from "./artifact/save";
export * from "./artifact/load";
export * from "./models/predict";
export * from "./artifact/prediction-input";

// Report: chart figures (a namespace: `charts.budgetScenarios` draws what `budgetScenarios` computes),
// the HTML that draws them with Plotly, tables, text summaries and the data behind the exports.
export * as charts from "./report/charts/index";
export * from "./report/plotly-html";
export * from "./report/html-table";
export * from "./report/html-escape";
export * from "./report/describe-table";
export * from "./report/export-input";
export * from "./report/export-tables";
export * from "./report/export-csv";
export * from "./report/export-sqlite";
export * from "./report/html-report";
export * from "./report/write-exports";

// Server: the Hono app (testable in-process with app.request) and the listening server of `mixlab serve`.
export { createApp, type AppOptions, type MixlabApp } from "./server/app";
export { startServer, type ServeOptions, type RunningServer } from "./server/main";
export { loadModels, modelId, type LoadedModels } from "./server/models";

// Exploratory data analysis (pure statistics; danfojs only inside tableToDataFrame, loaded on call).
export * from "./eda/index";

// Utilities a notebook or script may want.
export { createRandom, type Random } from "./util/random";
export { createProgress, type Progress, type ProgressOptions } from "./util/progress";
export { VERSION } from "./version";
