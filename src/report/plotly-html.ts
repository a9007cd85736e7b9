/**
 * plotlyScriptTag() and figureDiv(id, figure): the two pieces of HTML that draw a chart figure with
 * Plotly without any network access — the library inlined once (the text of the installed
 * plotly.js-dist-min, read from disk, never require()d), then one div and one `Plotly.newPlot`
 * call per figure. The HTML report uses them, and the notebooks pass the same strings to
 * tslab.display.html.
 */
import { readFileSync } from "node:fs";
import type { Figure } from "./charts/figure";
import { escapeHtml, jsonForScript } from "./html-escape";

/** The Plotly options of every chart: responsive, no logo, no link to Plotly's cloud. */
export const PLOTLY_CONFIG = { responsive: true, displaylogo: false, showLink: false, showSendToCloud: false, showEditInChartStudio: false, showTips: false } as const;

let libraryText: string | undefined;

/** plotlyLibraryPath() → the path of the installed plotly.min.js. */
export function plotlyLibraryPath(): string {
  return require.resolve("plotly.js-dist-min/plotly.min.js");
}

/**
 * plotlyLibrary() → the text of plotly.min.js, read once per process.
 * @throws Error when plotly.js-dist-min is not installed
 */
export function plotlyLibrary(): string {
  if (libraryText === undefined) libraryText = readFileSync(plotlyLibraryPath(), "utf8");
  return libraryText;
}

/**
 * scriptSafe(js) → JavaScript text that cannot end its `<script>` element early: `</script` becomes
 * `<\/script` and `<!--` becomes `\x3C!--` (both mean the same inside the strings and regular
 * expressions where they can occur). O(n).
 */
export function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "\\x3C!--");
}

/**
 * plotlyScriptTag() → `<script>` + the Plotly library (script-safe) + `</script>`: put it in a page
 * once, before any figureDiv.
 */
export function plotlyScriptTag(): string {
  return `<script>${scriptSafe(plotlyLibrary())}</script>`;
}

/** Element ids figureDiv accepts: a letter, then letters, digits, `-` or `_`. */
const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * figureDiv(id, figure, options) → a `<div id=…>` and a `<script>` that draws the figure into it
 * with Plotly.newPlot (the figure embedded as script-safe JSON). Needs plotlyScriptTag() earlier in
 * the page.
 * @param id - element id: a letter, then letters, digits, `-` or `_`
 * @param figure - a chart figure
 * @param options.height - CSS height of the div (default "460px")
 * @throws RangeError for an id of another form
 * @example figureDiv("roas", roasWithIntervals(summary.channels))
 */
export function figureDiv(id: string, figure: Figure, options: { height?: string } = {}): string {
  if (!ID.test(id)) throw new RangeError(`figureDiv requires an id of letters, digits, - and _ starting with a letter, not ${JSON.stringify(id)}`);
  const height = escapeHtml(options.height ?? "460px");
  return `<div id="${id}" class="mixlab-chart" style="width:100%;height:${height}"></div>\n` +
    `<script>Plotly.newPlot(${jsonForScript(id)}, ${jsonForScript(figure.data)}, ${jsonForScript(figure.layout)}, ${jsonForScript(PLOTLY_CONFIG)});</script>`;
}
