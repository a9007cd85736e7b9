import { describe, expect, it } from "vitest";
import { decompositionArea } from "../../../src/report/charts/decomposition-area";
import type { Trace } from "../../../src/report/charts/figure";

const dates = ["2024-01-01", "2024-01-08"];

/** The edges Plotly draws for stack group `g`: the running sums of its traces, per date. */
function stackEdge(traces: Trace[], g: string): number[] {
  return dates.map((_, i) => traces.filter((t) => t.stackgroup === g).reduce((s, t) => s + (t.y![i] as number), 0));
}

describe("decompositionArea", () => {
  it("decompositionArea(dates, groups, { channels }) stacks the baseline groups first and the channels after them", () => {
    const groups = { tv: Float64Array.of(3, 4), base: Float64Array.of(100, 100), trend: Float64Array.of(2, 5), radio: Float64Array.of(1, 0) };
    const fig = decompositionArea(dates, groups, { channels: ["tv", "radio"] });
    expect(fig.data.map((t) => t.name)).toEqual(["base", "trend", "tv", "radio"]);
    for (const t of fig.data) expect([t.type, t.stackgroup, t.fill, t.showlegend]).toEqual(["scatter", "positive", "tonexty", true]);
    expect(fig.data.map((t) => t.y)).toEqual([[100, 100], [2, 5], [3, 4], [1, 0]]);
  });

  it("decompositionArea(dates, groups) stacks a negative group (price) down from zero, not over the positive bands", () => {
    const groups = { base: [100, 100], price: Float64Array.of(-5, -6), tv: [3, 4] };
    const fig = decompositionArea(dates, groups, { channels: ["tv"] });
    expect(fig.data.map((t) => [t.name, t.stackgroup, t.y])).toEqual([["base", "positive", [100, 100]], ["price", "negative", [-5, -6]], ["tv", "positive", [3, 4]]]);
    expect(stackEdge(fig.data, "positive")).toEqual([103, 104]); // base + tv, untouched by price
    expect(stackEdge(fig.data, "negative")).toEqual([-5, -6]);
  });

  it("decompositionArea(dates, groups) splits a group of both signs into a positive and a negative part under one legend entry", () => {
    const groups = { base: [50, 50], season: [4, -3] };
    const fig = decompositionArea(dates, groups);
    expect(fig.data.map((t) => [t.name, t.legendgroup, t.stackgroup, t.showlegend, t.y])).toEqual([
      ["base", "base", "positive", true, [50, 50]],
      ["season", "season", "positive", true, [4, 0]],
      ["season", "season", "negative", false, [0, -3]],
    ]);
    // the two parts add up to the group
    expect(dates.map((_, i) => fig.data.filter((t) => t.name === "season").reduce((s, t) => s + (t.y![i] as number), 0))).toEqual([4, -3]);
  });

  it("decompositionArea(…, { predicted }) draws the prediction, which is the top of the positive stack plus the bottom of the negative stack", () => {
    const groups = { base: [100, 100], price: [-5, -6], season: [2, -1], tv: [3, 4] };
    const predicted = [100 - 5 + 2 + 3, 100 - 6 - 1 + 4]; // 100, 97
    const fig = decompositionArea(dates, groups, { channels: ["tv"], predicted });
    const line = fig.data[fig.data.length - 1];
    expect([line.name, line.stackgroup, line.y]).toEqual(["predicted", undefined, [100, 97]]);
    expect(stackEdge(fig.data, "positive")).toEqual([105, 104]);
    expect(stackEdge(fig.data, "negative")).toEqual([-5, -7]);
    expect(dates.map((_, i) => stackEdge(fig.data, "positive")[i] + stackEdge(fig.data, "negative")[i])).toEqual(line.y);
    for (const t of fig.data.filter((t) => t.stackgroup === "positive")) expect((t.y as number[]).every((v) => v >= 0)).toBe(true);
    for (const t of fig.data.filter((t) => t.stackgroup === "negative")) expect((t.y as number[]).every((v) => v <= 0)).toBe(true);
  });

  it("decompositionArea(dates, groups) keeps a non-finite value as a gap in both parts", () => {
    const fig = decompositionArea(dates, { season: Float64Array.of(NaN, -2), control: [1, NaN] });
    expect(fig.data.map((t) => [t.name, t.stackgroup, t.y])).toEqual([["season", "negative", [null, -2]], ["control", "positive", [1, null]]]);
  });

  it("decompositionArea(dates, groups) requires one value per date in every group", () => {
    expect(() => decompositionArea(dates, { base: [1] })).toThrow('decompositionArea requires group "base" to have 2 values, not 1');
  });
});
