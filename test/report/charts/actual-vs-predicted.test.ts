import { describe, expect, it } from "vitest";
import { actualVsPredicted } from "../../../src/report/charts/actual-vs-predicted";

const dates = ["2024-01-01", "2024-01-08", "2024-01-15"];

describe("actualVsPredicted", () => {
  it("actualVsPredicted(dates, actual, predicted) draws an actual and a predicted line over the dates", () => {
    const fig = actualVsPredicted(dates, Float64Array.of(10, NaN, 12), Float64Array.of(11, 11.5, 12.5));
    expect(fig.data.map((t) => [t.type, t.name, t.mode])).toEqual([["scatter", "actual", "lines"], ["scatter", "predicted", "lines"]]);
    expect(fig.data[0].x).toEqual(dates);
    expect(fig.data[0].y).toEqual([10, null, 12]); // a gap where the target is unknown
    expect(fig.data[1].y).toEqual([11, 11.5, 12.5]);
    expect(fig.layout.shapes).toBeUndefined();
  });

  it("actualVsPredicted(dates, null, predicted) draws the prediction alone", () => {
    const fig = actualVsPredicted(dates, null, [1, 2, 3]);
    expect(fig.data.map((t) => t.name)).toEqual(["predicted"]);
  });

  it("actualVsPredicted(…, { splitDate }) marks the holdout start with a vertical line", () => {
    const fig = actualVsPredicted(dates, [1, 2, 3], [1, 2, 3], { splitDate: "2024-01-08", target: "sales" });
    expect(fig.layout.shapes).toEqual([expect.objectContaining({ type: "line", x0: "2024-01-08", x1: "2024-01-08", yref: "paper", y0: 0, y1: 1 })]);
    expect((fig.layout.yaxis as { title: { text: string } }).title.text).toBe("sales");
  });

  it("actualVsPredicted(dates, actual, predicted) requires one value per date", () => {
    expect(() => actualVsPredicted(dates, [1, 2], [1, 2, 3])).toThrow("actualVsPredicted requires actual to have 3 values, not 2");
  });

  it("actualVsPredicted(…) is plain JSON (no typed arrays)", () => {
    const fig = actualVsPredicted(dates, Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3));
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });
});
