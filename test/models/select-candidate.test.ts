import { describe, expect, it } from "vitest";
import { mostCentral } from "../../src/models/select-candidate";

describe("mostCentral", () => {
  it("mostCentral(rows) picks the row whose percentiles are closest to 50 % in every column", () => {
    expect(mostCentral([[1, 5], [2, 2], [3, 1]])).toBe(1);
    // Row 0 is the median of column 0 but extreme in column 1; row 2 is central in both.
    expect(mostCentral([[5, 1], [1, 5], [4, 4], [9, 9], [3, 6], [6, 3]])).toBe(2);
  });

  it("mostCentral(rows, draws) is central among the draws, counting tied zeros half", () => {
    const draws = [Float64Array.from([0, 0, 0, 0, 1, 2, 3, 4, NaN]), Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8])];
    // Column 0: a value of 0 sits at the 25th percentile (mid-rank of the four zeros), 0.5 at the 50th.
    expect(mostCentral([[0, 4.5], [0.5, 4.5], [3, 4.5]], draws)).toBe(1);
  });

  it("mostCentral(rows) breaks a tie on the largest distance by the sum, then by the lower index", () => {
    const draws = [Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, 2, 3, 4])];
    expect(mostCentral([[1, 1], [1, 3], [1, 3]], draws)).toBe(1);
  });
});
