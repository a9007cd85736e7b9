/**
 * Checks on the values of spend and target series, shared by `validate` (which reports them as
 * warnings) and `clean` (which repairs them): negative values, outliers above a multiple of the
 * series' 95th percentile, and a zero target.
 */
import type { GridSeries } from "./assemble";

export const FLAG_NONE = 0;
export const FLAG_NEGATIVE = 1;
export const FLAG_OUTLIER = 2;
export const FLAG_ZERO_TARGET = 3;

export interface ValueCheckOptions {
  /** A value above outlierFactor × the series' 95th percentile is an outlier. Default 20. */
  outlierFactor?: number;
}

/**
 * quantileSorted(sorted, p) is the type-7 (linear interpolation) quantile of ascending values, as
 * R's default and numpy's "linear": h = (n-1)·p, x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
 * @throws RangeError if sorted is empty or p is outside [0, 1]
 * @example quantileSorted([1, 2, 3, 4], 0.5) // => 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(sorted.length > 0)) throw new RangeError("quantileSorted requires at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError("quantileSorted requires p in [0, 1]");
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * quantileInPlace(values, p) is quantileSorted(sorted copy, p) without sorting: two order statistics
 * by quickselect (Hoare's FIND), expected O(n). Reorders `values`.
 */
export function quantileInPlace(values: Float64Array, p: number): number {
  if (!(values.length > 0)) throw new RangeError("quantileInPlace requires at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError("quantileInPlace requires p in [0, 1]");
  const h = (values.length - 1) * p;
  const lo = Math.floor(h);
  const a = select(values, lo);
  if (lo + 1 >= values.length || h === lo) return a;
  // After select, everything right of lo is ≥ a: the next order statistic is their minimum.
  let b = Infinity;
  for (let i = lo + 1; i < values.length; i++) if (values[i] < b) b = values[i];
  return a + (h - lo) * (b - a);
}

/** select(values, k) puts the k-th smallest at index k, smaller ones left, larger right; returns it. */
function select(values: Float64Array, k: number): number {
  let left = 0, right = values.length - 1;
  while (right > left) {
    const pivot = values[(left + right) >> 1];
    let i = left, j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i]; values[i] = values[j]; values[j] = t;
        i++; j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

/** The flags of one series and the outlier threshold used (NaN when the series has no p95 > 0). */
export interface SeriesFlags {
  flags: Uint8Array;
  p95: number;
  threshold: number;
}

/**
 * checkValues(series, options) flags each value of a channel or target series: FLAG_NEGATIVE for
 * v < 0, FLAG_OUTLIER for v > outlierFactor · p95 (p95 over the series' non-missing values, only when
 * p95 > 0), FLAG_ZERO_TARGET for a target equal to 0. Controls are never flagged (a control may be
 * negative or zero by nature). O(n log n).
 */
export function checkValues(series: GridSeries, options: ValueCheckOptions = {}): SeriesFlags {
  const factor = options.outlierFactor ?? 20;
  if (!(factor > 0)) throw new RangeError("checkValues requires outlierFactor > 0");
  const n = series.values.length;
  const flags = new Uint8Array(n);
  if (series.role === "control") return { flags, p95: NaN, threshold: NaN };
  const finite = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = series.values[i];
    if (v === v) finite[count++] = v;
  }
  const p95 = count > 0 ? quantileInPlace(finite.subarray(0, count), 0.95) : NaN;
  const threshold = p95 > 0 ? factor * p95 : NaN;
  for (let i = 0; i < n; i++) {
    const v = series.values[i];
    if (v !== v) continue;
    if (v < 0) flags[i] = FLAG_NEGATIVE;
    else if (v > threshold) flags[i] = FLAG_OUTLIER;
    else if (v === 0 && series.role === "target") flags[i] = FLAG_ZERO_TARGET;
  }
  return { flags, p95, threshold };
}
