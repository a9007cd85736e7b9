// Reference values: scikit-learn Ridge(alpha, solver="cholesky") fitted on
// StandardScaler().fit_transform(X), and scipy.optimize.nnls on the augmented ridge system, computed
// by test/fixtures/models/make_reference.py (library versions in reference.json → "versions").
import { afterAll, describe, expect, it } from "vitest";
import { fitOls } from "../../src/models/ols";
import { fitRidge } from "../../src/models/ridge";
import { designMatrix, designMatrixFromColumns, predictLinear, standardizeColumns, type DesignMatrix } from "../../src/models/standardize";
import { reference, reportErrors, syntheticX, track } from "../fixtures/models/reference";
import { expectClose } from "../helpers/expect-close";

afterAll(() => {
  if (process.env.MIXLAB_PRINT_ERRORS) console.log("ridge max rel err", reportErrors());
});

const targets = { y: reference.synthetic.y, y_pos: reference.synthetic.y_pos };

/** Gradient of ‖yc − Xs s‖² + alpha‖s‖² at s (standardised scale). */
function ridgeGradient(Xs: DesignMatrix, y: readonly number[], alpha: number, s: ArrayLike<number>): Float64Array {
  const { rows: n, cols: p, data } = Xs;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const g = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    let r = y[i] - mean;
    for (let j = 0; j < p; j++) r -= data[i * p + j] * s[j];
    for (let j = 0; j < p; j++) g[j] -= 2 * data[i * p + j] * r;
  }
  for (let j = 0; j < p; j++) g[j] += 2 * alpha * s[j];
  return g;
}

function expectKkt(g: Float64Array, s: ArrayLike<number>, mask: readonly boolean[], tol: number): void {
  for (let j = 0; j < g.length; j++) {
    if (mask[j] && s[j] === 0) expect(g[j]).toBeGreaterThanOrEqual(-tol);
    else expect(Math.abs(g[j])).toBeLessThanOrEqual(tol);
    if (mask[j]) expect(s[j]).toBeGreaterThanOrEqual(0);
  }
}

describe("fitRidge", () => {
  it("fitRidge(X, y, alpha) matches scikit-learn Ridge on StandardScaler data for 3 alphas to 1e-6", () => {
    for (const r of reference.ridge) {
      const fit = fitRidge(syntheticX, targets[r.target], r.alpha);
      track("ridge coef_std", fit.standardizedCoefficients, r.coef_std);
      track("ridge coef (original scale)", fit.coefficients, r.coef!);
      track("ridge intercept", [fit.intercept, fit.standardizedIntercept], [r.intercept!, r.intercept_std]);
      expectClose(fit.standardizedCoefficients, r.coef_std, { rel: 1e-6 });
      expectClose(fit.standardizedIntercept, r.intercept_std, { rel: 1e-6 });
      expectClose(fit.coefficients, r.coef!, { rel: 1e-6 });
      expectClose(fit.intercept, r.intercept!, { rel: 1e-6 });
    }
  });

  it("fitRidge standardises exactly as StandardScaler (population sd)", () => {
    const fit = fitRidge(syntheticX, reference.synthetic.y, 1);
    expectClose(fit.means, reference.scaler.mean, { rel: 1e-14 });
    expectClose(fit.scales, reference.scaler.scale, { rel: 1e-14 });
    expectClose(standardizeColumns(syntheticX).X.data, reference.scaler.Xs.flat(), { rel: 1e-12, abs: 1e-13 });
  });

  it("fitRidge with alpha 0 equals OLS on the same standardised data", () => {
    const Xs = standardizeColumns(syntheticX).X;
    const ols = fitOls(Xs, reference.synthetic.y);
    const ridge = fitRidge(syntheticX, reference.synthetic.y, 0);
    expectClose(ridge.standardizedCoefficients, ols.coefficients, { rel: 1e-12 });
    expectClose(ridge.standardizedIntercept, ols.intercept, { rel: 1e-12 });
    // and OLS on the raw data, once mapped back to the original scale
    const raw = fitOls(syntheticX, reference.synthetic.y);
    expectClose(ridge.coefficients, raw.coefficients, { rel: 1e-11 });
    expectClose(ridge.intercept, raw.intercept, { rel: 1e-11 });
  });

  it("fitRidge predictions equal X·b + b0 on the original scale and Xs·s + s0 on the standardised one", () => {
    const fit = fitRidge(syntheticX, reference.synthetic.y, 3);
    const Xs = standardizeColumns(syntheticX).X;
    expectClose(fit.fitted, predictLinear(syntheticX, fit.coefficients, fit.intercept), { rel: 1e-14 });
    expectClose(fit.fitted, predictLinear(Xs, fit.standardizedCoefficients, fit.standardizedIntercept), { rel: 1e-12 });
    expectClose(fit.residuals, reference.synthetic.y.map((v, i) => v - fit.fitted[i]), { rel: 1e-14, abs: 1e-14 });
  });

  it("fitRidge shrinks coefficients towards zero as alpha grows", () => {
    const norms = [0, 1, 10, 100, 1e4].map((a) => {
      const s = fitRidge(syntheticX, reference.synthetic.y, a).standardizedCoefficients;
      return Math.hypot(...s);
    });
    for (let k = 1; k < norms.length; k++) expect(norms[k]).toBeLessThan(norms[k - 1]);
  });

  it("fitRidge with nonNegative equals the unconstrained fit when every true coefficient is positive", () => {
    const mask = [true, true, true, true];
    for (const alpha of [0, 0.1, 10]) {
      const free = fitRidge(syntheticX, reference.synthetic.y_pos, alpha);
      expect(Math.min(...free.standardizedCoefficients)).toBeGreaterThan(0);
      const bounded = fitRidge(syntheticX, reference.synthetic.y_pos, alpha, { nonNegative: mask });
      expectClose(bounded.standardizedCoefficients, free.standardizedCoefficients, { rel: 1e-12 });
      expect(bounded.atBound).toEqual([]);
    }
  });

  it("fitRidge with nonNegative matches scipy.optimize.nnls on the augmented system", () => {
    for (const r of reference.ridge_nnls) {
      const fit = fitRidge(syntheticX, targets[r.target], r.alpha, { nonNegative: [true, true, true, true] });
      track("ridge nnls coef_std", fit.standardizedCoefficients, r.coef_std, 1e-12);
      expectClose(fit.standardizedCoefficients, r.coef_std, { rel: 1e-6, abs: 1e-12 });
      expect(fit.atBound).toEqual([1]);
    }
  });

  it("fitRidge with nonNegative satisfies the KKT conditions to 1e-8 when a coefficient would be negative", () => {
    const Xs = standardizeColumns(syntheticX).X;
    const y = reference.synthetic.y;
    expect(fitRidge(syntheticX, y, 1).standardizedCoefficients[1]).toBeLessThan(0);
    for (const mask of [[true, true, true, true], [false, true, false, false], [true, true, false, true]]) {
      for (const alpha of [0, 1, 25]) {
        const fit = fitRidge(syntheticX, y, alpha, { nonNegative: mask });
        expect(fit.standardizedCoefficients[1]).toBe(0);
        expect(fit.coefficients[1]).toBe(0);
        expectKkt(ridgeGradient(Xs, y, alpha, fit.standardizedCoefficients), fit.standardizedCoefficients, mask, 1e-8);
      }
    }
  });

  it("fitRidge with a constant column gives it coefficient 0 (alpha > 0) and names it when alpha is 0", () => {
    const cols = [reference.synthetic.X.map((r) => r[0]), reference.synthetic.X.map(() => 3)];
    const fit = fitRidge(designMatrixFromColumns(cols), reference.synthetic.y, 1);
    expect(fit.scales[1]).toBe(1);
    expect(fit.coefficients[1]).toBe(0);
    expect(() => fitRidge(designMatrixFromColumns(cols), reference.synthetic.y, 0, { names: ["tv", "k"] })).toThrow(
      /fitRidge found collinear columns with alpha = 0: "k" is constant/,
    );
  });

  it("fitRidge with alpha 0 and collinear columns names them; alpha > 0 fits them", () => {
    const tv = reference.synthetic.X.map((r) => r[0]);
    const twice = tv.map((v) => 2 * v);
    const X = designMatrixFromColumns([tv, twice]);
    expect(() => fitRidge(X, reference.synthetic.y, 0, { names: ["tv", "tv2"] })).toThrow(
      /fitRidge found collinear columns with alpha = 0: "tv2" is a linear combination of "tv"/,
    );
    const fit = fitRidge(X, reference.synthetic.y, 1);
    expectClose(fit.standardizedCoefficients[0], fit.standardizedCoefficients[1], { rel: 1e-12 });
  });

  it("fitRidge with standardize false penalises coefficients on the scale given", () => {
    const Xs = standardizeColumns(syntheticX).X;
    const a = fitRidge(Xs, reference.synthetic.y, 2, { standardize: false });
    const b = fitRidge(syntheticX, reference.synthetic.y, 2);
    expectClose(a.coefficients, b.standardizedCoefficients, { rel: 1e-12 });
  });

  it("fitRidge does not mutate its inputs", () => {
    const X = designMatrix(reference.synthetic.X);
    const copy = Float64Array.from(X.data);
    const y = [...reference.synthetic.y];
    fitRidge(X, y, 1, { nonNegative: [true, true, true, true] });
    expect(X.data).toEqual(copy);
    expect(y).toEqual(reference.synthetic.y);
  });

  it("fitRidge rejects bad input with a RangeError naming fitRidge", () => {
    expect(() => fitRidge(syntheticX, reference.synthetic.y, -1)).toThrow(/fitRidge requires a finite alpha ≥ 0/);
    expect(() => fitRidge(syntheticX, reference.synthetic.y, NaN)).toThrow(/fitRidge requires a finite alpha ≥ 0/);
    expect(() => fitRidge(syntheticX, reference.synthetic.y, 1, { nonNegative: [true] })).toThrow(/fitRidge requires nonNegative/);
    expect(() => fitRidge(syntheticX, [1, 2], 1)).toThrow(/fitRidge requires y of length/);
  });
});

describe("fitRidge scaleByMean", () => {
  it("fitRidge(X, y, alpha, {scaleByMean}) equals a centred ridge on columns divided by their mean (flagged) or sd (others)", () => {
    let seed = 17;
    const next = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    const n = 50;
    const cols = [Array.from({ length: n }, () => 10 + 5 * next()), Array.from({ length: n }, () => next()), Array.from({ length: n }, () => 3 * next())];
    const y = Array.from({ length: n }, (_, i) => 2 * cols[0][i] + 5 * cols[1][i] - cols[2][i] + next());
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const sd = (v: number[]) => { const m = mean(v); return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length); };
    const divisor = [mean(cols[0]), sd(cols[1]), mean(cols[2])];
    const X = designMatrixFromColumns(cols.map((c) => Float64Array.from(c)));
    const Xd = designMatrixFromColumns(cols.map((c, j) => Float64Array.from(c, (v) => v / divisor[j])));
    for (const alpha of [0.1, 3, 40]) {
      const a = fitRidge(X, y, alpha, { scaleByMean: [true, false, true] });
      const b = fitRidge(Xd, y, alpha, { standardize: false });
      for (let j = 0; j < 3; j++) expect(a.coefficients[j]).toBeCloseTo(b.coefficients[j] / divisor[j], 10);
      expect(a.intercept).toBeCloseTo(b.intercept, 8);
    }
  });
});
