import { describe, expect, it } from "vitest";
import { correlationHeatmap } from "../../../src/report/charts/correlation-heatmap";

describe("correlationHeatmap", () => {
  it("correlationHeatmap(names, matrix) draws the matrix on a fixed [-1, 1] scale", () => {
    const fig = correlationHeatmap(["tv", "radio"], [Float64Array.of(1, -0.25), Float64Array.of(-0.25, 1)]);
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0]).toMatchObject({ type: "heatmap", x: ["tv", "radio"], y: ["tv", "radio"], z: [[1, -0.25], [-0.25, 1]], zmin: -1, zmax: 1 });
  });

  it("correlationHeatmap(names, matrix) requires an n × n matrix", () => {
    expect(() => correlationHeatmap(["a", "b"], [[1, 0]])).toThrow("correlationHeatmap requires the matrix to have 2 values, not 1");
    expect(() => correlationHeatmap(["a"], [[1, 0]])).toThrow("correlationHeatmap requires row 0 of the matrix to have 1 values, not 2");
  });
});
