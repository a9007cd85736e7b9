import { readFileSync } from "node:fs";
import { Script, createContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import type { FittedModel } from "../../src/models/fitted-model";
import { exportData, type ExportData } from "../../src/report/export-tables";
import { REPORT_CHART_IDS, renderReport, reportFigures } from "../../src/report/html-report";
import { HTML_TABLE_CSS } from "../../src/report/html-table";
import { plotlyLibrary, plotlyLibraryPath, scriptSafe } from "../../src/report/plotly-html";
import { htmlProblems, scripts } from "./html-check";
import { weeklyModel } from "./weekly-model";

let model: FittedModel;
let data: ExportData;
let html: string;
beforeAll(async () => {
  const fitted = await weeklyModel();
  model = fitted.model;
  data = exportData(model, fitted.input);
  html = renderReport(data);
}, 60_000);

/** newPlotCalls(js) runs the page's chart scripts against a stub Plotly and returns the newPlot arguments. */
function newPlotCalls(js: readonly string[]): unknown[][] {
  const calls: unknown[][] = [];
  const context = createContext({ Plotly: { newPlot: (...args: unknown[]) => calls.push(JSON.parse(JSON.stringify(args))) } });
  for (const code of js) new Script(code).runInContext(context);
  return calls;
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe("renderReport", () => {
  it("renderReport(data) inlines Plotly in exactly one script and draws each chart with one more", () => {
    const js = scripts(html);
    const library = js.filter((s) => s.includes("window.Plotly = Plotly"));
    expect(library).toEqual([scriptSafe(plotlyLibrary())]);
    expect(js).toHaveLength(1 + REPORT_CHART_IDS.length);
    expect(js.indexOf(library[0])).toBe(0); // the library comes before every chart
  });

  it("renderReport(data) has one div per chart, and each chart script draws its figure into its div", () => {
    expect(count(html, /class="mixlab-chart"/g)).toBe(REPORT_CHART_IDS.length);
    for (const id of REPORT_CHART_IDS) expect(count(html, new RegExp(`<div id="${id}"`, "g"))).toBe(1);
    const calls = newPlotCalls(scripts(html).slice(1));
    const figures = reportFigures(data);
    expect(calls.map((c) => c[0])).toEqual([...REPORT_CHART_IDS]);
    for (const [id, traces, layout] of calls) {
      const figure = JSON.parse(JSON.stringify(figures[id as (typeof REPORT_CHART_IDS)[number]]));
      expect([traces, layout]).toEqual([figure.data, figure.layout]);
    }
  });

  it("renderReport(data) charts carry the model's numbers", () => {
    const f = reportFigures(data);
    expect(f["actual-vs-predicted"].data.map((t) => t.y)).toEqual([Array.from(data.actual!), Array.from(data.predicted)]);
    expect(f.roas.data[0].y).toEqual(model.summary.channels.map((c) => c.roas));
    expect(f.roas.data[0].error_y).toMatchObject({ array: model.summary.channels.map((c) => c.roas_high! - c.roas!), arrayminus: model.summary.channels.map((c) => c.roas! - c.roas_low!) });
    const channelTraces = f.decomposition.data.filter((t) => model.spec.channels.includes(t.name!));
    expect(channelTraces.map((t) => t.y)).toEqual(model.spec.channels.map((c) => Array.from(data.groups.find((g) => g.name === c)!.values)));
    expect(f["response-curves"].data.slice(0, model.spec.channels.length).map((t) => t.y)).toEqual(data.curves.map((c) => c.points.map((p) => p.response)));
    expect(f["budget-scenarios"].data.at(-1)!.y).toEqual(data.scenarios.scenarios.map((s) => s.channels.reduce((a, c) => a + c.response, 0)));
  });

  it("renderReport(data) refers to no URL outside the Plotly library text", () => {
    const library = scriptSafe(plotlyLibrary());
    const outside = html.replace(library, "");
    expect(outside.length).toBe(html.length - library.length);
    expect(outside).not.toMatch(/http/i);
    expect(outside).not.toMatch(/\s(src|href|action|srcset)\s*=/i);
    expect(outside).not.toMatch(/url\(|@import|\/\//);
    // Inside the library: exactly the text of plotly.min.js 4.1.2 — 127 "http", 77 of them URLs on
    // these hosts (licence comments, SVG/XML namespaces, map styles and tiles of the map traces,
    // which the report does not use, and links in error messages). Nothing is fetched by the charts.
    const raw = readFileSync(plotlyLibraryPath(), "utf8");
    expect(count(library, /http/g)).toBe(count(raw, /http/g));
    expect([count(raw, /http/g), count(raw, /https?:\/\//g)]).toEqual([127, 77]);
    const hosts = [...new Set((raw.match(/https?:\/\/[A-Za-z0-9.-]+/g) ?? []).map((u) => u.replace(/^https?:\/\//, "")))].sort();
    expect(hosts).toEqual([
      "basemaps.cartocdn.com", "cdn.jsdelivr.net", "cdn.plot.ly", "cloud.plotly.com", "feross.org", "fonts.openmaptiles.org",
      "geoserveis.icgc.cat", "get.webgl.org", "getify.mit-license.org", "github.com", "maplibre.invalid", "maplibre.org", "plotly.com",
      "server.arcgisonline.com", "syntheti.cc", "tile.openstreetmap.org", "tilemaps.icgc.cat", "tiles.basemaps.cartocdn.com",
      "wiki.openstreetmap.org", "www.esri.com", "www.openstreetmap.org", "www.w3.org",
    ]);
  });

  it("renderReport(data) is well formed HTML and every script compiles", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(htmlProblems(html)).toEqual([]);
    for (const js of scripts(html)) expect(() => new Script(js)).not.toThrow();
  });

  it("renderReport(data) has the metrics, diagnostics, scenario and channel tables", () => {
    for (const heading of ["Data", "Fit metrics", "Diagnostics", "Actual vs predicted", "Decomposition over time", "Return on ad spend", "Response curves", "Budget scenarios", "Channels"]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain("<tr><th>metric</th><th>train</th><th>holdout</th><th>input</th></tr>");
    expect(html).toContain(`<td>durbin_watson</td>`);
    for (const c of model.spec.channels) expect(count(html, new RegExp(`<tr><td>${c}</td>`, "g"))).toBe(3); // headline split, input spend and channel tables
    expect(count(html, /<tr><td>\d+ %<\/td>/g)).toBe(5); // one row per budget scenario
  });

  it("renderReport(data) draws every table with htmlTable in class styling, styled by HTML_TABLE_CSS in the page", () => {
    expect(count(html, /<table class="mixlab-table">/g)).toBe(7);
    expect(count(html, /<table/g)).toBe(7);
    const style = html.slice(html.indexOf("<style>"), html.indexOf("</style>"));
    expect(style).toContain(HTML_TABLE_CSS);
    expect(html).toContain('<tr><th></th><th class="text">value</th></tr>'); // the data summary's text column
    const body = html.replace(/<script[\s\S]*?<\/script>/g, "");
    expect(body).not.toMatch(/<t[hd] style=/);
  });

  it("renderReport(data) escapes text that comes from the data", () => {
    const hostile = renderReport({ ...data, source: `<img src=x onerror="alert(1)">&` }, { title: "</title><script>alert(2)</script>" });
    expect(hostile).not.toContain("<img src=x");
    expect(hostile).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;");
    expect(hostile).toContain("<title>&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>");
    expect(scripts(hostile)).toHaveLength(1 + REPORT_CHART_IDS.length);
    expect(htmlProblems(hostile)).toEqual([]);
  });
});
