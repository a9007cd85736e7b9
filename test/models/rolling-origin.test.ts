import { describe, expect, it } from "vitest";
import { rollingOriginFolds } from "../../src/models/rolling-origin";

describe("rollingOriginFolds", () => {
  it("rollingOriginFolds(10, 3, 3) spaces three origins from ⌈k/2⌉ to k − h, each forecasting 3 rows", () => {
    expect(rollingOriginFolds(10, 3, 3)).toEqual([{ origin: 5, end: 8 }, { origin: 6, end: 9 }, { origin: 7, end: 10 }]);
  });

  it("rollingOriginFolds(166, 42, 4) ends its last fold at the fit window's last row", () => {
    const folds = rollingOriginFolds(166, 42, 4);
    expect(folds.map((f) => f.origin)).toEqual([83, 97, 110, 124]);
    expect(folds[3].end).toBe(166);
    for (const f of folds) expect(f.end - f.origin).toBe(42);
  });

  it("rollingOriginFolds shortens a horizon longer than the rows after minTrain, and drops repeated origins", () => {
    expect(rollingOriginFolds(10, 8, 4)).toEqual([{ origin: 5, end: 10 }]);
    expect(rollingOriginFolds(10, 3, 1)).toEqual([{ origin: 7, end: 10 }]);
  });

  it("rollingOriginFolds rejects non-integers and a window with nothing to forecast", () => {
    expect(() => rollingOriginFolds(10, 0, 3)).toThrow("rollingOriginFolds requires an integer horizon ≥ 1");
    expect(() => rollingOriginFolds(2, 1, 1, 2)).toThrow("rollingOriginFolds leaves no row to forecast");
  });
});
