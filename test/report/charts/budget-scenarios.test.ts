import { describe, expect, it } from "vitest";
import { budgetScenarios, scenarioLabel } from "../../../src/report/charts/budget-scenarios";

describe("budgetScenarios", () => {
  it("budgetScenarios(rows) stacks each channel's spend per scenario and draws the total response on a second axis", () => {
    const rows = [
      { multiplier: 1.1, budget: 110, channel: "tv", spend: 70, response: 140 },
      { multiplier: 1.1, budget: 110, channel: "radio", spend: 40, response: 60 },
      { multiplier: 0.9, budget: 90, channel: "tv", spend: 50, response: 110 },
      { multiplier: 0.9, budget: 90, channel: "radio", spend: 40, response: 55 },
    ];
    const fig = budgetScenarios(rows);
    expect(fig.data.map((t) => [t.type, t.name])).toEqual([["bar", "tv"], ["bar", "radio"], ["scatter", "response"]]);
    expect(fig.data[0].x).toEqual(["90 %", "110 %"]);
    expect(fig.data[0].y).toEqual([50, 70]);
    expect(fig.data[1].y).toEqual([40, 40]);
    expect(fig.data[2]).toMatchObject({ y: [165, 200], yaxis: "y2" });
    expect(fig.layout.barmode).toBe("stack");
    expect((fig.layout.xaxis as { type: string }).type).toBe("category");
  });

  it("scenarioLabel(multiplier) writes the multiplier as a percentage", () => {
    expect([scenarioLabel(0.9), scenarioLabel(1), scenarioLabel(1.5), scenarioLabel(1.125)]).toEqual(["90 %", "100 %", "150 %", "112.5 %"]);
  });
});
