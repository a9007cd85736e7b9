import { describe, expect, it } from "vitest";
import { seriesOverTime } from "../../../src/report/charts/series-over-time";

const dates = ["2024-01-01", "2024-01-08", "2024-01-15"];
const title = (axis: unknown) => (axis as { title: { text: string } }).title.text;

describe("seriesOverTime", () => {
  it("seriesOverTime(dates, seriesByName, { yTitle }) draws one line per series on a date axis titled with yTitle", () => {
    const fig = seriesOverTime(dates, { revenue: Float64Array.of(120.5, NaN, 98), trend: [0, 0.5, 1] }, { yTitle: "revenue per week" });
    expect(fig.data.map((t) => [t.type, t.mode, t.name, t.x, t.y])).toEqual([
      ["scatter", "lines", "revenue", dates, [120.5, null, 98]], // a gap where the value is not finite
      ["scatter", "lines", "trend", dates, [0, 0.5, 1]],
    ]);
    expect(fig.data.map((t) => t.stackgroup)).toEqual([undefined, undefined]);
    expect([title(fig.layout.xaxis), title(fig.layout.yaxis), title(fig.layout)]).toEqual(["date", "revenue per week", "revenue per week over time"]);
  });

  it("seriesOverTime(…, { title, xTitle }) sets the chart and x-axis titles", () => {
    const fig = seriesOverTime(dates, { a: [1, 2, 3] }, { yTitle: "feature value", title: "Baseline features", xTitle: "week" });
    expect([title(fig.layout), title(fig.layout.xaxis), title(fig.layout.yaxis)]).toEqual(["Baseline features", "week", "feature value"]);
  });

  it("seriesOverTime(…, { stacked: true }) puts every series in one stack group", () => {
    const fig = seriesOverTime(dates, { tv: [1, 2, 3], radio: [4, 5, 6] }, { yTitle: "spend", stacked: true });
    expect(fig.data.map((t) => [t.stackgroup, t.fill])).toEqual([["stack", "tonexty"], ["stack", "tonexty"]]);
    expect(fig.data.map((t) => t.y)).toEqual([[1, 2, 3], [4, 5, 6]]); // Plotly adds them up; the traces keep their own values
  });

  it("seriesOverTime(dates, seriesByName) requires one value per date", () => {
    expect(() => seriesOverTime(dates, { revenue: [1, 2] }, { yTitle: "revenue" })).toThrow('seriesOverTime requires series "revenue" to have 3 values, not 2');
  });

  it("seriesOverTime(…) is plain JSON (no typed arrays)", () => {
    const fig = seriesOverTime(dates, { a: Float64Array.of(1, 2, 3) }, { yTitle: "a" });
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });
});
