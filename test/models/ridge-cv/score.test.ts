// Reference: the slow path, i.e. fitRidge (exact, Householder QR on the augmented system; NNLS by
// nnlsMixed) with nonNegative on the media columns of [media | fixed], fitted on each fold's
// training rows and evaluated by predictLinear on its test rows. fitRidge itself is checked
// against scikit-learn in test/models/ridge.test.ts.
import { afterAll, describe, expect, it } from "vitest";
import { prepareRidgeCv, scoreCandidate, type RidgeCvScore } from "../../../src/models/ridge-cv";
import { fitRidge, type RidgeResult } from "../../../src/models/ridge";
import { designMatrixFromColumns, predictLinear, selectRows, type DesignMatrix } from "../../../src/models/standardize";
import { timeSeriesFolds, type TimeSeriesFold } from "../../../src/models/time-series-cv";
import { createRandom } from "../../../src/util/random";
import { expectClose } from "../../helpers/expect-close";
import { expectSameRidgeFit, makeProblem, maxAbs, type Problem } from "../../helpers/ridge-problems";

const REL = 1e-9;
const worst = { sse: 0, coefNorm: 0, coefElement: 0, intercept: 0 };

afterAll(() => {
  if (process.env.MIXLAB_PRINT_ERRORS) console.log("ridge-cv scoreCandidate max rel err vs fitRidge", worst);
});

function fixedMatrix(p: Problem): DesignMatrix {
  if (p.fixed.length === 0) return { rows: p.n, cols: 0, data: new Float64Array(0) };
  return designMatrixFromColumns(p.fixed);
}

interface SlowResult {
  readonly foldSse: number[];
  readonly full: RidgeResult;
}

/** fitRidge per fold on [media | fixed], media constrained ≥ 0 when nonNegative. */
function slowPath(p: Problem, folds: readonly TimeSeriesFold[], alpha: number, nonNegative: boolean, trainEnd = p.n): SlowResult {
  const X = designMatrixFromColumns([...p.media, ...p.fixed]);
  const mask = [...p.media.map(() => nonNegative), ...p.fixed.map(() => false)];
  const fitRows = (rows: number[]): RidgeResult =>
    fitRidge(selectRows(X, rows), rows.map((i) => p.y[i]), alpha, { nonNegative: mask });
  const foldSse = folds.map((f) => {
    const r = fitRows(f.train);
    const pred = predictLinear(selectRows(X, f.test), r.coefficients, r.intercept);
    return f.test.reduce((s, i, t) => s + (p.y[i] - pred[t]) ** 2, 0);
  });
  return { foldSse, full: fitRows(Array.from({ length: trainEnd }, (_, i) => i)) };
}

/**
 * Asserts the kernel equals the slow path to REL: fold SSEs elementwise; coefficients relative to
 * their largest magnitude (so that a coefficient near 0 is not judged on its own digits); the
 * intercept relative to the size of the terms it is the difference of.
 */
function expectSameAsSlow(score: RidgeCvScore, slow: SlowResult): void {
  expect(score.positiveDefinite).toBe(true);
  for (let f = 0; f < slow.foldSse.length; f++) {
    worst.sse = Math.max(worst.sse, Math.abs(score.foldSse[f] - slow.foldSse[f]) / slow.foldSse[f]);
  }
  expectClose(score.foldSse, slow.foldSse, { rel: REL });
  expectSameRidgeFit(score.fullFit, slow.full, REL, worst);
}

const ALPHAS = [1e-3, 1e-2, 0.3, 10, 1e3];

describe("scoreCandidate", () => {
  it("scoreCandidate(prepared, media, alpha) gives fitRidge's fold SSEs and full-window fit to 1e-9 on random problems", () => {
    const random = createRandom(20240611);
    for (let trial = 0; trial < 40; trial++) {
      const n = 60 + random.int(141);
      const m = 1 + random.int(8);
      const q = random.int(13);
      const p = makeProblem(random, n, m, q);
      const folds = timeSeriesFolds(n, { folds: 5 });
      const prepared = prepareRidgeCv(fixedMatrix(p), p.y, folds);
      for (const alpha of ALPHAS) {
        expectSameAsSlow(scoreCandidate(prepared, p.media, alpha), slowPath(p, folds, alpha, true));
      }
    }
  });

  it("scoreCandidate(prepared, media, alpha) matches fitRidge when the unconstrained fit has negative media coefficients, and holds them at exactly 0", () => {
    const random = createRandom(7);
    let bound = 0;
    for (let trial = 0; trial < 25; trial++) {
      const n = 60 + random.int(141);
      const m = 2 + random.int(7);
      const q = random.int(13);
      const effects = Array.from({ length: m }, (_, j) => (j % 2 === 0 ? -1.5 : 1));
      const p = makeProblem(random, n, m, q, effects);
      const folds = timeSeriesFolds(n, { folds: 5 });
      const prepared = prepareRidgeCv(fixedMatrix(p), p.y, folds);
      for (const alpha of ALPHAS) {
        const slow = slowPath(p, folds, alpha, true);
        const score = scoreCandidate(prepared, p.media, alpha);
        expectSameAsSlow(score, slow);
        for (const j of slow.full.atBound) expect(score.fullFit.coefficients[j]).toBe(0);
        bound += slow.full.atBound.length;
        const free = slowPath(p, folds, alpha, false);
        if (alpha <= 1) expect(Math.min(...free.full.coefficients.subarray(0, m))).toBeLessThan(0);
      }
    }
    expect(bound).toBeGreaterThan(100);
  });

  it("scoreCandidate(prepared, media, alpha, { nonNegative: false }) matches unconstrained fitRidge, negative media coefficients included", () => {
    const random = createRandom(11);
    for (let trial = 0; trial < 15; trial++) {
      const n = 60 + random.int(141);
      const m = 1 + random.int(8);
      const q = random.int(13);
      const p = makeProblem(random, n, m, q, Array.from({ length: m }, (_, j) => (j % 2 === 0 ? -1 : 1)));
      const folds = timeSeriesFolds(n, { folds: 5 });
      const prepared = prepareRidgeCv(fixedMatrix(p), p.y, folds);
      for (const alpha of ALPHAS) {
        expectSameAsSlow(scoreCandidate(prepared, p.media, alpha, { nonNegative: false }), slowPath(p, folds, alpha, false));
      }
    }
  });

  it("scoreCandidate(prepared, media, alpha) treats a media column that is all zero in the early training windows as constant there (scale 1, coefficient 0), as fitRidge does", () => {
    const random = createRandom(3);
    for (const n of [60, 120, 200]) {
      const p = makeProblem(random, n, 4, 6);
      const launch = Math.floor(0.55 * n); // channel 1 starts after the first fold's training window
      p.media[1].fill(0, 0, launch);
      const folds = timeSeriesFolds(n, { folds: 5 });
      expect(folds[0].train.length).toBeLessThan(launch);
      const prepared = prepareRidgeCv(fixedMatrix(p), p.y, folds);
      for (const alpha of ALPHAS) {
        const slow = slowPath(p, folds, alpha, true);
        expectSameAsSlow(scoreCandidate(prepared, p.media, alpha), slow);
        for (const nonNegative of [true, false]) {
          // The slow path's own view of fold 0: scale 1 and coefficient 0 for the silent channel
          // (up to QR rounding, ~1e-12 of the largest coefficient, when unconstrained).
          const X = designMatrixFromColumns([...p.media, ...p.fixed]);
          const r = fitRidge(selectRows(X, folds[0].train), folds[0].train.map((i) => p.y[i]), alpha, {
            nonNegative: [nonNegative, nonNegative, nonNegative, nonNegative, false, false, false, false, false, false],
          });
          expect(r.scales[1]).toBe(1);
          expectClose(r.coefficients[1], 0, { abs: REL * maxAbs(r.coefficients) });
        }
        expectSameAsSlow(scoreCandidate(prepared, p.media, alpha, { nonNegative: false }), slowPath(p, folds, alpha, false));
      }
    }
  });

  it("scoreCandidate(prepared, media, alpha) with no fixed columns (q = 0) matches fitRidge on the media alone", () => {
    const random = createRandom(5);
    for (let trial = 0; trial < 10; trial++) {
      const n = 60 + random.int(141);
      const m = 1 + random.int(8);
      const p = makeProblem(random, n, m, 0, trial % 2 === 0 ? Array.from({ length: m }, (_, j) => (j === 0 ? -1 : 1)) : undefined);
      const folds = timeSeriesFolds(n, { folds: 5 });
      const prepared = prepareRidgeCv(fixedMatrix(p), p.y, folds);
      expect(prepared.fixedCols).toBe(0);
      for (const alpha of ALPHAS) expectSameAsSlow(scoreCandidate(prepared, p.media, alpha), slowPath(p, folds, alpha, true));
    }
  });

  it("scoreCandidate(prepared, media, alpha) on folds with a gap and a trainEnd before the last row matches fitRidge on those windows", () => {
    const random = createRandom(13);
    const p = makeProblem(random, 150, 5, 7);
    const folds = timeSeriesFolds(130, { folds: 4, gap: 3 });
    const prepared = prepareRidgeCv(fixedMatrix(p), p.y, folds, { trainEnd: 130 });
    expect(prepared.trainEnd).toBe(130);
    for (const alpha of ALPHAS) expectSameAsSlow(scoreCandidate(prepared, p.media, alpha), slowPath(p, folds, alpha, true, 130));
  });

  it("scoreCandidate(prepared, media, alpha).nrmse is the mean over folds of √(SSE/n) divided by the range of y on the test window", () => {
    const random = createRandom(17);
    const p = makeProblem(random, 100, 3, 5);
    const folds = timeSeriesFolds(100, { folds: 5 });
    const score = scoreCandidate(prepareRidgeCv(fixedMatrix(p), p.y, folds), p.media, 1);
    let expected = 0;
    folds.forEach((f, k) => {
      const ys = f.test.map((i) => p.y[i]);
      expect(score.foldN[k]).toBe(f.test.length);
      expect(score.foldRange[k]).toBe(Math.max(...ys) - Math.min(...ys));
      expected += Math.sqrt(score.foldSse[k] / f.test.length) / score.foldRange[k] / folds.length;
    });
    expectClose(score.nrmse, expected, { rel: 1e-15 });
  });

  it("scoreCandidate(prepared, media, alpha) reuses one result object per prepared problem, overwritten by the next call", () => {
    const random = createRandom(19);
    const p = makeProblem(random, 80, 3, 4);
    const folds = timeSeriesFolds(80, { folds: 5 });
    const prepared = prepareRidgeCv(fixedMatrix(p), p.y, folds);
    const first = scoreCandidate(prepared, p.media, 1);
    const kept = Float64Array.from(first.foldSse);
    const second = scoreCandidate(prepared, p.media, 100);
    expect(second).toBe(first);
    expect(second.fullFit.coefficients).toBe(first.fullFit.coefficients);
    expect(Array.from(second.foldSse)).not.toEqual(Array.from(kept));
    expectSameAsSlow(scoreCandidate(prepared, p.media.slice(0, 2), 1), slowPath({ ...p, media: p.media.slice(0, 2) }, folds, 1, true));
  });

  it("scoreCandidate(prepared, media, 0) with a constant column reports positiveDefinite false instead of throwing", () => {
    const random = createRandom(23);
    const p = makeProblem(random, 80, 2, 3);
    p.media[0].fill(0, 0, 40);
    const score = scoreCandidate(prepareRidgeCv(fixedMatrix(p), p.y, timeSeriesFolds(80, { folds: 5 })), p.media, 0);
    expect(score.positiveDefinite).toBe(false);
    expect(score.foldSse[0]).toBeNaN();
    expect(score.nrmse).toBeNaN();
  });

  it("scoreCandidate(prepared, media, alpha) throws a RangeError for a media column of the wrong length or with a non-finite value, and for alpha < 0", () => {
    const random = createRandom(29);
    const p = makeProblem(random, 60, 2, 2);
    const prepared = prepareRidgeCv(fixedMatrix(p), p.y, timeSeriesFolds(60, { folds: 5 }));
    expect(() => scoreCandidate(prepared, [p.media[0], new Float64Array(59)], 1)).toThrow(/media columns as Float64Array of length 60/);
    const bad = Float64Array.from(p.media[1]);
    bad[5] = NaN;
    expect(() => scoreCandidate(prepared, [p.media[0], bad], 1)).toThrow(/finite media values/);
    const badTest = Float64Array.from(p.media[1]);
    badTest[59] = Infinity;
    expect(() => scoreCandidate(prepareRidgeCv(fixedMatrix(p), p.y, timeSeriesFolds(60, { folds: 5 }), { trainEnd: 50 }), [p.media[0], badTest], 1)).toThrow(/finite media values on the test rows/);
    expect(() => scoreCandidate(prepared, p.media, -1)).toThrow(/finite alpha ≥ 0/);
    expect(() => scoreCandidate({ rows: 60, fixedCols: 2, folds: 5, trainEnd: 60, foldN: new Int32Array(5), foldRange: new Float64Array(5) }, p.media, 1)).toThrow(/made by prepareRidgeCv/);
  });
});

describe("scoreCandidate with mediaScale mean", () => {
  it("scoreCandidate(…, {mediaScale: 'mean'}) equals fitRidge with scaleByMean on the media columns, fold by fold", () => {
    const random = createRandom(77);
    const n = 120, m = 3, q = 4;
    const media = Array.from({ length: m }, () => Float64Array.from({ length: n }, () => 0.2 + random.uniform()));
    const fixed = Array.from({ length: q }, () => Float64Array.from({ length: n }, () => random.normal()));
    const y = Float64Array.from({ length: n }, (_, i) => 100 + 30 * media[0][i] + 10 * media[1][i] + 5 * fixed[0][i] + random.normal());
    const folds = timeSeriesFolds(n, { folds: 5 });
    const prepared = prepareRidgeCv(designMatrixFromColumns(fixed), y, folds);
    const all = [...media, ...fixed];
    const mask = all.map((_, j) => j < m);
    for (const alpha of [0.01, 1, 30]) {
      const score = scoreCandidate(prepared, media, alpha, { nonNegative: true, mediaScale: "mean" });
      folds.forEach((fold, f) => {
        const X = designMatrixFromColumns(all);
        const fit = fitRidge(selectRows(X, fold.train), Float64Array.from(fold.train, (i) => y[i]), alpha, { nonNegative: mask, scaleByMean: mask });
        const predicted = predictLinear(selectRows(X, fold.test), fit.coefficients, fit.intercept);
        let sse = 0;
        fold.test.forEach((i, t) => { sse += (y[i] - predicted[t]) ** 2; });
        expectClose(score.foldSse[f], sse, { rel: 1e-9 });
      });
      const full = fitRidge(designMatrixFromColumns(all), y, alpha, { nonNegative: mask, scaleByMean: mask });
      const largest = Math.max(...Array.from(full.coefficients, Math.abs));
      full.coefficients.forEach((b, j) => {
        expect(Math.abs(score.fullFit.coefficients[j] - b)).toBeLessThan(1e-9 * largest);
      });
    }
  });
});
