/**
 * `mixlab demo` (`npm run demo`): the pipeline on the bundled data. Load the three bundled sets
 * (generating them when `data/` is missing), validate, clean, and print what they hold and what
 * cleaning changed (the dirty daily set is checked against the faults its generator injected); then
 * fit the weekly set, save the artifact, print metrics and the channel table beside the true ROAS,
 * and check that the saved artifact predicts exactly what the fit did.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { BUNDLED_SETS, writeBundledSets } from "../generate/bundled-sets";
import { clean, type CleanReport } from "../data/clean";
import { generate } from "../generate/generate";
import type { Truth } from "../generate/truth";
import { trueReturns } from "../generate/generated-table";
import { loadInput, type LoadOptions } from "../data/load";
import { validate } from "../data/validate";
import { tableToWideCsv } from "../data/write-wide";
import { loadModel } from "../artifact/load";
import { predict } from "../models/predict";
import { saveModel } from "../artifact/save";
import { toTable } from "../data/load";
import { fitModel } from "../analysis/fit";
import { defaultSpec } from "../spec/model-spec";
import { describeTable, formatTableSummary } from "../report/describe-table";
import { defaultPlanPeriods, futurePeriods } from "../analysis/future-periods";
import { loadExportInput } from "../report/export-input";
import { writeExports } from "../report/write-exports";
import { budgetScenarios } from "../analysis/budget-scenarios";
import { optimizeBudget } from "../analysis/optimize-budget";
import { recentSpend } from "../analysis/recent-spend";
import { whatIf } from "../analysis/what-if";
import type { FittedModel } from "../models/fitted-model";
import type { Table } from "../data/table";
import { describeFit, fitProgress } from "./fit";
import { probeWritable } from "./probe-writable";
import { writeFileAtomic } from "../util/write-file-atomic";
import type { CliContext } from "./context";
import { describeCleaning } from "./clean";

/** The bundled data folder of this installation (not of the current directory). */
export const DATA_DIR = resolve(__dirname, "..", "..", "data");

export function registerDemo(program: Command, ctx: CliContext): void {
  program.command("demo")
    .description("run the pipeline on the bundled data and print what it finds")
    .option("--data <dir>", "bundled data folder", DATA_DIR)
    .option("--out <dir>", "where to write cleaned data and reports", "out/demo")
    .action(async (flags: { data: string; out: string }) => {
      const started = Date.now();
      probeWritable(flags.out, "folder");
      const setNames = Object.keys(BUNDLED_SETS) as (keyof typeof BUNDLED_SETS)[];
      if (!setNames.every((name) => existsSync(join(flags.data, name, "truth.json")))) {
        ctx.err(`demo: bundled data missing under ${flags.data}; generating it\n`);
        probeWritable(flags.data, "folder");
        writeBundledSets(flags.data);
      }
      for (const name of setNames) {
        const folder = join(flags.data, name);
        const truth = JSON.parse(readFileSync(join(folder, "truth.json"), "utf8")) as Truth;
        const input = truth.shape === "channel-dir" ? folder : join(folder, truth.files[0]);
        const options: LoadOptions = {};
        if (truth.campaigns) options.channelMap = Object.fromEntries(truth.campaigns.map((c) => [c.name, c.channel]));
        ctx.out(`\n== ${name}: ${truth.shape}, ${input}\n`);
        const dataset = loadInput(input, options);
        const report = validate(dataset);
        ctx.out(`validate: ${report.errors} error(s), ${report.warnings} warning(s)` +
          (report.issues.length ? ` — ${summariseKinds(report.issues.map((i) => i.kind))}` : "") + "\n");
        const cleaned = clean(dataset);
        const outCsv = join(flags.out, `${name}-clean.csv`);
        const outReport = join(flags.out, `${name}-clean-report.json`);
        writeFileAtomic(outCsv, tableToWideCsv(cleaned.table));
        writeFileAtomic(outReport, `${JSON.stringify(cleaned.report, null, 2)}\n`);
        ctx.out(`clean:    ${describeCleaning(cleaned.report, outCsv, outReport).replace(/^[^:]*: /, "")}`);
        if (truth.dirt) ctx.out(compareWithFaults(cleaned.report, truth));
        ctx.out(formatTableSummary(describeTable(cleaned.table)));
        if (dataset.campaigns && dataset.campaigns.length > 0) {
          ctx.out("  campaign KPIs (CTR, CVR, CPA, ROAS):\n");
          const width = Math.max(...dataset.campaigns.map((c) => c.campaign.length));
          for (const c of dataset.campaigns) {
            const pct = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(2)}%`);
            const num = (x: number | null) => (x === null ? "–" : x.toFixed(2));
            ctx.out(`    ${c.campaign.padEnd(width)} CTR ${pct(c.ctr).padStart(7)}  CVR ${pct(c.cvr).padStart(7)}  CPA ${num(c.cpa).padStart(8)}  ROAS ${num(c.roas).padStart(6)}\n`);
          }
        }
      }
      await fitWeekly(ctx, flags.data, flags.out);
      ctx.out(`\ndemo done in ${((Date.now() - started) / 1000).toFixed(1)} s; outputs in ${flags.out}\n`);
      ctx.exit(0);
    });
}

/** Fits the bundled weekly set with the default spec and prints the result beside the truth. */
async function fitWeekly(ctx: CliContext, dataDir: string, outDir: string): Promise<void> {
  const folder = join(dataDir, "weekly");
  const truth = JSON.parse(readFileSync(join(folder, "truth.json"), "utf8")) as Truth;
  const input = join(folder, truth.files[0]);
  ctx.out(`\n== fit: ${input} (ridge, geometric adstock, Hill saturation, default search and bootstrap)\n`);
  const table = toTable(loadInput(input));
  const spec = defaultSpec({ target: table.target, channels: table.channels, controls: table.controls, frequency: table.frequency });
  const progress = fitProgress(ctx, true);
  const started = performance.now();
  const model = await fitModel(table, spec, { onProgress: progress.update });
  progress.stop();
  const modelPath = join(outDir, "model.json");
  const artifact = saveModel(modelPath, model, { fitSeconds: Math.round(performance.now() - started) / 1000 });
  ctx.out(describeFit(artifact, input, modelPath));
  // The truth over the same fit window, from the generator that made the bundled set.
  const truthWindow = trueReturns(generate(BUNDLED_SETS.weekly.options), model.summary.fit_window.rows);
  ctx.out("  against the truth (generator's process, same fit window):\n");
  let covered = 0;
  for (const c of model.summary.channels) {
    const t = truthWindow.find((g) => g.name === c.name);
    if (t === undefined) continue;
    const inside = c.roas_low !== null && c.roas_high !== null && t.roas >= c.roas_low && t.roas <= c.roas_high;
    if (inside) covered++;
    ctx.out(`    ${c.name.padEnd(14)} true ROAS ${t.roas.toFixed(2).padStart(5)}  estimated ${(c.roas ?? NaN).toFixed(2).padStart(5)}  ` +
      `[${(c.roas_low ?? NaN).toFixed(2)}, ${(c.roas_high ?? NaN).toFixed(2)}] ${inside ? "covers" : "misses"}   ` +
      `effect share true ${(100 * t.share_of_effect).toFixed(1)} % / estimated ${(100 * (c.share_of_effect ?? NaN)).toFixed(1)} %\n`);
  }
  ctx.out(`    90 % intervals cover the true ROAS for ${covered} of ${model.summary.channels.length} channels\n`);
  // The saved artifact predicts exactly what the fit did.
  const reloaded = loadModel(modelPath);
  const a = predict(model, table);
  const b = predict(reloaded, table);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.abs(a[i]));
  ctx.out(`  reloaded ${modelPath}: predictions identical (max relative difference ${worst.toExponential(1)})\n`);
  planWeekly(ctx, reloaded, table);
  // Export the reloaded model on its data: SQLite and CSV for BI tools, the HTML report for people.
  const exported = writeExports(reloaded, loadExportInput(input, reloaded), { sqlite: join(outDir, "mmm.db"), csv: join(outDir, "csv"), report: join(outDir, "report.html") });
  ctx.out(`\n== export (same as \`mixlab export ${modelPath} --input ${input} --sqlite … --csv … --report …\`)\n`);
  ctx.out(`  SQLite  ${exported.sqlite} (${exported.tables.map((t) => t.name).join(", ")})\n`);
  ctx.out(`  CSV     ${join(outDir, "csv")}/ (${exported.csv?.length ?? 0} files, one per table)\n`);
  ctx.out(`  report  ${exported.report} (self-contained, opens offline)\n`);
  ctx.out(`  serve the model: npx mixlab serve --model ${modelPath} --port 8080\n`);
  ctx.out(`    then: curl -s -X POST localhost:8080/predict -H 'content-type: application/json' -d '{"rows":[{"date":"${futurePeriods(reloaded, 1).dates[0]}",${reloaded.spec.channels.map((c) => `"${c}":1000`).join(",")}}]}'\n`);
}

/** What-if, budget optimisation and the scenario table on the fitted weekly model. */
function planWeekly(ctx: CliContext, model: FittedModel, table: Table): void {
  const money = (x: number) => Math.round(x).toLocaleString("en-US");
  const channel = model.spec.channels.includes("search") ? "search" : model.spec.channels[0];
  const w = whatIf(model, table, { scale: { [channel]: 1.3 } });
  ctx.out(`\n== what if ${channel} had spent 30 % more over the whole history (\`mixlab whatif … --scale ${channel}=1.3\`)\n`);
  ctx.out(`  total ${model.spec.target}: ${money(w.baseline)} → ${money(w.scenario)} (${w.change >= 0 ? "+" : ""}${money(w.change)}, ${w.change_pct.toFixed(2)} %)\n`);
  const periods = defaultPlanPeriods(model);
  const recent = recentSpend(model, periods);
  const currentBudget = model.spec.channels.reduce((a, c) => a + recent.perPeriod[c] * periods, 0);
  const opt = optimizeBudget(model, { periods, budget: currentBudget });
  ctx.out(`\n== budget optimisation over the next ${periods} periods at the current budget (\`mixlab optimize …\`)\n`);
  ctx.out(`  budget ${money(opt.budget)}: response ${money(opt.current_response)} with the current mix → ${money(opt.optimal_response)} optimised (+${opt.lift_pct.toFixed(1)} %)` +
    (opt.optimal_response_low !== undefined ? `, 90 % interval [${money(opt.optimal_response_low)}, ${money(opt.optimal_response_high!)}]` : "") + "\n");
  const width = Math.max(8, ...opt.allocation.map((a) => a.name.length));
  ctx.out(`  ${"channel".padEnd(width)}  ${"current".padStart(11)}  ${"optimal".padStart(11)}  ${"response".padStart(11)}  mROAS\n`);
  for (const a of opt.allocation) {
    ctx.out(`  ${a.name.padEnd(width)}  ${money(a.current).padStart(11)}  ${money(a.optimal).padStart(11)}  ${money(a.response).padStart(11)}  ${a.mroas.toFixed(3)}${a.status === "free" ? "" : ` (${a.status})`}\n`);
  }
  ctx.out(`  KKT: marginal ROAS equal across free channels within ${(100 * opt.kkt.max_rel_gap).toExponential(1)} %; ${opt.kkt.certified ? "certified optimal (dual bound met)" : `duality gap ${money(opt.kkt.gap)}`}\n`);
  const table90 = budgetScenarios(model, { periods });
  ctx.out(`\n== budget scenarios (optimal split at each budget)\n  ${"budget".padStart(8)}  ${"spend".padStart(11)}  ${"response".padStart(11)}  ${"ROAS".padStart(6)}  ${"mROAS".padStart(6)}  current-mix response\n`);
  for (const sc of table90.scenarios) {
    ctx.out(`  ${(100 * sc.multiplier).toFixed(0).padStart(7)}%  ${money(sc.budget).padStart(11)}  ${money(sc.response).padStart(11)}  ${sc.roas.toFixed(3).padStart(6)}  ${sc.mroas.toFixed(3).padStart(6)}  ${money(sc.current_mix_response)}\n`);
  }
}

function summariseKinds(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ");
}

/** One line: how many of the generator's injected faults the cleaning report contains, by kind. */
function compareWithFaults(report: CleanReport, truth: Truth): string {
  const faults = truth.dirt?.faults ?? [];
  const key = (kind: string, column: string, date: string | null) => `${kind}|${column}|${date}`;
  const reported = new Set(report.changes.map((c) => key(c.kind, c.column, c.date)));
  const reportedInvalid = new Set(report.changes.filter((c) => c.kind === "invalid_date").map((c) => `${c.column}|${c.date_text}`));
  const found = faults.filter((f) => f.kind === "invalid_date" ? reportedInvalid.has(`${f.column}|${f.value}`) : reported.has(key(f.kind, f.column, f.date)));
  return `          injected faults found: ${found.length} of ${faults.length}; changes not from an injected fault: ${report.changes.length - found.length}\n`;
}
