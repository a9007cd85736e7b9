/**
 * spendOverTime(dates, spendByChannel): each channel's spend per period over time, one line per
 * channel (optionally stacked).
 */
import { baseLayout, channelColor, checkLength, numbers, type Figure, type Trace } from "./figure";

export interface SpendOverTimeOptions {
  /** Stack the channels as areas (total spend on top) instead of separate lines. */
  stacked?: boolean;
  title?: string;
}

/**
 * spendOverTime(dates, spendByChannel, options) → one line trace per channel, in the record's order.
 * O(channels · n).
 * @throws RangeError when a channel does not have one value per date
 * @example spendOverTime(["2024-01-01"], { tv: [100], radio: [50] }).data.map((t) => t.y) // => [[100], [50]]
 */
export function spendOverTime(dates: readonly string[], spendByChannel: Readonly<Record<string, ArrayLike<number>>>, options: SpendOverTimeOptions = {}): Figure {
  const x = [...dates];
  const data: Trace[] = Object.entries(spendByChannel).map(([name, spend], i) => {
    checkLength("spendOverTime", `the spend of "${name}"`, spend, dates.length);
    const trace: Trace = { type: "scatter", mode: "lines", name, x, y: numbers(spend), line: { color: channelColor(i), width: 1.5 } };
    if (options.stacked) Object.assign(trace, { stackgroup: "spend", fill: "tonexty" });
    return trace;
  });
  return { data, layout: baseLayout(options.title ?? "Spend over time", "date", "spend per period") };
}
