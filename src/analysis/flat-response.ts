/**
 * flatResponse(model, channel, periods): one channel's incremental response over the K future
 * periods to a flat spend u per period, and its derivative — the curve the optimiser and the
 * response curves evaluate thousands of times.
 *
 * Adstock is linear, so the adstock of the plan is affine in u:
 *   adstockCarryover(u·1_K, A, h) = adstockCarryover(0_K, A, h) + u·adstockCarryover(1_K, A, 0_h)
 *                                 =: a0 + u·W,
 * with h the channel's observed spend (carried over exactly as design() does) and 0_h zeros of the
 * same length (so a Weibull window resolves the same way). a0_t is the carry-over of past spend
 * into plan period t; W_t = Σ_{l≤t} w_l the adstock of one unit spent in every plan period. Both
 * come from adstockCarryover once; each evaluation is then K calls of the model's saturation:
 *   R(u)  = β·Σ_t [S(a0_t + u·W_t) − S(a0_t)]          (target units over the K periods)
 *   R'(u) = β·Σ_t S'(a0_t + u·W_t)·W_t                  (target units per currency per period)
 * which is mediaColumn() of the plan minus mediaColumn() of the zero plan, summed (the tests check
 * the identity). No transform is implemented here.
 */
import { designContext } from "../models/predict";
import { adstockCarryover } from "../features/adstock";
import type { ChannelTransform, SaturationParams } from "../spec/transform-params";
import { carriedSpend } from "../features/design";
import { saturateDerivativeValue, saturateValue } from "../features/saturation";
import type { FittedModel, MediaDraw } from "../models/fitted-model";
import { futurePeriods } from "./future-periods";

/** One channel's response to a flat per-period spend over a K-period plan. */
export interface FlatResponse {
  channel: string;
  /** K, the plan horizon in periods. */
  periods: number;
  /** β, the channel's media coefficient (target units per unit of saturated adstock). */
  coefficient: number;
  saturation: SaturationParams;
  /** a0_t: adstock carried from observed spend into plan period t, spend units. */
  carried: Float64Array;
  /** W_t: adstock in plan period t of one unit spent in every plan period (Σ_{l≤t} w_l). */
  unit: Float64Array;
  /** β·Σ_t S(a0_t): media contribution of past spend over the K periods, target units. */
  carryover: number;
  /** true when R is concave in u for u ≥ 0 (β ≥ 0 and a concave saturation: log, logistic, none, Hill with shape ≤ 1). */
  concave: boolean;
  /** R(u): incremental response over the K periods of spending u ≥ 0 in each, target units. */
  value(perPeriod: number): number;
  /** R'(u): d R / d u, target units per (currency per period). */
  slope(perPeriod: number): number;
}

/** isConcaveSaturation(params) → true for saturations concave on [0, ∞). */
function isConcaveSaturation(params: SaturationParams): boolean {
  return params.type !== "hill" || params.shape <= 1;
}

/**
 * mediaCoefficient(model, channel) → β of the channel's media term, in target units per unit of
 * saturated adstock (0 when the model has no such term). O(terms).
 * @example mediaCoefficient(model, "tv") // => the coefficient of the "tv" term
 */
export function mediaCoefficient(model: FittedModel, channel: string): number {
  const j = model.terms.indexOf(channel);
  return j < 0 ? 0 : model.coefficients[j];
}

/**
 * flatResponse(model, channel, periods, draw) → the channel's flat-spend response curve over the
 * K periods after the model's history (see the module comment). With `draw`, the draw's transform
 * and coefficient replace the point estimate's. O(adstock of history + K) to build, O(K) per
 * evaluation.
 * @param model - a fitted model
 * @param channel - one of model.spec.channels
 * @param periods - K, an integer ≥ 1
 * @param draw - optional bootstrap draw of the media transforms and coefficients
 * @throws RangeError for an unknown channel or a bad horizon
 * @example flatResponse(model, "tv", 13).value(10000) // => extra revenue of 10,000 a week on TV for a quarter
 */
export function flatResponse(model: FittedModel, channel: string, periods: number, draw?: MediaDraw): FlatResponse {
  if (!model.spec.channels.includes(channel)) throw new RangeError(`flatResponse requires a channel of the model, not "${channel}"`);
  const transform: ChannelTransform | undefined = draw ? draw.transforms[channel] : model.transforms[channel];
  if (transform === undefined) throw new RangeError(`flatResponse requires transforms for channel "${channel}"`);
  const coefficient = draw ? draw.coefficients[channel] ?? 0 : mediaCoefficient(model, channel);
  const { days } = futurePeriods(model, periods);
  const context = designContext(model);
  const history = carriedSpend(context.history, channel, days[0], context.periodDays);
  const carried = adstockCarryover(new Float64Array(periods), transform.adstock, history);
  const unit = adstockCarryover(new Float64Array(periods).fill(1), transform.adstock, new Float64Array(history.length));
  const saturation = transform.saturation;
  let baseSum = 0;
  for (let t = 0; t < periods; t++) baseSum += saturateValue(carried[t], saturation);
  const sumAt = (u: number): number => {
    let s = 0;
    for (let t = 0; t < periods; t++) s += saturateValue(carried[t] + u * unit[t], saturation);
    return s;
  };
  return {
    channel,
    periods,
    coefficient,
    saturation,
    carried,
    unit,
    carryover: coefficient * baseSum,
    concave: coefficient >= 0 && isConcaveSaturation(saturation),
    value: (u) => (u === 0 ? 0 : coefficient * (sumAt(u) - baseSum)),
    slope: (u) => {
      if (coefficient === 0) return 0;
      let s = 0;
      for (let t = 0; t < periods; t++) {
        const w = unit[t];
        if (w !== 0) s += saturateDerivativeValue(carried[t] + u * w, saturation) * w;
      }
      return coefficient * s;
    },
  };
}
