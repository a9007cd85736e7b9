/**
 * Adstock: the carry-over of media spend into later periods.
 *
 * Every transform here is a causal, linear filter: the adstocked value at period t is a weighted sum
 * of spend at periods t, t-1, t-2, … (lag l = 0, 1, 2, …). Units are preserved: the output is in the
 * spend units of the input (e.g. currency per period), scaled by the kernel weights. Functions are
 * pure, take `Float64Array | readonly number[]`, return a new Float64Array and never mutate input.
 *
 * Kernels:
 * - geometric: w_l = decay^l (Robyn's `adstock_geometric`, the recursion a_t = x_t + decay·a_{t-1}).
 * - weibull_cdf / weibull_pdf: Robyn's `adstock_weibull` (facebookexperimental/Robyn,
 *   R/R/transformation.R), re-implemented from its definition.
 * - delayed: w_l ∝ decay^((l - peakLag)^2), Google's delayed adstock (Jin et al. 2017,
 *   "Bayesian Methods for Media Mix Modeling with Carryover and Shape Effects"; LightweightMMM
 *   `carryover`).
 *
 * Forward plans: `adstockCarryover(spend, params, history)` is the adstock of
 * concat(history, spend) restricted to the `spend` part, so a plan inherits the carry-over of the
 * spend already observed.
 */

import type { AdstockParams } from "../spec/transform-params";

type NumberArray = Float64Array | readonly number[];

/** Options of `geometricAdstock`. */
export interface GeometricOptions {
  /** Scale the kernel so its weights sum to 1 (default false, Robyn's unnormalised form). */
  normalize?: boolean;
  /** Keep lags 0..maxLag only (an integer ≥ 0); absent: infinite carry-over by recursion. */
  maxLag?: number;
  /**
   * The recursion's state before spend[0], a_{-1} (default 0): the unnormalised adstock of the
   * last earlier period, `geometricAdstock(earlier, decay).at(-1)`. Only without maxLag (a finite
   * kernel carries spend, not a state: see `adstockKernelLength`).
   */
  initial?: number;
}

/** Options of `weibullAdstock`. */
export interface WeibullOptions {
  /** "cdf" (default, monotone decay from 1) or "pdf" (allows a delayed peak). */
  type?: "cdf" | "pdf";
  /** Kernel length L in periods, an integer ≥ 1 (default: the series length, Robyn's windlen). */
  window?: number;
}

function checkDecay(name: string, decay: number): void {
  if (!(decay >= 0 && decay < 1)) throw new RangeError(`${name} requires decay in [0, 1)`);
}

function checkMaxLag(name: string, maxLag: number): void {
  if (!(Number.isInteger(maxLag) && maxLag >= 0)) {
    throw new RangeError(`${name} requires maxLag to be an integer >= 0`);
  }
}

/**
 * Causal finite convolution from period `from` on: out[t - from] = Σ_{l=0}^{min(t, L-1)} w[l]·x[t-l]
 * for t = from..n-1, so convolve(x, w, from) is convolve(x, w).slice(from) without the earlier
 * periods' work (each value is the same sum in the same order). O((n - from)·L).
 */
function convolve(x: NumberArray, w: Float64Array, from = 0): Float64Array {
  const n = x.length;
  const out = new Float64Array(Math.max(0, n - from));
  const lags = w.length;
  for (let t = from; t < n; t++) {
    let acc = 0;
    const top = Math.min(t, lags - 1);
    for (let l = 0; l <= top; l++) acc += w[l] * x[t - l];
    out[t - from] = acc;
  }
  return out;
}

/**
 * Geometric adstock: each period keeps decay × the previous period's adstock, a_t = x_t + decay·a_{t-1}
 * with a_{-1} = 0 (Robyn's form). Kernel w_l = decay^l.
 *
 * With `normalize`, the output is multiplied by (1 - decay) so the infinite kernel sums to 1 and a
 * constant spend c maps to c in the long run. With `maxLag`, only lags 0..maxLag are kept (a finite
 * convolution, O(n·maxLag)); normalised, the weights are divided by their truncated sum
 * Σ_{l=0}^{maxLag} decay^l. Units: spend units per period. O(n) without maxLag.
 *
 * With `initial` = a_{-1}, the recursion continues from an earlier series instead of from 0: for
 * any `earlier`, geometricAdstock(spend, decay, { normalize, initial: geometricAdstock(earlier,
 * decay).at(-1) }) equals geometricAdstock(concat(earlier, spend), decay, { normalize }) restricted
 * to the spend part, bit for bit (the same operations in the same order), in O(n) instead of O(h + n).
 *
 * @param spend - spend per period
 * @param decay - share of the effect carried to the next period, in [0, 1)
 * @param options - `normalize` (default false), `maxLag` (integer ≥ 0, default unbounded),
 *   `initial` (finite, default 0; not with maxLag)
 * @returns adstocked series, same length and units as spend
 * @throws RangeError if decay is outside [0, 1), maxLag is not an integer ≥ 0, or initial is not
 *   finite or given with maxLag
 * @example geometricAdstock([100, 0, 0, 0], 0.5) // => Float64Array [100, 50, 25, 12.5]
 * @example geometricAdstock([0, 10], 0.5, { initial: 100 }) // => Float64Array [50, 35]
 */
export function geometricAdstock(spend: NumberArray, decay: number, options: GeometricOptions = {}): Float64Array {
  checkDecay("geometricAdstock", decay);
  const normalize = options.normalize === true;
  const initial = options.initial;
  if (initial !== undefined && !Number.isFinite(initial)) throw new RangeError("geometricAdstock requires a finite initial state");
  if (options.maxLag !== undefined) {
    checkMaxLag("geometricAdstock", options.maxLag);
    if (initial !== undefined) throw new RangeError("geometricAdstock requires no maxLag with an initial state (carry the last maxLag periods of spend instead)");
    return convolve(spend, geometricWeights(decay, options.maxLag + 1, normalize, true));
  }
  const n = spend.length;
  const out = new Float64Array(n);
  let carry = initial ?? 0;
  for (let t = 0; t < n; t++) {
    carry = spend[t] + decay * carry;
    out[t] = carry;
  }
  if (normalize) {
    const factor = 1 - decay;
    for (let t = 0; t < n; t++) out[t] *= factor;
  }
  return out;
}

/**
 * Geometric kernel weights decay^l for l = 0..length-1; normalised either by the infinite sum
 * (× (1 - decay)) or, when `truncated`, by the sum of these `length` weights.
 */
function geometricWeights(decay: number, length: number, normalize: boolean, truncated: boolean): Float64Array {
  const w = new Float64Array(length);
  let v = 1;
  let sum = 0;
  for (let l = 0; l < length; l++) {
    w[l] = v;
    sum += v;
    v *= decay;
  }
  if (normalize) {
    const factor = truncated ? 1 / sum : 1 - decay;
    for (let l = 0; l < length; l++) w[l] *= factor;
  }
  return w;
}

/** R's round(x, 0): to the nearest integer, halves to even (IEC 60559, as R ≥ 4.0.0 does). */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * Robyn's scaleTrans = round(quantile(1:L, scale), 0), with R's type-7 quantile evaluated as R does:
 * index = 1 + (L-1)·p, lo = floor(index), hi = ceiling(index), h = index - lo,
 * q = (1-h)·lo + h·hi (the order statistics of 1:L are the integers themselves).
 */
function weibullScaleTrans(window: number, scale: number): number {
  const index = 1 + (window - 1) * scale;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const h = index - lo;
  const q = h > 0 ? (1 - h) * lo + h * hi : lo;
  return roundHalfEven(q);
}

/**
 * Weibull adstock kernel weights for lags 0..window-1, exactly as Robyn's `adstock_weibull` builds
 * `thetaVecCum` (facebookexperimental/Robyn R/R/transformation.R):
 * scaleTrans = round(quantile(1:L, scale)) (type-7 quantile, halves to even), then
 * - "cdf": theta = c(1, 1 - pweibull(1:(L-1), shape, scaleTrans)), weights = cumprod(theta);
 *   with pweibull(q, k, λ) = 1 - exp(-(q/λ)^k), so w_0 = 1 and w_l = Π_{j=1}^{l} exp(-(j/λ)^k);
 *   weights start at 1 and are non-increasing; "sum as defined" means they are NOT normalised to
 *   sum 1: an impulse of 1 produces a total effect of Σ w_l ≥ 1.
 * - "pdf": weights = normalize(dweibull(1:L, shape, scaleTrans)) with Robyn's min-max normalise
 *   (x - min)/(max - min), or c(1, 0, …, 0) when all values are equal; so max weight = 1 and
 *   min weight = 0, w_0 = normalised density at 1; "sum as defined" again means no sum-to-1
 *   normalisation, the peak weight is 1. dweibull(x, k, λ) = (k/λ)(x/λ)^(k-1) exp(-(x/λ)^k).
 * O(L).
 *
 * Robyn treats shape = 0 or scale = 0 as "no adstock"; here use `{type: "none"}` for that.
 *
 * @param shape - Weibull shape k > 0
 * @param scale - relative scale in (0, 1], the quantile of 1:L used as the Weibull scale λ
 * @param window - kernel length L in periods, an integer ≥ 1
 * @param type - "cdf" or "pdf"
 * @returns weights for lags 0..L-1
 * @throws RangeError if shape ≤ 0, scale outside (0, 1], window not an integer ≥ 1 or type unknown
 * @example weibullWeights(1, 0.5, 3, "cdf") // => [1, exp(-1/2), exp(-1/2)·exp(-1)]
 */
export function weibullWeights(shape: number, scale: number, window: number, type: "cdf" | "pdf"): Float64Array {
  if (!(shape > 0 && Number.isFinite(shape))) throw new RangeError("weibullWeights requires shape > 0");
  if (!(scale > 0 && scale <= 1)) throw new RangeError("weibullWeights requires scale in (0, 1]");
  if (!(Number.isInteger(window) && window >= 1)) {
    throw new RangeError("weibullWeights requires window to be an integer >= 1");
  }
  if (!(type === "cdf" || type === "pdf")) throw new RangeError('weibullWeights requires type "cdf" or "pdf"');
  const lambda = weibullScaleTrans(window, scale);
  const w = new Float64Array(window);
  if (type === "cdf") {
    // 1 - pweibull(j) = exp(-(j/λ)^k), computed directly.
    let cum = 1;
    w[0] = 1;
    for (let j = 1; j < window; j++) {
      cum *= Math.exp(-((j / lambda) ** shape));
      w[j] = cum;
    }
    return w;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let l = 0; l < window; l++) {
    const z = (l + 1) / lambda;
    const d = (shape / lambda) * z ** (shape - 1) * Math.exp(-(z ** shape));
    w[l] = d;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const range = max - min;
  if (range === 0) {
    w.fill(0);
    w[0] = 1;
    return w;
  }
  for (let l = 0; l < window; l++) w[l] = (w[l] - min) / range;
  return w;
}

/**
 * Weibull adstock (Robyn's `adstock_weibull`): the convolution
 * x_decayed[t] = Σ_{s ≤ t, t-s < L} x[s]·w[t-s] with the weights of `weibullWeights`.
 * The default window L is the series length, so every lag in the series is covered (Robyn's
 * windlen = length(x)); note the weights themselves depend on L through scaleTrans. Units: spend
 * units per period times the (unnormalised) weights. O(n·L).
 *
 * @param spend - spend per period
 * @param shape - Weibull shape k > 0
 * @param scale - relative scale in (0, 1]
 * @param options - `type` "cdf" (default) or "pdf"; `window` L (default spend.length)
 * @returns adstocked series, same length as spend
 * @throws RangeError on bad parameters (see `weibullWeights`)
 * @example weibullAdstock([100, 0, 0], 1, 0.5) // => [100, 100·exp(-1/2), 100·exp(-3/2)]
 */
export function weibullAdstock(
  spend: NumberArray,
  shape: number,
  scale: number,
  options: WeibullOptions = {},
): Float64Array {
  const window = options.window ?? Math.max(1, spend.length);
  return convolve(spend, weibullWeights(shape, scale, window, options.type ?? "cdf"));
}

/**
 * Delayed adstock kernel (Google's delayed adstock; LightweightMMM `carryover`):
 * w_l = decay^((l - peakLag)^2) for l = 0..maxLag, divided by their sum so Σ w_l = 1; the weight
 * peaks at lag round(peakLag). O(maxLag).
 *
 * @param decay - in [0, 1); decay = 0 puts all weight on lag peakLag (0^0 = 1)
 * @param peakLag - lag of the peak effect in periods, in [0, maxLag]
 * @param maxLag - last lag kept, an integer ≥ 0
 * @returns weights for lags 0..maxLag, summing to 1
 * @throws RangeError if decay is outside [0, 1), maxLag is not an integer ≥ 0 or peakLag outside [0, maxLag]
 * @example delayedWeights(0.5, 1, 2) // => [0.25, 0.5, 0.25]
 */
export function delayedWeights(decay: number, peakLag: number, maxLag: number): Float64Array {
  checkDecay("delayedAdstock", decay);
  checkMaxLag("delayedAdstock", maxLag);
  if (!(peakLag >= 0 && peakLag <= maxLag)) throw new RangeError("delayedAdstock requires peakLag in [0, maxLag]");
  const w = new Float64Array(maxLag + 1);
  let sum = 0;
  for (let l = 0; l <= maxLag; l++) {
    const e = (l - peakLag) * (l - peakLag);
    w[l] = e === 0 ? 1 : decay ** e;
    sum += w[l];
  }
  for (let l = 0; l <= maxLag; l++) w[l] /= sum;
  return w;
}

/**
 * Delayed adstock: convolution of spend with `delayedWeights(decay, peakLag, maxLag)`, weights
 * w_l ∝ decay^((l - peakLag)^2), normalised to sum 1, so total effect equals total spend (except for
 * the carry-over cut off at the end of the series). Units: spend units per period. O(n·maxLag).
 *
 * @param spend - spend per period
 * @param decay - in [0, 1)
 * @param peakLag - lag of the peak effect in periods, in [0, maxLag]
 * @param maxLag - last lag kept, an integer ≥ 0
 * @returns adstocked series, same length as spend
 * @throws RangeError on bad parameters (see `delayedWeights`)
 * @example delayedAdstock([100, 0, 0], 0.5, 1, 2) // => [25, 50, 25]
 */
export function delayedAdstock(spend: NumberArray, decay: number, peakLag: number, maxLag: number): Float64Array {
  return convolve(spend, delayedWeights(decay, peakLag, maxLag));
}

/**
 * Fill in the defaults that depend on the series length: a Weibull `window` absent is set to
 * `seriesLength` (Robyn's default). Store the result in an artifact so the kernel no longer depends
 * on how long a later series is. Other types are returned unchanged (a copy).
 *
 * @param params - adstock parameters
 * @param seriesLength - length of the series the parameters were fitted on, an integer ≥ 1
 * @returns parameters with an explicit Weibull window
 * @throws RangeError if seriesLength is not an integer ≥ 1 and a window is needed
 */
export function resolveAdstockParams(params: AdstockParams, seriesLength: number): AdstockParams {
  if ((params.type === "weibull_cdf" || params.type === "weibull_pdf") && params.window === undefined) {
    if (!(Number.isInteger(seriesLength) && seriesLength >= 1)) {
      throw new RangeError("resolveAdstockParams requires seriesLength to be an integer >= 1");
    }
    return { ...params, window: seriesLength };
  }
  return { ...params };
}

/**
 * Kernel length L of an adstock: the number of lags 0..L-1 with a weight, so the adstock at period t
 * depends on spend at periods t-L+1..t only, and a carried-over history can be cut to its last L-1
 * periods without changing any result (`adstockCarryover(spend, params, history)` equals
 * `adstockCarryover(spend, params, history.slice(-(L-1)))` when params are resolved). Infinity for
 * the geometric recursion (no maxLag), 1 for `none`. O(1).
 *
 * @param params - adstock parameters; a Weibull window must be explicit (see `resolveAdstockParams`)
 * @returns L, an integer ≥ 1, or Infinity
 * @throws RangeError for a Weibull kernel without a window or an unknown type
 * @example adstockKernelLength({ type: "delayed", decay: 0.5, peakLag: 1, maxLag: 3 }) // => 4
 */
export function adstockKernelLength(params: AdstockParams): number {
  switch (params.type) {
    case "geometric":
      return params.maxLag === undefined ? Infinity : params.maxLag + 1;
    case "weibull_cdf":
    case "weibull_pdf":
      if (params.window === undefined) throw new RangeError("adstockKernelLength requires a Weibull window (resolveAdstockParams sets it)");
      return params.window;
    case "delayed":
      return params.maxLag + 1;
    case "none":
      return 1;
    default:
      throw new RangeError(`adstockKernelLength requires a known type, got ${JSON.stringify((params as { type: unknown }).type)}`);
  }
}

/**
 * Kernel weights of any adstock for lags 0..length-1 (an impulse response: the adstock of
 * [1, 0, 0, …]). Geometric without maxLag gives decay^l (× (1 - decay) when normalised); lags beyond
 * a finite kernel are 0. Weibull without a window uses window = length. O(length).
 *
 * @param params - adstock parameters
 * @param length - number of lags, an integer ≥ 1
 * @returns weights, w[l] = effect at lag l of one unit of spend
 * @throws RangeError on bad parameters or length
 * @example adstockWeights({ type: "geometric", decay: 0.5 }, 3) // => [1, 0.5, 0.25]
 */
export function adstockWeights(params: AdstockParams, length: number): Float64Array {
  if (!(Number.isInteger(length) && length >= 1)) {
    throw new RangeError("adstockWeights requires length to be an integer >= 1");
  }
  const impulse = new Float64Array(length);
  impulse[0] = 1;
  if (params.type === "weibull_cdf" || params.type === "weibull_pdf") {
    return adstock(impulse, resolveAdstockParams(params, length));
  }
  return adstock(impulse, params);
}

/**
 * Adstock dispatcher over `AdstockParams`. Weibull with no window uses the series length.
 *
 * @param spend - spend per period
 * @param params - adstock parameters
 * @returns adstocked series (a copy for `none`)
 * @throws RangeError on bad parameters or an unknown type
 * @example adstock([100, 0], { type: "geometric", decay: 0.5 }) // => [100, 50]
 */
export function adstock(spend: NumberArray, params: AdstockParams): Float64Array {
  switch (params.type) {
    case "geometric":
      return geometricAdstock(spend, params.decay, { normalize: params.normalize, maxLag: params.maxLag });
    case "weibull_cdf":
      return weibullAdstock(spend, params.shape, params.scale, { type: "cdf", window: params.window });
    case "weibull_pdf":
      return weibullAdstock(spend, params.shape, params.scale, { type: "pdf", window: params.window });
    case "delayed":
      return delayedAdstock(spend, params.decay, params.peakLag, params.maxLag);
    case "none":
      return Float64Array.from(spend);
    default:
      throw new RangeError(`adstock requires a known type, got ${JSON.stringify((params as { type: unknown }).type)}`);
  }
}

/**
 * Adstock of a forward plan that inherits the carry-over of past spend: the adstock of
 * concat(history, spend) restricted to the last spend.length periods. With an empty history this
 * equals `adstock(spend, params)`.
 *
 * A Weibull kernel depends on its window; without an explicit window it is resolved to
 * history.length (the series the model was fitted on, so the history part reproduces the fit), or
 * to spend.length when there is no history. A finite kernel is convolved over the plan's periods
 * only; the geometric recursion runs over the history too. O(h + n·L), O(h + n) geometric.
 *
 * @param spend - planned spend per period
 * @param params - adstock parameters
 * @param history - observed spend before the plan, oldest first (default none)
 * @returns adstocked plan, same length as spend
 * @throws RangeError on bad parameters
 * @example adstockCarryover([0, 0], { type: "geometric", decay: 0.5 }, [100]) // => [50, 25]
 */
export function adstockCarryover(spend: NumberArray, params: AdstockParams, history: NumberArray = []): Float64Array {
  const resolved = resolveAdstockParams(params, Math.max(1, history.length > 0 ? history.length : spend.length));
  return carriedAdstock(spend, resolved, adstockKernel(resolved), history);
}

/**
 * carriedAdstock(spend, resolved, kernel, history) = adstockCarryover(spend, resolved, history) for
 * parameters already resolved and kernel = adstockKernel(resolved), which a caller may keep: a
 * finite kernel convolves only the spend's periods (O(n·L)); the recursion and `none` run over
 * the whole series and keep its tail. O(n·L), or O(h + n).
 *
 * @param spend - planned spend per period
 * @param resolved - adstock parameters, a Weibull window explicit (see `resolveAdstockParams`)
 * @param kernel - adstockKernel(resolved)
 * @param history - observed spend before the plan, oldest first
 * @returns adstocked plan, same length as spend
 * @throws RangeError on bad parameters
 * @example carriedAdstock([0], { type: "delayed", decay: 0.5, peakLag: 1, maxLag: 2 }, delayedWeights(0.5, 1, 2), [100]) // => [50]
 */
export function carriedAdstock(spend: NumberArray, resolved: AdstockParams, kernel: Float64Array | null, history: NumberArray): Float64Array {
  const h = history.length;
  const all = new Float64Array(h + spend.length);
  all.set(history);
  all.set(spend, h);
  return kernel === null ? adstock(all, resolved).slice(h) : convolve(all, kernel, h);
}

/**
 * Finite kernel of an adstock: the weights `adstock` convolves spend with for a geometric kernel
 * with maxLag, a Weibull kernel with an explicit window, or a delayed kernel (built by the same
 * functions with the same arguments, so the weights are identical); null for the geometric
 * recursion (no maxLag), `none`, a Weibull kernel without a window (its length is the series')
 * and unknown types, which `adstock` computes otherwise. O(L).
 *
 * @param params - adstock parameters (resolve a Weibull window first: see `resolveAdstockParams`)
 * @returns the weights for lags 0..L-1, or null
 * @throws RangeError on bad parameters, as `adstock` would
 * @example adstockKernel({ type: "delayed", decay: 0.5, peakLag: 1, maxLag: 2 }) // => [0.25, 0.5, 0.25]
 */
export function adstockKernel(params: AdstockParams): Float64Array | null {
  switch (params.type) {
    case "geometric":
      if (params.maxLag === undefined) return null;
      checkDecay("geometricAdstock", params.decay);
      checkMaxLag("geometricAdstock", params.maxLag);
      return geometricWeights(params.decay, params.maxLag + 1, params.normalize === true, true);
    case "weibull_cdf":
    case "weibull_pdf":
      if (params.window == null) return null; // adstock uses the series' length
      return weibullWeights(params.shape, params.scale, params.window, params.type === "weibull_cdf" ? "cdf" : "pdf");
    case "delayed":
      return delayedWeights(params.decay, params.peakLag, params.maxLag);
    default:
      return null;
  }
}
