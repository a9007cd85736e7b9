import { describe, expect, it } from "vitest";
import { design } from "../../../src/features/design";
import { drawMediaPosterior, mediaPosterior } from "../../../src/models/bayes/media-posterior";
import { fitElasticNet } from "../../../src/models/elastic-net";
import { POSTERIOR_DRAWS } from "../../../src/models/fit/intervals";
import { refit } from "../../../src/models/fit/refit";
import { fitMediaPriorRidgeExact } from "../../../src/models/media-prior-ridge";
import { fitOls } from "../../../src/models/ols";
import { designMatrixFromColumns } from "../../../src/models/standardize";
import { decodeCandidate } from "../../../src/models/transform-space";
import { problem, spec } from "./fit-fixture";

/** The chosen candidate at the middle of the unit cube, and the fit window's columns of its terms. */
function chosen(s: ReturnType<typeof spec>) {
  const { window, setup } = problem(s);
  const cand = decodeCandidate(s, setup.decode(Float64Array.from(setup.dims, () => 0.5)), window.spend, window.k);
  const full = design(s, cand.transforms, window.input, window.context);
  const terms = [...s.channels, ...window.fixedNames];
  const columns = terms.map((t) => full.columns[full.names.indexOf(t)].subarray(0, window.k));
  return { window, setup, cand, terms, columns, X: designMatrixFromColumns(columns) };
}

describe("refit", () => {
  it("refit(ols) equals fitOls on the chosen transforms' columns, with its standard errors", () => {
    const s = spec({ model: "ols" });
    const { window, setup, cand, terms, X } = chosen(s);
    const out = refit(s, window, setup, cand);
    const ols = fitOls(X, window.yK, { names: terms });
    expect(out.terms).toEqual(terms);
    expect(Array.from(out.coefficients)).toEqual(Array.from(ols.coefficients));
    expect(out.intercept).toBe(ols.intercept);
    expect(out.alpha).toBeNull();
    expect(out.stdErrors.intercept).toBe(ols.standardErrors[0]);
    terms.forEach((t, j) => { expect(out.stdErrors[t]).toBe(ols.standardErrors[j + 1]); });
  });

  it("refit(ridge) equals the exact media-prior ridge at the candidate's penalty", () => {
    const s = spec();
    const { window, setup, cand, X } = chosen(s);
    const out = refit(s, window, setup, cand);
    const ridge = fitMediaPriorRidgeExact(X, window.yK, cand.alpha, s.channels.length, setup.ridge);
    expect(Array.from(out.coefficients)).toEqual(Array.from(ridge.coefficients));
    expect(out.intercept).toBe(ridge.intercept);
    expect(out.alpha).toBe(cand.alpha);
    expect(out.stdErrors).toEqual({});
  });

  it("refit(elastic-net) at a fixed penalty equals fitElasticNet with media ≥ 0", () => {
    const s = spec({ model: "elastic-net", alpha: 0.3, l1Ratio: 0.4 });
    const { window, setup, cand, terms, X } = chosen(s);
    const out = refit(s, window, setup, cand);
    const net = fitElasticNet(X, window.yK, { alpha: 0.3, l1Ratio: 0.4, nonNegative: terms.map((_, j) => j < 2), names: terms, maxIter: 100000, tol: 1e-8 });
    expect(Array.from(out.coefficients)).toEqual(Array.from(net.coefficients));
    expect(out.intercept).toBe(net.intercept);
    expect(out.alpha).toBe(0.3);
  });

  it("refit(bayes) gives each coefficient's mean and sd over POSTERIOR_DRAWS draws seeded by seed + 5", () => {
    const s = spec({ model: "bayes" });
    const { window, setup, cand, terms, columns } = chosen(s);
    const out = refit(s, window, setup, cand);
    const alpha = setup.searchAlpha(cand.alpha);
    const mp = mediaPosterior({ media: columns.slice(0, 2), fixed: columns.slice(2), y: window.yK, alpha, mediaFactor: setup.ridge.mediaFactor, mediaScale: setup.ridge.mediaScale });
    const draws = drawMediaPosterior(mp, POSTERIOR_DRAWS, { nonNegative: true, random: s.search.seed + 5 });
    const p = terms.length;
    const tv = Array.from({ length: draws.draws }, (_, d) => draws.coefficients[d * p]);
    const mean = tv.reduce((a, b) => a + b, 0) / tv.length;
    const sd = Math.sqrt(tv.reduce((a, b) => a + (b - mean) ** 2, 0) / (tv.length - 1));
    expect(out.coefficients[0]).toBeCloseTo(mean, 9);
    expect(out.stdErrors[terms[0]]).toBeCloseTo(sd, 9);
    expect(out.coefficients[0]).toBeGreaterThanOrEqual(0);
    expect(Math.min(...tv)).toBeGreaterThanOrEqual(0);
    expect(out.alpha).toBe(alpha);
  });
});
