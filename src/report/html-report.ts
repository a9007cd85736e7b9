/**
 * renderReport(data) / writeReport(path, model, input): one self-contained HTML file describing a
 * model on an input. It leads with the answer (headline.ts, headline-html.ts: best channels per unit
 * and at the margin, the recommended split of the current budget and its lift, holdout accuracy,
 * what the model cannot tell), then the details (report-sections.ts): data summary, train/holdout
 * metrics, diagnostics, actual vs predicted, the decomposition over time, ROAS with intervals,
 * response curves, budget scenarios and the channel table. Plotly is inlined once (plotly-html.ts) and every chart comes from the chart helpers
 * (charts/), so the file opens offline and draws the same figures the notebooks do; every table
 * comes from htmlTable (html-table.ts, the notebooks' table renderer) in its "classes" styling,
 * with HTML_TABLE_CSS in the page's stylesheet. All text from the data (names, paths) is escaped;
 * the page references no external URL.
 */
import type { FittedModel } from "../models/fitted-model";
import { writeFileAtomic } from "../util/write-file-atomic";
import { actualVsPredicted, budgetScenarios, decompositionArea, responseCurves, roasWithIntervals, spendOverTime, spendShares, type Figure } from "./charts";
import type { ExportInput } from "./export-input";
import { exportData, exportTables, type ExportData, type ExportOptions, type ExportTable } from "./export-tables";
import { headline } from "./headline";
import { headlineHtml } from "./headline-html";
import { escapeHtml } from "./html-escape";
import { HTML_TABLE_CSS } from "./html-table";
import { figureDiv, plotlyScriptTag } from "./plotly-html";
import {
  channelsSection, chartSections, column, dataSection, diagnosticsSection, metricsSection, num, REPORT_CHART_IDS, scenariosSection,
  subtitle, tableByName, type ChartId,
} from "./report-sections";

export { REPORT_CHART_IDS };

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 48px;color:#222}
h1{font-size:1.6em;margin:24px 0 4px}h2{font-size:1.25em;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
p.sub{color:#555;margin:0 0 16px}
${HTML_TABLE_CSS}
.note{color:#666;font-size:.9em}
.mixlab-chart{margin:8px 0 24px}
#headline{background:#f6f8fa;border:1px solid #dde3ea;border-radius:6px;padding:4px 20px 12px;margin:16px 0 8px}
ul.headline{padding-left:20px;line-height:1.5}ul.headline li{margin:6px 0}
`;

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
 * renderReport(data, options) → the HTML text of the report (see the module comment): the headline
 * first (headline.ts: the answer in plain words), then the detail sections. The export tables
 * (`tables`, default exportTables(data)) supply the tables and the budget-scenario chart.
 * @example writeFileAtomic("report.html", renderReport(exportData(model, input)))
 */
export function renderReport(data: ExportData, options: { title?: string; tables?: readonly ExportTable[] } = {}): string {
  const tables = options.tables ?? exportTables(data);
  const title = options.title ?? `mixlab report: ${data.model.spec.target} (${data.model.summary.model_type})`;
  const figures = reportFigures(data, tables);
  const chart = (id: ChartId) => figureDiv(id, figures[id]);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${subtitle(data)}</p>
${plotlyScriptTag()}
${headlineHtml(headline(data))}
${dataSection(data, chart)}
${metricsSection(data)}
${diagnosticsSection(data)}
${chartSections(data, chart)}
${scenariosSection(data, tables, chart)}
${channelsSection(data)}
</body>
</html>
`;
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
