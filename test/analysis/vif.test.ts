import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { vif } from "../../src/analysis/vif";
import { designMatrix } from "../../src/models/standardize";
import { reference } from "../fixtures/analysis/reference";
import { expectClose } from "../helpers/expect-close";

const d = reference.design;

describe("vif", () => {
  it("vif(X, names) matches statsmodels variance_inflation_factor(add_constant(X), j) to 1e-9 relative", () => {
    // statsmodels: variance_inflation_factor(sm.add_constant(X), j + 1)
    const got = vif(d.X, d.names);
    expect(Object.keys(got)).toEqual(d.names);
    for (const name of d.names) expectClose(got[name], d.vif[name], { rel: 1e-9 });
  });

  it("vif of two regressors is 1/(1 − r²) with r their correlation", () => {
    // x1 = 1..4, x2 = (2, 1, 5, 3): r² = 3.5² / (5 · 8.75) = 0.28
    const got = vif([[1, 2], [2, 1], [3, 5], [4, 3]], ["tv", "radio"]);
    expectClose(got.tv, 1 / 0.72, { rel: 1e-14 });
    expectClose(got.radio, 1 / 0.72, { rel: 1e-14 });
  });

  it("vif of orthogonal centred columns is exactly 1", () => {
    expect(vif([[1, 1], [1, -1], [-1, 1], [-1, -1]], ["a", "b"])).toEqual({ a: 1, b: 1 });
  });

  it("vif of a column that is an exact linear combination of others is Infinity", () => {
    const X = [[1, 3, 6], [2, 1, 6], [3, 4, 11], [4, 1, 10], [5, 9, 20]]; // c = 2a + b + 1
    const got = vif(X, ["a", "b", "c"]);
    expect(got.a).toBe(Infinity);
    expect(got.b).toBe(Infinity);
    expect(got.c).toBe(Infinity);
  });

  it("vif of a column stays finite when the other columns are collinear among themselves", () => {
    // c = 2a + b + 1 is skipped by the QR's rank rule when d is regressed on [1, a, b, c]
    const a = [1, 2, 3, 4, 5, 6];
    const b = [0, 1, 0, 1, 0, 2];
    const d = [5, 3, 2, 2, 8, 1];
    const withC = vif(a.map((v, i) => [v, b[i], 2 * v + b[i] + 1, d[i]]), ["a", "b", "c", "d"]);
    const withoutC = vif(a.map((v, i) => [v, b[i], d[i]]), ["a", "b", "d"]);
    expect(withC.a).toBe(Infinity);
    expectClose(withC.d, withoutC.d, { rel: 1e-12 });
  });

  it("vif of a constant column is NaN and does not disturb the others", () => {
    const got = vif([[1, 7], [2, 7], [3, 7], [5, 7]], ["a", "k"]);
    expect(got.k).toBeNaN();
    expect(got.a).toBe(1);
  });

  it("vif accepts an ml-matrix Matrix, a DesignMatrix and Float64Array rows and leaves them unchanged", () => {
    const rows = d.X.map((r) => Float64Array.from(r));
    const copy = rows.map((r) => Array.from(r));
    expect(vif(new Matrix(d.X), d.names)).toEqual(vif(d.X, d.names));
    expect(vif(rows, d.names)).toEqual(vif(d.X, d.names));
    expect(vif(designMatrix(d.X), d.names)).toEqual(vif(d.X, d.names));
    expect(rows.map((r) => Array.from(r))).toEqual(copy);
  });

  it("vif rejects mismatched names, ragged rows and non-finite values", () => {
    expect(() => vif([[1, 2], [3, 4]], ["a"])).toThrow("vif requires one name per column of X (got 1 names for 2 columns)");
    expect(() => vif([[1, 2], [3, 4]], ["a", "a"])).toThrow("vif requires distinct column names");
    expect(() => vif([[1, 2], [3]], ["a", "b"])).toThrow("vif requires X to be rectangular");
    expect(() => vif([[1, NaN], [3, 4]], ["a", "b"])).toThrow("vif requires finite X values (row 0, column 1 is NaN)");
    expect(() => vif([], [])).toThrow(RangeError);
  });
});
