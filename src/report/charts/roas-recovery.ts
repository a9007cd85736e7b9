/**
 * roasRecovery(evaluation): every channel of every data set, estimated ROAS (y, with its 90 %
 * interval) against the true ROAS (x), one trace per model, and the line estimate = truth.
 */
import type { Evaluation } from "../../analysis/recovery";
import { baseLayout, channelColor, finiteOrNull, type Figure, type Trace } from "./figure";

/** roasRecovery(e) → one marker trace per model (error bars to the interval) and the diagonal. O(data sets · models · channels). */
export function roasRecovery(e: Evaluation): Figure {
  const data: Trace[] = Object.keys(e.models).map((m, i) => {
    const points = e.datasets.flatMap((d) => (d.models[m] === undefined ? [] : Object.entries(d.models[m].roas).map(([c, r]) => ({ label: `${d.id} ${c}`, ...r }))));
    const gap = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : finiteOrNull(Math.abs(a - b)));
    return {
      type: "scatter",
      mode: "markers",
      name: m,
      x: points.map((p) => finiteOrNull(p.true)),
      y: points.map((p) => finiteOrNull(p.estimate)),
      text: points.map((p) => p.label),
      marker: { color: channelColor(i), size: 7, opacity: 0.8 },
      error_y: { type: "data", symmetric: false, array: points.map((p) => gap(p.high, p.estimate)), arrayminus: points.map((p) => gap(p.estimate, p.low)), thickness: 1, width: 0 },
    };
  });
  const all = e.datasets.flatMap((d) => Object.values(d.models).flatMap((f) => Object.values(f.roas).map((r) => r.true)));
  const top = all.length === 0 ? 1 : Math.max(...all) * 1.1;
  data.push({ type: "scatter", mode: "lines", name: "estimate = truth", x: [0, top], y: [0, top], line: { dash: "dot", color: "#555" } });
  return { data, layout: baseLayout("Estimated against true ROAS (90 % intervals)", "true ROAS", "estimated ROAS") };
}
