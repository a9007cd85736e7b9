// Reference: test/models/bayes/reference/sampling_reference.py (/usr/bin/python3, numpy 1.24).
// A posterior given by its parameters: mn = (1, 0.2, −0.1), Λn = [[12, 5, 2], [5, 20, 6], [2, 6, 15]],
// an = 6, bn = 5. Unconstrained: Cov(β) = bn/(an − 1)·Λn⁻¹ (numpy inv), E σ² = bn/(an − 1) = 1,
// sd σ² = bn/((an − 1)√(an − 2)) = 0.5; 200,000 draws within 5 standard errors (covariance entries:
// 5·√((Σ_jj Σ_kk + Σ_jk²)/N)·1.3, the 1.3 for the t-distribution's excess kurtosis 6/(2an − 4)).
// Constrained (β1, β2 ≥ 0): means from rejection of 4,000,000 exact numpy NIG draws
// (975,930 kept), and with β0 ≥ 0 too (973,094 kept); the Gibbs tolerance is 5·sd/√ESS plus 5
// reference standard errors.
import { describe, expect, it } from "vitest";
import { essBasic } from "../../../src/mcmc/ess";
import { choleskyLower } from "../../../src/linalg/cholesky";
import { fitNormalInverseGamma } from "../../../src/models/bayes/normal-inverse-gamma";
import { sampleNigPosterior, sampleNigPosteriorNonNegative, type NigPosteriorParameters } from "../../../src/models/bayes/sample-nig-posterior";
import { designMatrix } from "../../../src/models/standardize";
import { expectClose } from "../../helpers/expect-close";

const PRECISION = Float64Array.of(12, 5, 2, 5, 20, 6, 2, 6, 15);
const POSTERIOR: NigPosteriorParameters = {
  cols: 3,
  mean: Float64Array.of(1.0, 0.2, -0.1),
  precision: PRECISION,
  cholesky: choleskyLower(PRECISION, 3)!,
  shape: 6,
  rate: 5,
  positiveDefinite: true,
};
const COV = [
  0.09318743381574303, -0.022237910342393225, -0.0035298270384751134,
  -0.02223791034239322, 0.062124955877162026, -0.021884927638545715,
  -0.0035298270384751143, -0.021884927638545715, 0.07589128132721497,
];
const N = 200_000;

function column(x: Float64Array, j: number, p: number): Float64Array {
  return Float64Array.from({ length: x.length / p }, (_, d) => x[d * p + j]);
}
const mean = (x: Float64Array): number => x.reduce((s, v) => s + v, 0) / x.length;

describe("sampleNigPosterior", () => {
  const draws = sampleNigPosterior(POSTERIOR, N, 123);

  it("sampleNigPosterior(posterior, 200000, seed) has the posterior mean within 5 standard errors", () => {
    for (let j = 0; j < 3; j++) expectClose(mean(column(draws.beta, j, 3)), POSTERIOR.mean[j], { abs: 5 * Math.sqrt(COV[j * 4] / N) });
  });

  it("sampleNigPosterior(posterior, 200000, seed) has the covariance bn/(an − 1)·Λn⁻¹ within 5 standard errors", () => {
    const cols = [0, 1, 2].map((j) => column(draws.beta, j, 3));
    const means = cols.map(mean);
    for (let j = 0; j < 3; j++) {
      for (let k = 0; k < 3; k++) {
        let s = 0;
        for (let d = 0; d < N; d++) s += (cols[j][d] - means[j]) * (cols[k][d] - means[k]);
        const se = 1.3 * Math.sqrt((COV[j * 4] * COV[k * 4] + COV[j * 3 + k] ** 2) / N);
        expectClose(s / (N - 1), COV[j * 3 + k], { abs: 5 * se });
      }
    }
  });

  it("sampleNigPosterior draws σ² from InvGamma(an, bn): mean 1 within 5 standard errors", () => {
    expectClose(mean(draws.sigma2), 1, { abs: (5 * 0.5) / Math.sqrt(N) });
  });

  it("sampleNigPosterior gives the same draws for the same seed", () => {
    const a = sampleNigPosterior(POSTERIOR, 50, 9), b = sampleNigPosterior(POSTERIOR, 50, 9);
    expect(Array.from(a.beta)).toEqual(Array.from(b.beta));
    expect(Array.from(a.sigma2)).toEqual(Array.from(b.sigma2));
  });

  it("sampleNigPosterior refuses a posterior that is not positive definite", () => {
    const bad = fitNormalInverseGamma(designMatrix([[1, 0], [1, 0], [1, 0]]), [1, 2, 3], { variances: [Infinity, Infinity], shape: 1, rate: 1 });
    expect(() => sampleNigPosterior(bad, 10, 1)).toThrow(/sampleNigPosterior requires a positive definite posterior/);
  });
});

describe("sampleNigPosteriorNonNegative", () => {
  const REF = {
    mean: [0.9397230331114683, 0.2380915902067242, 0.16808595435238166],
    sd: [0.2977992338634262, 0.16942517432840495, 0.14537527206225673],
    seMean: [0.0003014492737724885, 0.00017150177016069014, 0.00014715709513122197],
    sigma2Mean: 1.0004020578294388, sigma2Sd: 0.4943473713548593, sigma2SeMean: 0.0005004064454867047,
  };
  const draws = sampleNigPosteriorNonNegative(POSTERIOR, N, [1, 2], { random: 77 });
  const ess = (x: Float64Array): number => {
    const q = x.length / 4;
    return essBasic([0, 1, 2, 3].map((c) => x.subarray(c * q, (c + 1) * q)));
  };

  it("sampleNigPosteriorNonNegative(posterior, N, [1, 2]) keeps β1, β2 ≥ 0 in every draw", () => {
    let negative = 0;
    for (let d = 0; d < N; d++) if (!(draws.beta[d * 3 + 1] >= 0 && draws.beta[d * 3 + 2] >= 0)) negative++;
    expect(negative).toBe(0);
  });

  it("sampleNigPosteriorNonNegative matches the means of numpy's rejection sample of the truncated posterior", () => {
    for (let j = 0; j < 3; j++) {
      const x = column(draws.beta, j, 3);
      expectClose(mean(x), REF.mean[j], { abs: (5 * REF.sd[j]) / Math.sqrt(ess(x)) + 5 * REF.seMean[j] });
    }
    expectClose(mean(draws.sigma2), REF.sigma2Mean, { abs: (5 * REF.sigma2Sd) / Math.sqrt(ess(draws.sigma2)) + 5 * REF.sigma2SeMean });
  });

  it("sampleNigPosteriorNonNegative with every coefficient constrained matches numpy's rejection sample", () => {
    // Rejection of the same 4,000,000 numpy draws, keeping β0, β1, β2 ≥ 0 (973,094 kept).
    const ALL = {
      mean: [0.9429291308559149, 0.23746429431395707, 0.1677626550995285],
      sd: [0.2921050276346351, 0.1686033214780088, 0.1449661907204599],
      seMean: [0.00029611583664733703, 0.0001709183645528624, 0.0001469566792409312],
      sigma2Mean: 0.9968989461582811, sigma2Sd: 0.4872106903080096, sigma2SeMean: 0.0004939004383195238,
    };
    const all = sampleNigPosteriorNonNegative(POSTERIOR, N, [0, 1, 2], { random: 78 });
    for (let j = 0; j < 3; j++) {
      const x = column(all.beta, j, 3);
      expect(Math.min(...x.subarray(0, 10_000))).toBeGreaterThanOrEqual(0);
      expectClose(mean(x), ALL.mean[j], { abs: (5 * ALL.sd[j]) / Math.sqrt(ess(x)) + 5 * ALL.seMean[j] });
    }
    expectClose(mean(all.sigma2), ALL.sigma2Mean, { abs: (5 * ALL.sigma2Sd) / Math.sqrt(ess(all.sigma2)) + 5 * ALL.sigma2SeMean });
  });

  it("sampleNigPosteriorNonNegative with no constraint has the unconstrained posterior mean", () => {
    const free = sampleNigPosteriorNonNegative(POSTERIOR, 50_000, [], { random: 3 });
    for (let j = 0; j < 3; j++) {
      const x = column(free.beta, j, 3);
      expectClose(mean(x), POSTERIOR.mean[j], { abs: 5 * Math.sqrt(COV[j * 4] / ess(x)) });
    }
  });

  it("sampleNigPosteriorNonNegative gives the same draws for the same seed and rejects a bad index", () => {
    const a = sampleNigPosteriorNonNegative(POSTERIOR, 20, [1], { random: 4 });
    const b = sampleNigPosteriorNonNegative(POSTERIOR, 20, [1], { random: 4 });
    expect(Array.from(a.beta)).toEqual(Array.from(b.beta));
    expect(() => sampleNigPosteriorNonNegative(POSTERIOR, 20, [3], { random: 4 })).toThrow(/column indices in \[0, 3\)/);
  });
});
