import { describe, expect, it } from "vitest";
import { createMediaPriorRidge, fitMediaPriorRidge } from "../../../src/models/media-prior-ridge";
import { createEvaluator, rssd, searchTransforms } from "../../../src/models/fit/search";
import { mediaPriorCvNrmse, prepareMediaPriorCv } from "../../../src/models/media-prior-cv";
import { decodeCandidate } from "../../../src/models/transform-space";
import { problem, spec } from "./fit-fixture";

describe("rssd", () => {
  it("rssd(effect, spend) is the Euclidean distance between the share vectors", () => {
    expect(rssd([0.5, 0.5], [0.6, 0.4])).toBeCloseTo(Math.sqrt(0.02), 15);
    expect(rssd([1, 0, 0], [1, 0, 0])).toBe(0);
  });
});

describe("createEvaluator", () => {
  it("createEvaluator(spec, window, setup) scores a point by the evidence, with RSSD and ROAS computed by hand", () => {
    const s = spec();
    const { window, setup } = problem(s);
    const unit = Float64Array.from(setup.dims, (_, i) => (i + 1) / (setup.dims.length + 2));
    const [objectives] = createEvaluator(s, window, setup)([unit]);
    const { k, spend, fixedK, yK, spendTrain } = window;
    const cand = decodeCandidate(s, setup.decode(unit), spend, k);
    const fit = fitMediaPriorRidge(createMediaPriorRidge(fixedK, yK), cand.media.map((c) => c.subarray(0, k)), setup.searchAlpha(cand.alpha), setup.ridge);
    const effects = cand.media.map((col, c) => fit.coefficients[c] * col.subarray(0, k).reduce((a, b) => a + b, 0));
    const total = effects[0] + effects[1];
    const shares = effects.map((e) => e / total);
    const spendShares = spendTrain.map((v) => v / (spendTrain[0] + spendTrain[1]));
    expect(objectives[0]).toBe(fit.evidence);
    expect(objectives[1]).toBeCloseTo(Math.hypot(shares[0] - spendShares[0], shares[1] - spendShares[1]), 12);
    expect(objectives[2]).toBeCloseTo(effects[0] / spendTrain[0], 12);
    expect(objectives[3]).toBeCloseTo(effects[1] / spendTrain[1], 12);
  });
});

describe("searchTransforms", () => {
  it("searchTransforms(...) spends the budget, ranks by score, and its best equals an independent evaluation at that point", async () => {
    const s = spec();
    const { window, setup } = problem(s);
    const evaluate = createEvaluator(s, window, setup);
    const seen: number[] = [];
    const out = await searchTransforms(s, setup, evaluate, (done, total, _best, phase) => {
      expect(phase).toBe("search");
      expect(total).toBe(80);
      seen.push(done);
    });
    expect(out.candidates.length).toBe(80);
    expect(seen[seen.length - 1]).toBe(80);
    const scores = out.candidates.map((c) => c.objectives[0]);
    expect(out.best.objectives[0]).toBe(Math.min(...scores));
    expect(out.ranked.map((i) => scores[i])).toEqual([...scores].sort((a, b) => a - b));
    // Re-evaluated from scratch, the best point scores what the search recorded.
    expect(createEvaluator(s, window, setup)([out.best.unit])[0]).toEqual(out.best.objectives);
  });

  it("searchTransforms(...) gives the same candidates for the same seed and others for another", async () => {
    const s = spec();
    const { window, setup } = problem(s);
    const a = await searchTransforms(s, setup, createEvaluator(s, window, setup));
    const b = await searchTransforms(s, setup, createEvaluator(s, window, setup));
    const c = await searchTransforms(spec({ search: { seed: 6 } }), setup, createEvaluator(s, window, setup));
    expect(b.best.objectives).toEqual(a.best.objectives);
    expect(Array.from(b.best.unit)).toEqual(Array.from(a.best.unit));
    expect(Array.from(c.candidates[0].unit)).not.toEqual(Array.from(a.candidates[0].unit));
  });
});

describe("mediaPriorCvNrmse", () => {
  it("mediaPriorCvNrmse(prepareMediaPriorCv(folds, ...), ...) of one fold is √(SSE/n)/range of the test window of a fit on the training rows", () => {
    const s = spec();
    const { window, setup } = problem(s);
    const { k, fixedK, yK, spend } = window;
    const cand = decodeCandidate(s, setup.decode(Float64Array.from(setup.dims, () => 0.5)), spend, k);
    const media = cand.media.map((c) => c.subarray(0, k));
    const fold = { train: Array.from({ length: 50 }, (_, i) => i), test: Array.from({ length: k - 50 }, (_, i) => 50 + i) };
    const alpha = setup.searchAlpha(cand.alpha);
    const fit = fitMediaPriorRidge(createMediaPriorRidge(fixedK.map((c) => c.subarray(0, 50)), yK.subarray(0, 50)), media.map((c) => c.subarray(0, 50)), alpha, setup.ridge);
    const predicted = fold.test.map((i) => fit.intercept + media.reduce((p, c, j) => p + fit.coefficients[j] * c[i], 0) + fixedK.reduce((p, c, l) => p + fit.coefficients[media.length + l] * c[i], 0));
    const actual = fold.test.map((i) => yK[i]);
    const rmse = Math.sqrt(actual.reduce((a, y, i) => a + (y - predicted[i]) ** 2, 0) / actual.length);
    const expected = rmse / (Math.max(...actual) - Math.min(...actual));
    expect(mediaPriorCvNrmse(prepareMediaPriorCv([fold], fixedK, yK), media, alpha, setup.ridge)).toBeCloseTo(expected, 12);
  });
});

describe("decodeCandidate", () => {
  it("decodeCandidate(..., rows) gives the first rows of every adstock's media bit for bit (what the search scores)", () => {
    for (const adstock of ["geometric", "weibull_cdf", "weibull_pdf", "delayed", "none"] as const) {
      const s = spec({ adstock, saturation: "hill" });
      const { window, setup } = problem(s);
      const values = setup.decode(Float64Array.from(setup.dims, (_, i) => (0.37 + 0.29 * i) % 1));
      const all = decodeCandidate(s, values, window.spend, window.k);
      const head = decodeCandidate(s, values, window.spend, window.k, window.k);
      expect(head.transforms).toEqual(all.transforms);
      head.media.forEach((col, c) => {
        expect(col.length).toBe(window.k);
        expect(Array.from(col)).toEqual(Array.from(all.media[c].subarray(0, window.k)));
      });
    }
  });
});
