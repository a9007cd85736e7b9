// References: each fold refitted by fitMediaPriorRidgeExact (Householder QR on the augmented
// system) and scored by hand; and the prefix-sum kernel scoreCandidate, which solves the same
// problem when media are scaled by their sd and every term has one penalty.
import { describe, expect, it } from "vitest";
import { mediaPriorCvNrmse, prepareMediaPriorCv } from "../../src/models/media-prior-cv";
import { fitMediaPriorRidgeExact } from "../../src/models/media-prior-ridge";
import { prepareRidgeCv, scoreCandidate } from "../../src/models/ridge-cv";
import { designMatrixFromColumns } from "../../src/models/standardize";
import { timeSeriesFolds } from "../../src/models/time-series-cv";
import { createRandom } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";

function problem(seed: number, n: number) {
  const random = createRandom(seed);
  const media = Array.from({ length: 3 }, () => Float64Array.from({ length: n }, () => (random.uniform() < 0.2 ? 0 : 100 * Math.exp(0.4 * random.normal()))));
  const fixed = [Float64Array.from({ length: n }, (_, i) => i / n), Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * i) / 52))];
  const y = Float64Array.from({ length: n }, (_, i) => 500 + 40 * fixed[0][i] + 20 * fixed[1][i] + 0.8 * media[0][i] + 0.3 * media[1][i] + 10 * random.normal());
  return { media, fixed, y };
}

describe("mediaPriorCvNrmse", () => {
  it("mediaPriorCvNrmse(cv, media, alpha, ridge) equals each fold refitted by QR (fitMediaPriorRidgeExact) and scored on its test rows", () => {
    const { media, fixed, y } = problem(1, 120);
    const folds = timeSeriesFolds(120, { folds: 4 });
    for (const alpha of [0.01, 1, 100]) {
      const ridge = { mediaFactor: 0.1, nonNegative: true, mediaScale: "mean" as const };
      let expected = 0;
      for (const fold of folds) {
        const end = fold.train.length;
        const X = designMatrixFromColumns([...media, ...fixed].map((c) => c.subarray(0, end)));
        const fit = fitMediaPriorRidgeExact(X, y.subarray(0, end), alpha, media.length, ridge);
        const errors = fold.test.map((i) => y[i] - [...media, ...fixed].reduce((p, c, j) => p + fit.coefficients[j] * c[i], fit.intercept));
        const range = Math.max(...fold.test.map((i) => y[i])) - Math.min(...fold.test.map((i) => y[i]));
        expected += Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / fold.test.length) / range / folds.length;
      }
      expectClose(mediaPriorCvNrmse(prepareMediaPriorCv(folds, fixed, y), media, alpha, ridge), expected, { rel: 1e-9 });
    }
  });

  it("mediaPriorCvNrmse with one penalty and media scaled by their sd equals scoreCandidate's nrmse", () => {
    const { media, fixed, y } = problem(2, 156);
    const folds = timeSeriesFolds(156, { folds: 5 });
    const cv = prepareMediaPriorCv(folds, fixed, y);
    const prepared = prepareRidgeCv(designMatrixFromColumns(fixed), y, folds);
    for (const alpha of [0.001, 0.1, 10]) {
      const kernel = scoreCandidate(prepared, media, alpha, { nonNegative: true, mediaScale: "sd" }).nrmse;
      expectClose(mediaPriorCvNrmse(cv, media, alpha, { mediaFactor: 1, nonNegative: true, mediaScale: "sd" }), kernel, { rel: 1e-9 });
    }
  });

  it("prepareMediaPriorCv(folds, fixed, y) prepares one baseline block per fold, on its training rows", () => {
    const { fixed, y } = problem(3, 60);
    const folds = timeSeriesFolds(60, { folds: 3 });
    const cv = prepareMediaPriorCv(folds, fixed, y);
    expect(cv.ends).toEqual(folds.map((f) => f.train.length));
    expect(cv.prepared.map((p) => p.rows)).toEqual(cv.ends);
  });
});
