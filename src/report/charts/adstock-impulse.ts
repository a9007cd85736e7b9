/**
 * adstockImpulse(curves): how one unit of spend in period 0 carries over into later periods under
 * each adstock (e.g. geometric against Weibull), one line per adstock.
 */
import { baseLayout, channelColor, numbers, type Figure, type Trace } from "./figure";

/** One adstock's impulse response: the effect in periods 0, 1, 2, … of one unit spent in period 0. */
export interface ImpulseSeries {
  name: string;
  response: ArrayLike<number>;
}

/**
 * adstockImpulse(curves, options) → one line+marker trace per curve, x = lag 0…L−1. O(Σ L).
 * @example adstockImpulse([{ name: "geometric 0.5", response: [1, 0.5, 0.25] }]).data[0].x // => [0, 1, 2]
 */
export function adstockImpulse(curves: readonly ImpulseSeries[], options: { periodLabel?: string; title?: string } = {}): Figure {
  const data: Trace[] = curves.map((c, i) => ({
    type: "scatter", mode: "lines+markers", name: c.name, x: Array.from({ length: c.response.length }, (_, l) => l), y: numbers(c.response),
    line: { color: channelColor(i), width: 2 }, marker: { size: 5 },
  }));
  return { data, layout: baseLayout(options.title ?? "Adstock: response to one unit of spend", `lag (${options.periodLabel ?? "periods"})`, "carried-over effect") };
}
