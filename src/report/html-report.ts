/**
 * renderReport(data) / writeReport(path, model, input): one self-contained HTML file describing a
 * model on an input — data summary, train/holdout metrics, diagnostics, actual vs predicted, the
 * decomposition over time, ROAS with intervals, response curves, budget scenarios and the channel
 * table. Plotly is inlined once (plotly-html.ts) and every chart comes from the chart helpers
 * (charts/), so the file opens offline and draws the same figures the notebooks do; every table
 * comes from htmlTable (html-table.ts, the notebooks' table renderer) in its "classes" styling,
 * with HTML_TABLE_CSS in the page's stylesheet. All text from the data (names, paths) is escaped;
 * the page references no external URL.
 */
import type { FittedModel } from "../models/fitted-model";
import { writeFileAtomic } from "../util/write-file-atomic";
import { VERSION } from "../version";
import { actualVsPredicted, budgetScenarios, decompositionArea, responseCurves, roasWithIntervals, scenarioLabel, spendOverTime, spendShares, type Figure } from "./charts";
import type { ExportInput } from "./export-input";
import { exportData, exportTables, type Cell, type ExportData, type ExportOptions, type ExportTable } from "./export-tables";
import { escapeHtml } from "./html-escape";
import { HTML_TABLE_CSS, htmlTable, type CellAlign } from "./html-table";
import { figureDiv, plotlyScriptTag } from "./plotly-html";

/** The ids of the report's charts, in page order (each is one div drawn by Plotly). */
export const REPORT_CHART_IDS = ["spend-over-time", "actual-vs-predicted", "decomposition", "roas", "spend-shares", "response-curves", "budget-scenarios"] as const;

/** The stylesheet of mixlab's HTML pages (the model report, the evaluation page). */
export const REPORT_STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 48px;color:#222}
h1{font-size:1.6em;margin:24px 0 4px}h2{font-size:1.25em;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
p.sub{color:#555;margin:0 0 16px}
${HTML_TABLE_CSS}
.note{color:#666;font-size:.9em}
.mixlab-chart{margin:8px 0 24px}
`;

/** fmt(v, digits) → a number with thousands separators, or "–" for null/NaN. */
function fmt(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** percent(share) → 100 × share; null stays null. */
function percent(share: number | null): number | null {
  return share === null ? null : 100 * share;
}

/** fmtSmart(v) → few digits for large numbers, more for small ones. */
function fmtSmart(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  return fmt(v, a >= 1000 ? 0 : a >= 10 ? 2 : a >= 0.01 || a === 0 ? 4 : 6);
}

/**
 * table(columns, rows, align) → htmlTable of records whose cells are already formatted (strings),
 * in the report's page styling (HTML_TABLE_CSS): the first column left, the others right unless
 * `align` names them.
 */
function table(columns: readonly string[], rows: readonly Record<string, string>[], align: Readonly<Record<string, CellAlign>> = {}): string {
  const aligns: Record<string, CellAlign> = Object.fromEntries(columns.map((c, j) => [c, align[c] ?? (j === 0 ? "left" : "right")]));
  return htmlTable(rows, { columns, align: aligns, styling: "classes" });
}

/** tableByName(tables, name) → the export table of that name. */
function tableByName(tables: readonly ExportTable[], name: string): ExportTable {
  const t = tables.find((x) => x.name === name);
  if (t === undefined) throw new RangeError(`renderReport requires the export table "${name}"`);
  return t;
}

/** column(table, name) → the index of a column. */
function column(table: ExportTable, name: string): number {
  return table.columns.findIndex((c) => c.name === name);
}

const num = (c: Cell): number | null => (typeof c === "number" ? c : null);

/** The report's figures, from the export data (each chart helper called once). */
export function reportFigures(data: ExportData, tables: readonly ExportTable[] = exportTables(data)): Record<(typeof REPORT_CHART_IDS)[number], Figure> {
  const s = data.model.summary;
  const channels = data.model.spec.channels;
  const groups: Record<string, Float64Array> = {};
  for (const g of data.groups) groups[g.name] = g.values;
  const scenarios = tableByName(tables, "budget_scenarios");
  const at = (name: string) => column(scenarios, name);
  return {
    "actual-vs-predicted": actualVsPredicted(data.dates, data.actual, data.predicted, { splitDate: s.holdout_window?.start ?? null, target: data.model.spec.target }),
    decomposition: decompositionArea(data.dates, groups, { channels, predicted: data.predicted, target: data.model.spec.target }),
    roas: roasWithIntervals(data.channels),
    "response-curves": responseCurves(
      data.curves.map((c) => ({ channel: c.channel, spend: c.points.map((p) => p.spend), response: c.points.map((p) => p.response) })),
      data.curves.map((c) => ({ channel: c.channel, spend: c.current.spend, response: c.current.response })),
      { yTitle: `incremental ${data.model.spec.target} over ${data.periods} periods` },
    ),
    "budget-scenarios": budgetScenarios(scenarios.rows.map((r) => ({
      multiplier: num(r[at("multiplier")]) ?? NaN, budget: num(r[at("budget")]) ?? NaN, channel: String(r[at("channel")]),
      spend: num(r[at("spend")]) ?? NaN, response: num(r[at("response")]) ?? NaN,
    }))),
    "spend-over-time": spendOverTime(data.dates, data.spend),
    "spend-shares": spendShares(data.channels.map((c) => c.name), data.channels.map((c) => c.spend ?? NaN), data.channels.map((c) => c.contribution ?? NaN)),
  };
}

/**
 * renderReport(data, options) → the HTML text of the report (see the module comment). The export
 * tables (`tables`, default exportTables(data)) supply the tables and the budget-scenario chart.
 * @example writeFileAtomic("report.html", renderReport(exportData(model, input)))
 */
export function renderReport(data: ExportData, options: { title?: string; tables?: readonly ExportTable[] } = {}): string {
  const tables = options.tables ?? exportTables(data);
  const model = data.model;
  const s = model.summary;
  const spec = model.spec;
  const title = options.title ?? `mixlab report: ${spec.target} (${s.model_type})`;
  const figures = reportFigures(data, tables);
  const n = data.dates.length;
  const chart = (id: (typeof REPORT_CHART_IDS)[number]) => figureDiv(id, figures[id]);

  // Data summary.
  const totalSpend = channelsTotal(data.spend);
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
  const spendRows = spec.channels.map((c) => {
    const total = sum(data.spend[c]);
    return { channel: c, "spend in the input": fmt(total, 0), share: `${fmt(totalSpend > 0 ? (100 * total) / totalSpend : NaN, 1)} %` };
  });

  // Metrics: metric × window.
  const windows = [...new Set(data.metrics.map((m) => m.window))];
  const metricNames = [...new Set(data.metrics.map((m) => m.metric))];
  const metricRows = metricNames.map((metric) => ({ metric, ...Object.fromEntries(windows.map((w) => [w, fmtSmart(data.metrics.find((m) => m.window === w && m.metric === metric)?.value)])) }));

  const diagRows = data.diagnostics.map((d) => ({ diagnostic: d.name, value: d.value !== null ? fmtSmart(d.value) : d.text ?? "–" }));

  const channelRows = data.channels.map((c) => ({
    channel: c.name, spend: fmt(c.spend, 0), contribution: fmt(c.contribution, 0), ROAS: fmt(c.roas, 2),
    "90 % interval": c.roas_low !== null && c.roas_high !== null ? `${fmt(c.roas_low, 2)} – ${fmt(c.roas_high, 2)}` : "–",
    mROAS: fmt(c.mroas, 2), "share of spend": `${fmt(percent(c.share_of_spend), 1)} %`, "share of effect": `${fmt(percent(c.share_of_effect), 1)} %`,
  }));

  const totals = tableByName(tables, "budget_scenario_totals");
  const tc = (name: string) => column(totals, name);
  const scenarioRows = totals.rows.map((r) => ({
    budget: scenarioLabel(num(r[tc("multiplier")]) ?? NaN), amount: fmt(num(r[tc("budget")]), 0), "optimal response": fmt(num(r[tc("response")]), 0),
    "current mix response": fmt(num(r[tc("current_mix_response")]), 0), ROAS: fmt(num(r[tc("roas")]), 2), "marginal ROAS": fmt(num(r[tc("mroas")]), 2),
  }));

  const sc = data.scenarios;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${escapeHtml(`${spec.channels.length} channels, ${n} periods from ${data.source}; written by mixlab ${VERSION}.`)}</p>
${plotlyScriptTag()}
<h2>Data</h2>
${table(["", "value"], summaryRows, { value: "left" })}
${table(["channel", "spend in the input", "share"], spendRows)}
${chart("spend-over-time")}
<h2>Fit metrics</h2>
<p class="note">MAPE, WMAPE and SMAPE in percent; NRMSE = RMSE / range of the target.</p>
${table(["metric", ...windows], metricRows)}
<h2>Diagnostics</h2>
<p class="note">Of the residuals on the fit window; p-values of the tests, VIF per term.</p>
${table(["diagnostic", "value"], diagRows)}
<h2>Actual vs predicted</h2>
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
${chart("response-curves")}
<h2>Budget scenarios</h2>
<p class="note">${escapeHtml(`Optimal split of ${scenarioLabelList(sc.scenarios.map((x) => x.multiplier))} of the current budget (${fmt(sc.current_budget, 0)} over ${sc.periods} periods), against the current mix scaled to the same budget.`)}</p>
${chart("budget-scenarios")}
${table(["budget", "amount", "optimal response", "current mix response", "ROAS", "marginal ROAS"], scenarioRows)}
<h2>Channels</h2>
<p class="note">Over the fit window (${escapeHtml(`${s.fit_window.start} … ${s.fit_window.end}`)}).</p>
${table(["channel", "spend", "contribution", "ROAS", "90 % interval", "mROAS", "share of spend", "share of effect"], channelRows)}
</body>
</html>
`;
}

function sum(values: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) t += values[i];
  return t;
}

function channelsTotal(spend: Record<string, Float64Array>): number {
  return Object.values(spend).reduce((a, v) => a + sum(v), 0);
}

function scenarioLabelList(multipliers: readonly number[]): string {
  return multipliers.map(scenarioLabel).join(", ");
}

/**
 * writeReportData(path, data, tables) writes the report of already computed export data atomically.
 */
export function writeReportData(path: string, data: ExportData, tables?: readonly ExportTable[]): void {
  writeFileAtomic(path, renderReport(data, { tables }));
}

/**
 * writeReport(path, model, input, options) writes the HTML report of the model on the input to
 * `path` (atomically) and returns the export data it shows.
 * @example writeReport("report.html", model, loadExportInput("data.csv", model))
 */
export function writeReport(path: string, model: FittedModel, input: ExportInput, options: ExportOptions = {}): ExportData {
  const data = exportData(model, input, options);
  writeReportData(path, data);
  return data;
}
