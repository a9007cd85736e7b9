import { describe, expect, it } from "vitest";
import { CORRELATION_COLORSCALE, correlationHeatmap } from "../../../src/report/charts/correlation-heatmap";

/** rgb(hex) → [r, g, b]. */
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe("correlationHeatmap", () => {
  it("correlationHeatmap(names, matrix) draws the matrix on a fixed [-1, 1] scale", () => {
    const fig = correlationHeatmap(["tv", "radio"], [Float64Array.of(1, -0.25), Float64Array.of(-0.25, 1)]);
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0]).toMatchObject({ type: "heatmap", x: ["tv", "radio"], y: ["tv", "radio"], z: [[1, -0.25], [-0.25, 1]], zmin: -1, zmax: 1 });
  });

  it("correlationHeatmap(names, matrix) colours -1 red, 0 near-white and +1 blue (ColorBrewer RdBu, red end first)", () => {
    const scale = correlationHeatmap(["a"], [[1]]).data[0].colorscale as [number, string][];
    expect(scale).toEqual(CORRELATION_COLORSCALE.map(([at, color]) => [at, color]));
    // zmin -1 maps to position 0, zmax +1 to position 1, 0 to position 0.5
    expect(scale[0]).toEqual([0, "#67001f"]);
    expect(scale[5]).toEqual([0.5, "#f7f7f7"]);
    expect(scale[scale.length - 1]).toEqual([1, "#053061"]);
    const [r0, , b0] = rgb(scale[0][1]);
    const [r1, , b1] = rgb(scale[scale.length - 1][1]);
    expect([r0 > b0, b1 > r1]).toEqual([true, true]); // -1 is red, +1 is blue
    expect(scale.map(([at]) => at)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it("correlationHeatmap(names, matrix) requires an n × n matrix", () => {
    expect(() => correlationHeatmap(["a", "b"], [[1, 0]])).toThrow("correlationHeatmap requires the matrix to have 2 values, not 1");
    expect(() => correlationHeatmap(["a"], [[1, 0]])).toThrow("correlationHeatmap requires row 0 of the matrix to have 1 values, not 2");
  });
});
