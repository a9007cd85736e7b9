/**
 * responseCurves(curves, marks): each channel's incremental response against its spend per period,
 * one line per channel, with the current spend marked on each curve.
 */
import { baseLayout, channelColor, checkLength, finiteOrNull, numbers, type Figure, type Trace } from "./figure";

/** One channel's curve: spend per period and the response at each. */
export interface ResponseCurveSeries {
  channel: string;
  spend: ArrayLike<number>;
  response: ArrayLike<number>;
}

/** A marked point on a channel's curve (e.g. its current spend). */
export interface ResponseMark {
  channel: string;
  spend: number;
  response: number;
}

export interface ResponseCurvesOptions {
  /** Axis titles (defaults: "spend per period", "incremental response"). */
  xTitle?: string;
  yTitle?: string;
  /** Legend text of the marks (default "current spend"). */
  markLabel?: string;
  title?: string;
}

/**
 * responseCurves(curves, marks, options) → a line trace per curve (named after its channel) and one
 * marker trace per mark (same colour as its channel's curve; marks of unknown channels get the next
 * colours). O(Σ points).
 * @throws RangeError when a curve's spend and response differ in length
 * @example responseCurves([{ channel: "tv", spend: [0, 1], response: [0, 3] }], [{ channel: "tv", spend: 0.5, response: 2 }]).data.length // => 2
 */
export function responseCurves(curves: readonly ResponseCurveSeries[], marks: readonly ResponseMark[] = [], options: ResponseCurvesOptions = {}): Figure {
  const order = curves.map((c) => c.channel);
  const color = (channel: string): string => {
    let i = order.indexOf(channel);
    if (i < 0) { order.push(channel); i = order.length - 1; }
    return channelColor(i);
  };
  const data: Trace[] = curves.map((c) => {
    checkLength("responseCurves", `the response of "${c.channel}"`, c.response, c.spend.length);
    return { type: "scatter", mode: "lines", name: c.channel, legendgroup: c.channel, x: numbers(c.spend), y: numbers(c.response), line: { color: color(c.channel), width: 2 } };
  });
  for (const m of marks) {
    data.push({
      type: "scatter", mode: "markers", name: `${m.channel}: ${options.markLabel ?? "current spend"}`, legendgroup: m.channel, showlegend: false,
      x: [finiteOrNull(m.spend)], y: [finiteOrNull(m.response)], marker: { color: color(m.channel), size: 11, symbol: "circle", line: { color: "#000000", width: 1.5 } },
    });
  }
  return { data, layout: baseLayout(options.title ?? "Response curves (● current spend)", options.xTitle ?? "spend per period", options.yTitle ?? "incremental response") };
}
