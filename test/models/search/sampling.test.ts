import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/util/random";
import { checkBounds, latinHypercube, toBox, toValue, uniformPoints, type SearchBound } from "../../../src/models/search/sampling";
import { expectClose } from "../../helpers/expect-close";

/** For each dimension, the sorted stratum index ⌊count·u⌋ of every point. */
function strata(points: Float64Array[], count: number, d: number): number[] {
  return points.map((p) => Math.floor(p[d] * count)).sort((a, b) => a - b);
}

describe("latinHypercube", () => {
  it("latinHypercube(count, dims, random) puts exactly one point in each of the count strata of every dimension", () => {
    for (const [count, dims, seed] of [[1, 1, 1], [7, 3, 2], [100, 5, 3], [1000, 12, 4]]) {
      const points = latinHypercube(count, dims, createRandom(seed));
      expect(points.length).toBe(count);
      const all = Array.from({ length: count }, (_, k) => k);
      for (let d = 0; d < dims; d++) expect(strata(points, count, d)).toEqual(all);
      for (const p of points) {
        expect(p.length).toBe(dims);
        for (const u of p) expect(u >= 0 && u < 1).toBe(true);
      }
    }
  });

  it("latinHypercube(count, dims, random) matches strata across dimensions by different permutations", () => {
    const points = latinHypercube(50, 4, createRandom(5));
    const order = (d: number) => points.map((p) => Math.floor(p[d] * 50));
    for (let d = 1; d < 4; d++) expect(order(d)).not.toEqual(order(0));
  });

  it("latinHypercube(count, dims, random) is fixed by the seed", () => {
    expect(latinHypercube(20, 3, createRandom(9))).toEqual(latinHypercube(20, 3, createRandom(9)));
    expect(latinHypercube(20, 3, createRandom(9))).not.toEqual(latinHypercube(20, 3, createRandom(10)));
  });

  it("latinHypercube(0, dims, random) is empty and bad sizes throw", () => {
    expect(latinHypercube(0, 3, createRandom(1))).toEqual([]);
    expect(() => latinHypercube(2.5, 3, createRandom(1))).toThrow("latinHypercube requires an integer count ≥ 0");
    expect(() => latinHypercube(3, 0, createRandom(1))).toThrow("latinHypercube requires an integer dims ≥ 1");
    expect(() => latinHypercube(NaN, 1, createRandom(1))).toThrow(RangeError);
  });
});

describe("uniformPoints", () => {
  it("uniformPoints(count, dims, random) draws count·dims uniforms in point order", () => {
    const points = uniformPoints(3, 2, createRandom(4));
    const r = createRandom(4);
    expect(points.map((p) => Array.from(p))).toEqual([[r.uniform(), r.uniform()], [r.uniform(), r.uniform()], [r.uniform(), r.uniform()]]);
  });
});

describe("toBox", () => {
  const log: SearchBound = { name: "alpha", lower: 1e-3, upper: 10, scale: "log" };
  const lin: SearchBound = { name: "decay", lower: -2, upper: 6 };

  it("toBox(unit, bounds) maps a log bound 0 → lower and 1 → upper exactly, 0.5 → the geometric mean", () => {
    expect(toBox([0], [log]).alpha).toBe(1e-3);
    expect(toBox([1], [log]).alpha).toBe(10);
    expectClose(toBox([0.5], [log]).alpha, Math.sqrt(1e-3 * 10), { rel: 1e-14 });
    // 0.25 of the way in log10 from −3 to 1 is 10^−2.
    expectClose(toBox([0.25], [log]).alpha, 1e-2, { rel: 1e-14 });
  });

  it("toBox(unit, bounds) maps a linear bound affinely: 0 → lower, 0.5 → midpoint, 1 → upper", () => {
    expect(toBox([0], [lin]).decay).toBe(-2);
    expect(toBox([0.5], [lin]).decay).toBe(2);
    expect(toBox([1], [lin]).decay).toBe(6);
    expect(toBox([0.125], [lin]).decay).toBe(-1);
  });

  it("toBox(unit, bounds) names values by bound, in order, and clamps outside [0, 1]", () => {
    expect(toBox(Float64Array.of(0.5, 1.5), [lin, log])).toEqual({ decay: 2, alpha: 10 });
    expect(toValue(-0.1, lin)).toBe(-2);
    expect(toValue(0.3, { name: "c", lower: 4, upper: 4 })).toBe(4);
  });

  it("toBox(unit, bounds) rejects mismatched lengths and invalid bounds", () => {
    expect(() => toBox([0.5], [lin, log])).toThrow("toBox requires one unit coordinate per bound");
    expect(() => toBox([0.5], [{ name: "a", lower: 0, upper: 1, scale: "log" }])).toThrow('toBox requires lower > 0 for the log bound "a"');
    expect(() => toBox([0.5], [{ name: "a", lower: 2, upper: 1 }])).toThrow('toBox requires finite bounds with lower ≤ upper for "a"');
    expect(() => toBox([0.5], [{ name: "a", lower: NaN, upper: 1 }])).toThrow(RangeError);
    expect(() => toBox([NaN], [lin])).toThrow('toBox requires unit coordinates that are not NaN ("decay")');
    expect(() => checkBounds([lin, lin], "runSearch")).toThrow('runSearch requires distinct bound names, "decay" repeats');
  });
});
