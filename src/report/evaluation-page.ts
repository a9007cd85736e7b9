/**
 * evaluationPage(evaluation) and writeEvaluationPage(path, evaluation): the HTML page of `mixlab
 * evaluate --report` — the per-model and per-scenario tables, coverage by scenario and estimated
 * against true ROAS (Plotly, inlined: the page works offline), and each data set's fit commands.
 */
import type { Evaluation, RecoverySummary } from "../analysis/recovery";
import { writeFileAtomic } from "../util/write-file-atomic";
import { VERSION } from "../version";
import { coverageByScenario } from "./charts/coverage-by-scenario";
import { roasRecovery } from "./charts/roas-recovery";
import { escapeHtml } from "./html-escape";
import { REPORT_STYLE } from "./html-report";
import { htmlTable } from "./html-table";
import { figureDiv, plotlyScriptTag } from "./plotly-html";

const num = (v: number | null, digits: number): string => (v === null || !Number.isFinite(v) ? "–" : v.toFixed(digits));

/** summaryCells(s) → the table cells of a RecoverySummary. */
function summaryCells(s: RecoverySummary): Record<string, string> {
  return {
    "90 % coverage": `${num(100 * s.coverage, 0)} %`, "median |ROAS error|": `${num(s.roas_ape_median, 1)} %`,
    "median max |share error|": num(s.share_error_median, 3), "median holdout MAPE": `${num(s.holdout_mape_median, 2)} %`, "median fit s": num(s.seconds_median, 1),
  };
}

/** The figure columns, aligned right although their cells are text ("94 %"). */
const RIGHT = Object.fromEntries(Object.keys(summaryCells({ coverage: 0, roas_ape_median: 0, share_error_median: 0, holdout_mape_median: 0, seconds_median: 0 })).map((k) => [k, "right" as const]));

/** evaluationPage(e) → the page's HTML; every text from the evaluation is escaped. */
export function evaluationPage(e: Evaluation): string {
  const models = Object.entries(e.models).map(([m, s]) => ({ model: m, ...summaryCells(s) }));
  const scenarios = Object.entries(e.scenarios).flatMap(([sc, byModel]) => Object.entries(byModel).map(([m, s]) => ({ scenario: sc, model: m, ...summaryCells(s) })));
  const commands = e.datasets.flatMap((d) => Object.entries(d.models).map(([m, f]) => ({ "data set": d.id, model: m, command: f.command })));
  const title = "mixlab evaluation";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1>${title}</h1>
<p class="sub">${escapeHtml(`${e.datasets.length} generated data sets, ${Object.keys(e.models).length} models; written by mixlab ${VERSION}.`)}</p>
${plotlyScriptTag()}
<h2>Models</h2>
<p class="note">Coverage: share of channels whose 90 % interval holds the true ROAS (calibrated intervals: 0.9). ROAS error: |estimate / truth − 1|, median over all channels; share error: the largest |estimated − true share of effect| of a fit, median over the fits.</p>
${htmlTable(models, { styling: "classes", align: RIGHT })}
<h2>By scenario</h2>
${figureDiv("coverage-by-scenario", coverageByScenario(e))}
${htmlTable(scenarios, { styling: "classes", align: RIGHT })}
<h2>Estimate against truth</h2>
${figureDiv("roas-recovery", roasRecovery(e))}
<h2>Commands</h2>
<p class="note">Each fit, as the <code>mixlab fit</code> command that reproduces it (with <code>--keep</code>, the data sets stay where the commands name them).</p>
${htmlTable(commands, { styling: "classes" })}
</body>
</html>
`;
}

/** writeEvaluationPage(path, e) writes evaluationPage(e) to path atomically. */
export function writeEvaluationPage(path: string, e: Evaluation): void {
  writeFileAtomic(path, evaluationPage(e));
}
