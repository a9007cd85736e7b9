import { describe, expect, it } from "vitest";
import { responseCurves } from "../../../src/report/charts/response-curves";

describe("responseCurves", () => {
  it("responseCurves(curves, marks) draws one line per channel and its current spend as a marker in the same colour", () => {
    const fig = responseCurves(
      [{ channel: "tv", spend: [0, 10, 20], response: [0, 15, 20] }, { channel: "radio", spend: Float64Array.of(0, 5), response: Float64Array.of(0, 4) }],
      [{ channel: "radio", spend: 2.5, response: 2.25 }, { channel: "tv", spend: 10, response: 15 }],
    );
    expect(fig.data.map((t) => [t.name, t.mode])).toEqual([["tv", "lines"], ["radio", "lines"], ["radio: current spend", "markers"], ["tv: current spend", "markers"]]);
    expect([fig.data[0].x, fig.data[0].y]).toEqual([[0, 10, 20], [0, 15, 20]]);
    expect([fig.data[2].x, fig.data[2].y]).toEqual([[2.5], [2.25]]);
    const colour = (i: number) => (fig.data[i].line as { color: string } | undefined)?.color ?? (fig.data[i].marker as { color: string }).color;
    expect(colour(3)).toBe(colour(0));
    expect(colour(2)).toBe(colour(1));
    expect(colour(0)).not.toBe(colour(1));
  });

  it("responseCurves(curves) requires as many responses as spends", () => {
    expect(() => responseCurves([{ channel: "tv", spend: [0, 1], response: [0] }])).toThrow('responseCurves requires the response of "tv" to have 2 values, not 1');
  });
});
