/**
 * responseCurve(model, channel, { grid, periods, points }): a channel's response curve — for each
 * flat spend u per period over the K periods after the model's history, the incremental response
 * R(u) (the plan's definition, plan.ts: media contribution with the spend minus with none, from the
 * carried-over state), the ROAS R(u)/(K·u) and the marginal ROAS R′(u)/K = d response / d total
 * spend. Other channels do not enter (the model is additive across channels). The current spend —
 * the average over the last K observed periods (recent-spend.ts) — is marked and is on the grid.
 * Used by reports and notebooks.
 */
import type { FittedModel } from "../models/fitted-model";
import { quantileSorted } from "../util/quantile";
import { flatResponse } from "./flat-response";
import { defaultPlanPeriods } from "./future-periods";
import { recentSpend } from "./recent-spend";

/** Where to evaluate a response curve: the grid of spends per period (or its size) and the horizon. */
export interface ResponseCurveOptions {
  /** Spends per period to evaluate (≥ 0); default: `points` evenly from 0 to 2 × max(current, mean observed spend). */
  grid?: readonly number[];
  /** K, the horizon in periods (default: a quarter, 13 weekly or 91 daily). */
  periods?: number;
  /** Grid size when no grid is given (default 41, the current spend added). */
  points?: number;
}

/** One point of a response curve: a flat spend per period and what it returns over the K periods. */
export interface ResponseCurvePoint {
  /** Spend per period, currency. */
  spend: number;
  /** K · spend, currency over the horizon. */
  total_spend: number;
  /** Incremental response over the K periods, target units. */
  response: number;
  /** response / total_spend (NaN at zero spend). */
  roas: number;
  /** d response / d total spend. */
  mroas: number;
  /** 5th / 95th percentile of the response over the model's bootstrap draws (absent without draws). */
  response_low?: number;
  response_high?: number;
}

/** A channel's response curve over a K-period horizon, with the current spend marked. */
export interface ResponseCurve {
  channel: string;
  periods: number;
  /** The current spend's point; `index` is its position in `points`. */
  current: ResponseCurvePoint & { index: number };
  points: ResponseCurvePoint[];
}

/**
 * responseCurve(model, channel, options) → the channel's response, ROAS and marginal ROAS on a grid
 * of spends per period, with the current spend marked (see the module comment). O(draws · (history
 * + grid · K)).
 * @throws RangeError for an unknown channel, a bad horizon, or a negative or non-finite grid value
 * @example responseCurve(model, "tv", { periods: 13 }).points.map((p) => [p.spend, p.response])
 */
export function responseCurve(model: FittedModel, channel: string, options: ResponseCurveOptions = {}): ResponseCurve {
  const periods = options.periods ?? defaultPlanPeriods(model);
  const curve = flatResponse(model, channel, periods);
  const current = recentSpend(model, periods).perPeriod[channel];
  let grid: number[];
  if (options.grid !== undefined) {
    grid = [...options.grid];
    for (const u of grid) if (!(Number.isFinite(u) && u >= 0)) throw new RangeError(`responseCurve requires grid spends to be finite and >= 0, got ${u}`);
  } else {
    const points = options.points ?? 41;
    if (!(Number.isInteger(points) && points >= 2)) throw new RangeError("responseCurve requires points to be an integer >= 2");
    const observed = model.history.spend[channel] ?? [];
    const mean = observed.length > 0 ? observed.reduce((a, b) => a + b, 0) / observed.length : 0;
    const top = 2 * Math.max(current, mean) || 1;
    grid = Array.from({ length: points }, (_, i) => (top * i) / (points - 1));
  }
  if (!grid.includes(current)) grid.push(current);
  grid.sort((a, b) => a - b);
  const draws = model.draws.map((draw) => flatResponse(model, channel, periods, draw));
  const pointsOut = grid.map((u): ResponseCurvePoint => {
    const response = curve.value(u);
    const point: ResponseCurvePoint = {
      spend: u,
      total_spend: periods * u,
      response,
      roas: u > 0 ? response / (periods * u) : NaN,
      mroas: curve.slope(u) / periods,
    };
    if (draws.length > 0) {
      const values = Float64Array.from(draws, (d) => d.value(u)).sort();
      point.response_low = quantileSorted(values, 0.05);
      point.response_high = quantileSorted(values, 0.95);
    }
    return point;
  });
  const index = grid.indexOf(current);
  return { channel, periods, current: { ...pointsOut[index], index }, points: pointsOut };
}
