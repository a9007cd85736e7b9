/**
 * saturationCurves(curves): saturation functions (Hill, log, …) drawn against their input, one line
 * per curve, to compare their shapes.
 */
import { baseLayout, channelColor, checkLength, numbers, type Figure, type Trace } from "./figure";

/** One saturation curve: inputs x and values y. */
export interface SaturationSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/**
 * saturationCurves(curves, options) → one line trace per curve. O(Σ points).
 * @throws RangeError when a curve's x and y differ in length
 * @example saturationCurves([{ name: "hill", x: [0, 1, 2], y: [0, 0.5, 0.67] }]).data[0].y // => [0, 0.5, 0.67]
 */
export function saturationCurves(curves: readonly SaturationSeries[], options: { xTitle?: string; yTitle?: string; title?: string } = {}): Figure {
  const data: Trace[] = curves.map((c, i) => {
    checkLength("saturationCurves", `y of "${c.name}"`, c.y, c.x.length);
    return { type: "scatter", mode: "lines", name: c.name, x: numbers(c.x), y: numbers(c.y), line: { color: channelColor(i), width: 2 } };
  });
  return { data, layout: baseLayout(options.title ?? "Saturation curves", options.xTitle ?? "adstocked spend", options.yTitle ?? "saturated effect") };
}
