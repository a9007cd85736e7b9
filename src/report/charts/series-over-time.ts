/**
 * seriesOverTime(dates, seriesByName, options): any named series over time — revenue, spend, a
 * feature — one line per series (optionally stacked), on a date axis with a y-axis title.
 */
import { baseLayout, channelColor, checkLength, numbers, type Figure, type Trace } from "./figure";

export interface SeriesOverTimeOptions {
  /** Title of the y axis: what the series measure, e.g. "revenue per week". */
  yTitle: string;
  /** Stack the series as areas (their total on top) instead of separate lines; for series ≥ 0. */
  stacked?: boolean;
  /** Chart title (default: `${yTitle} over time`). */
  title?: string;
  /** Title of the x axis (default "date"). */
  xTitle?: string;
}

/**
 * seriesOverTime(dates, seriesByName, options) → one line trace per series, in the record's order,
 * in the channel colours; non-finite values are gaps. With options.stacked every trace is in stack
 * group "stack" (`fill: "tonexty"`). O(series · n).
 * @param dates - ISO dates, one per period (the x axis)
 * @param seriesByName - values per period by series name
 * @param options - yTitle (required), stacked, title, xTitle
 * @throws RangeError when a series does not have one value per date
 * @example seriesOverTime(["2024-01-01", "2024-01-08"], { revenue: [10, 12] }, { yTitle: "revenue per week" }).layout.yaxis // => { title: { text: "revenue per week" }, automargin: true }
 */
export function seriesOverTime(dates: readonly string[], seriesByName: Readonly<Record<string, ArrayLike<number>>>, options: SeriesOverTimeOptions): Figure {
  const x = [...dates];
  const data: Trace[] = Object.entries(seriesByName).map(([name, values], i) => {
    checkLength("seriesOverTime", `series "${name}"`, values, dates.length);
    const trace: Trace = { type: "scatter", mode: "lines", name, x, y: numbers(values), line: { color: channelColor(i), width: 1.5 } };
    if (options.stacked) Object.assign(trace, { stackgroup: "stack", fill: "tonexty" });
    return trace;
  });
  return { data, layout: baseLayout(options.title ?? `${options.yTitle} over time`, options.xTitle ?? "date", options.yTitle) };
}
