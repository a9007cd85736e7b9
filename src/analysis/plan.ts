/**
 * plan(model, { spend, periods }): what a forward plan returns. The K periods right after the
 * model's history get the planned spend per period (flat, or one value per period); every channel
 * starts from the adstock carried over from its observed spend, exactly as predict() carries it.
 *
 *   response_c = Σ_{t=1..K} β_c·[mediaColumn(x_c, T_c, h_c)_t − mediaColumn(0, T_c, h_c)_t]
 *
 * (target units): the channel's media contribution over the K periods with the plan minus the
 * same with zero planned spend, both from the same carried-over state h_c (contract: `whatif
 * --spend`). A channel the plan does not name keeps its current spend: its average per period over
 * the last K observed periods (recentSpend), and says so (`spend_source` "current", `spend_window`).
 * To plan no spend on a channel, name it with 0. Beside the contract fields, the
 * result has the carry-over of past spend (`carryover`, the zero plan's media contribution) and the
 * predicted target with the plan (`predicted`: baseline terms continue as the model defines —
 * trend extrapolated, seasonality, holidays — with controls at the given values or, absent, held at
 * their recent average: the mean over the last K observed periods, the window of the current spend
 * (recentControls in recent-spend.ts); a model saved without control history holds them at the
 * fit-window mean), per period in `timeline`; `controls` says which value each control took and
 * why. The response does not depend on the controls. With bootstrap draws in the
 * model, `response_low`/`response_high` are the 5th/95th percentiles of the response over the draws
 * (each draw's transforms and media coefficients), in total and per channel.
 */
import { designContext, predictTerms } from "../models/predict";
import { carriedSpend, mediaColumn } from "../features/design";
import type { FittedModel } from "../models/fitted-model";
import { quantileSorted } from "../util/quantile";
import { mediaCoefficient } from "./flat-response";
import { futurePeriods } from "./future-periods";
import { recentControls, recentSpend, type RecentWindow } from "./recent-spend";

/** Spend per period by channel: a number (the same every period) or one value per period (length K). */
export type SpendPlan = { readonly [channel: string]: number | ArrayLike<number> | undefined };

/** What plan() needs: the spend per period by channel, the horizon K and optionally the controls. */
export interface PlanOptions {
  /** Planned spend per period by channel (currency per period); a channel not named keeps its current spend (recentSpend over the last K periods). */
  spend: SpendPlan;
  /** K, the number of future periods, an integer ≥ 1. */
  periods: number;
  /** Controls per period (a number or K values); absent ones are held at their recent average (recentControls). */
  controls?: Record<string, number | ArrayLike<number>>;
}

/** One channel's figures over the plan. */
export interface PlanChannel {
  name: string;
  /** Total planned spend over the K periods, currency. */
  spend: number;
  /** "given": named in the plan; "current": not named, so at its average spend per period over `spend_window`. */
  spend_source: "given" | "current";
  /** Incremental response of the plan, target units over the K periods. */
  response: number;
  /** response / spend (NaN when nothing is spent). */
  roas: number;
  /** Media contribution of past spend over the K periods (the zero plan), target units. */
  carryover: number;
  /** 5th / 95th percentile of the response over the model's bootstrap draws (absent without draws). */
  response_low?: number;
  response_high?: number;
}

/** One control over the plan: the value it takes and where the value comes from. */
export interface PlanControl {
  name: string;
  /** The value per period (the mean of the K values when given per period). */
  value: number;
  /**
   * "given": in the plan's options; "recent": its average over `controls_window` (the last K
   * observed periods); "fit_window_mean": controlDefaults, for a model saved without control history.
   */
  source: "given" | "recent" | "fit_window_mean";
}

/** The answer of plan(): contract fields `response` and `channels`, plus the extras described above. */
export interface PlanResult {
  periods: number;
  /** First and last date of the plan. */
  start: string;
  end: string;
  response: number;
  response_low?: number;
  response_high?: number;
  /** Σ over channels of the carry-over of past spend over the K periods. */
  carryover: number;
  /** Σ over the K periods of the predicted target with the plan. */
  predicted: number;
  channels: PlanChannel[];
  /** The model's controls over the K periods, in spec order. */
  controls: PlanControl[];
  /** The observed periods a "current" channel's spend averages (null when the plan names every channel). */
  spend_window: RecentWindow | null;
  /** The observed periods a "recent" control averages (null when no control is held at its recent average). */
  controls_window: RecentWindow | null;
  timeline: { date: string; response: number; carryover: number; predicted: number }[];
}

/** What every plan of one horizon shares: the carried state, the zero plan and its prediction. */
interface PlanContext {
  periods: number;
  days: Int32Array;
  dates: string[];
  carried: Record<string, Float64Array>;
  /** β·mediaColumn(0, T, h) per channel and period. */
  zero: Record<string, Float64Array>;
  /** The predicted target per period with zero planned spend (baseline + carry-over). */
  zeroPredicted: Float64Array;
  /** Per draw and channel: Σ_t β_d·mediaColumn(0, T_d, h)_t. */
  drawZero: Record<string, number>[];
  controls: PlanControl[];
  controlsWindow: RecentWindow | null;
  /** Current spend per period by channel: the average over the last K observed periods, and that window. */
  current: Record<string, number>;
  currentWindow: RecentWindow;
}

function checkPeriods(name: string, periods: number): void {
  if (!(Number.isInteger(periods) && periods >= 1)) throw new RangeError(`${name} requires periods to be an integer >= 1`);
}

/** perPeriod(name, what, value, K) → K values from a number or an array of length K, each finite (and ≥ 0 for spend). */
function perPeriod(name: string, what: string, value: number | ArrayLike<number>, periods: number, nonNegative: boolean): Float64Array {
  const out = typeof value === "number" ? new Float64Array(periods).fill(value) : Float64Array.from(value);
  if (out.length !== periods) throw new RangeError(`${name} requires ${what} to be a number or ${periods} values (one per period), got ${out.length}`);
  for (const v of out) {
    if (!Number.isFinite(v) || (nonNegative && v < 0)) throw new RangeError(`${name} requires ${what} to be finite${nonNegative ? " and >= 0" : ""}, got ${v}`);
  }
  return out;
}

/**
 * unknownChannels(model, names) → the names that are not channels of the model (for messages).
 * @example unknownChannels(model, ["tv", "cinema"]) // => ["cinema"]
 */
export function unknownChannels(model: FittedModel, names: Iterable<string>): string[] {
  return [...names].filter((n) => !model.spec.channels.includes(n));
}

function checkChannels(name: string, model: FittedModel, spend: SpendPlan): void {
  const unknown = unknownChannels(model, Object.keys(spend));
  if (unknown.length > 0) {
    throw new RangeError(`${name}: unknown channel(s) ${unknown.map((c) => `"${c}"`).join(", ")}; the model's channels are ${model.spec.channels.join(", ")}`);
  }
}

function buildContext(model: FittedModel, periods: number, controls: PlanOptions["controls"]): PlanContext {
  const { days, dates } = futurePeriods(model, periods);
  const context = designContext(model);
  const columns: Record<string, Float64Array> = {};
  const carried: Record<string, Float64Array> = {};
  const zero: Record<string, Float64Array> = {};
  const zeros = new Float64Array(periods);
  for (const channel of model.spec.channels) {
    columns[channel] = zeros;
    carried[channel] = carriedSpend(context.history, channel, days[0], context.periodDays);
    const beta = mediaCoefficient(model, channel);
    zero[channel] = mediaColumn(zeros, model.transforms[channel], carried[channel]).map((v) => beta * v);
  }
  for (const [name, value] of Object.entries(controls ?? {})) {
    if (!model.spec.controls.includes(name)) throw new RangeError(`plan: unknown control "${name}"; the model's controls are ${model.spec.controls.join(", ") || "none"}`);
    columns[name] = perPeriod("plan", `control "${name}"`, value, periods, false);
  }
  // Controls not given are held at their recent average (the window of the current spend).
  const held = recentControls(model, periods);
  const planControls: PlanControl[] = model.spec.controls.map((name) => {
    const given = columns[name];
    if (given !== undefined) return { name, value: sum(given) / periods, source: "given" };
    const value = held.values[name];
    columns[name] = new Float64Array(periods).fill(value);
    return { name, value, source: held.fitWindowMean.includes(name) ? "fit_window_mean" : "recent" };
  });
  const controlsWindow = planControls.some((c) => c.source === "recent") ? { start: held.start, end: held.end, periods: held.periods } : null;
  const zeroPredicted = predictTerms(model, { days, columns }, context).predicted;
  const drawZero = model.draws.map((draw) => Object.fromEntries(model.spec.channels.map((channel) => {
    const column = mediaColumn(zeros, draw.transforms[channel], carried[channel]);
    return [channel, (draw.coefficients[channel] ?? 0) * sum(column)];
  })));
  const { perPeriod: current, ...currentWindow } = recentSpend(model, periods);
  return { periods, days, dates, carried, zero, zeroPredicted, drawZero, controls: planControls, controlsWindow, current, currentWindow };
}

function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** percentiles(values) → [5th, 95th] percentile (type 7) of the values. */
function percentiles(values: number[]): [number, number] {
  const sorted = Float64Array.from(values).sort();
  return [quantileSorted(sorted, 0.05), quantileSorted(sorted, 0.95)];
}

/** plannedSpend(model, ctx, spend) → K values of spend per period for every channel (a channel not named: its current spend). */
function plannedSpend(model: FittedModel, ctx: PlanContext, spend: SpendPlan): Record<string, Float64Array> {
  const K = ctx.periods;
  checkChannels("plan", model, spend);
  const planned: Record<string, Float64Array> = {};
  for (const channel of model.spec.channels) {
    const value = spend[channel];
    planned[channel] = value === undefined ? new Float64Array(K).fill(ctx.current[channel]) : perPeriod("plan", `spend of "${channel}"`, value, K, true);
  }
  return planned;
}

/**
 * drawResponses(model, ctx, planned) → the plan's incremental response under each of the model's
 * draws (its transforms and media coefficients): per draw the total, and per channel the draws.
 */
function drawResponses(model: FittedModel, ctx: PlanContext, planned: Record<string, Float64Array>): { totals: number[]; byChannel: number[][] } {
  const byChannel = model.spec.channels.map(() => [] as number[]);
  const totals = model.draws.map((draw, d) => {
    let total = 0;
    model.spec.channels.forEach((channel, c) => {
      const beta = draw.coefficients[channel] ?? 0;
      const r = beta * sum(mediaColumn(planned[channel], draw.transforms[channel], ctx.carried[channel])) - ctx.drawZero[d][channel];
      byChannel[c].push(r);
      total += r;
    });
    return total;
  });
  return { totals, byChannel };
}

function planWith(model: FittedModel, ctx: PlanContext, spend: SpendPlan): PlanResult {
  const K = ctx.periods;
  const planned = plannedSpend(model, ctx, spend);
  const unnamed = model.spec.channels.some((channel) => spend[channel] === undefined);
  const perPeriodResponse = new Float64Array(K);
  const perPeriodCarry = new Float64Array(K);
  const channels: PlanChannel[] = model.spec.channels.map((name) => {
    const beta = mediaCoefficient(model, name);
    const media = mediaColumn(planned[name], model.transforms[name], ctx.carried[name]);
    const zero = ctx.zero[name];
    let response = 0;
    let carryover = 0;
    for (let t = 0; t < K; t++) {
      const r = beta * media[t] - zero[t];
      perPeriodResponse[t] += r;
      perPeriodCarry[t] += zero[t];
      response += r;
      carryover += zero[t];
    }
    const total = sum(planned[name]);
    const source = spend[name] === undefined ? "current" : "given";
    return { name, spend: total, spend_source: source, response, roas: total > 0 ? response / total : NaN, carryover };
  });
  const result: PlanResult = {
    periods: K,
    start: ctx.dates[0],
    end: ctx.dates[K - 1],
    response: channels.reduce((a, c) => a + c.response, 0),
    carryover: channels.reduce((a, c) => a + c.carryover, 0),
    predicted: 0,
    channels,
    controls: ctx.controls.map((c) => ({ ...c })),
    spend_window: unnamed ? { ...ctx.currentWindow } : null,
    controls_window: ctx.controlsWindow === null ? null : { ...ctx.controlsWindow },
    timeline: ctx.dates.map((date, t) => ({ date, response: perPeriodResponse[t], carryover: perPeriodCarry[t], predicted: ctx.zeroPredicted[t] + perPeriodResponse[t] })),
  };
  result.predicted = result.timeline.reduce((a, p) => a + p.predicted, 0);
  if (model.draws.length > 0) {
    const { totals, byChannel } = drawResponses(model, ctx, planned);
    [result.response_low, result.response_high] = percentiles(totals);
    channels.forEach((ch, c) => { [ch.response_low, ch.response_high] = percentiles(byChannel[c]); });
  }
  return result;
}

/**
 * plan(model, { spend, periods, controls }) → the plan's incremental response in total and per
 * channel, with the carry-over, the predicted target and, with draws, 90 % intervals (see the
 * module comment). O(channels · (history + K) · L + draws · the same).
 * @throws RangeError for an unknown channel or control, negative or non-finite spend, a per-period
 *   array whose length is not K, or a bad horizon
 * @example plan(model, { spend: { tv: 1000, radio: 500 }, periods: 12 }).response
 */
export function plan(model: FittedModel, options: PlanOptions): PlanResult {
  checkPeriods("plan", options.periods);
  checkChannels("plan", model, options.spend);
  return planWith(model, buildContext(model, options.periods, options.controls), options.spend);
}

/**
 * planScenarios(model, scenarios, { periods, controls }) → plan() of each spend map, in order,
 * sharing the carried-over state and the zero plan (built once). Answers `whatif --scenarios`.
 * @throws RangeError as plan() does, naming the first bad scenario's problem
 * @example planScenarios(model, [{ tv: 1000 }, { tv: 2000 }], { periods: 12 }).map((r) => r.response)
 */
export function planScenarios(model: FittedModel, scenarios: readonly SpendPlan[], options: { periods: number; controls?: PlanOptions["controls"] }): PlanResult[] {
  checkPeriods("planScenarios", options.periods);
  scenarios.forEach((spend, i) => {
    const unknown = unknownChannels(model, Object.keys(spend));
    if (unknown.length > 0) throw new RangeError(`planScenarios: scenario ${i + 1} names unknown channel(s) ${unknown.map((c) => `"${c}"`).join(", ")}; the model's channels are ${model.spec.channels.join(", ")}`);
  });
  const ctx = buildContext(model, options.periods, options.controls);
  return scenarios.map((spend) => planWith(model, ctx, spend));
}

/**
 * planChangeInterval(model, from, to, periods) → the 90 % interval over the model's draws of the
 * change, in percent, of a plan's incremental response when plan `from` becomes plan `to` (same
 * horizon, same carry-over): the 5th and 95th percentiles of 100·(R_d(to) − R_d(from)) / |R_d(from)|,
 * R_d being plan()'s response under draw d (its transforms and media coefficients). Null without
 * draws. The interval of optimizeBudget's `lift_pct` with from = the current spend, to = the optimum.
 * @throws RangeError as plan() does
 * @example planChangeInterval(model, {}, { tv: 1200, radio: 300 }, 13) // => [5th, 95th] percentile in %, or null
 */
export function planChangeInterval(model: FittedModel, from: SpendPlan, to: SpendPlan, periods: number): [number, number] | null {
  checkPeriods("planChangeInterval", periods);
  if (model.draws.length === 0) return null;
  const ctx = buildContext(model, periods, undefined);
  const before = drawResponses(model, ctx, plannedSpend(model, ctx, from)).totals;
  const after = drawResponses(model, ctx, plannedSpend(model, ctx, to)).totals;
  return percentiles(before.map((b, d) => (100 * (after[d] - b)) / Math.abs(b)));
}
