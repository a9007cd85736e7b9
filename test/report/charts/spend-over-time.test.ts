import { describe, expect, it } from "vitest";
import { seriesOverTime } from "../../../src/report/charts/series-over-time";
import { spendOverTime } from "../../../src/report/charts/spend-over-time";

describe("spendOverTime", () => {
  it("spendOverTime(dates, spendByChannel) draws one line per channel", () => {
    const fig = spendOverTime(["2024-01-01", "2024-01-08"], { tv: Float64Array.of(100, 0), radio: [50, 60] });
    expect(fig.data.map((t) => [t.name, t.x, t.y])).toEqual([["tv", ["2024-01-01", "2024-01-08"], [100, 0]], ["radio", ["2024-01-01", "2024-01-08"], [50, 60]]]);
    expect(fig.data[0].stackgroup).toBeUndefined();
    expect((fig.layout.yaxis as { title: { text: string } }).title.text).toBe("spend per period");
  });

  it("spendOverTime(…) is seriesOverTime with the spend titles", () => {
    const spend = { tv: [1, 2], radio: [3, 4] };
    const dates = ["2024-01-01", "2024-01-08"];
    expect(spendOverTime(dates, spend, { stacked: true })).toEqual(seriesOverTime(dates, spend, { yTitle: "spend per period", title: "Spend over time", stacked: true }));
    expect(spendOverTime(dates, spend, { title: "TV", yTitle: "spend per day" })).toEqual(seriesOverTime(dates, spend, { yTitle: "spend per day", title: "TV" }));
  });

  it("spendOverTime(…, { stacked: true }) stacks the channels", () => {
    const fig = spendOverTime(["2024-01-01"], { tv: [1], radio: [2] }, { stacked: true });
    expect(fig.data.map((t) => t.stackgroup)).toEqual(["stack", "stack"]);
  });

  it("spendOverTime(dates, spendByChannel) requires one value per date", () => {
    expect(() => spendOverTime(["2024-01-01"], { tv: [1, 2] })).toThrow('spendOverTime requires the spend of "tv" to have 1 values, not 2');
  });
});
