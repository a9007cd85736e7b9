/**
 * whatIf(model, input, { scale, spend, from, to }): a historical counterfactual. Spend of the
 * named channels is replaced (`spend`) and/or multiplied (`scale`) in the rows dated from…to, and
 * the model predicts the input's periods again through the same path as predict():
 *
 *   baseline = Σ_i predict(model, input)_i,   scenario = Σ_i predict(model, input′)_i
 *   change = scenario − baseline,   change_pct = 100 · change / baseline   (percent)
 *
 * over every period of the input, so the carry-over of changed spend into later periods of the
 * input (after `to`) counts; spend before the input's first row is carried over from the model's
 * history, unchanged in both. Channel figures are each channel's contribution (coefficient ×
 * media feature) summed over the input's periods. Nothing is refitted: with every factor 1 the
 * scenario repeats the baseline's arithmetic and the change is exactly 0.
 */
import { predictTerms } from "../models/predict";
import { formatDay, parseIsoDate } from "../data/parse-date";
import type { DesignInput } from "../features/design";
import type { FittedModel } from "../models/fitted-model";
import { unknownChannels } from "./plan";

/** The change of a historical what-if: replacement and/or scaling of spend in the window from…to. */
export interface WhatIfOptions {
  /** Multiplier of each named channel's spend in the window (finite, ≥ 0). */
  scale?: Record<string, number>;
  /** Replacement spend per period in the window: a number for every row, or one value per window row. Applied before `scale`. */
  spend?: Record<string, number | ArrayLike<number>>;
  /** First and last ISO date of the window, inclusive (default: the input's first and last). */
  from?: string;
  to?: string;
}

/** One channel's contribution and spend over the input's periods, without and with the change. */
export interface WhatIfChannel {
  name: string;
  /** Σ contribution over the input's periods without and with the change, target units. */
  baseline: number;
  scenario: number;
  /** Σ spend over the input's periods without and with the change, currency. */
  spend_baseline: number;
  spend_scenario: number;
}

/** The contract's answer plus the window actually used. */
export interface WhatIfResult {
  baseline: number;
  scenario: number;
  change: number;
  /** 100 · change / baseline (NaN when the baseline is 0). */
  change_pct: number;
  channels: WhatIfChannel[];
  /** The window: first and last date of the changed rows and how many they are; `rows` = periods of the input. */
  from: string;
  to: string;
  periods: number;
  rows: number;
}

function windowDay(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const day = parseIsoDate(text);
  if (Number.isNaN(day)) throw new RangeError(`whatIf requires ${name} as an ISO date YYYY-MM-DD, not "${text}"`);
  return day;
}

function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/**
 * whatIf(model, input, options) → baseline and scenario totals of the predicted target over the
 * input's periods, their change, and per channel contributions and spend (see the module comment).
 * O(2 · predict).
 * @throws RangeError for unknown channels, a negative or non-finite factor or spend, a bad date, an
 *   empty window, or a replacement array whose length is not the window's
 * @example whatIf(model, input, { scale: { tv: 1.3 } }).change // => extra predicted revenue of +30 % TV
 */
export function whatIf(model: FittedModel, input: DesignInput, options: WhatIfOptions): WhatIfResult {
  const scale = options.scale ?? {};
  const replace = options.spend ?? {};
  const unknown = unknownChannels(model, new Set([...Object.keys(scale), ...Object.keys(replace)]));
  if (unknown.length > 0) {
    throw new RangeError(`whatIf: unknown channel(s) ${unknown.map((c) => `"${c}"`).join(", ")}; the model's channels are ${model.spec.channels.join(", ")}`);
  }
  const n = input.days.length;
  if (!(n > 0)) throw new RangeError("whatIf requires an input with at least one period");
  const fromDay = windowDay("from", options.from, input.days[0]);
  const toDay = windowDay("to", options.to, input.days[n - 1]);
  if (fromDay > toDay) throw new RangeError(`whatIf requires from (${formatDay(fromDay)}) on or before to (${formatDay(toDay)})`);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (input.days[i] >= fromDay && input.days[i] <= toDay) rows.push(i);
  if (rows.length === 0) throw new RangeError(`whatIf: no period of the input (${formatDay(input.days[0])} … ${formatDay(input.days[n - 1])}) falls in ${formatDay(fromDay)} … ${formatDay(toDay)}`);

  const columns: Record<string, Float64Array> = { ...input.columns };
  for (const channel of new Set([...Object.keys(replace), ...Object.keys(scale)])) {
    const original = input.columns[channel];
    if (original === undefined) throw new RangeError(`whatIf requires spend for channel "${channel}" in the input`);
    const column = Float64Array.from(original);
    const value = replace[channel];
    if (value !== undefined) {
      const values = typeof value === "number" ? null : Float64Array.from(value);
      if (values !== null && values.length !== rows.length) {
        throw new RangeError(`whatIf requires the spend of "${channel}" as a number or ${rows.length} values (one per period of the window), got ${values.length}`);
      }
      rows.forEach((i, k) => { column[i] = values === null ? (value as number) : values[k]; });
    }
    const factor = scale[channel];
    if (factor !== undefined) {
      if (!(Number.isFinite(factor) && factor >= 0)) throw new RangeError(`whatIf requires the scale of "${channel}" to be finite and >= 0, got ${factor}`);
      for (const i of rows) column[i] *= factor;
    }
    for (const i of rows) {
      if (!(Number.isFinite(column[i]) && column[i] >= 0)) throw new RangeError(`whatIf requires the spend of "${channel}" to be finite and >= 0, got ${column[i]}`);
    }
    columns[channel] = column;
  }

  const base = predictTerms(model, input);
  const scen = predictTerms(model, { days: input.days, columns });
  const baseline = sum(base.predicted);
  const scenario = sum(scen.predicted);
  const change = scenario - baseline;
  const channels = model.spec.channels.map((name) => {
    const j = base.names.indexOf(name);
    return {
      name,
      baseline: j < 0 ? 0 : sum(base.contributions[j]),
      scenario: j < 0 ? 0 : sum(scen.contributions[j]),
      spend_baseline: sum(input.columns[name]),
      spend_scenario: sum(columns[name]),
    };
  });
  return {
    baseline, scenario, change, change_pct: baseline !== 0 ? (100 * change) / baseline : NaN, channels,
    from: formatDay(input.days[rows[0]]), to: formatDay(input.days[rows[rows.length - 1]]), periods: rows.length, rows: n,
  };
}
