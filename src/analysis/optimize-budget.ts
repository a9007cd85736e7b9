/**
 * optimizeBudget(model, { budget, periods, … }): the split of a budget over the next K periods that
 * maximises the plan's incremental response (plan.ts), each channel spending its share evenly per
 * period. Channel c spending x_c in total returns f_c(x_c) = R_c(x_c / K) (flat-response.ts), so the
 * problem is separable:
 *
 *   maximise Σ_c f_c(x_c)  subject to  Σ_c x_c = B,  lower_c ≤ x_c ≤ upper_c
 *   lower_c = max(min_c, minShare·B),  upper_c = min(max_c, maxShare·B),  locked: lower = upper = x_c
 *
 * solved by allocate.ts (water-filling on marginal ROAS with analytic gradients, a dual bound and
 * a KKT check). Share bounds apply to unlocked channels; none by default (the campaign pipeline's
 * 5 %–60 % rule is CAMPAIGN_SHARE_RULE). Money is in totals over the K periods: `budget`, `current`,
 * `optimal`, min and max. `current` is the recent spend: the average spend per period over the last
 * K observed periods (recent-spend.ts) × K. `mroas` is f_c′(x_c) = d response / d spend (target
 * units per currency); at the optimum it is equal across channels not at a bound.
 *
 * Target-ROAS mode (`targetRoas`): the budget is the unknown — the largest budget B ≤ cap whose
 * optimal allocation still earns a marginal ROAS λ(B) ≥ target (the cap is `budget` when given,
 * else 10 × the current budget). B is found by a scan of 16 budgets on a geometric grid from
 * cap/1000 (or the sum of the minimums) to the cap — λ(B) need not fall monotonically when S-curves
 * switch channels on — then bisection on the last crossing to 1e-8 relative.
 */
import type { FittedModel } from "../models/fitted-model";
import { allocate, type Allocation, type AllocationCurve, type BoundStatus } from "./allocate";
import { flatResponse } from "./flat-response";
import { plan, unknownChannels, type PlanResult } from "./plan";
import { recentSpend } from "./recent-spend";

/** The campaign pipeline's share rule: every unlocked channel gets 5 %–60 % of the budget. */
export const CAMPAIGN_SHARE_RULE = { minShare: 0.05, maxShare: 0.6 } as const;

/** The budget (totals over the K periods, currency), the horizon and the constraints of optimizeBudget(). */
export interface OptimizeOptions {
  /** Total budget over the K periods (currency). Required unless targetRoas is given (then it caps the search). */
  budget?: number;
  /** K, the plan horizon in periods, an integer ≥ 1. */
  periods: number;
  /** Minimum / maximum total spend per channel over the K periods. */
  min?: Record<string, number>;
  max?: Record<string, number>;
  /** Share bounds of every unlocked channel, in [0, 1]. */
  minShare?: number;
  maxShare?: number;
  /** Channels held at their current spend (names), or at the given totals. */
  locked?: readonly string[] | Record<string, number>;
  /** Find the largest budget whose marginal ROAS stays at least this. */
  targetRoas?: number;
  /** Relative tolerance of the KKT check (default 1e-4). */
  tolerance?: number;
}

/** One channel of the answer; money in totals over the K periods, returns in target units. */
export interface OptimizeChannel {
  name: string;
  /** Recent spend × K (currency over the K periods). */
  current: number;
  /** Optimal spend over the K periods. */
  optimal: number;
  /** Incremental response of the optimal spend over the K periods (plan()). */
  response: number;
  /** Marginal ROAS at the optimum: d response / d spend. */
  mroas: number;
  /** response / optimal (NaN when nothing is spent). */
  roas: number;
  /** optimal / budget. */
  share: number;
  /** The bounds the optimiser respected. */
  lower: number;
  upper: number;
  status: BoundStatus | "locked";
  response_low?: number;
  response_high?: number;
}

/** The contract's answer plus the evidence of optimality and the definition of `current`. */
export interface OptimizeResult {
  budget: number;
  periods: number;
  allocation: OptimizeChannel[];
  current_response: number;
  optimal_response: number;
  /** 100 · (optimal_response − current_response) / current_response (percent). */
  lift_pct: number;
  /** Σ current: the recent spend over K periods. */
  current_budget: number;
  /** The observed periods `current` averages ("recent"). */
  current_window: { start: string; end: string; periods: number };
  optimal_response_low?: number;
  optimal_response_high?: number;
  kkt: {
    /** Common marginal ROAS of the channels not at a bound (the budget's shadow price). */
    lambda: number;
    max_rel_gap: number;
    tolerance: number;
    ok: boolean;
    /** Upper bound on the best achievable response (weak duality); certified when it is met. */
    dual_bound: number;
    gap: number;
    certified: boolean;
  };
  target_roas?: number;
  /** Target-ROAS mode: true when the cap was reached with the marginal ROAS still above target. */
  capped?: boolean;
  /** Target-ROAS mode: false when even the smallest budget considered (1/1000 of the cap, or the sum of the minimums) earns less than the target. */
  target_met?: boolean;
}

interface Setup {
  names: string[];
  periods: number;
  current: Record<string, number>;
  window: { start: string; end: string; periods: number };
  curves: (budget: number) => AllocationCurve[];
  locked: Record<string, number>;
}

function checkFraction(name: string, v: number | undefined): void {
  if (v !== undefined && !(v >= 0 && v <= 1)) throw new RangeError(`optimizeBudget requires ${name} in [0, 1], got ${v}`);
}

function setup(model: FittedModel, options: OptimizeOptions): Setup {
  const K = options.periods;
  if (!(Number.isInteger(K) && K >= 1)) throw new RangeError("optimizeBudget requires periods to be an integer >= 1");
  const names = model.spec.channels;
  const lockedNames = Array.isArray(options.locked) ? (options.locked as readonly string[]) : Object.keys(options.locked ?? {});
  const named = [...Object.keys(options.min ?? {}), ...Object.keys(options.max ?? {}), ...lockedNames];
  const unknown = [...new Set(unknownChannels(model, named))];
  if (unknown.length > 0) {
    throw new RangeError(`optimizeBudget: unknown channel(s) ${unknown.map((c) => `"${c}"`).join(", ")}; the model's channels are ${names.join(", ")}`);
  }
  checkFraction("minShare", options.minShare);
  checkFraction("maxShare", options.maxShare);
  const recent = recentSpend(model, K);
  const current = Object.fromEntries(names.map((c) => [c, recent.perPeriod[c] * K]));
  const locked: Record<string, number> = {};
  for (const c of lockedNames) {
    const v = Array.isArray(options.locked) ? current[c] : (options.locked as Record<string, number>)[c];
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`optimizeBudget requires the locked spend of "${c}" to be finite and >= 0, got ${v}`);
    locked[c] = v;
  }
  for (const [what, map] of [["min", options.min], ["max", options.max]] as const) {
    for (const [c, v] of Object.entries(map ?? {})) {
      if (!(v >= 0)) throw new RangeError(`optimizeBudget requires ${what} of "${c}" to be >= 0, got ${v}`);
    }
  }
  const responses = names.map((c) => flatResponse(model, c, K));
  const curves = (budget: number): AllocationCurve[] => names.map((c, i) => {
    const r = responses[i];
    let lower: number, upper: number;
    if (locked[c] !== undefined) {
      lower = upper = locked[c];
    } else {
      lower = Math.max(options.min?.[c] ?? 0, (options.minShare ?? 0) * budget);
      upper = Math.min(options.max?.[c] ?? Infinity, options.maxShare === undefined ? Infinity : options.maxShare * budget);
      if (lower > upper) throw new RangeError(`optimizeBudget: the bounds of "${c}" cannot both hold at budget ${budget}: lower ${lower} > upper ${upper}`);
    }
    return { value: (x: number) => r.value(x / K), slope: (x: number) => r.slope(x / K) / K, lower, upper, concave: r.concave };
  });
  return { names, periods: K, current, window: { start: recent.start, end: recent.end, periods: recent.periods }, curves, locked };
}

function solveAt(s: Setup, budget: number, tolerance: number): { alloc: Allocation; curves: AllocationCurve[] } {
  const curves = s.curves(budget);
  let lower = 0, upper = 0;
  for (const c of curves) { lower += c.lower; upper += c.upper; }
  if (lower > budget * (1 + 1e-12)) throw new RangeError(`optimizeBudget: the lower bounds (min, minShare, locked) sum to ${lower}, more than the budget ${budget}`);
  if (upper < budget * (1 - 1e-12)) throw new RangeError(`optimizeBudget: the upper bounds (max, maxShare, locked) sum to ${upper}, less than the budget ${budget}`);
  return { alloc: allocate(curves, budget, { tolerance }), curves };
}

function result(model: FittedModel, s: Setup, budget: number, alloc: Allocation, curves: AllocationCurve[], tolerance: number): OptimizeResult {
  const K = s.periods;
  const optimalPlan: PlanResult = plan(model, { spend: Object.fromEntries(s.names.map((c, i) => [c, alloc.x[i] / K])), periods: K });
  const currentPlan = plan(model, { spend: Object.fromEntries(s.names.map((c) => [c, s.current[c] / K])), periods: K });
  const allocation: OptimizeChannel[] = s.names.map((name, i) => {
    const ch = optimalPlan.channels[i];
    const out: OptimizeChannel = {
      name,
      current: s.current[name],
      optimal: alloc.x[i],
      response: ch.response,
      mroas: alloc.slopes[i],
      roas: alloc.x[i] > 0 ? ch.response / alloc.x[i] : NaN,
      share: budget > 0 ? alloc.x[i] / budget : 0,
      lower: curves[i].lower,
      upper: curves[i].upper,
      status: s.locked[name] !== undefined ? "locked" : alloc.status[i],
    };
    if (ch.response_low !== undefined) { out.response_low = ch.response_low; out.response_high = ch.response_high; }
    return out;
  });
  const out: OptimizeResult = {
    budget,
    periods: K,
    allocation,
    current_response: currentPlan.response,
    optimal_response: optimalPlan.response,
    lift_pct: currentPlan.response !== 0 ? (100 * (optimalPlan.response - currentPlan.response)) / Math.abs(currentPlan.response) : NaN,
    current_budget: s.names.reduce((a, c) => a + s.current[c], 0),
    current_window: s.window,
    kkt: { lambda: alloc.lambda, max_rel_gap: alloc.maxRelGap, tolerance, ok: alloc.kktOk, dual_bound: alloc.dualBound, gap: alloc.gap, certified: alloc.certified },
  };
  if (optimalPlan.response_low !== undefined) { out.optimal_response_low = optimalPlan.response_low; out.optimal_response_high = optimalPlan.response_high; }
  return out;
}

/**
 * optimizeBudget(model, options) → the optimal allocation of the budget over the K periods, its
 * response next to the current spend's, each channel's marginal ROAS and the KKT report (see the
 * module comment). With `targetRoas`, the budget itself is chosen.
 * @throws RangeError for unknown channels, a missing or negative budget, shares outside [0, 1], or
 *   bounds that cannot meet the budget
 * @example optimizeBudget(model, { budget: 1_200_000, periods: 13 }).allocation.map((a) => a.optimal)
 */
export function optimizeBudget(model: FittedModel, options: OptimizeOptions): OptimizeResult {
  const tolerance = options.tolerance ?? 1e-4;
  const s = setup(model, options);
  if (options.targetRoas !== undefined) return targetMode(model, s, options, tolerance);
  const budget = options.budget;
  if (budget === undefined || !(Number.isFinite(budget) && budget >= 0)) throw new RangeError(`optimizeBudget requires a finite budget >= 0, got ${budget}`);
  const { alloc, curves } = solveAt(s, budget, tolerance);
  return result(model, s, budget, alloc, curves, tolerance);
}

function targetMode(model: FittedModel, s: Setup, options: OptimizeOptions, tolerance: number): OptimizeResult {
  const target = options.targetRoas as number;
  if (!Number.isFinite(target)) throw new RangeError(`optimizeBudget requires a finite targetRoas, got ${target}`);
  const currentBudget = s.names.reduce((a, c) => a + s.current[c], 0);
  const cap = options.budget ?? 10 * currentBudget;
  if (!(Number.isFinite(cap) && cap > 0)) throw new RangeError(`optimizeBudget in target-ROAS mode requires a budget cap > 0 (give budget), got ${cap}`);
  let floor = 0;
  for (const c of s.names) floor += s.locked[c] ?? options.min?.[c] ?? 0;
  floor = Math.min(cap, Math.max(floor, cap * 1e-3));
  // λ(B) of the optimal allocation at budget B; a budget the bounds cannot meet counts as below target.
  const priceAt = (budget: number): { ok: boolean; lambda: number } => {
    try {
      const { alloc } = solveAt(s, budget, tolerance);
      return { ok: true, lambda: alloc.lambda };
    } catch {
      return { ok: false, lambda: -Infinity };
    }
  };
  const meets = (budget: number) => { const p = priceAt(budget); return p.ok && p.lambda >= target; };
  let capped = false;
  let chosen: number;
  if (meets(cap)) {
    chosen = cap;
    capped = true;
  } else {
    // Scan a geometric grid for the last budget that meets the target, then bisect to the crossing after it.
    const steps = 16;
    let last = -1;
    const grid = Array.from({ length: steps + 1 }, (_, i) => floor * (cap / floor) ** (i / steps));
    grid.forEach((b, i) => { if (meets(b)) last = i; });
    if (last < 0) {
      chosen = floor;
    } else {
      let lo = grid[last], hi = grid[last + 1];
      while (hi - lo > 1e-8 * hi) {
        const mid = 0.5 * (lo + hi);
        if (meets(mid)) lo = mid;
        else hi = mid;
      }
      chosen = lo;
    }
  }
  const { alloc, curves } = solveAt(s, chosen, tolerance);
  return { ...result(model, s, chosen, alloc, curves, tolerance), target_roas: target, capped, target_met: alloc.lambda >= target };
}
