import { describe, expect, it } from "vitest";
import { roasWithIntervals } from "../../../src/report/charts/roas-with-intervals";

describe("roasWithIntervals", () => {
  it("roasWithIntervals(channels) draws ROAS bars with asymmetric error bars from roas_low to roas_high", () => {
    const fig = roasWithIntervals([
      { name: "tv", roas: 2, roas_low: 1.5, roas_high: 2.75, mroas: 1.25 },
      { name: "radio", roas: 3, roas_low: null, roas_high: null, mroas: 2 },
    ]);
    const bars = fig.data[0];
    expect([bars.type, bars.name, bars.x, bars.y]).toEqual(["bar", "ROAS", ["tv", "radio"], [2, 3]]);
    expect(bars.error_y).toMatchObject({ type: "data", symmetric: false, array: [0.75, null], arrayminus: [0.5, null] });
    expect(fig.data[1]).toMatchObject({ type: "scatter", mode: "markers", name: "marginal ROAS", y: [1.25, 2] });
  });

  it("roasWithIntervals(channels) marks break-even at ROAS 1", () => {
    expect(roasWithIntervals([{ name: "tv", roas: 2 }]).layout.shapes).toEqual([expect.objectContaining({ y0: 1, y1: 1 })]);
  });

  it("roasWithIntervals(channels) leaves out the marginal ROAS trace when no channel has one, and a ROAS without spend is null", () => {
    const fig = roasWithIntervals([{ name: "tv", roas: NaN }]);
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0].y).toEqual([null]);
  });

  it("roasWithIntervals(channels) draws a channel whose summary has no ROAS (absent, as tslab's TypeScript 5.0 types zod summaries) as a null bar", () => {
    const fig = roasWithIntervals([{ name: "tv" }, { name: "radio", roas: 3, roas_low: 2, roas_high: 4 }]);
    expect(fig.data[0].y).toEqual([null, 3]);
    expect(fig.data[0].error_y).toMatchObject({ array: [null, 1], arrayminus: [null, 1] });
  });
});
