/**
 * Saturation: diminishing returns of (adstocked) spend.
 *
 * Each curve maps x ≥ 0, in the spend units of the adstocked series, to a dimensionless response
 * in [0, 1) (Hill, logistic) or [0, ∞) (log); the model multiplies it by a coefficient in target
 * units. Each has a scalar form (`hillValue`), an array form (`hill`) and a derivative (for marginal
 * ROAS and the budget optimiser). Array forms take `Float64Array | readonly number[]`, return a new
 * Float64Array and never mutate input. x < 0 throws a RangeError; NaN propagates (validate reports
 * it upstream).
 */

import type { SaturationParams } from "../spec/transform-params";

type NumberArray = Float64Array | readonly number[];

function checkX(name: string, x: number): void {
  if (x < 0) throw new RangeError(`${name} requires x >= 0`);
}

function checkHill(name: string, halfSaturation: number, shape: number): void {
  if (!(halfSaturation > 0 && Number.isFinite(halfSaturation))) {
    throw new RangeError(`${name} requires halfSaturation > 0`);
  }
  if (!(shape > 0 && Number.isFinite(shape))) throw new RangeError(`${name} requires shape > 0`);
}

function checkPositive(name: string, param: string, v: number): void {
  if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`${name} requires ${param} > 0`);
}

function mapArray(x: NumberArray, f: (v: number) => number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  return out;
}

/**
 * Hill saturation of one value: x^s / (x^s + k^s), computed as 1 / (1 + (k/x)^s) so that
 * hillValue(k, k, s) = 0.5 exactly. O(1).
 *
 * @param x - adstocked spend, ≥ 0
 * @param halfSaturation - k > 0, the x with response 0.5
 * @param shape - s > 0; s > 1 gives an S-curve, s ≤ 1 a concave curve
 * @returns response in [0, 1)
 * @throws RangeError if x < 0, k ≤ 0 or s ≤ 0
 * @example hillValue(50, 50, 2) // => 0.5
 */
export function hillValue(x: number, halfSaturation: number, shape: number): number {
  checkHill("hill", halfSaturation, shape);
  checkX("hill", x);
  return hillUnchecked(x, halfSaturation, shape);
}

function hillUnchecked(x: number, k: number, s: number): number {
  if (x === 0) return 0;
  return 1 / (1 + (k / x) ** s);
}

/**
 * Hill saturation of a series: x_t^s / (x_t^s + k^s). O(n).
 *
 * @param x - adstocked spend per period, ≥ 0
 * @param halfSaturation - k > 0 in the units of x
 * @param shape - s > 0
 * @returns responses in [0, 1)
 * @throws RangeError if any x < 0, k ≤ 0 or s ≤ 0
 * @example hill([0, 50, 100], 50, 1) // => [0, 0.5, 2/3]
 */
export function hill(x: NumberArray, halfSaturation: number, shape: number): Float64Array {
  return hillInto(x, halfSaturation, shape, new Float64Array(x.length));
}

/** hillInto(x, k, s, out) → out with out[i] = hill(x)[i]; out may be x (each value is read before it is written). */
function hillInto(x: NumberArray, k: number, s: number, out: Float64Array): Float64Array {
  checkHill("hill", k, s);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    checkX("hill", v);
    out[i] = hillUnchecked(v, k, s);
  }
  return out;
}

function hillDerivativeUnchecked(x: number, k: number, s: number): number {
  if (x === 0) return s < 1 ? Infinity : s === 1 ? 1 / k : 0;
  const h = hillUnchecked(x, k, s);
  return (s * h * (1 - h)) / x;
}

/**
 * Derivative of the Hill curve with respect to x: s·x^(s-1)·k^s / (x^s + k^s)^2, computed as
 * s·h·(1-h)/x with h = hill(x). At x = 0 it is Infinity for s < 1, 1/k for s = 1, 0 for s > 1.
 * Units: response per spend unit. O(1).
 *
 * @param x - adstocked spend, ≥ 0
 * @param halfSaturation - k > 0
 * @param shape - s > 0
 * @returns slope at x
 * @throws RangeError if x < 0, k ≤ 0 or s ≤ 0
 * @example hillDerivativeValue(50, 50, 2) // => 0.02 (= s/(4k))
 */
export function hillDerivativeValue(x: number, halfSaturation: number, shape: number): number {
  checkHill("hillDerivative", halfSaturation, shape);
  checkX("hillDerivative", x);
  return hillDerivativeUnchecked(x, halfSaturation, shape);
}

/**
 * Derivative of the Hill curve for each value of a series (see `hillDerivativeValue`). O(n).
 *
 * @param x - adstocked spend per period, ≥ 0
 * @param halfSaturation - k > 0
 * @param shape - s > 0
 * @returns slopes, response per spend unit
 * @throws RangeError if any x < 0, k ≤ 0 or s ≤ 0
 * @example hillDerivative([50], 50, 2) // => [0.02]
 */
export function hillDerivative(x: NumberArray, halfSaturation: number, shape: number): Float64Array {
  checkHill("hillDerivative", halfSaturation, shape);
  return mapArray(x, (v) => {
    checkX("hillDerivative", v);
    return hillDerivativeUnchecked(v, halfSaturation, shape);
  });
}

/**
 * Log saturation of one value: log1p(x / scale), unbounded but concave. O(1).
 *
 * @param x - adstocked spend, ≥ 0
 * @param scale - > 0, in the units of x; response log(2) at x = scale
 * @returns response ≥ 0
 * @throws RangeError if x < 0 or scale ≤ 0
 * @example logSaturationValue(1, 1) // => Math.LN2
 */
export function logSaturationValue(x: number, scale: number): number {
  checkPositive("logSaturation", "scale", scale);
  checkX("logSaturation", x);
  return Math.log1p(x / scale);
}

/**
 * Log saturation of a series: log1p(x_t / scale). O(n).
 *
 * @param x - adstocked spend per period, ≥ 0
 * @param scale - > 0
 * @returns responses ≥ 0
 * @throws RangeError if any x < 0 or scale ≤ 0
 * @example logSaturation([0, 1], 1) // => [0, Math.LN2]
 */
export function logSaturation(x: NumberArray, scale: number): Float64Array {
  return logSaturationInto(x, scale, new Float64Array(x.length));
}

/** logSaturationInto(x, scale, out) → out with out[i] = logSaturation(x)[i]; out may be x. */
function logSaturationInto(x: NumberArray, scale: number, out: Float64Array): Float64Array {
  checkPositive("logSaturation", "scale", scale);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    checkX("logSaturation", v);
    out[i] = Math.log1p(v / scale);
  }
  return out;
}

/**
 * Derivative of log saturation: 1 / (scale + x), response per spend unit. O(1).
 *
 * @param x - adstocked spend, ≥ 0
 * @param scale - > 0
 * @returns slope at x
 * @throws RangeError if x < 0 or scale ≤ 0
 * @example logSaturationDerivativeValue(1, 1) // => 0.5
 */
export function logSaturationDerivativeValue(x: number, scale: number): number {
  checkPositive("logSaturationDerivative", "scale", scale);
  checkX("logSaturationDerivative", x);
  return 1 / (scale + x);
}

/**
 * Derivative of log saturation for each value of a series: 1 / (scale + x_t). O(n).
 *
 * @param x - adstocked spend per period, ≥ 0
 * @param scale - > 0
 * @returns slopes
 * @throws RangeError if any x < 0 or scale ≤ 0
 * @example logSaturationDerivative([1], 1) // => [0.5]
 */
export function logSaturationDerivative(x: NumberArray, scale: number): Float64Array {
  checkPositive("logSaturationDerivative", "scale", scale);
  return mapArray(x, (v) => {
    checkX("logSaturationDerivative", v);
    return 1 / (scale + v);
  });
}

/**
 * Logistic saturation of one value: (1 - e^(-λx)) / (1 + e^(-λx)), computed as tanh(λx/2) (the
 * same function). Concave, response in [0, 1). O(1).
 *
 * @param x - adstocked spend, ≥ 0
 * @param lambda - λ > 0 per spend unit
 * @returns response in [0, 1)
 * @throws RangeError if x < 0 or λ ≤ 0
 * @example logisticSaturationValue(Math.log(3), 1) // => 0.5
 */
export function logisticSaturationValue(x: number, lambda: number): number {
  checkPositive("logisticSaturation", "lambda", lambda);
  checkX("logisticSaturation", x);
  return Math.tanh((lambda * x) / 2);
}

/**
 * Logistic saturation of a series: (1 - e^(-λx_t)) / (1 + e^(-λx_t)). O(n).
 *
 * @param x - adstocked spend per period, ≥ 0
 * @param lambda - λ > 0
 * @returns responses in [0, 1)
 * @throws RangeError if any x < 0 or λ ≤ 0
 * @example logisticSaturation([0, Math.log(3)], 1) // => [0, 0.5]
 */
export function logisticSaturation(x: NumberArray, lambda: number): Float64Array {
  return logisticSaturationInto(x, lambda, new Float64Array(x.length));
}

/** logisticSaturationInto(x, lambda, out) → out with out[i] = logisticSaturation(x)[i]; out may be x. */
function logisticSaturationInto(x: NumberArray, lambda: number, out: Float64Array): Float64Array {
  checkPositive("logisticSaturation", "lambda", lambda);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    checkX("logisticSaturation", v);
    out[i] = Math.tanh((lambda * v) / 2);
  }
  return out;
}

function logisticDerivativeUnchecked(x: number, lambda: number): number {
  const e = Math.exp(-lambda * x);
  return (2 * lambda * e) / ((1 + e) * (1 + e));
}

/**
 * Derivative of logistic saturation: 2λ·e^(-λx) / (1 + e^(-λx))^2 (λ/2 at x = 0). O(1).
 *
 * @param x - adstocked spend, ≥ 0
 * @param lambda - λ > 0
 * @returns slope at x, response per spend unit
 * @throws RangeError if x < 0 or λ ≤ 0
 * @example logisticSaturationDerivativeValue(0, 2) // => 1
 */
export function logisticSaturationDerivativeValue(x: number, lambda: number): number {
  checkPositive("logisticSaturationDerivative", "lambda", lambda);
  checkX("logisticSaturationDerivative", x);
  return logisticDerivativeUnchecked(x, lambda);
}

/**
 * Derivative of logistic saturation for each value of a series. O(n).
 *
 * @param x - adstocked spend per period, ≥ 0
 * @param lambda - λ > 0
 * @returns slopes
 * @throws RangeError if any x < 0 or λ ≤ 0
 * @example logisticSaturationDerivative([0], 2) // => [1]
 */
export function logisticSaturationDerivative(x: NumberArray, lambda: number): Float64Array {
  checkPositive("logisticSaturationDerivative", "lambda", lambda);
  return mapArray(x, (v) => {
    checkX("logisticSaturationDerivative", v);
    return logisticDerivativeUnchecked(v, lambda);
  });
}

/**
 * Saturation of one value under any `SaturationParams` (`none` is the identity). O(1).
 *
 * @param x - adstocked spend, ≥ 0
 * @param params - saturation parameters
 * @returns response
 * @throws RangeError on bad parameters, x < 0 or an unknown type
 * @example saturateValue(50, { type: "hill", halfSaturation: 50, shape: 2 }) // => 0.5
 */
export function saturateValue(x: number, params: SaturationParams): number {
  switch (params.type) {
    case "hill":
      return hillValue(x, params.halfSaturation, params.shape);
    case "log":
      return logSaturationValue(x, params.scale);
    case "logistic":
      return logisticSaturationValue(x, params.lambda);
    case "none":
      return x;
    default:
      throw unknownType("saturate", params);
  }
}

/**
 * Saturation of a series under any `SaturationParams` (`none` returns a copy). O(n).
 *
 * @param x - adstocked spend per period, ≥ 0
 * @param params - saturation parameters
 * @returns responses
 * @throws RangeError on bad parameters, x < 0 or an unknown type
 * @example saturate([0, 50], { type: "hill", halfSaturation: 50, shape: 1 }) // => [0, 0.5]
 */
export function saturate(x: NumberArray, params: SaturationParams): Float64Array {
  return saturateInto(x, params, new Float64Array(x.length));
}

/**
 * Saturation of a series written into `out` (the same values as `saturate`): out may be x itself,
 * saturating in place (each value is read before it is written), which saves an array when x is a
 * temporary. O(n).
 *
 * @param x - adstocked spend per period, ≥ 0
 * @param params - saturation parameters
 * @param out - at least x.length long; its first x.length values are overwritten
 * @returns out
 * @throws RangeError on bad parameters, x < 0 or an unknown type (out may then be partly written)
 * @example saturateInto(Float64Array.of(0, 50), { type: "hill", halfSaturation: 50, shape: 1 }, new Float64Array(2)) // => [0, 0.5]
 */
export function saturateInto(x: NumberArray, params: SaturationParams, out: Float64Array): Float64Array {
  switch (params.type) {
    case "hill":
      return hillInto(x, params.halfSaturation, params.shape, out);
    case "log":
      return logSaturationInto(x, params.scale, out);
    case "logistic":
      return logisticSaturationInto(x, params.lambda, out);
    case "none":
      if (out !== x) out.set(x);
      return out;
    default:
      throw unknownType("saturate", params);
  }
}

/**
 * Derivative d saturate(x)/dx of one value under any `SaturationParams` (`none`: 1). O(1).
 *
 * @param x - adstocked spend, ≥ 0
 * @param params - saturation parameters
 * @returns slope, response per spend unit
 * @throws RangeError on bad parameters, x < 0 or an unknown type
 * @example saturateDerivativeValue(50, { type: "hill", halfSaturation: 50, shape: 2 }) // => 0.02
 */
export function saturateDerivativeValue(x: number, params: SaturationParams): number {
  switch (params.type) {
    case "hill":
      return hillDerivativeValue(x, params.halfSaturation, params.shape);
    case "log":
      return logSaturationDerivativeValue(x, params.scale);
    case "logistic":
      return logisticSaturationDerivativeValue(x, params.lambda);
    case "none":
      checkX("saturateDerivative", x);
      return 1;
    default:
      throw unknownType("saturateDerivative", params);
  }
}

/**
 * Derivative of saturation for each value of a series under any `SaturationParams`. O(n).
 *
 * @param x - adstocked spend per period, ≥ 0
 * @param params - saturation parameters
 * @returns slopes
 * @throws RangeError on bad parameters, x < 0 or an unknown type
 * @example saturateDerivative([0], { type: "log", scale: 4 }) // => [0.25]
 */
export function saturateDerivative(x: NumberArray, params: SaturationParams): Float64Array {
  switch (params.type) {
    case "hill":
      return hillDerivative(x, params.halfSaturation, params.shape);
    case "log":
      return logSaturationDerivative(x, params.scale);
    case "logistic":
      return logisticSaturationDerivative(x, params.lambda);
    case "none":
      return mapArray(x, (v) => {
        checkX("saturateDerivative", v);
        return 1;
      });
    default:
      throw unknownType("saturateDerivative", params);
  }
}

function unknownType(name: string, params: never): RangeError {
  return new RangeError(`${name} requires a known type, got ${JSON.stringify((params as { type: unknown }).type)}`);
}
