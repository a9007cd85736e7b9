// Reference: fitRidge (Householder QR on the augmented system, NNLS by nnlsMixed) on the rows
// repeated count times (selectRows with repeated indices), as the bootstrap used to fit. fitRidge
// itself is checked against scikit-learn in test/models/ridge.test.ts.
import { afterAll, describe, expect, it } from "vitest";
import { blockIndices } from "../../src/models/bootstrap";
import { fitRidge, type RidgeResult } from "../../src/models/ridge";
import { designMatrixFromColumns, selectRows } from "../../src/models/standardize";
import { createWeightedRidge, fitWeightedRidge, setRowCounts, type WeightedRidgeFit } from "../../src/models/weighted-ridge";
import { createRandom } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";
import { expectSameRidgeFit, makeProblem, type Problem } from "../helpers/ridge-problems";

const REL = 1e-9;
const ALPHAS = [1e-3, 1e-2, 0.3, 10, 1e3];
const worst = { coefNorm: 0, coefElement: 0, intercept: 0 };

afterAll(() => {
  if (process.env.MIXLAB_PRINT_ERRORS) console.log("weighted-ridge max rel err vs fitRidge on duplicated rows", { coefficient: worst.coefNorm, intercept: worst.intercept });
});

function countsOf(n: number, rows: readonly number[]): Int32Array {
  const counts = new Int32Array(n);
  for (const i of rows) counts[i]++;
  return counts;
}

/** fitRidge on [media | fixed] at the given (repeated) rows, with the bootstrap's masks. */
function slowFit(p: Problem, rows: readonly number[], alpha: number, nonNegative: boolean, byMean: readonly boolean[]): RidgeResult {
  const X = designMatrixFromColumns([...p.media, ...p.fixed]);
  const m = p.media.length;
  return fitRidge(selectRows(X, rows), rows.map((i) => p.y[i]), alpha, {
    nonNegative: [...p.media.map(() => nonNegative), ...p.fixed.map(() => false)],
    scaleByMean: [...byMean, ...p.fixed.map(() => false)].slice(0, m + p.fixed.length),
  });
}

/**
 * Asserts equality to REL: coefficients relative to their largest magnitude (a coefficient near 0
 * is not judged on its own digits), the intercept relative to the terms it is the difference of,
 * means and scales elementwise.
 */
function expectSame(fast: WeightedRidgeFit, slow: RidgeResult): void {
  expect(fast.positiveDefinite).toBe(true);
  expectSameRidgeFit(fast, slow, REL, worst);
  expectClose(fast.means, slow.means, { rel: 1e-12, abs: 1e-12 });
  expectClose(fast.scales, slow.scales, { rel: 1e-12 });
}

describe("fitWeightedRidge", () => {
  it("fitWeightedRidge(ridge, media, alpha) equals fitRidge on the duplicated rows of block-bootstrap resamples to 1e-9, with and without scaleByMean", () => {
    const random = createRandom(20240611);
    let bound = 0;
    for (let trial = 0; trial < 40; trial++) {
      const n = 60 + random.int(141);
      const m = 1 + random.int(8);
      const q = random.int(11);
      // Half the problems have negative true effects on alternate channels, so the bound binds.
      const effects = trial % 2 === 0 ? undefined : Array.from({ length: m }, (_, j) => (j % 2 === 0 ? -1.5 : 1));
      const p = makeProblem(random, n, m, q, effects);
      const ridge = createWeightedRidge(p.fixed, p.y);
      for (let resample = 0; resample < 3; resample++) {
        const rows = blockIndices(n, 2 + random.int(9), random);
        setRowCounts(ridge, countsOf(n, rows));
        for (const alpha of ALPHAS) {
          for (const byMean of [false, true]) {
            for (const nonNegative of [true, false]) {
              const slow = slowFit(p, rows, alpha, nonNegative, p.media.map(() => byMean));
              expectSame(fitWeightedRidge(ridge, p.media, alpha, { nonNegative, scaleByMean: byMean }), slow);
              if (nonNegative) bound += slow.atBound.length;
            }
          }
        }
      }
    }
    expect(bound).toBeGreaterThan(200);
  });

  it("fitWeightedRidge(ridge, media, alpha) holds the media coefficients fitRidge puts at the bound at exactly 0", () => {
    const random = createRandom(7);
    let seen = 0;
    for (let trial = 0; trial < 20; trial++) {
      const n = 60 + random.int(141);
      const m = 2 + random.int(7);
      const p = makeProblem(random, n, m, random.int(11), Array.from({ length: m }, (_, j) => (j % 2 === 0 ? -1.5 : 1)));
      const ridge = createWeightedRidge(p.fixed, p.y);
      const rows = blockIndices(n, 8, random);
      setRowCounts(ridge, countsOf(n, rows));
      for (const alpha of ALPHAS) {
        const slow = slowFit(p, rows, alpha, true, p.media.map(() => true));
        const fast = fitWeightedRidge(ridge, p.media, alpha, { nonNegative: true, scaleByMean: true });
        expectSame(fast, slow);
        for (const j of slow.atBound) expect(fast.coefficients[j]).toBe(0);
        seen += slow.atBound.length;
      }
    }
    expect(seen).toBeGreaterThan(50);
  });

  it("fitWeightedRidge(ridge, media, alpha) with counts all 1 equals fitRidge on the rows as they are", () => {
    const random = createRandom(5);
    const p = makeProblem(random, 120, 4, 6);
    const ridge = createWeightedRidge(p.fixed, p.y);
    const rows = Array.from({ length: 120 }, (_, i) => i);
    setRowCounts(ridge, new Int32Array(120).fill(1));
    for (const alpha of ALPHAS) expectSame(fitWeightedRidge(ridge, p.media, alpha, { nonNegative: true }), slowFit(p, rows, alpha, true, [false, false, false, false]));
  });

  it("fitWeightedRidge(ridge, media, alpha) with scaleByMean per media column equals fitRidge with the same mask", () => {
    const random = createRandom(9);
    const p = makeProblem(random, 150, 5, 7);
    const ridge = createWeightedRidge(p.fixed, p.y);
    const rows = blockIndices(150, 6, random);
    setRowCounts(ridge, countsOf(150, rows));
    const mask = [true, false, true, false, false];
    for (const alpha of ALPHAS) expectSame(fitWeightedRidge(ridge, p.media, alpha, { nonNegative: true, scaleByMean: mask }), slowFit(p, rows, alpha, true, mask));
  });

  it("createWeightedRidge(fixed, y, { fixedScaleByMean }) scales the flagged fixed columns by |mean| as fitRidge's scaleByMean does", () => {
    const random = createRandom(13);
    const p = makeProblem(random, 100, 3, 8);
    const fixedMask = [false, false, true, true, false, false, true, true];
    const ridge = createWeightedRidge(p.fixed, p.y, { fixedScaleByMean: fixedMask });
    const rows = blockIndices(100, 5, random);
    setRowCounts(ridge, countsOf(100, rows));
    const X = designMatrixFromColumns([...p.media, ...p.fixed]);
    for (const alpha of ALPHAS) {
      const slow = fitRidge(selectRows(X, rows), rows.map((i) => p.y[i]), alpha, {
        nonNegative: [true, true, true, ...fixedMask.map(() => false)],
        scaleByMean: [true, true, true, ...fixedMask],
      });
      expectSame(fitWeightedRidge(ridge, p.media, alpha, { nonNegative: true, scaleByMean: true }), slow);
    }
  });

  it("fitWeightedRidge(ridge, media, alpha) treats a media column that is constant on the weighted rows as fitRidge does (scale 1, coefficient 0)", () => {
    const random = createRandom(3);
    const p = makeProblem(random, 120, 3, 5);
    p.media[1].fill(0, 0, 70); // silent channel before row 70; the resample draws from rows < 70 only
    p.media[2].fill(250, 0, 70); // a constant, non-zero level there
    const rows = blockIndices(60, 6, random);
    const ridge = createWeightedRidge(p.fixed, p.y);
    setRowCounts(ridge, countsOf(120, rows));
    for (const alpha of ALPHAS) {
      for (const byMean of [false, true]) {
        const slow = slowFit(p, rows, alpha, true, [byMean, byMean, byMean]);
        const fast = fitWeightedRidge(ridge, p.media, alpha, { nonNegative: true, scaleByMean: byMean });
        expectSame(fast, slow);
        expect(fast.scales[1]).toBe(1);
        expect(fast.scales[2]).toBe(1);
        expect(fast.coefficients[1]).toBe(0);
        expect(fast.coefficients[2]).toBe(0);
      }
    }
  });

  it("fitWeightedRidge(ridge, media, alpha) with no fixed columns (q = 0) equals fitRidge on the media alone", () => {
    const random = createRandom(17);
    for (let trial = 0; trial < 10; trial++) {
      const n = 60 + random.int(141);
      const m = 1 + random.int(8);
      const p = makeProblem(random, n, m, 0, trial % 2 === 0 ? Array.from({ length: m }, (_, j) => (j === 0 ? -1 : 1)) : undefined);
      const ridge = createWeightedRidge([], p.y);
      expect(ridge.fixedCols).toBe(0);
      const rows = blockIndices(n, 4, random);
      setRowCounts(ridge, countsOf(n, rows));
      for (const alpha of ALPHAS) expectSame(fitWeightedRidge(ridge, p.media, alpha, { nonNegative: true, scaleByMean: true }), slowFit(p, rows, alpha, true, p.media.map(() => true)));
    }
  });

  it("fitWeightedRidge(ridge, media, alpha) reuses one result object per problem, overwritten by the next call", () => {
    const random = createRandom(19);
    const p = makeProblem(random, 80, 3, 4);
    const ridge = createWeightedRidge(p.fixed, p.y);
    setRowCounts(ridge, countsOf(80, blockIndices(80, 5, random)));
    const first = fitWeightedRidge(ridge, p.media, 1);
    const kept = Float64Array.from(first.coefficients);
    const second = fitWeightedRidge(ridge, p.media, 100);
    expect(second).toBe(first);
    expect(Array.from(second.coefficients)).not.toEqual(Array.from(kept));
  });

  it("fitWeightedRidge(ridge, media, 0) with a column constant on the weighted rows reports positiveDefinite false instead of throwing", () => {
    const random = createRandom(23);
    const p = makeProblem(random, 80, 2, 3);
    p.media[0].fill(0, 0, 40);
    const ridge = createWeightedRidge(p.fixed, p.y);
    setRowCounts(ridge, countsOf(80, blockIndices(30, 5, random)));
    const fit = fitWeightedRidge(ridge, p.media, 0);
    expect(fit.positiveDefinite).toBe(false);
    expect(fit.intercept).toBeNaN();
  });

  it("createWeightedRidge, setRowCounts and fitWeightedRidge throw a RangeError for bad shapes, values, counts and alpha", () => {
    const random = createRandom(29);
    const p = makeProblem(random, 60, 2, 2);
    expect(() => createWeightedRidge([p.fixed[0].subarray(1)], p.y)).toThrow(/fixed columns of length 60/);
    expect(() => createWeightedRidge(p.fixed, Float64Array.from(p.y, (v, i) => (i === 3 ? NaN : v)))).toThrow(/finite y/);
    expect(() => createWeightedRidge(p.fixed, p.y, { fixedScaleByMean: [true] })).toThrow(/one entry per fixed column/);
    const ridge = createWeightedRidge(p.fixed, p.y);
    expect(() => fitWeightedRidge(ridge, p.media, 1)).toThrow(/setRowCounts first/);
    expect(() => setRowCounts(ridge, new Int32Array(59))).toThrow(/one count per row/);
    expect(() => setRowCounts(ridge, new Int32Array(60))).toThrow(/at least one positive count/);
    expect(() => setRowCounts(ridge, Float64Array.from({ length: 60 }, () => 0.5))).toThrow(/non-negative integer counts/);
    setRowCounts(ridge, new Int32Array(60).fill(1));
    expect(() => fitWeightedRidge(ridge, [p.media[0].subarray(1)], 1)).toThrow(/media columns of length 60/);
    expect(() => fitWeightedRidge(ridge, [Float64Array.from(p.media[0], (v, i) => (i === 5 ? Infinity : v))], 1)).toThrow(/finite media values/);
    expect(() => fitWeightedRidge(ridge, p.media, -1)).toThrow(/finite alpha ≥ 0/);
    expect(() => fitWeightedRidge(ridge, p.media, 1, { scaleByMean: [true] })).toThrow(/one per media column/);
    expect(() => fitWeightedRidge({ rows: 60, fixedCols: 2 }, p.media, 1)).toThrow(/made by createWeightedRidge/);
  });
});
