/**
 * design(): the only place that turns data into model features. Media columns are
 * saturate(adstock(spend)) per channel — with the carry-over of any spend observed before the
 * input's first date — followed by the baseline terms: linear or damped trend (trend.ts), yearly Fourier seasonality,
 * day-of-week dummies (daily data), a public-holiday count and the controls on their own scale.
 * Fit, predict, decomposition, response curves, what-if, the optimiser, the server and the
 * notebooks all build features through here.
 */
import type { ModelSpec } from "../spec/model-spec";
import type { AdstockParams, ChannelTransform } from "../spec/transform-params";
import { adstockCarryover, adstockKernel, adstockKernelLength, carriedAdstock, geometricAdstock, resolveAdstockParams } from "./adstock";
import { dayOfWeekDummies, fourierTerms } from "./fourier";
import { holidayIndicator } from "./holidays";
import { saturate, saturateInto } from "./saturation";
import { dampedTrend } from "./trend";

/** Rows to build features for: day numbers and named series (spend by channel name, controls). */
export interface DesignInput {
  days: Int32Array;
  columns: Record<string, Float64Array>;
}

/** Spend observed before (and possibly overlapping) an input, for adstock carry-over. */
export interface SpendHistory {
  days: Int32Array;
  spend: Record<string, Float64Array>;
}

export interface DesignContext {
  /** The trend runs from 0 at trendStart to 1 at trendEnd (day numbers of the fit window). */
  trendStart: number;
  trendEnd: number;
  /** 1 (daily) or 7 (weekly). */
  periodDays: number;
  /**
   * Observed spend; the part dated before the input's first day is carried over. Treated as
   * immutable: design() caches carry-over states per history object (see `design`).
   */
  history?: SpendHistory | null;
  /** Value of a control absent from the input (the fit window's mean). */
  controlDefaults?: Record<string, number>;
}

export type TermKind = "media" | "trend" | "season" | "dow" | "holiday" | "control";

export interface Design {
  n: number;
  names: string[];
  kinds: TermKind[];
  columns: Float64Array[];
}

/** YEAR = the period of yearly seasonality in days. */
export const YEAR = 365.25;

/**
 * carriedSpend(history, channel, firstDay, periodDays) → the spend of `channel` in the periods
 * before `firstDay`, oldest first, with zeros for periods between the last observed one and
 * firstDay (no spend is known there). Empty when nothing was observed before firstDay.
 */
export function carriedSpend(history: SpendHistory | null | undefined, channel: string, firstDay: number, periodDays: number): Float64Array {
  if (!history || history.days.length === 0 || !(history.days[0] < firstDay)) return new Float64Array(0);
  const spend = history.spend[channel];
  if (spend === undefined) return new Float64Array(0);
  let count = 0;
  while (count < history.days.length && history.days[count] < firstDay) count++;
  const lastDay = history.days[count - 1];
  const gap = Math.max(0, Math.round((firstDay - lastDay) / periodDays) - 1);
  const out = new Float64Array(count + gap);
  out.set(spend.subarray(0, count));
  return out;
}

/**
 * mediaColumn(spend, transform, carried) = saturate(adstock(concat(carried, spend)))[carried.length…],
 * the media feature of one channel (dimensionless for Hill/logistic, spend units for none). O(n·L).
 */
export function mediaColumn(spend: Float64Array, transform: ChannelTransform, carried: Float64Array = new Float64Array(0)): Float64Array {
  return saturate(adstockCarryover(spend, transform.adstock, carried), transform.saturation);
}

/**
 * What adstock needs of the periods before an input (the carried spend of `carriedSpend`), so that
 * the input's media column costs O(n) instead of O(h + n): for the geometric recursion its state
 * a_{-1}; for a finite kernel of length L the resolved parameters, their weights and the last L − 1
 * carried periods.
 */
type CarryState =
  | { kind: "recursion"; decay: number; options: { normalize: boolean | undefined; initial: number } }
  | { kind: "window"; params: AdstockParams; kernel: Float64Array | null; carried: Float64Array };

/**
 * carryState(carried, params) → the state with mediaColumnAfter(spend, transform, state) equal to
 * mediaColumn(spend, transform, carried) bit for bit (same operations in the same order), for a
 * non-empty `carried`. A Weibull window left open is resolved to carried.length first, as
 * adstockCarryover does. O(h).
 */
function carryState(carried: Float64Array, params: AdstockParams): CarryState {
  const h = carried.length;
  if (params.type === "geometric" && params.maxLag === undefined) {
    return { kind: "recursion", decay: params.decay, options: { normalize: params.normalize, initial: geometricAdstock(carried, params.decay)[h - 1] } };
  }
  const resolved = resolveAdstockParams(params, Math.max(1, h));
  const keep = Math.min(h, adstockKernelLength(resolved) - 1);
  return { kind: "window", params: resolved, kernel: adstockKernel(resolved), carried: carried.slice(h - keep) };
}

/**
 * mediaColumnAfter(spend, transform, state) = mediaColumn(spend, transform, carried) for the carried
 * spend `state` was made of; saturates the fresh adstocked array in place. O(n·L), O(n) geometric.
 */
function mediaColumnAfter(spend: Float64Array, transform: ChannelTransform, state: CarryState): Float64Array {
  const adstocked = state.kind === "recursion"
    ? geometricAdstock(spend, state.decay, state.options)
    : carriedAdstock(spend, state.params, state.kernel, state.carried);
  return saturateInto(adstocked, transform.saturation, adstocked);
}

/** sameAdstock(a, b) → true when two adstock parameter sets are equal field by field (checked per request: a few comparisons). */
function sameAdstock(a: AdstockParams, b: AdstockParams): boolean {
  switch (a.type) {
    case "geometric":
      return b.type === "geometric" && a.decay === b.decay && a.normalize === b.normalize && a.maxLag === b.maxLag;
    case "weibull_cdf":
    case "weibull_pdf":
      return b.type === a.type && a.shape === b.shape && a.scale === b.scale && a.window === b.window;
    case "delayed":
      return b.type === "delayed" && a.decay === b.decay && a.peakLag === b.peakLag && a.maxLag === b.maxLag;
    default:
      return a.type === b.type;
  }
}

/** One channel's cached carry-over states by first day, valid for these adstock parameters and period length. */
interface ChannelCarry {
  adstock: AdstockParams;
  periodDays: number;
  states: Map<number, CarryState>;
}

/** At most this many first days are kept per history and channel (oldest dropped first): a client cannot grow the cache. */
const MAX_CACHED_DAYS = 64;
const carryCache = new WeakMap<SpendHistory, Map<string, ChannelCarry>>();

/** carryStates(history) → the cache of carry-over states of one history by channel (see cachedCarryState). */
function carryStates(history: SpendHistory): Map<string, ChannelCarry> {
  let byChannel = carryCache.get(history);
  if (byChannel === undefined) {
    byChannel = new Map();
    carryCache.set(history, byChannel);
  }
  return byChannel;
}

/**
 * cachedCarryState(history, byChannel, channel, firstDay, periodDays, params) → carryState of
 * carriedSpend(…), built once per (history, channel, first day); byChannel is carryStates(history).
 */
function cachedCarryState(history: SpendHistory, byChannel: Map<string, ChannelCarry>, channel: string, firstDay: number, periodDays: number, params: AdstockParams): CarryState {
  let entry = byChannel.get(channel);
  if (entry === undefined || entry.periodDays !== periodDays || !sameAdstock(entry.adstock, params)) {
    entry = { adstock: { ...params }, periodDays, states: new Map() };
    byChannel.set(channel, entry);
  }
  let state = entry.states.get(firstDay);
  if (state === undefined) {
    state = carryState(carriedSpend(history, channel, firstDay, periodDays), params);
    if (entry.states.size >= MAX_CACHED_DAYS) entry.states.delete(entry.states.keys().next().value as number);
    entry.states.set(firstDay, state);
  }
  return state;
}

/**
 * mediaTerm(channel, spend, transform, firstDay, context) → the channel's media column as design()
 * builds it for an input starting on `firstDay` (day number): transform.saturation(adstock(spend)),
 * with the spend of context.history dated before firstDay carried over (its state cached per
 * history, channel and first day). The one media column behind design() and the channel-only
 * predictions of marginal returns. O(n·L), O(n) geometric.
 */
export function mediaTerm(channel: string, spend: Float64Array, transform: ChannelTransform, firstDay: number, context: DesignContext): Float64Array {
  const history = context.history;
  const carries = spend.length > 0 && history !== null && history !== undefined && history.days.length > 0 && history.days[0] < firstDay && history.spend[channel] !== undefined;
  return carries
    ? mediaColumnAfter(spend, transform, cachedCarryState(history, carryStates(history), channel, firstDay, context.periodDays, transform.adstock))
    : mediaColumn(spend, transform, carriedSpend(history, channel, firstDay, context.periodDays));
}

/** The names, kinds and columns of a design being built, appended to in order. */
interface Terms {
  names: string[];
  kinds: TermKind[];
  columns: Float64Array[];
}

/** appendBaseline(spec, input, context, terms) appends the non-media terms to `terms`, in a fixed order. */
function appendBaseline(spec: ModelSpec, input: DesignInput, context: DesignContext, terms: Terms): void {
  const n = input.days.length;
  const { names, kinds, columns } = terms;
  if (spec.trend === "linear") {
    const span = context.trendEnd - context.trendStart;
    const days = input.days;
    const trend = new Float64Array(n);
    for (let i = 0; i < n; i++) trend[i] = span > 0 ? (days[i] - context.trendStart) / span : 0;
    names.push("trend");
    kinds.push("trend");
    columns.push(trend);
  } else if (spec.trend === "damped") {
    names.push("trend");
    kinds.push("trend");
    columns.push(dampedTrend(input.days, context.trendStart, context.trendEnd, context.periodDays));
  }
  if (spec.seasonality > 0) {
    for (const term of fourierTerms(input.days, YEAR, spec.seasonality)) {
      names.push(seasonName(term.name));
      kinds.push("season");
      columns.push(term.values);
    }
  }
  if (spec.dayOfWeek && spec.frequency === "daily") {
    for (const term of dayOfWeekDummies(input.days)) {
      names.push(term.name);
      kinds.push("dow");
      columns.push(term.values);
    }
  }
  if (spec.holidays !== "none") {
    names.push("holidays");
    kinds.push("holiday");
    columns.push(holidayIndicator(input.days, spec.frequency, spec.holidays));
  }
  for (const control of spec.controls) {
    let values = input.columns[control];
    if (values === undefined) {
      const fallback = context.controlDefaults?.[control];
      if (fallback === undefined) throw new RangeError(`design requires control "${control}" in the input`);
      values = new Float64Array(n).fill(fallback);
    }
    names.push(control);
    kinds.push("control");
    columns.push(values);
  }
}

/**
 * season_<name> of a Fourier term, by the term's name, made once per name (fourierTerms names at
 * most 64 harmonics once): two names per harmonic ever asked for, a handful in practice.
 */
const seasonNames = new Map<string, string>();
function seasonName(term: string): string {
  let name = seasonNames.get(term);
  if (name === undefined) {
    name = `season_${term}`;
    seasonNames.set(term, name);
  }
  return name;
}

/** baselineTerms(spec, input, context) → the non-media terms, in a fixed order. */
export function baselineTerms(spec: ModelSpec, input: DesignInput, context: DesignContext): Omit<Design, "n"> {
  const terms: Terms = { names: [], kinds: [], columns: [] };
  appendBaseline(spec, input, context, terms);
  return terms;
}

/**
 * design(spec, transforms, input, context) → the full feature set: one media column per channel
 * (in spec.channels order, named after the channel), then the baseline terms.
 *
 * An input that starts after the first day of the history (a forecast, the server's usual request,
 * or rows inside the history) takes its carry-over from a state cached per (history, channel, first
 * day): the geometric recursion's last value, or a finite kernel's last L − 1 periods of the
 * spend before the first day, so a call costs O(n·L) instead of O(h + n)·L with results identical
 * to carrying that spend over in full. An input starting on or before the history's first day has
 * nothing to carry (mediaColumn with no carried spend).
 * @throws RangeError when a channel's spend or a control (with no default) is missing from input
 */
export function design(spec: ModelSpec, transforms: Record<string, ChannelTransform>, input: DesignInput, context: DesignContext): Design {
  const n = input.days.length;
  const names: string[] = [];
  const kinds: TermKind[] = [];
  const columns: Float64Array[] = [];
  const firstDay = n > 0 ? input.days[0] : 0;
  for (const channel of spec.channels) {
    const spend = input.columns[channel];
    if (spend === undefined) throw new RangeError(`design requires spend for channel "${channel}"`);
    const transform = transforms[channel];
    if (transform === undefined) throw new RangeError(`design requires transforms for channel "${channel}"`);
    names.push(channel);
    kinds.push("media");
    columns.push(mediaTerm(channel, spend, transform, firstDay, context));
  }
  appendBaseline(spec, input, context, { names, kinds, columns });
  return { n, names, kinds, columns };
}
