// Reference values: scikit-learn Lasso / ElasticNet(l1_ratio=0.5) with tol=1e-12 and
// max_iter=1_000_000 on StandardScaler().fit_transform(X), also with positive=True, computed by
// test/fixtures/models/make_reference.py (library versions in reference.json → "versions").
import { afterAll, describe, expect, it } from "vitest";
import { fitElasticNet } from "../../src/models/elastic-net";
import { fitRidge } from "../../src/models/ridge";
import { designMatrix, predictLinear, standardizeColumns } from "../../src/models/standardize";
import { reference, reportErrors, syntheticX, track } from "../fixtures/models/reference";
import { expectClose } from "../helpers/expect-close";

afterAll(() => {
  if (process.env.MIXLAB_PRINT_ERRORS) console.log("elastic-net max rel err", reportErrors());
});

const y = reference.synthetic.y;
const n = y.length;

/** scikit-learn's objective on the standardised scale. */
function objective(s: ArrayLike<number>, alpha: number, l1Ratio: number): number {
  const Xs = standardizeColumns(syntheticX).X;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const pred = predictLinear(Xs, Array.from(s), mean);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - pred[i]) ** 2;
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < s.length; j++) {
    l1 += Math.abs(s[j]);
    l2 += s[j] * s[j];
  }
  return rss / (2 * n) + alpha * l1Ratio * l1 + 0.5 * alpha * (1 - l1Ratio) * l2;
}

describe("fitElasticNet", () => {
  it("fitElasticNet matches scikit-learn Lasso and ElasticNet (with and without positive) to 1e-4", () => {
    for (const r of reference.elastic_net) {
      const fit = fitElasticNet(syntheticX, y, {
        alpha: r.alpha,
        l1Ratio: r.l1_ratio,
        tol: 1e-12,
        maxIter: 100000,
        nonNegative: r.positive ? [true, true, true, true] : undefined,
      });
      expect(fit.converged).toBe(true);
      const label = `${r.l1_ratio === 1 ? "lasso" : "elastic net"}`;
      track(`${label} coef_std`, fit.standardizedCoefficients, r.coef_std, 1e-3);
      track(`${label} coef + intercept (original scale)`, [...fit.coefficients, fit.intercept], [...r.coef!, r.intercept!], 1e-3);
      expectClose(fit.standardizedCoefficients, r.coef_std, { rel: 1e-4, abs: 1e-8 });
      expectClose(fit.coefficients, r.coef!, { rel: 1e-4, abs: 1e-8 });
      expectClose(fit.intercept, r.intercept!, { rel: 1e-4 });
      expectClose(fit.standardizedIntercept, r.intercept_std, { rel: 1e-12 });
      // exact zeros where scikit-learn has them
      r.coef_std.forEach((c, j) => {
        if (c === 0) expect(fit.standardizedCoefficients[j]).toBe(0);
      });
    }
  });

  it("fitElasticNet with l1Ratio 1 and a large alpha zeroes some coefficients exactly", () => {
    const fit = fitElasticNet(syntheticX, y, { alpha: 2, l1Ratio: 1, tol: 1e-10 });
    expect(fit.standardizedCoefficients[1]).toBe(0);
    expect(fit.standardizedCoefficients.filter((v) => v !== 0).length).toBe(3);
    const all = fitElasticNet(syntheticX, y, { alpha: 100, l1Ratio: 1 });
    expect(Array.from(all.coefficients)).toEqual([0, 0, 0, 0]);
    expectClose(all.intercept, y.reduce((a, b) => a + b, 0) / n, { rel: 1e-14 });
  });

  it("fitElasticNet returns a minimum: small moves of any coefficient do not lower the objective", () => {
    for (const [alpha, l1Ratio] of [[0.3, 1], [0.7, 0.5], [2, 0.2]]) {
      const fit = fitElasticNet(syntheticX, y, { alpha, l1Ratio, tol: 1e-12, maxIter: 100000 });
      const s = Array.from(fit.standardizedCoefficients);
      const f0 = objective(s, alpha, l1Ratio);
      for (let j = 0; j < s.length; j++) {
        for (const h of [1e-4, -1e-4]) {
          const moved = [...s];
          moved[j] += h;
          expect(objective(moved, alpha, l1Ratio)).toBeGreaterThanOrEqual(f0 - 1e-12);
        }
      }
    }
  });

  it("fitElasticNet with l1Ratio 0 equals ridge with alpha·n on the sum-of-squares scale", () => {
    // ½n⁻¹‖r‖² + ½α‖s‖²  ⇔  ‖r‖² + nα‖s‖²
    const alpha = 0.25;
    const en = fitElasticNet(syntheticX, y, { alpha, l1Ratio: 0, tol: 1e-14, maxIter: 200000 });
    const ridge = fitRidge(syntheticX, y, alpha * n);
    expectClose(en.standardizedCoefficients, ridge.standardizedCoefficients, { rel: 1e-8 });
  });

  it("fitElasticNet predictions equal X·b + b0", () => {
    const fit = fitElasticNet(syntheticX, y, { alpha: 0.5, l1Ratio: 0.5 });
    expectClose(fit.fitted, predictLinear(syntheticX, fit.coefficients, fit.intercept), { rel: 1e-14 });
  });

  it("fitElasticNet with a warm start reaches the same solution", () => {
    const cold = fitElasticNet(syntheticX, y, { alpha: 0.5, l1Ratio: 1, tol: 1e-12, maxIter: 100000 });
    const near = fitElasticNet(syntheticX, y, { alpha: 0.6, l1Ratio: 1, tol: 1e-12, maxIter: 100000 });
    const warm = fitElasticNet(syntheticX, y, { alpha: 0.5, l1Ratio: 1, tol: 1e-12, maxIter: 100000, warmStart: near.standardizedCoefficients });
    expectClose(warm.standardizedCoefficients, cold.standardizedCoefficients, { rel: 1e-6 });
  });

  it("fitElasticNet reports converged false when maxIter is too small", () => {
    const fit = fitElasticNet(syntheticX, y, { alpha: 0.01, l1Ratio: 1, tol: 1e-14, maxIter: 2 });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(2);
    expect(fit.dualityGap).toBeGreaterThan(0);
  });

  it("fitElasticNet does not mutate its inputs", () => {
    const X = designMatrix(reference.synthetic.X);
    const copy = Float64Array.from(X.data);
    const yy = [...y];
    const warm = new Float64Array([1, -1, 1, 1]);
    fitElasticNet(X, yy, { alpha: 0.5, nonNegative: [true, true, true, true], warmStart: warm });
    expect(X.data).toEqual(copy);
    expect(yy).toEqual(y);
    expect(Array.from(warm)).toEqual([1, -1, 1, 1]);
  });

  it("fitElasticNet rejects bad options with a RangeError naming fitElasticNet", () => {
    expect(() => fitElasticNet(syntheticX, y, { alpha: -1 })).toThrow(/fitElasticNet requires a finite alpha ≥ 0/);
    expect(() => fitElasticNet(syntheticX, y, { alpha: 1, l1Ratio: 1.5 })).toThrow(/fitElasticNet requires l1Ratio in \[0, 1\]/);
    expect(() => fitElasticNet(syntheticX, y, { alpha: 1, maxIter: 0 })).toThrow(/fitElasticNet requires an integer maxIter/);
    expect(() => fitElasticNet(syntheticX, y, { alpha: 1, tol: 0 })).toThrow(/fitElasticNet requires tol > 0/);
    expect(() => fitElasticNet(syntheticX, y, { alpha: 1, nonNegative: [true] })).toThrow(/fitElasticNet requires nonNegative/);
  });
});
