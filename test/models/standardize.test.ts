import { describe, expect, it } from "vitest";
import {
  applyStandardization,
  checkDesign,
  columnNames,
  designMatrix,
  designMatrixFromColumns,
  predictLinear,
  selectRows,
  standardizeColumns,
} from "../../src/models/standardize";
import { reference, syntheticX } from "../fixtures/models/reference";
import { expectClose } from "../helpers/expect-close";

describe("design matrices", () => {
  it("designMatrix(rows) stores rows in row-major order", () => {
    expect(designMatrix([[1, 2, 3], [4, 5, 6]])).toEqual({ rows: 2, cols: 3, data: new Float64Array([1, 2, 3, 4, 5, 6]) });
  });
  it("designMatrixFromColumns(columns) gives the same matrix as designMatrix of the rows", () => {
    expect(designMatrixFromColumns([[1, 4], [2, 5], [3, 6]])).toEqual(designMatrix([[1, 2, 3], [4, 5, 6]]));
  });
  it("designMatrix rejects ragged rows, empty input and non-finite values", () => {
    expect(() => designMatrix([])).toThrow("designMatrix requires at least one row");
    expect(() => designMatrix([[1, 2], [3]])).toThrow(/designMatrix requires rows of equal length/);
    expect(() => designMatrix([[1, NaN]])).toThrow(/designMatrix requires finite values: row 0 column 1/);
    expect(() => designMatrixFromColumns([[1], [2, 3]])).toThrow(/designMatrixFromColumns requires columns of equal length/);
  });
  it("selectRows(X, indices) copies rows in the order given", () => {
    const X = designMatrix([[1, 2], [3, 4], [5, 6]]);
    expect(selectRows(X, [2, 0]).data).toEqual(new Float64Array([5, 6, 1, 2]));
    expect(() => selectRows(X, [3])).toThrow(/selectRows requires indices in \[0, 3\)/);
  });
});

describe("standardizeColumns", () => {
  it("standardizeColumns(X) matches scikit-learn StandardScaler (mean, population sd, values)", () => {
    const st = standardizeColumns(syntheticX);
    expectClose(st.means, reference.scaler.mean, { rel: 1e-14 });
    expectClose(st.scales, reference.scaler.scale, { rel: 1e-14 });
    expectClose(st.X.data, reference.scaler.Xs.flat(), { rel: 1e-12, abs: 1e-13 });
  });
  it("standardizeColumns of [[1], [3]] is [[-1], [1]] with mean 2 and scale 1", () => {
    const st = standardizeColumns(designMatrix([[1], [3]]));
    expect(Array.from(st.X.data)).toEqual([-1, 1]);
    expect(st.means[0]).toBe(2);
    expect(st.scales[0]).toBe(1);
  });
  it("standardizeColumns gives a constant column scale 1 and values 0, as StandardScaler", () => {
    const st = standardizeColumns(designMatrix([[0.1, 1], [0.1, 2], [0.1, 4]]));
    expect(st.scales[0]).toBe(1);
    expect(Array.from(st.X.data.filter((_, k) => k % 2 === 0))).toEqual([0, 0, 0]);
  });
  it("applyStandardization(X, means, scales) reproduces standardizeColumns on the same data", () => {
    const st = standardizeColumns(syntheticX);
    expect(applyStandardization(syntheticX, st.means, st.scales)).toEqual(st.X);
    expect(() => applyStandardization(syntheticX, st.means, [1, 1, 1, 0])).toThrow(/applyStandardization requires scales > 0/);
  });
  it("standardizeColumns does not mutate X", () => {
    const X = designMatrix(reference.synthetic.X);
    const copy = Float64Array.from(X.data);
    standardizeColumns(X);
    expect(X.data).toEqual(copy);
  });
});

describe("predictLinear", () => {
  it("predictLinear(X, b, b0) is b0 + X·b", () => {
    expect(Array.from(predictLinear(designMatrix([[1, 2], [3, 4]]), [3, 4], 1))).toEqual([12, 26]);
  });
  it("predictLinear rejects a coefficient count that does not match X", () => {
    expect(() => predictLinear(designMatrix([[1, 2]]), [1])).toThrow(/predictLinear requires one coefficient per column/);
  });
});

describe("argument checks", () => {
  it("columnNames(fn, names, p) copies the names or defaults to x0 … x(p − 1)", () => {
    const given = ["tv", "radio"];
    const got = columnNames("fitOls", given, 2);
    expect(got).toEqual(["tv", "radio"]);
    expect(got).not.toBe(given);
    expect(columnNames("fitOls", undefined, 3)).toEqual(["x0", "x1", "x2"]);
    expect(() => columnNames("fitRidge", ["a"], 2)).toThrow("fitRidge requires one name per column: got 1 names for 2 columns");
  });

  it("checkDesign(fn, X, y) rejects a y of the wrong length or with a non-finite value", () => {
    const X = designMatrix([[1], [2], [3]]);
    expect(() => checkDesign("f", X, [1, 2, 3])).not.toThrow();
    expect(() => checkDesign("f", X, [1, 2])).toThrow("f requires y of length X.rows = 3, got 2");
    expect(() => checkDesign("f", X, [1, NaN, 3])).toThrow("f requires finite y values (index 1 is NaN)");
  });
});
