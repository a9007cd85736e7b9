import { describe, expect, it } from "vitest";
import { withinTransform } from "../../src/models/within-transform";

describe("withinTransform", () => {
  it("withinTransform(X, y, offsets) subtracts each group's own mean (hand computation)", () => {
    // Group 0: rows 0–1, group 1: rows 2–4. x̄ = [2, 20], [5, 50]; ȳ = 3, 8.
    const X = { rows: 5, cols: 2, data: Float64Array.of(1, 10, 3, 30, 4, 40, 5, 50, 6, 60) };
    const w = withinTransform(X, [2, 4, 6, 8, 10], [0, 2, 5]);
    expect(Array.from(w.X.data)).toEqual([-1, -10, 1, 10, -1, -10, 0, 0, 1, 10]);
    expect(Array.from(w.y)).toEqual([-1, 1, -2, 0, 2]);
    expect(Array.from(w.xMeans)).toEqual([2, 20, 5, 50]);
    expect(Array.from(w.yMeans)).toEqual([3, 8]);
  });

  it("withinTransform(X, y, offsets) does not change its inputs", () => {
    const data = Float64Array.of(1, 2, 3);
    const y = [4, 5, 6];
    withinTransform({ rows: 3, cols: 1, data }, y, [0, 1, 3]);
    expect(Array.from(data)).toEqual([1, 2, 3]);
    expect(y).toEqual([4, 5, 6]);
  });

  it.each([
    [[0, 2], "offsets from 0 to the number of rows (3)"],
    [[1, 3], "offsets from 0 to the number of rows (3)"],
    [[0, 0, 3], "every group to have at least one row (group 0 has none)"],
  ])("withinTransform with offsets %j throws", (offsets, message) => {
    expect(() => withinTransform({ rows: 3, cols: 1, data: Float64Array.of(1, 2, 3) }, [1, 2, 3], offsets)).toThrow(message);
  });
});
