/**
 * decompositionArea(dates, groups, options): the prediction split into its parts over time as
 * stacked areas — the baseline groups (base, trend, seasonality, holidays, controls) first, the
 * channels on top — with positive contributions stacked up from zero and negative ones (a price
 * effect, a season's low) stacked down from zero, so no band hides another; the prediction is the
 * dashed line (the top edge only when nothing is negative).
 */
import { BASELINE_COLORS, baseLayout, channelColor, checkLength, numbers, type Figure, type Trace } from "./figure";

export interface DecompositionAreaOptions {
  /** Group names that are channels: stacked last, in this order, in channel colours. */
  channels?: readonly string[];
  /** The prediction per period, drawn as a dashed line (= positive stack top + negative stack bottom). */
  predicted?: ArrayLike<number>;
  target?: string;
  title?: string;
}

/**
 * decompositionArea(dates, groups, options) → stacked area traces in two stack groups, so that no
 * band overlaps another: "positive" stacks every group's values ≥ 0 upward from zero, "negative"
 * stacks its values < 0 downward from zero. The groups not in options.channels come first, in their
 * order, then the channels in options.channels order. A group that is never negative (the base, the
 * channels) is one trace in "positive" with its values as they are; a group that is never positive
 * (e.g. a price effect) is one trace in "negative"; a group of both signs (e.g. seasonality) is two
 * traces of one legend entry, max(v, 0) in "positive" and min(v, 0) in "negative". At every date the
 * top edge is the sum of the positive parts, the bottom edge the sum of the negative parts, and
 * top + bottom is the prediction, drawn as the optional dashed "predicted" line. O(groups · n).
 * @param dates - ISO dates, one per period
 * @param groups - contribution per period by group name (e.g. decomposition(model, input).groups)
 * @throws RangeError when a group or the prediction does not have one value per date
 * @example decompositionArea(dates, { base: [5, 5], price: [-1, -2], tv: [1, 2] }, { channels: ["tv"] }).data.map((t) => [t.name, t.stackgroup]) // => [["base", "positive"], ["price", "negative"], ["tv", "positive"]]
 */
export function decompositionArea(dates: readonly string[], groups: Readonly<Record<string, ArrayLike<number>>>, options: DecompositionAreaOptions = {}): Figure {
  const n = dates.length;
  const channels = (options.channels ?? []).filter((c) => groups[c] !== undefined);
  const isChannel = new Set(channels);
  const baseline = Object.keys(groups).filter((g) => !isChannel.has(g));
  const x = [...dates];
  const data: Trace[] = [];
  const stack = (name: string, style: Record<string, unknown>): void => {
    checkLength("decompositionArea", `group "${name}"`, groups[name], n);
    const y = numbers(groups[name]);
    const positive = y.some((v) => v !== null && v > 0);
    const negative = y.some((v) => v !== null && v < 0);
    const trace = (stackgroup: "positive" | "negative", values: (number | null)[], showlegend: boolean): Trace => ({
      type: "scatter", mode: "lines", name, legendgroup: name, showlegend, x, y: values, stackgroup, fill: "tonexty", ...style,
    });
    if (!negative) data.push(trace("positive", y, true));
    else if (!positive) data.push(trace("negative", y, true));
    else {
      data.push(trace("positive", y.map((v) => (v === null ? null : Math.max(v, 0))), true));
      data.push(trace("negative", y.map((v) => (v === null ? null : Math.min(v, 0))), false));
    }
  };
  baseline.forEach((name, i) => {
    const color = BASELINE_COLORS[i % BASELINE_COLORS.length];
    stack(name, { line: { width: 0.5, color }, fillcolor: color });
  });
  channels.forEach((name, i) => { stack(name, { line: { width: 0.5, color: channelColor(i) } }); });
  if (options.predicted !== undefined) {
    checkLength("decompositionArea", "predicted", options.predicted, n);
    data.push({ type: "scatter", mode: "lines", name: "predicted", x, y: numbers(options.predicted), line: { color: "#000000", dash: "dash", width: 1 } });
  }
  return { data, layout: baseLayout(options.title ?? "Decomposition over time", "date", options.target ?? "contribution") };
}
