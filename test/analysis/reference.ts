/**
 * Reference values for the analysis and special-function tests, made by
 * test/fixtures/analysis/make_reference.py (statsmodels, scipy, numpy, scikit-learn, R; versions in
 * `reference.versions`), and the one shared closeness assertion.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";

interface LjungBoxRef {
  statistic: number;
  p: number;
}
interface JarqueBeraRef {
  statistic: number;
  p: number;
  skew: number;
  kurtosis: number;
}
interface ResidualCase {
  residuals: number[];
  durbin_watson: number;
  jarque_bera: JarqueBeraRef;
  ljung_box: Record<string, LjungBoxRef>;
}

export interface Reference {
  versions: Record<string, string | null>;
  metrics: {
    actual: number[];
    predicted: number[];
    p: number;
    r2: number;
    adj_r2: number;
    rmse: number;
    mae: number;
    mape: number;
    wmape: number;
    smape: number;
    nrmse: number;
  };
  design: ResidualCase & {
    X: number[][];
    names: string[];
    vif: Record<string, number>;
    cond_X: number;
    cond_with_const: number;
    cond_with_const_unit_length: number;
    breusch_pagan: { lm: number; lm_p: number; f: number; f_p: number };
    ljung_box_default_lags: number;
  };
  residuals: Record<string, ResidualCase>;
  shapiro: Record<string, { x: number[]; scipy: { w: number; p: number }; r: { w: number; p: number } | null }>;
  special: {
    gamma: { a: number; x: number; p: number; q: number }[];
    gammaln: { x: number; value: number }[];
    norm_cdf: { x: number; cdf: number; sf: number }[];
    norm_ppf: { p: number; ppf: number }[];
    chi2: { x: number; df: number; cdf: number; sf: number }[];
    beta: { x: number; a: number; b: number; value: number }[];
    f: { x: number; d1: number; d2: number; cdf: number; sf: number }[];
  };
}

/** The parsed reference.json. */
export const reference: Reference = JSON.parse(
  readFileSync(join(__dirname, "..", "fixtures", "analysis", "reference.json"), "utf8"),
) as Reference;

/**
 * expectClose(actual, expected, { rel, abs }) passes when |actual − expected| ≤ max(abs, rel·|expected|)
 * (defaults 0), so each assertion states its tolerance.
 */
export function expectClose(actual: number, expected: number, tol: { rel?: number; abs?: number }): void {
  const allowed = Math.max(tol.abs ?? 0, (tol.rel ?? 0) * Math.abs(expected));
  const err = Math.abs(actual - expected);
  if (!(err <= allowed)) {
    expect.fail(`expected ${actual} to be within ${allowed} of ${expected} (error ${err})`);
  }
}
