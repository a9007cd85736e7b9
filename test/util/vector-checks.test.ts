import { describe, expect, it } from "vitest";
import { checkFinite, checkPair } from "../../src/util/vector-checks";

describe("checkFinite", () => {
  it("checkFinite(name, label, x, minLength) accepts finite plain and typed arrays", () => {
    expect(() => checkFinite("f", "sample", [1, 2], 2)).not.toThrow();
    expect(() => checkFinite("f", "sample", Float64Array.from([0]), 1)).not.toThrow();
  });

  it("checkFinite names the function, the label and the first bad index", () => {
    expect(() => checkFinite("f", "sample", [1], 2)).toThrow("f requires at least 2 sample values");
    expect(() => checkFinite("f", "y", [], 1)).toThrow("f requires at least 1 y value");
    expect(() => checkFinite("f", "y", [1, NaN, Infinity], 1)).toThrow("f requires finite y values (index 1 is NaN)");
  });
});

describe("checkPair", () => {
  it("checkPair(name, actual, predicted) rejects unequal lengths, then non-finite values", () => {
    expect(() => checkPair("g", [1, 2], [1])).toThrow("g requires actual and predicted of equal length (got 2 and 1)");
    expect(() => checkPair("g", [1, 2], [1, -Infinity])).toThrow("g requires finite predicted values (index 1 is -Infinity)");
    expect(() => checkPair("g", [], [])).toThrow("g requires at least 1 actual value");
    expect(() => checkPair("g", [1], [2])).not.toThrow();
  });
});
