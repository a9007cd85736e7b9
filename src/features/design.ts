/**
 * design(): the only place that turns data into model features. Media columns are
 * saturate(adstock(spend)) per channel — with the carry-over of any spend observed before the
 * input's first date — followed by the baseline terms: linear trend, yearly Fourier seasonality,
 * day-of-week dummies (daily data), a public-holiday count and the controls on their own scale.
 * Fit, predict, decomposition, response curves, what-if, the optimiser, the server and the
 * notebooks all build features through here.
 */
import type { ModelSpec } from "../models/model-spec";
import { adstockCarryover, type AdstockParams } from "./adstock";
import { dayOfWeekDummies, fourierTerms } from "./fourier";
import { holidayIndicator } from "./holidays";
import { saturate, type SaturationParams } from "./saturation";

/** One channel's fitted transforms. */
export interface ChannelTransform {
  adstock: AdstockParams;
  saturation: SaturationParams;
}

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
  /** Observed spend; the part dated before the input's first day is carried over. */
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

/** baselineTerms(spec, input, context) → the non-media terms, in a fixed order. */
export function baselineTerms(spec: ModelSpec, input: DesignInput, context: DesignContext): Omit<Design, "n"> {
  const n = input.days.length;
  const names: string[] = [];
  const kinds: TermKind[] = [];
  const columns: Float64Array[] = [];
  const add = (name: string, kind: TermKind, values: Float64Array) => { names.push(name); kinds.push(kind); columns.push(values); };
  if (spec.trend === "linear") {
    const span = context.trendEnd - context.trendStart;
    add("trend", "trend", Float64Array.from(input.days, (d) => (span > 0 ? (d - context.trendStart) / span : 0)));
  }
  if (spec.seasonality > 0) {
    for (const term of fourierTerms(input.days, YEAR, spec.seasonality)) add(`season_${term.name}`, "season", term.values);
  }
  if (spec.dayOfWeek && spec.frequency === "daily") {
    for (const term of dayOfWeekDummies(input.days)) add(term.name, "dow", term.values);
  }
  if (spec.holidays !== "none") add("holidays", "holiday", holidayIndicator(input.days, spec.frequency, spec.holidays));
  for (const control of spec.controls) {
    let values = input.columns[control];
    if (values === undefined) {
      const fallback = context.controlDefaults?.[control];
      if (fallback === undefined) throw new RangeError(`design requires control "${control}" in the input`);
      values = new Float64Array(n).fill(fallback);
    }
    add(control, "control", values);
  }
  return { names, kinds, columns };
}

/**
 * design(spec, transforms, input, context) → the full feature set: one media column per channel
 * (in spec.channels order, named after the channel), then the baseline terms.
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
    columns.push(mediaColumn(spend, transform, carriedSpend(context.history, channel, firstDay, context.periodDays)));
  }
  const base = baselineTerms(spec, input, context);
  return { n, names: [...names, ...base.names], kinds: [...kinds, ...base.kinds], columns: [...columns, ...base.columns] };
}
