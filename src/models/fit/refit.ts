/**
 * Step 5 of a fit: refit the chosen transforms on the whole fit window by the exact solver of the
 * model kind — OLS (QR, with standard errors), the media-prior ridge (QR), bayes (posterior means
 * and sds of the coefficients, media ≥ 0, seed + 5) or lasso / elastic net (coordinate descent,
 * the penalty chosen by time-series CV unless fixed).
 */
import { design } from "../../features/design";
import type { HouseholderQr } from "../../linalg/qr";
import type { ModelSpec } from "../../spec/model-spec";
import { drawMediaPosterior, mediaPosterior } from "../bayes/media-posterior";
import { fitElasticNet } from "../elastic-net";
import { fitMediaPriorRidgeExact } from "../media-prior-ridge";
import { fitOls } from "../ols";
import { designMatrixFromColumns, type DesignMatrix } from "../standardize";
import { chooseAlpha } from "../time-series-cv";
import type { Candidate } from "../transform-space";
import { POSTERIOR_DRAWS } from "./intervals";
import type { SearchSetup } from "./search";
import type { FitWindow } from "./split";

/** The refitted model: its terms (media first), coefficients on each term's scale and intercept. */
export interface Refit {
  terms: string[];
  /** The fit window's design, one column per term (for the diagnostics of the summary). */
  X: DesignMatrix;
  coefficients: Float64Array;
  intercept: number;
  /** The penalty used (null for ols). */
  alpha: number | null;
  /** Per term and "intercept": ols standard errors, bayes posterior sds; empty otherwise. */
  stdErrors: Record<string, number>;
  /** Textbook inference of `model: "ols"` (null for the other kinds). */
  ols: OlsInference | null;
  /** The QR of [1, X] an ols fit factorised (full rank; the diagnostics reuse it), null otherwise. */
  designQr: HouseholderQr | null;
}

/**
 * Inference of an OLS fit under iid normal errors, per term and "intercept": t = b/se, two-sided
 * p-values with n − k df, 95 % confidence intervals b ± t₀.₉₇₅·se; the F statistic of the
 * regression and its p-value; the residual standard error σ̂ = √(SSR/(n − k)) in target units.
 */
export interface OlsInference {
  t_values: Record<string, number>;
  p_values: Record<string, number>;
  conf_int: Record<string, [number, number]>;
  f_statistic: number;
  f_p_value: number;
  residual_std_error: number;
  df_residual: number;
}

/** The coefficients part of a Refit, as each model kind gives it. */
type Coefficients = Pick<Refit, "coefficients" | "intercept" | "alpha" | "stdErrors"> & { ols?: OlsInference; designQr?: HouseholderQr };

/**
 * refit(spec, window, setup, chosen) → the exact fit of the chosen candidate's transforms over the
 * fit window. O(k·p²) for ols and ridge, O(POSTERIOR_DRAWS·p²) more for bayes.
 * @throws RangeError when the bayes posterior of the chosen transforms is not positive definite
 */
export function refit(spec: ModelSpec, window: FitWindow, setup: SearchSetup, chosen: Candidate): Refit {
  const { k, yK, input, context, fixedNames } = window;
  const full = design(spec, chosen.transforms, input, context);
  const terms = [...spec.channels, ...fixedNames];
  const columns = terms.map((t) => full.columns[full.names.indexOf(t)]);
  const trainColumns = columns.map((c) => c.subarray(0, k));
  const X = designMatrixFromColumns(trainColumns);
  let fitted: Coefficients;
  if (spec.model === "ols") fitted = refitOls(X, yK, terms);
  else if (spec.model === "ridge") fitted = refitRidge(X, yK, chosen.alpha, spec.channels.length, setup);
  else if (spec.model === "bayes") fitted = refitBayes(spec, trainColumns, yK, terms, setup.searchAlpha(chosen.alpha), setup);
  else fitted = refitPenalized(spec, X, yK, terms);
  return { terms, X, ols: null, designQr: null, ...fitted };
}

/** refitOls(X, y, terms) → unconstrained least squares with standard errors (fitOls). */
export function refitOls(X: DesignMatrix, y: Float64Array, terms: readonly string[]): Coefficients {
  const fit = fitOls(X, y, { names: [...terms] });
  const stdErrors: Record<string, number> = {};
  terms.forEach((t, j) => { stdErrors[t] = fit.standardErrors[j + 1]; });
  stdErrors.intercept = fit.standardErrors[0];
  // fit.terms is "(intercept)" then the columns; the summary names the intercept "intercept".
  const names = ["intercept", ...terms];
  const byTerm = <T>(value: (j: number) => T): Record<string, T> => Object.fromEntries(names.map((t, j) => [t, value(j)]));
  const ols: OlsInference = {
    t_values: byTerm((j) => fit.tValues[j]),
    p_values: byTerm((j) => fit.pValues[j]),
    conf_int: byTerm((j): [number, number] => [fit.ciLower[j], fit.ciUpper[j]]),
    f_statistic: fit.fStatistic,
    f_p_value: fit.fPValue,
    residual_std_error: fit.sigma,
    df_residual: fit.dfResidual,
  };
  return { coefficients: Float64Array.from(fit.coefficients), intercept: fit.intercept, alpha: null, stdErrors, ols, designQr: fit.qr };
}

/** refitRidge(X, y, alpha, mediaCols, setup) → the media-prior ridge at the chosen penalty, solved exactly. */
export function refitRidge(X: DesignMatrix, y: Float64Array, alpha: number, mediaCols: number, setup: SearchSetup): Coefficients {
  const fit = fitMediaPriorRidgeExact(X, y, alpha, mediaCols, setup.ridge);
  return { coefficients: fit.coefficients, intercept: fit.intercept, alpha, stdErrors: {} };
}

/**
 * refitBayes(spec, columns, y, terms, alpha, setup) → the posterior mean and sd of each
 * coefficient given the chosen transforms and penalty (media ≥ 0 when the spec says so), from
 * POSTERIOR_DRAWS exact draws seeded by spec.search.seed + 5.
 * @throws RangeError when the posterior is not positive definite
 */
export function refitBayes(spec: ModelSpec, columns: readonly Float64Array[], y: Float64Array, terms: readonly string[], alpha: number, setup: SearchSetup): Coefficients {
  const m = spec.channels.length;
  const mp = mediaPosterior({ media: columns.slice(0, m), fixed: columns.slice(m), y, alpha, mediaFactor: setup.ridge.mediaFactor, mediaScale: setup.ridge.mediaScale });
  if (!mp.posterior.positiveDefinite) throw new RangeError("fit: the posterior of the chosen transforms is not positive definite");
  const sampled = drawMediaPosterior(mp, POSTERIOR_DRAWS, { nonNegative: spec.nonNegativeMedia, random: spec.search.seed + 5 });
  const p = terms.length;
  const meanSd = (value: (d: number) => number): [number, number] => {
    let s = 0;
    for (let d = 0; d < sampled.draws; d++) s += value(d);
    const mean = s / sampled.draws;
    let ss = 0;
    for (let d = 0; d < sampled.draws; d++) ss += (value(d) - mean) ** 2;
    return [mean, Math.sqrt(ss / (sampled.draws - 1))];
  };
  const coefficients = new Float64Array(p);
  const stdErrors: Record<string, number> = {};
  terms.forEach((t, j) => {
    const [mean, sd] = meanSd((d) => sampled.coefficients[d * p + j]);
    coefficients[j] = mean;
    stdErrors[t] = sd;
  });
  const [b0, sd0] = meanSd((d) => sampled.intercept[d]);
  stdErrors.intercept = sd0;
  return { coefficients, intercept: b0, alpha, stdErrors };
}

/** refitPenalized(spec, X, y, terms) → lasso or elastic net at spec.alpha, or at the penalty time-series CV chooses. */
export function refitPenalized(spec: ModelSpec, X: DesignMatrix, y: Float64Array, terms: readonly string[]): Coefficients {
  const m = spec.channels.length;
  const nonNegative = terms.map((_, j) => j < m && spec.nonNegativeMedia);
  const model = spec.model === "lasso" ? "lasso" : "elastic-net";
  const l1Ratio = spec.model === "lasso" ? 1 : spec.l1Ratio;
  const alpha = spec.alpha ?? chooseAlpha(X, y, { model, l1Ratio, nonNegative, folds: spec.search.folds }).alpha;
  const fit = fitElasticNet(X, y, { alpha, l1Ratio, nonNegative, names: [...terms], maxIter: 100000, tol: 1e-8 });
  return { coefficients: fit.coefficients, intercept: fit.intercept, alpha, stdErrors: {} };
}
