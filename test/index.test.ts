/**
 * The public API barrel (src/index.ts → dist/index.js), which the notebooks import: it exposes
 * every stage of the pipeline and loads no heavy edge dependency (danfojs) until it is used.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as mx from "../src/index";

describe("src/index", () => {
  it("exports every stage: data, features, models, analysis, artifact, report, server, EDA", () => {
    for (const name of [
      "loadInput", "toTable", "validate", "clean", "generate", "BUNDLED_SETS", "generatedTable", "trueReturns", "tableToWideCsv", "describeTable",
      "adstock", "saturate", "design", "fourierTerms", "holidayIndicator", "linearTrend",
      "defaultSpec", "fitModel", "fitOls", "fitRidge",
      "regressionMetrics", "diagnose", "vif", "channelReturns", "decomposition", "whatIf", "plan", "optimizeBudget", "budgetScenarios", "responseCurve",
      "saveModel", "loadModel", "predict", "predictTerms",
      "plotlyScriptTag", "figureDiv", "htmlTable", "writeExports", "createApp", "startServer",
      "correlationMatrix", "summaryStatistics", "tableToDataFrame",
    ]) {
      expect(typeof (mx as Record<string, unknown>)[name], name).not.toBe("undefined");
    }
    expect(typeof mx.charts.spendOverTime).toBe("function");
  });

  it("require('dist/index') does not load danfojs", () => {
    const root = join(__dirname, "..");
    const loaded = execFileSync(process.execPath, ["-e",
      "require('./dist/index'); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('danfojs')).length))"],
    { cwd: root, encoding: "utf8" });
    expect(loaded).toBe("0");
  }, 30_000);
});
