/**
 * budgetScenarios(rows): the optimal split of each budget scenario (90 %, 100 %, … of the current
 * budget) as stacked bars of spend per channel, with the total response on a second axis.
 */
import { baseLayout, channelColor, finiteOrNull, type Figure, type Trace } from "./figure";

/** One channel of one scenario: the shape of the `budget_scenarios` export table. */
export interface BudgetScenarioRow {
  multiplier: number;
  budget: number;
  channel: string;
  spend: number;
  response: number;
}

/** scenarioLabel(multiplier) → "110 %" for 1.1. */
export function scenarioLabel(multiplier: number): string {
  return `${Math.round(multiplier * 1000) / 10} %`;
}

/**
 * budgetScenarios(rows) → one bar trace per channel (x = scenario label, y = its spend; barmode
 * "stack") and a line+marker trace "response" (y2) with each scenario's total response, scenarios
 * in ascending multiplier. O(rows).
 * @example budgetScenarios([{ multiplier: 1, budget: 10, channel: "tv", spend: 10, response: 25 }]).data.map((t) => t.name) // => ["tv", "response"]
 */
export function budgetScenarios(rows: readonly BudgetScenarioRow[]): Figure {
  const multipliers = [...new Set(rows.map((r) => r.multiplier))].sort((a, b) => a - b);
  const channels = [...new Set(rows.map((r) => r.channel))];
  const x = multipliers.map(scenarioLabel);
  const cell = (channel: string, m: number) => rows.find((r) => r.channel === channel && r.multiplier === m);
  const data: Trace[] = channels.map((channel, i) => ({
    type: "bar", name: channel, x, y: multipliers.map((m) => finiteOrNull(cell(channel, m)?.spend)), marker: { color: channelColor(i) },
  }));
  const totals = multipliers.map((m) => rows.filter((r) => r.multiplier === m).reduce((s, r) => s + r.response, 0));
  data.push({ type: "scatter", mode: "lines+markers", name: "response", x, y: totals.map(finiteOrNull), yaxis: "y2", line: { color: "#000000", width: 2 }, marker: { size: 8 } });
  const layout = baseLayout("Budget scenarios: optimal split and response", "budget (share of current)", "spend over the plan");
  layout.barmode = "stack";
  layout.xaxis = { ...(layout.xaxis as Record<string, unknown>), type: "category" };
  layout.yaxis2 = { title: { text: "incremental response" }, overlaying: "y", side: "right", automargin: true, rangemode: "tozero" };
  return { data, layout };
}
