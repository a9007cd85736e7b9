import { describe, expect, it } from "vitest";
import { prepareRidgeCv } from "../../../src/models/ridge-cv";
import { designMatrixFromColumns } from "../../../src/models/standardize";
import { timeSeriesFolds } from "../../../src/models/time-series-cv";
import { createRandom } from "../../../src/util/random";
import { makeProblem } from "../../helpers/ridge-problems";

describe("prepareRidgeCv", () => {
  it("prepareRidgeCv(fixed, y, folds, options) throws a RangeError for folds whose training rows are not a prefix, or a bad trainEnd", () => {
    const random = createRandom(31);
    const p = makeProblem(random, 60, 1, 2);
    const fixed = designMatrixFromColumns(p.fixed);
    expect(() => prepareRidgeCv(fixed, p.y, [{ train: [1, 2, 3], test: [4, 5] }])).toThrow(/training rows to be 0 … k − 1/);
    expect(() => prepareRidgeCv(fixed, p.y, [{ train: [0, 1, 2], test: [4, 6] }])).toThrow(/contiguous/);
    expect(() => prepareRidgeCv(fixed, p.y, [])).toThrow(/at least one fold/);
    expect(() => prepareRidgeCv(fixed, p.y.subarray(1), timeSeriesFolds(60))).toThrow(/y of length/);
    expect(() => prepareRidgeCv(fixed, p.y, timeSeriesFolds(60), { trainEnd: 61 })).toThrow(/trainEnd/);
  });
});
