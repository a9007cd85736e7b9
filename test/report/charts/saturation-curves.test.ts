import { describe, expect, it } from "vitest";
import { saturationCurves } from "../../../src/report/charts/saturation-curves";

describe("saturationCurves", () => {
  it("saturationCurves(curves) draws one line per curve", () => {
    const fig = saturationCurves([{ name: "hill", x: [0, 1, 2], y: Float64Array.of(0, 0.5, 2 / 3) }]);
    expect(fig.data).toEqual([expect.objectContaining({ type: "scatter", mode: "lines", name: "hill", x: [0, 1, 2], y: [0, 0.5, 2 / 3] })]);
  });

  it("saturationCurves(curves) requires as many y as x", () => {
    expect(() => saturationCurves([{ name: "log", x: [0, 1], y: [0] }])).toThrow('saturationCurves requires y of "log" to have 2 values, not 1');
  });
});
