/**
 * decompositionArea(dates, groups, options): the prediction split into its parts over time as a
 * stacked area — the baseline groups (base, trend, seasonality, holidays, controls) at the bottom,
 * the channels stacked on top — so the top edge is the prediction.
 */
import { BASELINE_COLORS, baseLayout, channelColor, checkLength, numbers, type Figure, type Trace } from "./figure";

export interface DecompositionAreaOptions {
  /** Group names that are channels: stacked last, in this order, in channel colours. */
  channels?: readonly string[];
  /** The prediction per period, drawn as a dashed line over the stack (it equals the stack's top). */
  predicted?: ArrayLike<number>;
  target?: string;
  title?: string;
}

/**
 * decompositionArea(dates, groups, options) → one scatter trace per group in stack group "total"
 * (`fill: "tonexty"`): the groups not in options.channels first, in their order, then the channels
 * in options.channels order; plus an optional dashed "predicted" line. Negative groups (e.g. a price
 * effect) lower the stack. O(groups · n).
 * @param dates - ISO dates, one per period
 * @param groups - contribution per period by group name (e.g. decomposition(model, input).groups)
 * @throws RangeError when a group or the prediction does not have one value per date
 * @example decompositionArea(dates, { base: [5, 5], tv: [1, 2] }, { channels: ["tv"] }).data.map((t) => t.name) // => ["base", "tv"]
 */
export function decompositionArea(dates: readonly string[], groups: Readonly<Record<string, ArrayLike<number>>>, options: DecompositionAreaOptions = {}): Figure {
  const n = dates.length;
  const channels = (options.channels ?? []).filter((c) => groups[c] !== undefined);
  const isChannel = new Set(channels);
  const baseline = Object.keys(groups).filter((g) => !isChannel.has(g));
  const x = [...dates];
  const data: Trace[] = [];
  baseline.forEach((name, i) => {
    checkLength("decompositionArea", `group "${name}"`, groups[name], n);
    const color = BASELINE_COLORS[i % BASELINE_COLORS.length];
    data.push({ type: "scatter", mode: "lines", name, x, y: numbers(groups[name]), stackgroup: "total", fill: "tonexty", line: { width: 0.5, color }, fillcolor: color });
  });
  channels.forEach((name, i) => {
    checkLength("decompositionArea", `group "${name}"`, groups[name], n);
    data.push({ type: "scatter", mode: "lines", name, x, y: numbers(groups[name]), stackgroup: "total", fill: "tonexty", line: { width: 0.5, color: channelColor(i) } });
  });
  if (options.predicted !== undefined) {
    checkLength("decompositionArea", "predicted", options.predicted, n);
    data.push({ type: "scatter", mode: "lines", name: "predicted", x, y: numbers(options.predicted), line: { color: "#000000", dash: "dash", width: 1 } });
  }
  return { data, layout: baseLayout(options.title ?? "Decomposition over time", "date", options.target ?? "contribution") };
}
