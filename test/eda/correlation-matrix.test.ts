import { describe, expect, it } from "vitest";
import { correlationMatrix, pearson, strongestCorrelations } from "../../src/eda/correlation-matrix";
import { expectClose } from "../helpers/expect-close";

// numpy 1.24: a, b and their correlations below
const a = [3.1, 4.7, 1.2, 8.8, 5.5, 2.0, 7.3];
const b = [10.0, 12.5, 7.1, 19.9, 13.0, 9.4, 16.2];

describe("pearson", () => {
  it("pearson(x, y) matches numpy's corrcoef", () => {
    // numpy: np.corrcoef([1, 2, 3, 4], [2, 1, 4, 3])[0, 1] = 0.6000000000000001
    expectClose(pearson([1, 2, 3, 4], [2, 1, 4, 3]), 0.6, { rel: 1e-14 });
    // numpy: np.corrcoef(a, b)[0, 1] = 0.9877647725794758
    expectClose(pearson(a, b), 0.9877647725794758, { rel: 1e-14 });
  });

  it("pearson(x, y) uses the rows where both are numbers (pairwise complete, as pandas)", () => {
    const withHole = a.map((v, i) => (i === 2 ? NaN : v));
    // numpy: np.corrcoef(a[mask], b[mask])[0, 1] with row 2 left out = 0.9824446103348485
    expectClose(pearson(withHole, b), 0.9824446103348485, { rel: 1e-14 });
  });

  it("pearson(x, a·x + c) is 1 for a > 0 and -1 for a < 0, even at a large offset", () => {
    const x = [1e6 + 1, 1e6 + 3, 1e6 + 2, 1e6 + 7];
    expect(pearson(x, x.map((v) => 3 * v + 5))).toBe(1);
    expect(pearson(x, x.map((v) => -0.5 * v))).toBe(-1);
  });

  it("pearson(x, y) is NaN for a constant series or fewer than two rows", () => {
    expect(pearson([2, 2, 2], [1, 2, 3])).toBeNaN();
    expect(pearson([1, NaN], [1, 2])).toBeNaN();
  });

  it("pearson(x, y) throws a RangeError naming the function for series of different lengths", () => {
    expect(() => pearson([1, 2], [1])).toThrow(new RangeError("pearson requires series of equal length (got 2 and 1)"));
  });
});

describe("correlationMatrix", () => {
  it("correlationMatrix(columns, names) is symmetric with 1 on the diagonal and pearson off it", () => {
    const m = correlationMatrix({ a, b, c: Float64Array.from(a, (v, i) => v * ((i % 3) - 1)) }, ["b", "a", "c"]);
    expect(m.names).toEqual(["b", "a", "c"]);
    for (let i = 0; i < 3; i++) {
      expect(m.values[i][i]).toBe(1);
      for (let j = 0; j < 3; j++) expect(m.values[i][j]).toBe(m.values[j][i]);
    }
    expect(m.values[0][1]).toBe(pearson(b, a));
    expect(m.counts[0][1]).toBe(7);
  });

  it("correlationMatrix(columns) takes every key in order and counts the pairwise complete rows", () => {
    const m = correlationMatrix({ x: [1, 2, NaN, 4], y: [2, 4, 6, NaN] });
    expect(m.names).toEqual(["x", "y"]);
    expect(m.counts).toEqual([[3, 2], [2, 3]]);
    expect(m.values[0][1]).toBe(1);
  });

  it("correlationMatrix(columns) gives NaN, also on the diagonal, for a constant series", () => {
    const m = correlationMatrix({ x: [1, 2, 3], k: [5, 5, 5] });
    expect(m.values[1][1]).toBeNaN();
    expect(m.values[0][1]).toBeNaN();
  });

  it("correlationMatrix(columns, names) throws for an unknown name or unequal lengths", () => {
    expect(() => correlationMatrix({ x: [1, 2] }, ["z"])).toThrow(new RangeError('correlationMatrix requires a series named "z"'));
    expect(() => correlationMatrix({ x: [1, 2], y: [1] })).toThrow(RangeError);
  });
});

describe("strongestCorrelations", () => {
  it("strongestCorrelations(matrix, count) lists off-diagonal pairs by |r|, largest first, without NaN", () => {
    const m = correlationMatrix({ p: [1, 2, 3, 4], q: [4, 3, 2, 1], r: [1, 3, 2, 4], k: [1, 1, 1, 1] });
    const top = strongestCorrelations(m, 2);
    expect(top[0]).toEqual({ a: "p", b: "q", r: -1 });
    expect(top[1].r).toBeCloseTo(0.8, 12);
    expect(strongestCorrelations(m, 10).length).toBe(3);
  });
});
