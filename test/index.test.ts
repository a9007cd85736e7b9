/**
 * The public API barrel (src/index.ts → dist/index.js), which the notebooks import: it lists its
 * names one by one (this test holds the exact list, values and types, so that a new export is a
 * deliberate change), keeps every name a notebook uses, and loads no heavy edge dependency
 * (danfojs) — the danfojs helpers are in the `mixlab/eda` subpath.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as mx from "../src/index";
import { NOTEBOOK_DIR, notebookNames, readNotebook, text } from "./notebooks/notebook-files";

/** The values (functions, constants, schemas, classes, the charts namespace) src/index.ts exports. */
const VALUES = [
  "ADSTOCK_CHOICES", "ARTIFACT_FORMAT", "ARTIFACT_VERSION", "AdstockKindSchema", "AdstockParamsSchema",
  "ArtifactSchema", "BUNDLED_SETS", "BootstrapSummarySchema", "ChannelBoundsSchema", "ChannelSummarySchema",
  "ChannelTransformSchema", "ConfigSchema", "DEFAULT_BOUNDS", "DEFAULT_BUDGET_MULTIPLIERS", "DataError",
  "DiagnosticsSchema", "FREQUENCIES", "FitSummarySchema", "FittedCoreSchema", "FittedModelSchema",
  "FrequencySchema", "IntervalSchema", "MediaDrawSchema", "MetricSetSchema", "ModelKindSchema",
  "ModelSpecSchema", "SCENARIOS", "SamplerSummarySchema", "SaturationKindSchema", "SaturationParamsSchema",
  "SearchMethodSchema", "SearchSummarySchema", "StructurePartSchema", "StructureSummarySchema", "TRUTH_FILE", "TrendSchema", "VERSION", "WindowSchema",
  "adjustedR2", "adstock", "adstockCarryover", "adstockKind", "adstockWeights", "assemble", "baselineTerms",
  "breuschPagan", "budgetScenarios", "carriedSpend", "channelReturns", "charts", "clean", "conditionNumber",
  "cleanPanel", "correlationMatrix", "createApp", "createRandom", "dampedTrend", "dayOfWeekDummies", "decomposition", "defaultSpec",
  "delayedAdstock", "delayedWeights", "describeTable", "design", "designMatrixFromColumns", "detectFormat",
  "detectFrequency", "detectRoles", "diagnose", "durbinWatson", "evaluateTargetExpression", "ExpressionSyntaxError", "exportCsv", "exportData", "exportSqlite", "exportTables",
  "figureDiv", "fitElasticNet", "fitFixedEffectsOls", "fitModel", "fitOls", "fitRidge", "formatDay", "formatIssue",
  "formatTableSummary", "fourierTerms", "fromArtifact", "generate", "generatedTable", "geometricAdstock",
  "headline", "hill", "hillDerivative", "hillDerivativeValue", "hillValue", "holidayCount", "holidayIndicator",
  "htmlTable", "jarqueBera", "linearTrend", "ljungBox", "loadArtifact", "loadExportInput", "loadInput",
  "loadModel", "loadPredictionInput", "logSaturation", "logSaturationDerivative",
  "logSaturationDerivativeValue", "logSaturationValue", "logisticSaturation", "logisticSaturationDerivative",
  "logisticSaturationDerivativeValue", "logisticSaturationValue", "mae", "makeTable", "mape", "mediaColumn",
  "nrmse", "optimizeBudget", "panelRows", "panelToWideCsv", "parseIsoDate", "parseModel", "parseTargetExpression", "pearson", "periodDays", "piecewiseTrend", "plan", "planChangeInterval",
  "planScenarios", "plotlyScriptTag", "predict", "predictTerms", "predictionInput", "r2", "recentControls",
  "recentSpend", "recoveryOf", "regressionMetrics", "renderReport", "responseCurve", "roasStability", "rmse", "saturate",
  "saturateDerivative", "saturateDerivativeValue", "saturateValue", "saveModel", "serializeArtifact",
  "seriesSummary", "shapiroWilk", "smape", "stackPanel", "startServer", "strongestCorrelations", "summarizeRecovery", "summaryStatistics",
  "tableToWideCsv", "toArtifact", "toPanel", "toTable", "trueReturns", "validate", "vif", "weibullAdstock",
  "weibullWeights", "whatIf", "withinTransform", "wmape", "writeBundledSets", "writeExports", "writeGenerated", "writeReport"
];

/** The types (interfaces and type aliases only) src/index.ts exports. */
const TYPES = [
  "AdstockKind", "AdstockParams", "AppOptions", "Artifact", "ArtifactMeta", "Assembled", "BootstrapSummary",
  "BreuschPaganResult", "BudgetScenario", "BudgetScenarioTable", "BundledSet", "BundledSetName",
  "CampaignKpi", "Change", "ChangeKind", "ChannelBounds", "ChannelReturns", "ChannelSummary",
  "ChannelTransform", "CleanOptions", "CleanReport", "Config", "CorrelationMatrix", "Dataset", "Design", "DetectedRoles",
  "DesignContext", "DesignInput", "DesignMatrix", "Diagnostics", "ElasticNetOptions", "ElasticNetResult",
  "ErrorKind", "ExportData", "ExportInput", "ExportOptions", "ExportResult", "ExportTable", "ExportTargets",
  "Fault", "FaultKind", "FitOptions", "FixedEffectsOlsOptions", "FixedEffectsOlsResult", "FitPhase", "FitRecovery", "FitSummary", "FittedCore", "FittedModel", "Frequency",
  "GenerateFrequency", "GenerateOptions", "GenerateShape", "GeneratedData", "GeneratedSeries",
  "GeometricOptions", "GridSeries", "Headline", "HtmlTableOptions", "InputFormat", "Interval", "Issue", "IssueKind",
  "JarqueBeraResult", "LjungBoxResult", "LoadOptions", "MediaDraw", "MetricName", "MetricSet", "MixlabApp",
  "ModelKind", "ModelSpec", "OlsOptions", "Panel", "PanelCleanReport", "PanelGroup", "OlsResult", "OptimizeChannel", "OptimizeOptions", "OptimizeResult",
  "PlanChannel", "PlanOptions", "PlanResult", "PredictionInput", "Random", "RecentSpend", "RecoverySummary", "RegressionMetrics",
  "RepairKind", "ResponseCurve", "ResponseCurveOptions", "ResponseCurvePoint", "RidgeOptions", "RidgeResult",
  "RoasRecovery", "RoasStability", "Role", "RunningServer", "SamplerSummary", "SaturationKind", "SaturationParams", "Scenario", "SearchSummary",
  "SeriesSummary", "ServeOptions", "Severity", "ShapiroWilkResult", "SourceColumn", "SourceFile", "SpecInput",
  "SpendHistory", "SpendPlan", "StackedPanel", "Strategy", "StructurePart", "StructureSummary", "Table", "TargetExpression", "TableSummary", "TermContributions", "TermKind",
  "TrueReturns", "Truth", "TruthBaseline", "TruthChannel", "TruthGroup", "ValidationReport", "WarningKind",
  "WeibullOptions", "WhatIfChannel", "WhatIfOptions", "WhatIfResult", "WithinTransformed"
];

/** exportsOf(file) → the names a module exports, split into values and types, read by TypeScript. */
function exportsOf(file: string): { values: string[]; types: string[] } {
  const program = ts.createProgram([file], { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, types: ["node"], noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (symbol === undefined) throw new Error(`no module symbol for ${file}`);
  const values: string[] = [];
  const types: string[] = [];
  for (const e of checker.getExportsOfModule(symbol)) {
    const target = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
    (target.flags & ts.SymbolFlags.Value ? values : types).push(e.name);
  }
  return { values: values.sort(), types: types.sort() };
}

describe("src/index", () => {
  it("exports exactly the listed values at run time", () => {
    expect(Object.keys(mx).sort()).toEqual([...VALUES].sort());
  });

  it("exports exactly the listed values and types, by name (no export *)", () => {
    const file = join(__dirname, "..", "src", "index.ts");
    const { values, types } = exportsOf(file);
    expect(values).toEqual([...VALUES].sort());
    expect(types).toEqual([...TYPES].sort());
    expect(readFileSync(file, "utf8")).not.toMatch(/^export \* from/m);
  }, 60_000);

  it("exports every name a notebook uses as mx.<name> or mx.charts.<name>", () => {
    const exported = new Set([...VALUES, ...TYPES]);
    const charts = exportsOf(join(__dirname, "..", "src", "report", "charts", "index.ts"));
    const chartNames = new Set([...charts.values, ...charts.types]);
    for (const name of notebookNames()) {
      const code = readNotebook(join(NOTEBOOK_DIR, name)).cells.filter((c) => c.cell_type === "code").map((c) => text(c.source)).join("\n");
      for (const m of code.matchAll(/\bmx\.(\w+)(?:\.(\w+))?/g)) {
        if (m[1] === "charts" && m[2] !== undefined) expect(chartNames.has(m[2]), `${name}: mx.charts.${m[2]}`).toBe(true);
        else expect(exported.has(m[1]), `${name}: mx.${m[1]}`).toBe(true);
      }
    }
  }, 60_000);

  it("require('dist/index') does not load danfojs", () => {
    const root = join(__dirname, "..");
    const loaded = execFileSync(process.execPath, ["-e",
      "require('./dist/index'); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('danfojs')).length))"],
    { cwd: root, encoding: "utf8" });
    expect(loaded).toBe("0");
  }, 30_000);
});
