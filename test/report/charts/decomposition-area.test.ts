import { describe, expect, it } from "vitest";
import { decompositionArea } from "../../../src/report/charts/decomposition-area";

const dates = ["2024-01-01", "2024-01-08"];

describe("decompositionArea", () => {
  it("decompositionArea(dates, groups, { channels }) stacks the baseline groups first and the channels on top", () => {
    const groups = { tv: Float64Array.of(3, 4), base: Float64Array.of(100, 100), price: Float64Array.of(-5, -6), radio: Float64Array.of(1, 0) };
    const fig = decompositionArea(dates, groups, { channels: ["tv", "radio"] });
    expect(fig.data.map((t) => t.name)).toEqual(["base", "price", "tv", "radio"]);
    for (const t of fig.data) expect([t.type, t.stackgroup, t.fill]).toEqual(["scatter", "total", "tonexty"]);
    expect(fig.data.map((t) => t.y)).toEqual([[100, 100], [-5, -6], [3, 4], [1, 0]]);
  });

  it("decompositionArea(…, { predicted }) adds an unstacked dashed line equal to the stack's top", () => {
    const groups = { base: [10, 10], tv: [1, 2] };
    const fig = decompositionArea(dates, groups, { channels: ["tv"], predicted: [11, 12] });
    const stacked = fig.data.filter((t) => t.stackgroup === "total");
    const top = dates.map((_, i) => stacked.reduce((s, t) => s + (t.y?.[i] as number), 0));
    const line = fig.data[fig.data.length - 1];
    expect(line.name).toBe("predicted");
    expect(line.stackgroup).toBeUndefined();
    expect(line.y).toEqual(top);
  });

  it("decompositionArea(dates, groups) requires one value per date in every group", () => {
    expect(() => decompositionArea(dates, { base: [1] })).toThrow('decompositionArea requires group "base" to have 2 values, not 1');
  });
});
