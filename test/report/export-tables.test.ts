import { beforeAll, describe, expect, it } from "vitest";
import { budgetScenarios } from "../../src/analysis/budget-scenarios";
import { responseCurve } from "../../src/analysis/response-curve";
import { predict } from "../../src/models/predict";
import type { FittedModel } from "../../src/models/fitted-model";
import type { ExportInput } from "../../src/report/export-input";
import { exportData, exportTables, type ExportData, type ExportTable } from "../../src/report/export-tables";
import { expectClose } from "../helpers/expect-close";
import { weeklyModel } from "./weekly-model";

let model: FittedModel;
let input: ExportInput;
let data: ExportData;
let tables: ExportTable[];
beforeAll(async () => {
  ({ model, input } = await weeklyModel());
  data = exportData(model, input);
  tables = exportTables(data);
}, 60_000);

const table = (name: string) => tables.find((t) => t.name === name)!;
const col = (t: ExportTable, name: string) => t.columns.findIndex((c) => c.name === name);

describe("exportData", () => {
  it("exportData(model, input) predicts exactly what predict(model, input) does", () => {
    expect(Array.from(data.predicted)).toEqual(Array.from(predict(model, input)));
  });

  it("exportData(model, input) groups add up to the prediction in every period", () => {
    for (let i = 0; i < data.dates.length; i++) {
      expectClose(data.groups.reduce((s, g) => s + g.values[i], 0), data.predicted[i], { rel: 1e-12 });
    }
  });

  it("exportData(model, input) lists the baseline groups first and then every channel in spec order", () => {
    const names = data.groups.map((g) => g.name);
    expect(names.slice(-model.spec.channels.length)).toEqual(model.spec.channels);
    expect(names.slice(0, 5)).toEqual(["base", "trend", "seasonality", "holidays", "price"]);
    expect(data.groups.map((g) => g.kind)).toEqual(["base", "trend", "seasonality", "holidays", "control", "control", ...model.spec.channels.map(() => "media")]);
  });

  it("exportData(model, input) labels each period with the model's window", () => {
    expect(data.windows.filter((w) => w === "fit")).toHaveLength(model.summary.fit_window.rows);
    expect(data.windows.filter((w) => w === "holdout")).toHaveLength(model.summary.holdout_window!.rows);
    expect(data.windows[model.summary.fit_window.rows]).toBe("holdout");
  });

  it("exportData(model, input) uses responseCurve and budgetScenarios over one quarter", () => {
    expect(data.periods).toBe(13);
    expect(data.curves).toEqual(model.spec.channels.map((c) => responseCurve(model, c, { periods: 13, points: 41 })));
    expect(data.scenarios).toEqual(budgetScenarios(model, { periods: 13 }));
  });
});

describe("exportTables", () => {
  it("exportTables(data) has the contract's tables", () => {
    expect(tables.map((t) => t.name)).toEqual(["meta", "actuals", "predictions", "contributions", "channels", "coefficients", "metrics", "diagnostics", "response_curves", "budget_scenarios", "budget_scenario_totals"]);
    for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
  });

  it("exportTables(data) contributions has every period × every group, summing to predictions per date", () => {
    const c = table("contributions");
    expect(c.columns.map((x) => x.name)).toEqual(["date", "channel", "kind", "contribution"]);
    expect(c.rows).toHaveLength(data.dates.length * data.groups.length);
    const byDate = new Map<string, number>();
    for (const r of c.rows) byDate.set(r[0] as string, (byDate.get(r[0] as string) ?? 0) + (r[3] as number));
    const p = table("predictions");
    for (const r of p.rows) expectClose(byDate.get(r[0] as string)!, r[1] as number, { rel: 1e-12 });
  });

  it("exportTables(data) actuals are the input's target and metrics repeat the fit summary", () => {
    expect(table("actuals").rows).toEqual(data.dates.map((d, i) => [d, input.actual![i]]));
    const m = table("metrics").rows;
    for (const [metric, value] of Object.entries(model.summary.train)) expect(m).toContainEqual(["train", metric, value]);
    for (const [metric, value] of Object.entries(model.summary.holdout!)) expect(m).toContainEqual(["holdout", metric, value]);
    expect(m.filter((r) => r[0] === "input").map((r) => r[1])).toEqual(["r2", "adj_r2", "rmse", "mae", "mape", "wmape", "smape", "nrmse"]);
  });

  it("exportTables(data) channels are the fit summary's figures", () => {
    const t = table("channels");
    expect(t.rows.map((r) => [r[0], r[col(t, "contribution")], r[col(t, "roas")], r[col(t, "roas_low")], r[col(t, "roas_high")], r[col(t, "mroas")]]))
      .toEqual(model.summary.channels.map((c) => [c.name, c.contribution, c.roas, c.roas_low, c.roas_high, c.mroas]));
  });

  it("exportTables(data) response_curves flag exactly one current point per channel", () => {
    const t = table("response_curves");
    for (const curve of data.curves) {
      const rows = t.rows.filter((r) => r[0] === curve.channel);
      expect(rows).toHaveLength(curve.points.length);
      expect(rows.filter((r) => r[col(t, "is_current")] === 1).map((r) => [r[1], r[3]])).toEqual([[curve.current.spend, curve.current.response]]);
    }
  });

  it("exportTables(data) budget_scenarios split each budget over the channels", () => {
    const t = table("budget_scenarios");
    const totals = table("budget_scenario_totals");
    expect(t.rows).toHaveLength(5 * model.spec.channels.length);
    for (const total of totals.rows) {
      const rows = t.rows.filter((r) => r[0] === total[0]);
      expectClose(rows.reduce((s, r) => s + (r[col(t, "spend")] as number), 0), total[1] as number, { rel: 1e-9 });
      expectClose(rows.reduce((s, r) => s + (r[col(t, "response")] as number), 0), total[2] as number, { rel: 1e-9 });
    }
  });
});
