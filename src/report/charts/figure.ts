/**
 * Figure: the plain-JSON Plotly figure every chart function returns — `{ data, layout }`, no DOM,
 * no functions, only arrays of numbers, strings and null — so that the HTML report, the notebooks
 * (through plotly-html.ts) and the tests share one description of each chart. The helpers here
 * turn numeric inputs into JSON-safe arrays and give every chart the same look.
 */

/** One Plotly trace (scatter, bar, heatmap, …) as plain JSON. */
export interface Trace {
  type: "scatter" | "bar" | "heatmap" | "pie";
  name?: string;
  x?: (string | number | null)[];
  y?: (string | number | null)[];
  z?: (number | null)[][];
  [key: string]: unknown;
}

/** A Plotly figure: the traces and the layout, ready for `Plotly.newPlot(div, data, layout)`. */
export interface Figure {
  data: Trace[];
  layout: Record<string, unknown>;
}

/** A finite number or null (a gap for Plotly, NULL for JSON): NaN and ±Infinity become null. */
export function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * numbers(values) → a plain array with non-finite values as null (Float64Array would serialise as
 * an object, NaN as a bare null). O(n).
 * @example numbers(Float64Array.of(1, NaN)) // => [1, null]
 */
export function numbers(values: ArrayLike<number | null>): (number | null)[] {
  return Array.from(values, (v) => finiteOrNull(v));
}

/** Colours of the channels, in channel order (Plotly's default cycle). */
export const CHANNEL_COLORS: readonly string[] = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#7f7f7f",
];

/** Greys and muted tones for the baseline groups of a decomposition. */
export const BASELINE_COLORS: readonly string[] = ["#c7c7c7", "#a6a6a6", "#8fb3c9", "#d9c48f", "#b3a2c7", "#9fc5a8", "#d6a5a5"];

/** channelColor(i) → the i-th channel colour (cycling). */
export function channelColor(i: number): string {
  return CHANNEL_COLORS[((i % CHANNEL_COLORS.length) + CHANNEL_COLORS.length) % CHANNEL_COLORS.length];
}

/**
 * baseLayout(title, xTitle, yTitle) → the layout every chart starts from: a title, axis titles,
 * a horizontal legend under the plot and compact margins.
 */
export function baseLayout(title: string, xTitle: string, yTitle: string): Record<string, unknown> {
  return {
    title: { text: title },
    xaxis: { title: { text: xTitle }, automargin: true },
    yaxis: { title: { text: yTitle }, automargin: true },
    legend: { orientation: "h", y: -0.2 },
    margin: { t: 50, r: 20, b: 40, l: 60 },
    hovermode: "closest",
  };
}

/** checkLength(fn, what, values, n) throws RangeError naming the function when values.length ≠ n. */
export function checkLength(fn: string, what: string, values: ArrayLike<unknown>, n: number): void {
  if (values.length !== n) throw new RangeError(`${fn} requires ${what} to have ${n} values, not ${values.length}`);
}
