/**
 * Checks on the values of spend and target series, shared by `validate` (which reports them as
 * warnings) and `clean` (which repairs them): negative values, outliers above a multiple of the
 * series' 95th percentile, and a zero target.
 */
import { quantileInPlace } from "../util/quantile";
import type { GridSeries } from "./assemble";

export const FLAG_NONE = 0;
export const FLAG_NEGATIVE = 1;
export const FLAG_OUTLIER = 2;
export const FLAG_ZERO_TARGET = 3;

export interface ValueCheckOptions {
  /** A value above outlierFactor × the series' 95th percentile is an outlier. Default 20. */
  outlierFactor?: number;
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
    if (!Number.isNaN(v)) finite[count++] = v;
  }
  const p95 = count > 0 ? quantileInPlace(finite.subarray(0, count), 0.95) : NaN;
  const threshold = p95 > 0 ? factor * p95 : NaN;
  for (let i = 0; i < n; i++) {
    const v = series.values[i];
    if (Number.isNaN(v)) continue;
    if (v < 0) flags[i] = FLAG_NEGATIVE;
    else if (v > threshold) flags[i] = FLAG_OUTLIER;
    else if (v === 0 && series.role === "target") flags[i] = FLAG_ZERO_TARGET;
  }
  return { flags, p95, threshold };
}
