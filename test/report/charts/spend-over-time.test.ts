import { describe, expect, it } from "vitest";
import { spendOverTime } from "../../../src/report/charts/spend-over-time";

describe("spendOverTime", () => {
  it("spendOverTime(dates, spendByChannel) draws one line per channel", () => {
    const fig = spendOverTime(["2024-01-01", "2024-01-08"], { tv: Float64Array.of(100, 0), radio: [50, 60] });
    expect(fig.data.map((t) => [t.name, t.x, t.y])).toEqual([["tv", ["2024-01-01", "2024-01-08"], [100, 0]], ["radio", ["2024-01-01", "2024-01-08"], [50, 60]]]);
    expect(fig.data[0].stackgroup).toBeUndefined();
  });

  it("spendOverTime(…, { stacked: true }) stacks the channels", () => {
    const fig = spendOverTime(["2024-01-01"], { tv: [1], radio: [2] }, { stacked: true });
    expect(fig.data.map((t) => t.stackgroup)).toEqual(["spend", "spend"]);
  });

  it("spendOverTime(dates, spendByChannel) requires one value per date", () => {
    expect(() => spendOverTime(["2024-01-01"], { tv: [1, 2] })).toThrow('spendOverTime requires the spend of "tv" to have 1 values, not 2');
  });
});
