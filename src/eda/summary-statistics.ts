/**
 * Summary statistics per series — what pandas' `describe()` prints — computed here rather than by
 * danfojs, whose describe() throws on missing values. Missing values (NaN) are skipped and counted.
 */
import type { Table } from "../data/table";
import { quantileSorted } from "../util/quantile";
import type { NumberArray } from "../util/vector-checks";

/** Statistics of one series; every statistic is NaN when the series has no value. */
export interface SeriesSummary {
  name: string;
  /** "target", "channel" or "control" (from the table's roles); "series" for plain columns. */
  role: string;
  /** Values present (not NaN). */
  count: number;
  /** Values missing (NaN). */
  missing: number;
  mean: number;
  /** Sample standard deviation (n − 1, as pandas); NaN below 2 values. */
  std: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
  /** Share of present values that are exactly 0 (flighted channels are often off). */
  zero_share: number;
}

/**
 * seriesSummary(name, values, role) → count, missing, mean, sample sd (Welford's update), min,
 * quartiles (type 7, as numpy and pandas), max and the share of zeros of one series, skipping NaN.
 * O(n log n).
 * @example seriesSummary("x", [1, 2, NaN, 3, 4]).median // => 2.5
 */
export function seriesSummary(name: string, values: NumberArray, role = "series"): SeriesSummary {
  const present: number[] = [];
  let mean = 0, m2 = 0, zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    present.push(v);
    const delta = v - mean;
    mean += delta / present.length;
    m2 += delta * (v - mean);
    if (v === 0) zeros++;
  }
  const count = present.length;
  const sorted = Float64Array.from(present).sort();
  const q = (p: number) => (count > 0 ? quantileSorted(sorted, p) : NaN);
  return {
    name,
    role,
    count,
    missing: values.length - count,
    mean: count > 0 ? mean : NaN,
    std: count > 1 ? Math.sqrt(m2 / (count - 1)) : NaN,
    min: count > 0 ? sorted[0] : NaN,
    p25: q(0.25),
    median: q(0.5),
    p75: q(0.75),
    max: count > 0 ? sorted[count - 1] : NaN,
    zero_share: count > 0 ? zeros / count : NaN,
  };
}

/**
 * summaryStatistics(table) → seriesSummary of the target, each channel's spend and each control, in
 * that order. O(series · n log n).
 * @example summaryStatistics(table).map((s) => s.name) // => ["revenue", "tv", …, "price", "promo"]
 */
export function summaryStatistics(table: Table): SeriesSummary[] {
  return [
    seriesSummary(table.target, table.columns[table.target], "target"),
    ...table.channels.map((c) => seriesSummary(c, table.columns[c], "channel")),
    ...table.controls.map((c) => seriesSummary(c, table.columns[c], "control")),
  ];
}
