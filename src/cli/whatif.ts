/**
 * `mixlab whatif model.json …`: what-if questions to a saved model, in three modes.
 * - Historical (`--scale tv=1.3,search=0.8`, optionally `--spend tv=800` as a replacement, and
 *   `--from D --to D`): the input's periods predicted again with the changed spend (whatIf); the
 *   input is `--input INPUT`, or without it the model's own observed periods with their observed
 *   controls (history-input.ts; at their fit-window means for a model saved without control
 *   history — the change does not depend on them).
 * - Plan (`--spend tv=1000,radio=500 [--periods K]`): the response of K future periods at that
 *   spend per period, from the carried-over adstock of the observed spend (plan); a channel not
 *   named keeps its current spend (its average over the last K observed periods); the controls are
 *   held at their average over the last K observed periods (the fit-window mean for a model saved
 *   without control history), which moves the predicted target but not the response.
 * - Batch (`--scenarios FILE.json`, a JSON list of per-period spend maps): every plan in one call.
 * `--json` prints the library's answer (the contract's fields first); otherwise a short table.
 * Unknown channels in flags are bad usage (exit 2); a bad scenarios file is bad input (exit 1).
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { defaultPlanPeriods } from "../analysis/future-periods";
import { plan, planScenarios, type PlanControl, type PlanResult, type SpendPlan } from "../analysis/plan";
import { whatIf, type WhatIfResult } from "../analysis/what-if";
import { loadModel } from "../artifact/load";
import { historyInput } from "../artifact/history-input";
import { loadPredictionInput } from "../artifact/prediction-input";
import { DataError } from "../data/issue";
import { parseIsoDate } from "../data/parse-date";
import type { DesignInput } from "../features/design";
import type { FittedModel } from "../models/fitted-model";
import { printJson, type CliContext } from "./context";
import { textTable, type Row } from "./text-table";
import { checkInputSize } from "./input-size";
import { addInputOptions, loadOptionsFrom, refusePanel, type InputFlags } from "./input-options";
import { keyValueOption, numberOption } from "./parse-flags";
import { UsageError } from "./usage-error";

type WhatIfFlags = InputFlags & {
  input?: string;
  scale?: string;
  spend?: string;
  from?: string;
  to?: string;
  periods?: string;
  scenarios?: string;
  json?: boolean;
};

/**
 * channelValues(flag, text, model) → `a=1,b=2` as a map of finite numbers ≥ 0 over the model's channels.
 * @throws UsageError for a bad pair, a bad number or a channel the model does not have (naming them)
 */
export function channelValues(flag: string, text: string, model: FittedModel): Record<string, number> {
  const pairs = keyValueOption(flag, text);
  const unknown = pairs.map(([name]) => name).filter((name) => !model.spec.channels.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`${flag} names unknown channel(s) ${unknown.map((c) => `"${c}"`).join(", ")}; the model's channels are ${model.spec.channels.join(", ")}`);
  }
  return Object.fromEntries(pairs.map(([name, value]) => [name, numberOption(`${flag} ${name}`, value, { min: 0 })]));
}

function checkDate(flag: string, text: string | undefined): void {
  if (text !== undefined && Number.isNaN(parseIsoDate(text))) throw new UsageError(`${flag} must be a date YYYY-MM-DD, not "${text}"`);
}

/**
 * readScenarios(path, model) → the spend maps of a scenarios file: a JSON list (or {"scenarios":
 * [...]}) of objects mapping channel → spend per period (a number, or one number per period).
 * @throws DataError naming the file and the scenario when it cannot be read or is malformed
 */
export function readScenarios(path: string, model: FittedModel): SpendPlan[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new DataError(`cannot read scenarios ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DataError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(json) ? json : (json as { scenarios?: unknown } | null)?.scenarios;
  if (!Array.isArray(list) || list.length === 0) throw new DataError(`${path} must hold a non-empty JSON list of spend maps, e.g. [{"tv": 1000, "radio": 500}]`);
  return list.map((entry, i) => {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) throw new DataError(`${path}: scenario ${i + 1} is not an object of channel → spend per period`);
    const unknown = Object.keys(entry).filter((c) => !model.spec.channels.includes(c));
    if (unknown.length > 0) {
      throw new DataError(`${path}: scenario ${i + 1} names unknown channel(s) ${unknown.map((c) => `"${c}"`).join(", ")}; the model's channels are ${model.spec.channels.join(", ")}`);
    }
    for (const [c, v] of Object.entries(entry as Record<string, unknown>)) {
      const ok = typeof v === "number" ? Number.isFinite(v) && v >= 0 : Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0);
      if (!ok) throw new DataError(`${path}: scenario ${i + 1}, "${c}" must be a spend per period ≥ 0 (a number or a list of numbers)`);
    }
    return entry as SpendPlan;
  });
}

const money = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–");
const ratio = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const signed = (x: number) => (x >= 0 ? "+" : "−") + money(Math.abs(x));

function describeWhatIf(r: WhatIfResult, what: string, target: string): string {
  const width = Math.max(7, ...r.channels.map((c) => c.name.length));
  let out = `what-if ${what}: ${r.periods} of ${r.rows} periods changed (${r.from} … ${r.to})\n`;
  out += `  predicted ${target}: ${money(r.baseline)} → ${money(r.scenario)} (${signed(r.change)}, ${Number.isFinite(r.change_pct) ? `${r.change_pct >= 0 ? "+" : ""}${r.change_pct.toFixed(2)} %` : "–"})\n\n`;
  out += `  ${"channel".padEnd(width)}  ${"spend before".padStart(13)}  ${"spend after".padStart(13)}  ${"effect before".padStart(13)}  ${"effect after".padStart(13)}  ${"change".padStart(12)}\n`;
  for (const c of r.channels) {
    out += `  ${c.name.padEnd(width)}  ${money(c.spend_baseline).padStart(13)}  ${money(c.spend_scenario).padStart(13)}  ${money(c.baseline).padStart(13)}  ${money(c.scenario).padStart(13)}  ${signed(c.scenario - c.baseline).padStart(12)}\n`;
  }
  return out;
}

/** range(low, high) → "low – high" of a 90 % interval, or "–" without draws. */
function range(low: number | undefined, high: number | undefined): string {
  return low === undefined || high === undefined ? "–" : `${money(low)} – ${money(high)}`;
}

/**
 * describePlan(r) → the readable plan: its window, total response (with its 90 % interval), and a
 * table whose every column says what it holds — spend per period (marked * where the plan did not
 * name the channel and it keeps its current spend), total spend and response over the K periods,
 * the response's 90 % interval and the plan's ROAS (response ÷ total spend).
 */
export function describePlan(r: PlanResult): string {
  let out = `plan of ${r.periods} periods (${r.start} … ${r.end}), from the carry-over of the observed spend\n`;
  out += `  response ${money(r.response)}` + (r.response_low === undefined ? "" : ` (90 % interval ${range(r.response_low, r.response_high)})`) +
    `; carry-over of past spend ${money(r.carryover)}; predicted target ${money(r.predicted)}\n`;
  out += `${describeControls(r)}\n`;
  const rows: Row[] = r.channels.map((c) => [
    c.name, money(c.spend / r.periods) + (c.spend_source === "current" ? "*" : " "), money(c.spend), money(c.response),
    c.spend > 0 ? range(c.response_low, c.response_high) : "–", ratio(c.roas),
  ]);
  out += textTable(["channel", "spend/period ", `spend (${r.periods} periods)`, "response", "response 90 %", "roas"], rows);
  const w = r.spend_window;
  if (w !== null) out += `  * not named in --spend: kept at its current spend, the average over the last ${w.periods} observed periods (${w.start} … ${w.end})\n`;
  return out;
}

/** describeControls(r) → one line per way the plan's controls were set ("" without controls). */
function describeControls(r: PlanResult): string {
  const list = (source: PlanControl["source"]) => r.controls.filter((c) => c.source === source).map((c) => `${c.name} ${Number(c.value.toPrecision(6))}`).join(", ");
  const w = r.controls_window;
  let out = "";
  if (w !== null) out += `  controls held at their average over the last ${w.periods} observed periods (${w.start} … ${w.end}): ${list("recent")}\n`;
  const old = list("fit_window_mean");
  if (old !== "") out += `  controls held at their fit-window mean (the model keeps no control history): ${old}\n`;
  const given = list("given");
  if (given !== "") out += `  controls as given: ${given}\n`;
  return out;
}

/** describeScenarios(results) → one row per plan: total spend, response, its 90 % interval and ROAS over the K periods. */
export function describeScenarios(results: PlanResult[]): string {
  const out = `${results.length} plans of ${results[0].periods} periods (${results[0].start} … ${results[0].end}); a channel a plan does not name keeps its current spend\n`;
  const rows: Row[] = results.map((r, i) => {
    const spend = r.channels.reduce((a, c) => a + c.spend, 0);
    return [String(i + 1), money(spend), money(r.response), range(r.response_low, r.response_high), ratio(spend > 0 ? r.response / spend : NaN)];
  });
  return out + textTable(["#", `spend (${results[0].periods} periods)`, "response", "response 90 %", "roas"], rows);
}

/** registerWhatIf(program, ctx) adds `mixlab whatif` to the program. */
export function registerWhatIf(program: Command, ctx: CliContext): void {
  addInputOptions(
    program.command("whatif")
      .description("what-if questions to a saved model: a historical counterfactual (--scale), a forward plan (--spend) or many plans (--scenarios)")
      .argument("<model>", "model.json written by `mixlab fit`")
      .option("--input <input>", "historical mode: the periods to predict again (default: the model's own observed periods)")
      .option("--scale <channel=factor,...>", "historical mode: multiply these channels' spend in the window")
      .option("--spend <channel=spend,...>", "plan mode: spend per period; a channel not named keeps its current spend, the average of the last K observed periods (with --scale, --input, --from or --to: replacement spend per period in the window)")
      .option("--from <date>", "historical mode: first date of the window (default: the input's first)")
      .option("--to <date>", "historical mode: last date of the window (default: the input's last)")
      .option("--periods <K>", "plan mode: number of future periods (default: one quarter, 13 weekly or 91 daily); controls are held at their average over the last K observed periods")
      .option("--scenarios <file.json>", "plan mode: a JSON list of per-period spend maps, answered in one call")
      .option("--json", "print the answer as JSON on stdout"),
  ).action((modelPath: string, flags: WhatIfFlags) => {
    refusePanel(flags, "whatif");
    const historicalOnly = flags.input !== undefined || flags.from !== undefined || flags.to !== undefined;
    if (flags.scenarios !== undefined && (flags.scale !== undefined || flags.spend !== undefined || historicalOnly)) {
      throw new UsageError("--scenarios takes the plans from its file; it does not go with --scale, --spend, --input, --from or --to");
    }
    const historical = flags.scale !== undefined || (flags.spend !== undefined && historicalOnly);
    if (historical && flags.periods !== undefined) throw new UsageError("--periods is for plans (--spend or --scenarios), not for a historical what-if (--scale)");
    if (!historical && historicalOnly) throw new UsageError("--input, --from and --to are for a historical what-if: give --scale (or --spend as a replacement)");
    if (flags.scenarios === undefined && flags.scale === undefined && flags.spend === undefined) {
      throw new UsageError("whatif needs --scale (a historical what-if), --spend (a plan) or --scenarios FILE.json (several plans)");
    }
    checkDate("--from", flags.from);
    checkDate("--to", flags.to);
    const model = loadModel(modelPath);
    const periods = flags.periods === undefined ? defaultPlanPeriods(model) : numberOption("--periods", flags.periods, { integer: true, min: 1 });
    const scale = flags.scale === undefined ? undefined : channelValues("--scale", flags.scale, model);
    const spend = flags.spend === undefined ? undefined : channelValues("--spend", flags.spend, model);
    if (historical) {
      let input: DesignInput;
      let what: string;
      if (flags.input !== undefined) {
        checkInputSize(flags.input);
        const rows = loadPredictionInput(flags.input, model, loadOptionsFrom(flags).load);
        if (rows.defaultedControls.length > 0) ctx.err(`mixlab: ${flags.input} has no ${rows.defaultedControls.join(", ")}; using the fit window's mean\n`);
        input = rows;
        what = `on ${flags.input}`;
      } else {
        const rows = historyInput(model);
        input = rows;
        what = "on the model's observed periods";
        if (rows.defaultedControls.length > 0) ctx.err(`mixlab: no --input: predicting the model's observed periods with ${rows.defaultedControls.join(", ")} at their fit-window means (this model keeps no control history; the change does not depend on them)\n`);
      }
      let result: WhatIfResult;
      try {
        result = whatIf(model, input, { scale, spend, from: flags.from, to: flags.to });
      } catch (err) {
        if (err instanceof RangeError) throw new UsageError(err.message);
        throw err;
      }
      const change = [...Object.entries(spend ?? {}).map(([c, v]) => `${c} = ${v}`), ...Object.entries(scale ?? {}).map(([c, v]) => `${c} × ${v}`)].join(", ");
      if (flags.json) printJson(ctx, result);
      else ctx.out(describeWhatIf(result, `${what} (${change})`, model.spec.target));
      ctx.exit(0);
      return;
    }
    if (flags.scenarios !== undefined) {
      const scenarios = readScenarios(flags.scenarios, model);
      let results: PlanResult[];
      try {
        results = planScenarios(model, scenarios, { periods });
      } catch (err) {
        if (err instanceof RangeError) throw new DataError(`${flags.scenarios}: ${err.message}`);
        throw err;
      }
      if (flags.json) printJson(ctx, { scenarios: results });
      else ctx.out(describeScenarios(results));
      ctx.exit(0);
      return;
    }
    const result = plan(model, { spend: spend ?? {}, periods });
    if (flags.json) printJson(ctx, result);
    else ctx.out(describePlan(result));
    ctx.exit(0);
  });
}
