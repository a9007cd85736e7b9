import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { centeredSumOfSquares, designColumns, onesColumn, residualSumOfSquares } from "../../src/analysis/least-squares";
import { designMatrix } from "../../src/models/standardize";
import { expectClose } from "../helpers/expect-close";

describe("residualSumOfSquares", () => {
  it("residualSumOfSquares(columns, y) of y on an intercept is the centred sum of squares", () => {
    const y = [3, 1, 4, 1, 5];
    const fit = residualSumOfSquares([onesColumn(5)], y);
    expect(fit.rank).toBe(1);
    expectClose(fit.ssr, centeredSumOfSquares(y), { rel: 1e-14 });
  });

  it("residualSumOfSquares of y in the span of the columns is 0 up to rounding", () => {
    const x = Float64Array.from([1, 2, 3, 4, 5]);
    const y = Array.from(x, (v) => 2 - 3 * v);
    const fit = residualSumOfSquares([onesColumn(5), x], y);
    expect(fit.rank).toBe(2);
    expectClose(fit.ssr, 0, { abs: 1e-25 });
  });

  it("residualSumOfSquares skips a column that is an exact combination of earlier ones", () => {
    const a = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const b = Float64Array.from([0, 1, 0, 1, 0, 2]);
    const c = Float64Array.from(a, (v, i) => 2 * v + b[i] + 1); // c = 2a + b + 1
    const y = [1, 3, 2, 5, 4, 7];
    const full = residualSumOfSquares([onesColumn(6), a, b, c], y);
    const reduced = residualSumOfSquares([onesColumn(6), a, b], y);
    expect(full.rank).toBe(3);
    expectClose(full.ssr, reduced.ssr, { rel: 1e-12 });
  });

  it("residualSumOfSquares leaves its inputs unchanged", () => {
    const x = Float64Array.from([1, 2, 4]);
    const y = [2, 3, 7];
    residualSumOfSquares([onesColumn(3), x], y);
    expect(Array.from(x)).toEqual([1, 2, 4]);
    expect(y).toEqual([2, 3, 7]);
  });
});

describe("designColumns", () => {
  it("designColumns(name, X) gives the same columns for rows, an ml-matrix and a DesignMatrix", () => {
    const rows = [[1, 2], [3, 4], [5, 6]];
    const expected = [Float64Array.from([1, 3, 5]), Float64Array.from([2, 4, 6])];
    expect(designColumns("f", rows)).toEqual(expected);
    expect(designColumns("f", new Matrix(rows))).toEqual(expected);
    expect(designColumns("f", designMatrix(rows))).toEqual(expected);
  });

  it("designColumns rejects a row-count mismatch, a malformed DesignMatrix and non-finite values", () => {
    expect(() => designColumns("f", [[1], [2]], 3)).toThrow("f requires X to have one row per residual (got 2 rows for 3 residuals)");
    expect(() => designColumns("f", { rows: 2, cols: 2, data: new Float64Array(3) })).toThrow("f requires X.data of length rows × cols = 4, got 3");
    expect(() => designColumns("f", [[1, Infinity]])).toThrow("f requires finite X values (row 0, column 1 is Infinity)");
  });
});
