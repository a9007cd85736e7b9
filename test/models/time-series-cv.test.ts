// Reference values: scikit-learn TimeSeriesSplit indices and the mean test MSE over
// TimeSeriesSplit(5) of Pipeline(StandardScaler(), Ridge | Lasso(tol=1e-12)) for
// numpy.logspace(-3, 3, 25), computed by test/fixtures/models/make_reference.py (library
// versions in reference.json → "versions").
import { afterAll, describe, expect, it } from "vitest";
import { chooseAlpha, defaultAlphas, timeSeriesFolds } from "../../src/models/time-series-cv";
import { designMatrix } from "../../src/models/standardize";
import { reference, reportErrors, syntheticX, track } from "../fixtures/models/reference";
import { expectClose } from "../helpers/expect-close";

afterAll(() => {
  if (process.env.MIXLAB_PRINT_ERRORS) console.log("time-series-cv max rel err", reportErrors());
});

describe("timeSeriesFolds", () => {
  it("timeSeriesFolds(n, options) gives the same indices as scikit-learn TimeSeriesSplit", () => {
    for (const r of reference.time_series_split) {
      const folds = timeSeriesFolds(r.n, { folds: r.n_splits, testSize: r.test_size ?? undefined, gap: r.gap });
      expect(folds).toEqual(r.folds);
    }
  });

  it("timeSeriesFolds(40) tests 6 rows per fold and trains on everything before", () => {
    const folds = timeSeriesFolds(40);
    expect(folds.length).toBe(5);
    expect(folds.map((f) => f.test[0])).toEqual([10, 16, 22, 28, 34]);
    for (const f of folds) {
      expect(f.test.length).toBe(6);
      expect(f.train).toEqual(Array.from({ length: f.test[0] }, (_, i) => i));
    }
  });

  it("timeSeriesFolds with minTrain keeps at least minTrain rows in the first training window", () => {
    const folds = timeSeriesFolds(40, { folds: 4, minTrain: 20 });
    expect(folds[0].train.length).toBe(20);
    expect(folds.map((f) => f.test.length)).toEqual([5, 5, 5, 5]);
    expect(folds[3].test[4]).toBe(39);
    expect(() => timeSeriesFolds(40, { folds: 5, testSize: 7, minTrain: 10 })).toThrow(/at least minTrain = 10 rows/);
  });

  it("timeSeriesFolds rejects impossible splits with a RangeError naming timeSeriesFolds", () => {
    expect(() => timeSeriesFolds(5, { folds: 5 })).toThrow(/timeSeriesFolds requires at least one test row per fold/);
    expect(() => timeSeriesFolds(10, { folds: 5, testSize: 2 })).toThrow(/timeSeriesFolds requires a non-empty first training window/);
    expect(() => timeSeriesFolds(1.5)).toThrow(/timeSeriesFolds requires an integer n/);
    expect(() => timeSeriesFolds(10, { folds: 0 })).toThrow(/timeSeriesFolds requires an integer folds/);
    expect(() => timeSeriesFolds(10, { gap: -1 })).toThrow(/timeSeriesFolds requires an integer gap/);
  });
});

describe("chooseAlpha", () => {
  it("defaultAlphas() equals numpy.logspace(-3, 3, 25)", () => {
    expectClose(defaultAlphas(), reference.cv.alphas, { rel: 1e-15 });
  });

  it("chooseAlpha(X, y, { model: 'ridge' }) reproduces scikit-learn's CV scores and choice to 1e-6", () => {
    const res = chooseAlpha(syntheticX, reference.synthetic.y, { model: "ridge" });
    track("cv ridge scores", res.cvScores, reference.cv.ridge.scores);
    expectClose(res.cvScores, reference.cv.ridge.scores, { rel: 1e-6 });
    expectClose(res.alpha, reference.cv.ridge.best_alpha, { rel: 1e-15 });
    expect(res.folds).toEqual(timeSeriesFolds(40));
    expect(res.foldScores.length).toBe(25);
  });

  it("chooseAlpha(X, y, { model: 'lasso' }) reproduces scikit-learn's CV scores to 1e-4", () => {
    const res = chooseAlpha(syntheticX, reference.synthetic.y, { model: "lasso", tol: 1e-12, maxIter: 100000 });
    track("cv lasso scores", res.cvScores, reference.cv.lasso.scores);
    expectClose(res.cvScores, reference.cv.lasso.scores, { rel: 1e-4 });
    expectClose(res.alpha, reference.cv.lasso.best_alpha, { rel: 1e-15 });
  });

  it("chooseAlpha is deterministic and works for elastic-net with a custom grid", () => {
    const opts = { model: "elastic-net" as const, l1Ratio: 0.5, alphas: [0.01, 0.1, 1], folds: 3 };
    const a = chooseAlpha(syntheticX, reference.synthetic.y, opts);
    const b = chooseAlpha(syntheticX, reference.synthetic.y, opts);
    expect(Array.from(a.cvScores)).toEqual(Array.from(b.cvScores));
    expect([0.01, 0.1, 1]).toContain(a.alpha);
    expect(a.folds.length).toBe(3);
  });

  it("chooseAlpha rejects bad options with a RangeError naming chooseAlpha", () => {
    const y = reference.synthetic.y;
    // @ts-expect-error unknown model on purpose
    expect(() => chooseAlpha(syntheticX, y, { model: "svm" })).toThrow(/chooseAlpha requires model/);
    expect(() => chooseAlpha(syntheticX, y, { alphas: [] })).toThrow(/chooseAlpha requires at least one alpha/);
    expect(() => chooseAlpha(syntheticX, y, { alphas: [-1] })).toThrow(/chooseAlpha requires finite alphas ≥ 0/);
    expect(() => chooseAlpha(designMatrix([[1], [2]]), [1, 2])).toThrow(/timeSeriesFolds requires/);
  });
});
