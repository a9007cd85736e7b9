/**
 * The report's detail sections, in page order after the headline: data, fit metrics, diagnostics,
 * actual vs predicted, decomposition, ROAS, response curves, budget scenarios, channels. Each takes
 * what it shows (the export data, its tables, a chart renderer) and returns its HTML; text from the
 * data is escaped.
 */
import { VERSION } from "../version";
import { scenarioLabel } from "./charts";
import type { Cell, ExportData, ExportTable } from "./export-tables";
import { escapeHtml } from "./html-escape";
import { fmt, fmtSmart, percent, sum, table } from "./report-format";

/** The ids of the report's charts, in page order (each is one div drawn by Plotly). */
export const REPORT_CHART_IDS = ["spend-over-time", "actual-vs-predicted", "decomposition", "roas", "spend-shares", "response-curves", "budget-scenarios"] as const;
export type ChartId = (typeof REPORT_CHART_IDS)[number];
/** Draws one of the report's charts (its div and script). */
export type ChartHtml = (id: ChartId) => string;

/** tableByName(tables, name) → the export table of that name. */
export function tableByName(tables: readonly ExportTable[], name: string): ExportTable {
  const t = tables.find((x) => x.name === name);
  if (t === undefined) throw new RangeError(`renderReport requires the export table "${name}"`);
  return t;
}

/** column(table, name) → the index of a column. */
export function column(table: ExportTable, name: string): number {
  return table.columns.findIndex((c) => c.name === name);
}

export const num = (c: Cell): number | null => (typeof c === "number" ? c : null);

/** dataSection(data, chart) → the input facts, the spend per channel and the spend chart. */
export function dataSection(data: ExportData, chart: ChartHtml): string {
  const s = data.model.summary;
  const spec = data.model.spec;
  const n = data.dates.length;
  const summaryRows = ([
    ["input", data.source],
    ["periods", `${n} ${s.frequency}, ${data.dates[0] ?? "–"} … ${data.dates[n - 1] ?? "–"}`],
    ["target", spec.target + (data.actual === null ? " (not in the input: no actuals)" : `, total ${fmt(sum(data.actual), 0)}`)],
    ["predicted total", fmt(sum(data.predicted), 0)],
    ["channels", spec.channels.join(", ")],
    ["controls", spec.controls.length ? spec.controls.join(", ") + (data.defaultedControls.length ? ` (not in the input, at the fit-window mean: ${data.defaultedControls.join(", ")})` : "") : "none"],
    ["fit window", `${s.fit_window.start} … ${s.fit_window.end} (${s.fit_window.rows} periods)`],
    ["holdout", s.holdout_window ? `${s.holdout_window.start} … ${s.holdout_window.end} (${s.holdout_window.rows} periods)` : "none"],
    ["model", `${s.model_type}${s.alpha !== null ? `, alpha ${fmtSmart(s.alpha)}` : ""}${s.search ? `, ${s.search.candidates} candidates searched (seed ${s.search.seed})` : ""}${s.bootstrap ? `, ${s.bootstrap.resamples} bootstrap resamples` : ""}`],
  ] as const).map(([name, value]) => ({ "": name, value }));
  const totalSpend = Object.values(data.spend).reduce((a, v) => a + sum(v), 0);
  const spendRows = spec.channels.map((c) => {
    const total = sum(data.spend[c]);
    return { channel: c, "spend in the input": fmt(total, 0), share: `${fmt(totalSpend > 0 ? (100 * total) / totalSpend : NaN, 1)} %` };
  });
  return `<h2>Data</h2>
${table(["", "value"], summaryRows, { value: "left" })}
${table(["channel", "spend in the input", "share"], spendRows)}
${chart("spend-over-time")}`;
}

/** metricsSection(data) → the metric × window table. */
export function metricsSection(data: ExportData): string {
  const windows = [...new Set(data.metrics.map((m) => m.window))];
  const metricNames = [...new Set(data.metrics.map((m) => m.metric))];
  const rows = metricNames.map((metric) => ({ metric, ...Object.fromEntries(windows.map((w) => [w, fmtSmart(data.metrics.find((m) => m.window === w && m.metric === metric)?.value)])) }));
  return `<h2>Fit metrics</h2>
<p class="note">MAPE, WMAPE and SMAPE in percent; NRMSE = RMSE / range of the target.</p>
${table(["metric", ...windows], rows)}`;
}

/** diagnosticsSection(data) → the residual diagnostics table. */
export function diagnosticsSection(data: ExportData): string {
  const rows = data.diagnostics.map((d) => ({ diagnostic: d.name, value: d.value !== null ? fmtSmart(d.value) : d.text ?? "–" }));
  return `<h2>Diagnostics</h2>
<p class="note">Of the residuals on the fit window; p-values of the tests, VIF per term.</p>
${table(["diagnostic", "value"], rows)}`;
}

/** chartSections(data, chart) → actual vs predicted, the decomposition, ROAS and the response curves. */
export function chartSections(data: ExportData, chart: ChartHtml): string {
  const spec = data.model.spec;
  const sc = data.scenarios;
  return `<h2>Actual vs predicted</h2>
${chart("actual-vs-predicted")}
<h2>Decomposition over time</h2>
<p class="note">Each period's prediction split into the baseline parts and each channel's contribution; the parts add up to the prediction (dashed).</p>
${chart("decomposition")}
<h2>Return on ad spend</h2>
<p class="note">Over the fit window; bars: ROAS = contribution / spend with its 90 % interval, diamonds: marginal ROAS at the current spend; dotted line: break-even.</p>
${chart("roas")}
${chart("spend-shares")}
<h2>Response curves</h2>
<p class="note">${escapeHtml(`Incremental ${spec.target} over the next ${data.periods} periods for a flat spend per period, with the carry-over of past spend; the dot is the current spend (average of ${sc.current_window.start} … ${sc.current_window.end}).`)}</p>
${chart("response-curves")}`;
}

/** scenariosSection(data, tables, chart) → the budget scenario chart and table. */
export function scenariosSection(data: ExportData, tables: readonly ExportTable[], chart: ChartHtml): string {
  const totals = tableByName(tables, "budget_scenario_totals");
  const tc = (name: string) => column(totals, name);
  const rows = totals.rows.map((r) => ({
    budget: scenarioLabel(num(r[tc("multiplier")]) ?? NaN), amount: fmt(num(r[tc("budget")]), 0), "optimal response": fmt(num(r[tc("response")]), 0),
    "current mix response": fmt(num(r[tc("current_mix_response")]), 0), ROAS: fmt(num(r[tc("roas")]), 2), "marginal ROAS": fmt(num(r[tc("mroas")]), 2),
  }));
  const sc = data.scenarios;
  return `<h2>Budget scenarios</h2>
<p class="note">${escapeHtml(`Optimal split of ${sc.scenarios.map((x) => scenarioLabel(x.multiplier)).join(", ")} of the current budget (${fmt(sc.current_budget, 0)} over ${sc.periods} periods), against the current mix scaled to the same budget.`)}</p>
${chart("budget-scenarios")}
${table(["budget", "amount", "optimal response", "current mix response", "ROAS", "marginal ROAS"], rows)}`;
}

/** channelsSection(data) → the channel table over the fit window. */
export function channelsSection(data: ExportData): string {
  const s = data.model.summary;
  const rows = data.channels.map((c) => ({
    channel: c.name, spend: fmt(c.spend, 0), contribution: fmt(c.contribution, 0), ROAS: fmt(c.roas, 2),
    "90 % interval": c.roas_low !== null && c.roas_high !== null ? `${fmt(c.roas_low, 2)} – ${fmt(c.roas_high, 2)}` : "–",
    mROAS: fmt(c.mroas, 2), "share of spend": `${fmt(percent(c.share_of_spend), 1)} %`, "share of effect": `${fmt(percent(c.share_of_effect), 1)} %`,
  }));
  return `<h2>Channels</h2>
<p class="note">Over the fit window (${escapeHtml(`${s.fit_window.start} … ${s.fit_window.end}`)}).</p>
${table(["channel", "spend", "contribution", "ROAS", "90 % interval", "mROAS", "share of spend", "share of effect"], rows)}`;
}

/** subtitle(data) → the line under the title: channels, periods, source and mixlab's version. */
export function subtitle(data: ExportData): string {
  return escapeHtml(`${data.model.spec.channels.length} channels, ${data.dates.length} periods from ${data.source}; written by mixlab ${VERSION}.`);
}
