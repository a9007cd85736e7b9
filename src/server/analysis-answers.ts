/**
 * The answers of POST /whatif and POST /optimize: the request body (the flags of src/cli/whatif.ts
 * and src/cli/optimize.ts as fields, already checked by whatIfBody / optimizeBody) turned into the
 * calls those commands make, with the same modes and defaults, and their results as the CLI prints
 * them with --json. A RangeError from the
 * analysis (a window with no period, bounds that cannot meet the budget) is the caller's mistake:
 * a 422 with its message.
 */
import type { z } from "zod";
import { budgetScenarios } from "../analysis/budget-scenarios";
import { defaultPlanPeriods } from "../analysis/future-periods";
import { CAMPAIGN_SHARE_RULE, optimizeBudget, type OptimizeOptions } from "../analysis/optimize-budget";
import { plan, planScenarios, type SpendPlan } from "../analysis/plan";
import { recentSpend } from "../analysis/recent-spend";
import { whatIf } from "../analysis/what-if";
import { historyInput } from "../artifact/history-input";
import type { FittedModel } from "../models/fitted-model";
import { HttpError } from "./errors";
import { dayOf, rowsInput, type JsonRow } from "./rows-input";
import type { optimizeBody, whatIfBody } from "./schemas";

export type WhatIfRequest = z.infer<ReturnType<typeof whatIfBody>>;
export type OptimizeRequest = z.infer<ReturnType<typeof optimizeBody>>;

/** asUserError(fn) → fn(), with a RangeError turned into a 422 carrying its message. */
export function asUserError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) throw new HttpError(422, err.message);
    throw err;
  }
}

function only(body: Record<string, unknown>, mode: string, allowed: readonly string[]): void {
  const extra = Object.keys(body).filter((k) => body[k] !== undefined && !allowed.includes(k));
  if (extra.length > 0) throw new HttpError(422, `${extra.join(", ")} do(es) not go with ${mode}; it takes ${allowed.join(", ")}`);
}

/**
 * whatIfAnswer(model, body) → what `mixlab whatif --json` prints for the same flags: whatIf() for
 * `scale` (or `spend` with `rows`, `from` or `to`) over `rows` or the model's observed periods;
 * `{"scenarios": planScenarios()}` for `scenarios`; plan() for `spend`.
 * @throws HttpError 422 for a body that mixes the modes or names none, or a RangeError of the analysis
 */
export function whatIfAnswer(model: FittedModel, body: WhatIfRequest): unknown {
  const b = body as Record<string, unknown>;
  const historicalOnly = body.rows !== undefined || body.from !== undefined || body.to !== undefined;
  if (body.scenarios !== undefined) {
    only(b, "scenarios (several plans)", ["scenarios", "periods"]);
    const periods = body.periods ?? defaultPlanPeriods(model);
    return asUserError(() => ({ scenarios: planScenarios(model, body.scenarios as SpendPlan[], { periods }) }));
  }
  if (body.scale !== undefined || (body.spend !== undefined && historicalOnly)) {
    only(b, "a historical what-if (scale)", ["scale", "spend", "rows", "from", "to"]);
    if (body.from !== undefined) dayOf(body.from, "from");
    if (body.to !== undefined) dayOf(body.to, "to");
    const input = body.rows !== undefined ? rowsInput(body.rows as JsonRow[], model) : historyInput(model);
    return asUserError(() => whatIf(model, input, { scale: body.scale as Record<string, number> | undefined, spend: body.spend as Record<string, number | number[]> | undefined, from: body.from, to: body.to }));
  }
  if (body.spend !== undefined) {
    only(b, "a plan (spend)", ["spend", "periods"]);
    const periods = body.periods ?? defaultPlanPeriods(model);
    return asUserError(() => plan(model, { spend: body.spend as SpendPlan, periods }));
  }
  if (historicalOnly) throw new HttpError(422, "rows, from and to are for a historical what-if: give scale (or spend as a replacement)");
  throw new HttpError(422, "the body needs scale (a historical what-if), spend (a plan) or scenarios (several plans)");
}

/**
 * optimizeAnswer(model, body) → what `mixlab optimize --json` prints for the same flags:
 * budgetScenarios() for `budgets`, else optimizeBudget() — of `budget`, of the current budget
 * when neither budget nor target_roas is given, or in target-ROAS mode.
 * @throws HttpError 422 for fields that do not go together, or a RangeError of the analysis
 */
export function optimizeAnswer(model: FittedModel, body: OptimizeRequest): unknown {
  if (body.budgets !== undefined && (body.budget !== undefined || body.target_roas !== undefined)) {
    throw new HttpError(422, "budgets makes the scenario table from the current budget; it does not go with budget or target_roas");
  }
  if (body.share_rule === true && (body.min_share !== undefined || body.max_share !== undefined)) {
    throw new HttpError(422, "share_rule sets min_share and max_share; give one or the other");
  }
  const periods = body.periods ?? defaultPlanPeriods(model);
  const options: OptimizeOptions = {
    periods,
    min: body.min as Record<string, number> | undefined,
    max: body.max as Record<string, number> | undefined,
    minShare: body.share_rule === true ? CAMPAIGN_SHARE_RULE.minShare : body.min_share,
    maxShare: body.share_rule === true ? CAMPAIGN_SHARE_RULE.maxShare : body.max_share,
    locked: body.locked,
  };
  if (body.budgets !== undefined) return asUserError(() => budgetScenarios(model, { ...options, multipliers: body.budgets }));
  let budget = body.budget;
  if (budget === undefined && body.target_roas === undefined) {
    const recent = recentSpend(model, periods);
    budget = model.spec.channels.reduce((a, c) => a + recent.perPeriod[c] * periods, 0);
  }
  return asUserError(() => optimizeBudget(model, { ...options, budget, targetRoas: body.target_roas }));
}

/**
 * scenarioPeriods(model, route, body) → the scenario-periods a /whatif or /optimize body asks for:
 * scenarios × periods (several plans), budgets × periods (the scenario table), periods (one plan or
 * one optimisation), 0 for a historical what-if (its rows are capped by the schema). Periods
 * default as the answers default them.
 */
export function scenarioPeriods(model: FittedModel, route: "/whatif" | "/optimize", body: WhatIfRequest | OptimizeRequest): number {
  const periods = body.periods ?? defaultPlanPeriods(model);
  if (route === "/optimize") return ((body as OptimizeRequest).budgets?.length ?? 1) * periods;
  const w = body as WhatIfRequest;
  if (w.scenarios !== undefined) return w.scenarios.length * periods;
  if (w.scale !== undefined || w.rows !== undefined || w.from !== undefined || w.to !== undefined) return 0;
  return periods;
}

/**
 * checkScenarioPeriods(model, route, body, cap) passes when the body asks for at most `cap`
 * scenario-periods (see scenarioPeriods).
 * @throws HttpError 413 naming the cap
 */
export function checkScenarioPeriods(model: FittedModel, route: "/whatif" | "/optimize", body: WhatIfRequest | OptimizeRequest, cap: number): void {
  const n = scenarioPeriods(model, route, body);
  if (n > cap) {
    const what = route === "/optimize" ? "budgets × periods" : "scenarios × periods";
    throw new HttpError(413, `the request asks for ${n} ${what}, more than ${cap} (the server's limit on scenario-periods, maxScenarioPeriods); split it into smaller requests`);
  }
}
