/**
 * spendOverTime(dates, spendByChannel): each channel's spend per period over time, one line per
 * channel (optionally stacked) — seriesOverTime with the spend titles.
 */
import { checkLength, type Figure } from "./figure";
import { seriesOverTime } from "./series-over-time";

export interface SpendOverTimeOptions {
  /** Stack the channels as areas (total spend on top) instead of separate lines. */
  stacked?: boolean;
  title?: string;
  /** Title of the y axis (default "spend per period"). */
  yTitle?: string;
}

/**
 * spendOverTime(dates, spendByChannel, options) → seriesOverTime(dates, spendByChannel, { yTitle:
 * "spend per period", title: "Spend over time", … }): one line trace per channel, in the record's
 * order. O(channels · n).
 * @throws RangeError when a channel does not have one value per date
 * @example spendOverTime(["2024-01-01"], { tv: [100], radio: [50] }).data.map((t) => t.y) // => [[100], [50]]
 */
export function spendOverTime(dates: readonly string[], spendByChannel: Readonly<Record<string, ArrayLike<number>>>, options: SpendOverTimeOptions = {}): Figure {
  for (const [name, spend] of Object.entries(spendByChannel)) checkLength("spendOverTime", `the spend of "${name}"`, spend, dates.length);
  return seriesOverTime(dates, spendByChannel, { yTitle: options.yTitle ?? "spend per period", title: options.title ?? "Spend over time", stacked: options.stacked });
}
