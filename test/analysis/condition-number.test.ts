import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { conditionNumber } from "../../src/analysis/condition-number";
import { reference } from "../fixtures/analysis/reference";
import { expectClose } from "../helpers/expect-close";

const d = reference.design;
const withConstant = d.X.map((row) => [1, ...row]);

describe("conditionNumber", () => {
  it("conditionNumber(X) matches numpy.linalg.cond(X) to 1e-9 relative", () => {
    // numpy: np.linalg.cond(X) and np.linalg.cond(sm.add_constant(X))
    expectClose(conditionNumber(d.X), d.cond_X, { rel: 1e-9 });
    expectClose(conditionNumber(withConstant), d.cond_with_const, { rel: 1e-9 });
  });

  it("conditionNumber(X, { unitLength: true }) matches numpy.linalg.cond of the unit-length columns", () => {
    // numpy: np.linalg.cond(Xc / np.sqrt((Xc ** 2).sum(axis=0)))
    expectClose(conditionNumber(withConstant, { unitLength: true }), d.cond_with_const_unit_length, { rel: 1e-9 });
  });

  it("conditionNumber of a diagonal matrix is the ratio of its largest to smallest entry", () => {
    expect(conditionNumber([[1, 0], [0, 2]])).toBeCloseTo(2, 14);
    expect(conditionNumber(new Matrix([[3, 0], [0, 0.5], [0, 0]]))).toBeCloseTo(6, 13);
  });

  it("conditionNumber with unitLength does not depend on the columns' units", () => {
    const scaled = d.X.map((row) => [row[0] * 1000, row[1], row[2] / 7, row[3]]);
    expectClose(conditionNumber(scaled, { unitLength: true }), conditionNumber(d.X, { unitLength: true }), { rel: 1e-12 });
  });

  it("conditionNumber of a rank-deficient matrix is Infinity or huge", () => {
    expect(conditionNumber([[1, 2], [2, 4], [3, 6]])).toBeGreaterThan(1e15);
    expect(conditionNumber([[1, 0], [2, 0]], { unitLength: true })).toBe(Infinity);
  });

  it("conditionNumber rejects fewer rows than columns and non-finite values", () => {
    expect(() => conditionNumber([[1, 2, 3]])).toThrow("conditionNumber requires at least as many rows as columns");
    expect(() => conditionNumber([[1, Infinity], [1, 2]])).toThrow(RangeError);
  });
});
