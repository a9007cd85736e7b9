/**
 * coverageByScenario(evaluation): per scenario (x) one bar per model, the share of channels whose
 * 90 % interval covers the true ROAS, with the nominal 0.9 as a dotted line.
 */
import type { Evaluation } from "../../analysis/recovery";
import { baseLayout, channelColor, finiteOrNull, type Figure, type Trace } from "./figure";

/** coverageByScenario(e) → grouped bars (x: scenario, y: coverage in [0, 1], one trace per model). O(scenarios · models). */
export function coverageByScenario(e: Evaluation): Figure {
  const scenarios = Object.keys(e.scenarios);
  const data: Trace[] = Object.keys(e.models).map((m, i) => ({
    type: "bar",
    name: m,
    x: scenarios,
    y: scenarios.map((s) => finiteOrNull(e.scenarios[s][m]?.coverage)),
    marker: { color: channelColor(i) },
  }));
  const layout = baseLayout("Coverage of the true ROAS by the 90 % intervals", "scenario", "share of channels covered");
  return {
    data,
    layout: {
      ...layout,
      barmode: "group",
      yaxis: { ...(layout.yaxis as object), range: [0, 1.05] },
      shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: 0.9, y1: 0.9, line: { dash: "dot", color: "#555" } }],
    },
  };
}
