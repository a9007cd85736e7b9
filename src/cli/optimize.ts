/**
 * `mixlab optimize model.json [--budget B] [--periods K] [--min tv=..] [--max tv=..]
 * [--min-share 0.05] [--max-share 0.6] [--share-rule] [--locked tv,radio] [--target-roas R]
 * [--budgets 0.9,1,1.1,1.2,1.5] [--json]`: the optimal split of a budget over the next K periods
 * (optimizeBudget), the budget a target marginal ROAS allows (--target-roas), or the table of
 * optimal splits at multiples of the current budget (--budgets, budgetScenarios). Money is in
 * totals over the K periods, spent evenly; "current" is the average spend of the last K observed
 * periods × K. Without --budget the current budget is split. `--json` prints the library's answer.
 */
import type { Command } from "commander";
import { budgetScenarios, type BudgetScenarioTable } from "../analysis/budget-scenarios";
import { defaultPlanPeriods } from "../analysis/future-periods";
import { CAMPAIGN_SHARE_RULE, optimizeBudget, type OptimizeOptions, type OptimizeResult } from "../analysis/optimize-budget";
import { recentSpend } from "../analysis/recent-spend";
import { loadModel } from "../artifact/load";
import type { FittedModel } from "../models/fitted-model";
import { printJson, type CliContext } from "./context";
import { keyValueOption, numberOption } from "./parse-flags";
import { UsageError } from "./usage-error";
import { channelValues } from "./whatif";

interface OptimizeFlags {
  budget?: string;
  periods?: string;
  min: string[];
  max: string[];
  minShare?: string;
  maxShare?: string;
  shareRule?: boolean;
  locked?: string;
  targetRoas?: string;
  budgets?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function channelMap(flag: string, texts: string[], model: FittedModel): Record<string, number> | undefined {
  if (texts.length === 0) return undefined;
  return Object.assign({}, ...texts.map((t) => channelValues(flag, t, model))) as Record<string, number>;
}

const money = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–");
const ratio = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const pct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? "+" : ""}${x.toFixed(2)} %` : "–");

function describeOptimum(r: OptimizeResult): string {
  const width = Math.max(7, ...r.allocation.map((c) => c.name.length));
  const head = r.target_roas !== undefined
    ? `largest budget whose marginal ROAS stays ≥ ${r.target_roas}: ${money(r.budget)}${r.capped ? " (the cap: the marginal ROAS is still above the target there)" : ""}`
    : `optimal split of ${money(r.budget)}`;
  const unmet = r.target_met === false ? `  no budget from ${money(r.budget)} up earns a marginal ROAS of ${r.target_roas}: the smallest considered is shown\n` : "";
  let out = `${head} over ${r.periods} periods, spent evenly\n${unmet}  current = average spend per period over the last ${r.current_window.periods} observed periods (${r.current_window.start} … ${r.current_window.end}) × ${r.periods}\n\n`;
  out += `  ${"channel".padEnd(width)}  ${"current".padStart(12)}  ${"optimal".padStart(12)}  ${"share".padStart(7)}  ${"response".padStart(12)}  ${"roas".padStart(6)}  ${"mroas".padStart(7)}  bound\n`;
  for (const c of r.allocation) {
    const bound = c.status === "free" ? "" : c.status;
    out += `  ${c.name.padEnd(width)}  ${money(c.current).padStart(12)}  ${money(c.optimal).padStart(12)}  ${`${(100 * c.share).toFixed(1)} %`.padStart(7)}  ${money(c.response).padStart(12)}  ${ratio(c.roas, 2).padStart(6)}  ${ratio(c.mroas).padStart(7)}  ${bound}\n`;
  }
  const band = r.optimal_response_low !== undefined ? ` [90 %: ${money(r.optimal_response_low)} – ${money(r.optimal_response_high!)}]` : "";
  out += `\n  response: current ${money(r.current_response)} (spending ${money(r.current_budget)}) → optimal ${money(r.optimal_response)}${band} (${pct(r.lift_pct)})\n`;
  const k = r.kkt;
  out += `  KKT: marginal ROAS ${ratio(k.lambda, 4)} across channels not at a bound (largest gap ${k.max_rel_gap.toExponential(1)}, ${k.ok ? "ok" : "NOT met"}); `;
  out += k.certified ? "certified optimal (the dual bound is met)\n" : `within ${(100 * k.gap).toFixed(3)} % of the dual bound ${money(k.dual_bound)} (S-shaped curves: no certificate)\n`;
  return out;
}

function describeScenarios(t: BudgetScenarioTable): string {
  let out = `optimal splits at multiples of the current budget ${money(t.current_budget)} (last ${t.current_window.periods} observed periods, ${t.current_window.start} … ${t.current_window.end}), over ${t.periods} periods\n`;
  out += `  ${"×".padStart(5)}  ${"budget".padStart(12)}  ${"response".padStart(12)}  ${"roas".padStart(6)}  ${"mroas".padStart(7)}  ${"current mix".padStart(12)}\n`;
  for (const s of t.scenarios) {
    out += `  ${s.multiplier.toFixed(2).padStart(5)}  ${money(s.budget).padStart(12)}  ${money(s.response).padStart(12)}  ${ratio(s.roas, 2).padStart(6)}  ${ratio(s.mroas).padStart(7)}  ${money(s.current_mix_response).padStart(12)}\n`;
  }
  const names = t.scenarios[0]?.channels.map((c) => c.name) ?? [];
  const width = Math.max(7, ...names.map((n) => n.length));
  out += `\n  spend per channel (roas, mroas)\n  ${"channel".padEnd(width)}${t.scenarios.map((s) => `×${s.multiplier}`.padStart(26)).join("")}\n`;
  names.forEach((name, i) => {
    out += `  ${name.padEnd(width)}${t.scenarios.map((s) => `${money(s.channels[i].spend)} (${ratio(s.channels[i].roas, 2)}, ${ratio(s.channels[i].mroas, 2)})`.padStart(26)).join("")}\n`;
  });
  return out;
}

/** registerOptimize(program, ctx) adds `mixlab optimize` to the program. */
export function registerOptimize(program: Command, ctx: CliContext): void {
  program.command("optimize")
    .description("split a budget across channels to maximise the modelled response over the next periods")
    .argument("<model>", "model.json written by `mixlab fit`")
    .option("--budget <B>", "total budget over the K periods (default: the current spend of the last K periods; with --target-roas: the most to consider)")
    .option("--periods <K>", "plan horizon in periods (default: one quarter, 13 weekly or 91 daily)")
    .option("--min <channel=total,...>", "lowest total spend per channel over the K periods (repeatable)", collect, [])
    .option("--max <channel=total,...>", "highest total spend per channel over the K periods (repeatable)", collect, [])
    .option("--min-share <s>", "lowest share of the budget for every unlocked channel, in [0, 1]")
    .option("--max-share <s>", "highest share of the budget for every unlocked channel, in [0, 1]")
    .option("--share-rule", `the campaign pipeline's rule: --min-share ${CAMPAIGN_SHARE_RULE.minShare} --max-share ${CAMPAIGN_SHARE_RULE.maxShare}`)
    .option("--locked <channels>", "comma-separated channels held at their current spend")
    .option("--target-roas <R>", "find the largest budget whose marginal ROAS stays at least R")
    .option("--budgets <list>", "scenario table: optimal splits at these multiples of the current budget, e.g. 0.9,1,1.1,1.2,1.5")
    .option("--json", "print the answer as JSON on stdout")
    .action((modelPath: string, flags: OptimizeFlags) => {
      if (flags.budgets !== undefined && (flags.budget !== undefined || flags.targetRoas !== undefined)) {
        throw new UsageError("--budgets makes the scenario table from the current budget; it does not go with --budget or --target-roas");
      }
      if (flags.shareRule && (flags.minShare !== undefined || flags.maxShare !== undefined)) throw new UsageError("--share-rule sets --min-share and --max-share; give one or the other");
      const model = loadModel(modelPath);
      const periods = flags.periods === undefined ? defaultPlanPeriods(model) : numberOption("--periods", flags.periods, { integer: true, min: 1 });
      const locked = flags.locked?.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
      // Every unknown channel of --min, --max and --locked in one message.
      const named = [...flags.min, ...flags.max].flatMap((t) => keyValueOption("--min/--max", t).map(([name]) => name)).concat(locked ?? []);
      const unknown = [...new Set(named.filter((c) => !model.spec.channels.includes(c)))];
      if (unknown.length > 0) {
        throw new UsageError(`unknown channel(s) ${unknown.map((c) => `"${c}"`).join(", ")} in --min, --max or --locked; the model's channels are ${model.spec.channels.join(", ")}`);
      }
      const options: OptimizeOptions = {
        periods,
        min: channelMap("--min", flags.min, model),
        max: channelMap("--max", flags.max, model),
        minShare: flags.shareRule ? CAMPAIGN_SHARE_RULE.minShare : flags.minShare === undefined ? undefined : numberOption("--min-share", flags.minShare, { min: 0, max: 1 }),
        maxShare: flags.shareRule ? CAMPAIGN_SHARE_RULE.maxShare : flags.maxShare === undefined ? undefined : numberOption("--max-share", flags.maxShare, { min: 0, max: 1 }),
        locked,
      };
      const run = <T>(fn: () => T): T => {
        try {
          return fn();
        } catch (err) {
          if (err instanceof RangeError) throw new UsageError(err.message);
          throw err;
        }
      };
      if (flags.budgets !== undefined) {
        const multipliers = flags.budgets.split(",").map((s) => s.trim()).filter((s) => s.length > 0).map((s) => numberOption("--budgets", s, { positive: true }));
        if (multipliers.length === 0) throw new UsageError("--budgets needs at least one multiplier, e.g. 0.9,1,1.1");
        const table = run(() => budgetScenarios(model, { ...options, multipliers }));
        if (flags.json) printJson(ctx, table);
        else ctx.out(describeScenarios(table));
        ctx.exit(0);
        return;
      }
      const targetRoas = flags.targetRoas === undefined ? undefined : numberOption("--target-roas", flags.targetRoas, { positive: true });
      let budget = flags.budget === undefined ? undefined : numberOption("--budget", flags.budget, { min: 0 });
      if (budget === undefined && targetRoas === undefined) {
        const recent = recentSpend(model, periods);
        budget = model.spec.channels.reduce((a, c) => a + recent.perPeriod[c] * periods, 0);
        ctx.err(`mixlab: no --budget: splitting the current budget ${money(budget)} (the spend of the last ${recent.periods} observed periods, ${recent.start} … ${recent.end}, per period × ${periods})\n`);
      }
      const result = run(() => optimizeBudget(model, { ...options, budget, targetRoas }));
      if (flags.json) printJson(ctx, result);
      else ctx.out(describeOptimum(result));
      ctx.exit(0);
    });
}
