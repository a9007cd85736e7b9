// Reference values: test/models/bayes/reference/nig_reference.py (/usr/bin/python3, numpy 1.24,
// scipy 1.10, mpmath 1.2): posterior by the textbook formulas with an explicit inverse and bn in the
// yᵀy + m0ᵀΛ0m0 − mnᵀΛn·mn form; evidence by scipy.stats.multivariate_t.logpdf of
// y ~ t_{2a0}(X m0, (b0/a0)(W⁻¹ + X V0 Xᵀ)), and with a flat column by 60-digit mpmath at v = 1e30
// plus ½ log(2πv). Tolerance 1e-9 relative throughout (the brief's).
import { describe, expect, it } from "vitest";
import { fitNormalInverseGamma } from "../../../src/models/bayes/normal-inverse-gamma";
import { fitOls } from "../../../src/models/ols";
import { designMatrix } from "../../../src/models/standardize";
import { expectClose } from "../../helpers/expect-close";

const ROWS: [number, number][] = [
  [0.5, 2.0], [1.5, 1.0], [2.0, 3.5], [3.0, 0.5], [3.5, 2.5], [4.0, 4.0],
  [5.0, 1.5], [5.5, 3.0], [6.0, 0.0], [7.0, 2.0], [8.0, 5.0], [9.0, 1.0],
];
const X = designMatrix(ROWS.map(([a, b]) => [1, a, b]));
const y = [3.1, 4.0, 6.9, 4.2, 7.3, 9.8, 6.6, 9.4, 5.9, 9.0, 14.1, 9.2];
const w = [1.0, 0.5, 2.0, 1.0, 1.5, 0.0, 1.0, 3.0, 0.25, 1.0, 2.0, 1.0];
const PROPER = { mean: [1.0, 0.5, -0.2], variances: [4.0, 2.0, 0.5], shape: 2.0, rate: 3.0 };
const FLAT = { mean: [0.0, 0.3, 0.0], variances: [Infinity, 1.5, 0.8], shape: 1.5, rate: 0.7 };
const REL = { rel: 1e-9 };

// Values printed by nig_reference.py.
const REF = {
  proper: {
    mean: [1.076596090460792, 0.8158717744270015, 1.2187980883988545],
    precision: [12.25, 55.0, 26.0, 55.0, 329.5, 122.75, 26.0, 122.75, 83.0],
    shape: 8.0, rate: 6.0144730781146905,
    sd: [0.6173168038059826, 0.10282773522677241, 0.1771529731373231],
    sigma2Mean: 0.85921043973067, logEvidence: -20.46577759216622,
  },
  flatIntercept: {
    mean: [0.9967898829303613, 0.8100381658162192, 1.2687085494209074],
    precision: [12.0, 55.0, 26.0, 55.0, 329.6666666666667, 122.75, 26.0, 122.75, 82.25],
    shape: 7.5, rate: 2.660361840962037,
    sd: [0.4535124875412799, 0.0728652738500595, 0.1260710144396158],
    sigma2Mean: 0.4092864370710826, logEvidence: -15.460186211316671,
  },
  weighted: {
    mean: [0.9394255935413552, 0.8454983538847014, 1.2197769571153934],
    precision: [14.5, 68.5, 37.25, 68.5, 420.0, 190.375, 37.25, 190.375, 124.875],
    shape: 7.5, rate: 5.882615844161478,
    sd: [0.6230402959724407, 0.10067643900786555, 0.1829819507786524],
    sigma2Mean: 0.9050178221786889, logEvidence: -19.2242056112663,
  },
};

function expectPosterior(fit: ReturnType<typeof fitNormalInverseGamma>, ref: (typeof REF)["proper"]): void {
  expect(fit.positiveDefinite).toBe(true);
  expectClose(fit.mean, ref.mean, REL);
  expectClose(fit.precision, ref.precision, REL);
  expectClose(fit.shape, ref.shape, REL);
  expectClose(fit.rate, ref.rate, REL);
  expectClose(fit.sd, ref.sd, REL);
  expectClose(fit.sigma2Mean, ref.sigma2Mean, REL);
  expectClose(fit.logEvidence, ref.logEvidence, REL);
}

describe("fitNormalInverseGamma", () => {
  it("fitNormalInverseGamma(X, y, prior) with a proper prior matches numpy's posterior and scipy's multivariate-t evidence", () => {
    expectPosterior(fitNormalInverseGamma(X, y, PROPER), REF.proper);
  });

  it("fitNormalInverseGamma(X, y, prior) with a flat intercept matches the mpmath limit of the evidence", () => {
    const fit = fitNormalInverseGamma(X, y, FLAT);
    expect(fit.flatColumns).toBe(1);
    expectPosterior(fit, REF.flatIntercept);
  });

  it("fitNormalInverseGamma(X, y, prior, { weights }) matches the weighted reference and drops zero-weight rows", () => {
    const fit = fitNormalInverseGamma(X, y, PROPER, { weights: w });
    expect(fit.rows).toBe(11);
    expectPosterior(fit, REF.weighted);
  });

  it("the flat-column evidence is the limit of log p(y) + ½ log(2πv) as the prior variance v grows", () => {
    const flat = fitNormalInverseGamma(X, y, FLAT).logEvidence;
    const v = 1e7;
    const large = fitNormalInverseGamma(X, y, { ...FLAT, variances: [v, 1.5, 0.8] }).logEvidence;
    // The gap is O(1/v) ≈ 1e-7 here.
    expectClose(large + 0.5 * Math.log(2 * Math.PI * v), flat, { abs: 1e-6 });
  });

  it("with every column flat the posterior mean is the OLS estimate and bn = b0 + RSS/2", () => {
    const fit = fitNormalInverseGamma(X, y, { variances: [Infinity, Infinity, Infinity], shape: 1, rate: 0.5 });
    const ols = fitOls(designMatrix(ROWS.map(([a, b]) => [a, b])), y);
    expectClose(fit.mean, [ols.intercept, ...ols.coefficients], { rel: 1e-10 });
    let rss = 0;
    for (const r of ols.residuals) rss += r * r;
    expectClose(fit.rate, 0.5 + rss / 2, { rel: 1e-10 });
  });

  it("fitNormalInverseGamma reports a flat column X cannot identify as not positive definite", () => {
    const Z = designMatrix(ROWS.map(([a]) => [1, a, 0]));
    const fit = fitNormalInverseGamma(Z, y, { variances: [Infinity, 1, Infinity], shape: 1, rate: 1 });
    expect(fit.positiveDefinite).toBe(false);
    expect(Number.isNaN(fit.logEvidence)).toBe(true);
  });

  it("fitNormalInverseGamma rejects bad priors and sizes with a RangeError naming the function", () => {
    expect(() => fitNormalInverseGamma(X, y, { ...PROPER, variances: [1, 0, 1] })).toThrow(/fitNormalInverseGamma requires prior variances > 0/);
    expect(() => fitNormalInverseGamma(X, y.slice(1), PROPER)).toThrow(RangeError);
    expect(() => fitNormalInverseGamma(X, y, { ...PROPER, shape: -1 })).toThrow(/shape/);
    expect(() => fitNormalInverseGamma(X, y, PROPER, { weights: w.map(() => -1) })).toThrow(/weights/);
  });
});
