/**
 * mixlab's public API: the one module the notebooks (`../dist/index`) and library users import,
 * listed by name and grouped by pipeline stage — load, validate, clean → generate → spec → features
 * → fit → predict → analysis → artifact → report and export → serve. Each function and type has its
 * doc comment where it is defined. Search kernels, samplers, worker protocols, the fit's steps and
 * the server's internals are not part of it (test/index.test.ts holds the exact list, so a new
 * export is a deliberate change).
 *
 * Nothing heavy is loaded by requiring this module. The danfojs helpers of the notebooks
 * (tableToDataFrame, dataFrameRecords, …) are in the `mixlab/eda` subpath (src/eda/index.ts), so
 * danfojs's types stay out of a user's build; the pure EDA statistics are here.
 */

// Load, validate, clean: an input (wide CSV, channel folder, campaigns) → a Table, its issues, the repairs.
export { detectFormat, loadInput, toPanel, toTable, type LoadOptions } from "./data/load";
export { detectRoles, type DetectedRoles } from "./data/detect-roles";
export { assemble, detectFrequency, type Assembled, type GridSeries } from "./data/assemble";
export { FREQUENCIES, makeTable, periodDays, type Frequency, type Table } from "./data/table";
export type { CampaignKpi, Dataset, InputFormat, Role, SourceColumn, SourceFile } from "./data/source";
export { DataError, formatIssue, type ErrorKind, type Issue, type IssueKind, type Severity, type WarningKind } from "./data/issue";
export { validate, type ValidationReport } from "./data/validate";
export { clean, type Change, type ChangeKind, type CleanOptions, type CleanReport, type RepairKind, type Strategy } from "./data/clean";
export { panelToWideCsv, tableToWideCsv } from "./data/write-wide";
export { panelRows, stackPanel, type Panel, type PanelGroup, type StackedPanel } from "./data/panel";
export { cleanPanel, type PanelCleanReport } from "./data/clean-panel";
export {
  evaluateTargetExpression, ExpressionSyntaxError, parseTargetExpression, type TargetExpression,
} from "./data/target-expression";
export { formatDay, parseIsoDate } from "./data/parse-date";

// Generate: synthetic data sets with their ground truth, and the bundled sets.
export { generate } from "./generate/generate";
export type { GenerateFrequency, GenerateOptions, GenerateShape } from "./generate/options";
export type { GeneratedData, GeneratedSeries, Truth, TruthBaseline, TruthChannel } from "./generate/truth";
export type { TruthGroup } from "./generate/panel";
export type { Fault, FaultKind } from "./generate/dirt";
export { generatedTable, trueReturns, type TrueReturns } from "./generate/generated-table";
export { BUNDLED_SETS, writeBundledSets, type BundledSet, type BundledSetName } from "./generate/bundled-sets";
export { TRUTH_FILE, writeGenerated } from "./generate/write-generated";
export { SCENARIOS, type Scenario } from "./generate/scenarios";

// Spec: what a user chooses (ModelSpec) and the transform parameters, as zod schemas with their types.
export {
  ADSTOCK_CHOICES, adstockKind, ChannelBoundsSchema, DEFAULT_BOUNDS, defaultSpec, FrequencySchema, IntervalSchema, ModelKindSchema,
  ModelSpecSchema, SearchMethodSchema, StructurePartSchema, TrendSchema,
  type ChannelBounds, type Interval, type ModelKind, type ModelSpec, type SpecInput, type StructurePart,
} from "./spec/model-spec";
export {
  AdstockKindSchema, AdstockParamsSchema, ChannelTransformSchema, SaturationKindSchema, SaturationParamsSchema,
  type AdstockKind, type AdstockParams, type ChannelTransform, type SaturationKind, type SaturationParams,
} from "./spec/transform-params";
export { ConfigSchema, type Config } from "./spec/config";

// Features: adstock, saturation, trend, seasonality, holidays, and the one design() of the model's columns.
export {
  adstock, adstockCarryover, adstockWeights, delayedAdstock, delayedWeights, geometricAdstock, weibullAdstock, weibullWeights,
  type GeometricOptions, type WeibullOptions,
} from "./features/adstock";
export {
  hill, hillDerivative, hillDerivativeValue, hillValue, logisticSaturation, logisticSaturationDerivative,
  logisticSaturationDerivativeValue, logisticSaturationValue, logSaturation, logSaturationDerivative, logSaturationDerivativeValue,
  logSaturationValue, saturate, saturateDerivative, saturateDerivativeValue, saturateValue,
} from "./features/saturation";
export { dampedTrend, linearTrend, piecewiseTrend } from "./features/trend";
export { dayOfWeekDummies, fourierTerms } from "./features/fourier";
export { holidayCount, holidayIndicator } from "./features/holidays";
export {
  baselineTerms, carriedSpend, design, mediaColumn,
  type Design, type DesignContext, type DesignInput, type SpendHistory, type TermKind,
} from "./features/design";

// Fit: fitModel (the whole fit with its summary), the fitted model and summary schemas, the estimators.
export { fitModel } from "./analysis/fit";
export type { FitOptions } from "./models/fit/fit";
export type { FitPhase } from "./models/fit/progress";
export { FittedCoreSchema, FittedModelSchema, MediaDrawSchema, type FittedCore, type FittedModel, type MediaDraw } from "./models/fitted-model";
export {
  BootstrapSummarySchema, ChannelSummarySchema, DiagnosticsSchema, FitSummarySchema, MetricSetSchema, SamplerSummarySchema,
  SearchSummarySchema, StructureSummarySchema, WindowSchema,
  type BootstrapSummary, type ChannelSummary, type Diagnostics, type FitSummary, type MetricName, type MetricSet,
  type RegressionMetrics, type SamplerSummary, type SearchSummary, type StructureSummary,
} from "./models/fit-summary";
export { fitOls, type OlsOptions, type OlsResult } from "./models/ols";
export { fitFixedEffectsOls, type FixedEffectsOlsOptions, type FixedEffectsOlsResult } from "./models/fixed-effects-ols";
export { withinTransform, type WithinTransformed } from "./models/within-transform";
export { fitRidge, type RidgeOptions, type RidgeResult } from "./models/ridge";
export { fitElasticNet, type ElasticNetOptions, type ElasticNetResult } from "./models/elastic-net";
export { designMatrixFromColumns, type DesignMatrix } from "./models/standardize";

// Predict: design() plus the fitted coefficients, for a model and new rows.
export { predict, predictTerms, type TermContributions } from "./models/predict";
export { loadPredictionInput, predictionInput, type PredictionInput } from "./artifact/prediction-input";

// Analysis: metrics, diagnostics, decomposition and ROAS, response curves, what-if, plans, the optimiser.
export { adjustedR2, mae, mape, nrmse, r2, regressionMetrics, rmse, smape, wmape } from "./analysis/metrics";
export {
  breuschPagan, conditionNumber, diagnose, durbinWatson, jarqueBera, ljungBox, shapiroWilk, vif,
  type BreuschPaganResult, type JarqueBeraResult, type LjungBoxResult, type ShapiroWilkResult,
} from "./analysis/diagnostics";
export { channelReturns, decomposition, type ChannelReturns } from "./analysis/decompose";
export { responseCurve, type ResponseCurve, type ResponseCurveOptions, type ResponseCurvePoint } from "./analysis/response-curve";
export { whatIf, type WhatIfChannel, type WhatIfOptions, type WhatIfResult } from "./analysis/what-if";
export { recentControls, recentSpend, type RecentSpend } from "./analysis/recent-spend";
export { plan, planChangeInterval, planScenarios, type PlanChannel, type PlanOptions, type PlanResult, type SpendPlan } from "./analysis/plan";
export { optimizeBudget, type OptimizeChannel, type OptimizeOptions, type OptimizeResult } from "./analysis/optimize-budget";
export { recoveryOf, summarizeRecovery, type FitRecovery, type RecoverySummary, type RoasRecovery } from "./analysis/recovery";
export { roasStability, type RoasStability } from "./analysis/roas-stability";
export { budgetScenarios, DEFAULT_BUDGET_MULTIPLIERS, type BudgetScenario, type BudgetScenarioTable } from "./analysis/budget-scenarios";

// Artifact: model.json — its schema and version, save, load.
export {
  ARTIFACT_FORMAT, ARTIFACT_VERSION, ArtifactSchema, fromArtifact, toArtifact, type Artifact, type ArtifactMeta,
} from "./artifact/artifact";
export { saveModel, serializeArtifact } from "./artifact/save";
export { loadArtifact, loadModel, parseModel } from "./artifact/load";

// Report and export: chart figures (a namespace: `charts.budgetScenarios` draws what `budgetScenarios`
// computes), the HTML that draws them with Plotly, tables, the HTML report, SQLite and CSV exports.
export * as charts from "./report/charts/index";
export { figureDiv, plotlyScriptTag } from "./report/plotly-html";
export { htmlTable, type HtmlTableOptions } from "./report/html-table";
export { describeTable, formatTableSummary, type TableSummary } from "./report/describe-table";
export { loadExportInput, type ExportInput } from "./report/export-input";
export { exportData, exportTables, type ExportData, type ExportOptions, type ExportTable } from "./report/export-tables";
export { exportCsv } from "./report/export-csv";
export { exportSqlite } from "./report/export-sqlite";
export { renderReport, writeReport } from "./report/html-report";
export { headline, type Headline } from "./report/headline";
export { writeExports, type ExportResult, type ExportTargets } from "./report/write-exports";

// Serve: the Hono app (testable in-process with app.request) and the listening server of `mixlab serve`.
export { createApp, type AppOptions, type MixlabApp } from "./server/app";
export { startServer, type RunningServer, type ServeOptions } from "./server/main";

// Exploratory statistics (the danfojs display helpers are in `mixlab/eda`).
export { correlationMatrix, pearson, strongestCorrelations, type CorrelationMatrix } from "./eda/correlation-matrix";
export { seriesSummary, summaryStatistics, type SeriesSummary } from "./eda/summary-statistics";

// Utilities: a seeded random source, the version.
export { createRandom, type Random } from "./util/random";
export { VERSION } from "./version";
