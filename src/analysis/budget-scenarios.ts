/**
 * budgetScenarios(model, { multipliers, periods, … }): one table of what budgets of 90 %, 100 %,
 * 110 %, 120 %, 150 % (or any multipliers) of the current budget return when each is split
 * optimally (optimizeBudget), with the response, ROAS and marginal ROAS in total and per channel,
 * next to what the current mix scaled to the same budget returns. The current budget is the recent
 * spend: the average spend per period over the last K observed periods × K.
 */
import type { FittedModel } from "../models/fitted-model";
import { optimizeBudget, type OptimizeOptions } from "./optimize-budget";
import { plan } from "./plan";
import { recentSpend } from "./recent-spend";

/** The default multipliers of the current budget. */
export const DEFAULT_BUDGET_MULTIPLIERS: readonly number[] = [0.9, 1, 1.1, 1.2, 1.5];

/** One row of the table: the optimal split of multiplier × the current budget. */
export interface BudgetScenario {
  multiplier: number;
  /** multiplier × current budget, currency over the K periods. */
  budget: number;
  /** Incremental response of the optimal split, target units over the K periods. */
  response: number;
  /** response / budget. */
  roas: number;
  /** The optimal split's common marginal ROAS (the budget's shadow price). */
  mroas: number;
  /** Response of the current mix scaled to this budget. */
  current_mix_response: number;
  channels: { name: string; spend: number; response: number; roas: number; mroas: number }[];
}

/** The table: the horizon, the current budget and the window it averages, one row per multiplier. */
export interface BudgetScenarioTable {
  periods: number;
  current_budget: number;
  current_window: { start: string; end: string; periods: number };
  scenarios: BudgetScenario[];
}

/**
 * budgetScenarios(model, options) → one optimised row per multiplier of the current budget (see
 * the module comment). Bounds, shares and locks in `options` apply to every row.
 * @throws RangeError for a multiplier that is not finite and > 0, or as optimizeBudget does
 * @example budgetScenarios(model, { multipliers: [0.9, 1, 1.1, 1.2, 1.5], periods: 13 }).scenarios.map((s) => s.mroas)
 */
export function budgetScenarios(model: FittedModel, options: Omit<OptimizeOptions, "budget" | "targetRoas"> & { multipliers?: readonly number[] }): BudgetScenarioTable {
  const multipliers = options.multipliers ?? DEFAULT_BUDGET_MULTIPLIERS;
  for (const m of multipliers) if (!(Number.isFinite(m) && m > 0)) throw new RangeError(`budgetScenarios requires multipliers > 0, got ${m}`);
  const K = options.periods;
  const recent = recentSpend(model, K);
  const channels = model.spec.channels;
  const currentBudget = channels.reduce((a, c) => a + recent.perPeriod[c] * K, 0);
  const scenarios = multipliers.map((multiplier): BudgetScenario => {
    const budget = multiplier * currentBudget;
    const opt = optimizeBudget(model, { ...options, budget });
    const mix = plan(model, { spend: Object.fromEntries(channels.map((c) => [c, multiplier * recent.perPeriod[c]])), periods: K });
    return {
      multiplier,
      budget,
      response: opt.optimal_response,
      roas: budget > 0 ? opt.optimal_response / budget : NaN,
      mroas: opt.kkt.lambda,
      current_mix_response: mix.response,
      channels: opt.allocation.map((a) => ({ name: a.name, spend: a.optimal, response: a.response, roas: a.roas, mroas: a.mroas })),
    };
  });
  return { periods: K, current_budget: currentBudget, current_window: { start: recent.start, end: recent.end, periods: recent.periods }, scenarios };
}
