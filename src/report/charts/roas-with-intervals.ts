/**
 * roasWithIntervals(channels): return on ad spend per channel as bars with the 90 % interval as
 * asymmetric error bars, marginal ROAS as diamonds, and the break-even line ROAS = 1.
 */
import { baseLayout, channelColor, finiteOrNull, type Figure, type Trace } from "./figure";

/** The figures of one channel the chart needs (a ChannelSummary has them all). */
export interface RoasPoint {
  name: string;
  roas?: number | null;
  roas_low?: number | null;
  roas_high?: number | null;
  mroas?: number | null;
}

/**
 * roasWithIntervals(channels) → a bar trace "ROAS" (y = roas, error_y from roas_low to roas_high;
 * null where a bound is missing) and, when any channel has an mROAS, a marker trace "marginal ROAS".
 * O(channels).
 * @example roasWithIntervals([{ name: "tv", roas: 2, roas_low: 1.5, roas_high: 2.6 }]).data[0].error_y // => { …, array: [0.6…], arrayminus: [0.5] }
 */
export function roasWithIntervals(channels: readonly RoasPoint[]): Figure {
  const x = channels.map((c) => c.name);
  const bound = (c: RoasPoint, b: number | null | undefined, upper: boolean): number | null => {
    const v = finiteOrNull(b);
    const r = finiteOrNull(c.roas);
    return v === null || r === null ? null : upper ? v - r : r - v;
  };
  const data: Trace[] = [{
    type: "bar",
    name: "ROAS",
    x,
    y: channels.map((c) => finiteOrNull(c.roas)),
    marker: { color: channels.map((_, i) => channelColor(i)) },
    error_y: {
      type: "data",
      symmetric: false,
      array: channels.map((c) => bound(c, c.roas_high, true)),
      arrayminus: channels.map((c) => bound(c, c.roas_low, false)),
      color: "#333333",
      thickness: 1.5,
      width: 6,
    },
    hovertemplate: "%{x}: ROAS %{y:.2f}<extra></extra>",
  }];
  if (channels.some((c) => finiteOrNull(c.mroas) !== null)) {
    data.push({ type: "scatter", mode: "markers", name: "marginal ROAS", x, y: channels.map((c) => finiteOrNull(c.mroas)), marker: { symbol: "diamond", size: 10, color: "#000000" } });
  }
  const layout = baseLayout("ROAS by channel (90 % interval)", "channel", "return per unit spent");
  layout.shapes = [{ type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: 1, y1: 1, line: { color: "#999999", dash: "dot", width: 1 } }];
  return { data, layout };
}
