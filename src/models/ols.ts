/**
 * Ordinary least squares with classical inference, solved by Householder QR (never the normal
 * equations). The numbers follow statsmodels `OLS(y, X).fit()` and R's `summary(lm(...))`.
 */
import { fSf, studentTQuantile, studentTTwoSidedP } from "../util/distributions";
import type { NumberArray } from "../util/vector-checks";
import { householderQr, type HouseholderQr } from "../linalg/qr";
import { checkDesign, columnNames, type DesignMatrix } from "./standardize";

/** Options of fitOls. */
export interface OlsOptions {
  /** Add an intercept column of ones before X (default true). */
  readonly intercept?: boolean;
  /** Names of the columns of X, used in results and errors (default x0, x1, …). */
  readonly names?: readonly string[];
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
  /** Relative rank tolerance of the QR (default 1e-7, as R's lm). */
  readonly tol?: number;
}

/** Result of fitOls. Arrays over `terms` have the intercept first (when there is one). */
export interface OlsResult {
  /** Term names: "(intercept)" (if fitted) then the column names. */
  readonly terms: readonly string[];
  /** Estimates b over terms. */
  readonly estimates: Float64Array;
  /** Standard errors √diag(σ̂²(XᵀX)⁻¹) over terms. */
  readonly standardErrors: Float64Array;
  /** t statistics b / se. */
  readonly tValues: Float64Array;
  /** Two-sided p-values P(|T_df| ≥ |t|). */
  readonly pValues: Float64Array;
  /** Confidence interval bounds b ∓ t_{(1+level)/2, df}·se. */
  readonly ciLower: Float64Array;
  readonly ciUpper: Float64Array;
  /** Confidence level of ciLower/ciUpper. */
  readonly level: number;
  /** Covariance σ̂²(XᵀX)⁻¹ over terms, k × k row-major. */
  readonly covariance: Float64Array;
  /** Coefficients of the columns of X only (same order as X), original scale. */
  readonly coefficients: Float64Array;
  /** Intercept (0 when fitted without one). */
  readonly intercept: number;
  /** Column names of X. */
  readonly names: readonly string[];
  /** Whether an intercept was fitted. */
  readonly hasIntercept: boolean;
  /** Fitted values X b (+ b0) and residuals y − fitted. */
  readonly fitted: Float64Array;
  readonly residuals: Float64Array;
  /** R² = 1 − SSR/TSS; TSS is centred with an intercept, uncentred (Σy²) without (as R, statsmodels). */
  readonly rSquared: number;
  /** Adjusted R² = 1 − (n − c)/(n − k)·(1 − R²), c = 1 with an intercept, 0 without. */
  readonly adjRSquared: number;
  /** F = ((TSS − SSR)/dfModel) / (SSR/dfResidual) and its upper-tail p-value; NaN if dfModel = 0. */
  readonly fStatistic: number;
  readonly fPValue: number;
  /** σ̂ = √(SSR/dfResidual). */
  readonly sigma: number;
  /** Sum of squared residuals and total sum of squares (as used by R²). */
  readonly ssr: number;
  readonly tss: number;
  /** Observations n, residual df n − k, model df k − c. */
  readonly n: number;
  readonly dfResidual: number;
  readonly dfModel: number;
  /** Gaussian log-likelihood, AIC = −2ℓ + 2k and BIC = −2ℓ + k·ln n (k = terms, as statsmodels). */
  readonly logLikelihood: number;
  /** The Householder QR of the design fitted ([1, X] with an intercept), full rank. */
  readonly qr: HouseholderQr;
  readonly aic: number;
  readonly bic: number;
}

/**
 * fitOls(X, y, options) fits y = b0 + X b + ε by least squares: b̂ = argmin ‖y − Z b‖², Z = [1, X]
 * (or X without intercept), solved through Z = QR as R b̂ = Qᵀy. Inference assumes iid normal
 * errors: σ̂² = SSR/(n − k), Cov(b̂) = σ̂²(ZᵀZ)⁻¹ = σ̂² R⁻¹R⁻ᵀ, t = b̂/se with n − k df,
 * CI = b̂ ± t_{(1+level)/2} se, R² = 1 − SSR/TSS, F = (ESS/dfModel)/(SSR/dfResidual).
 * Without intercept R² and F use the uncentred TSS = Σy² (as R's lm and statsmodels).
 * O(n·k²).
 * @param X - n × p design matrix (row-major, see DesignMatrix); not mutated
 * @param y - target of length n
 * @param options - `intercept` (default true), `names`, `level` (0.95), `tol` (1e-7)
 * @returns estimates, standard errors, t, p, CI, R², adjusted R², F and its p-value, fitted
 *   values, residuals, σ̂ and degrees of freedom (see OlsResult)
 * @throws RangeError if shapes disagree, a value is not finite, n ≤ k, or columns are collinear
 *   (the message names each collinear column and the columns it is a combination of)
 * @example fitOls(designMatrix([[1], [2], [3], [4]]), [3, 5, 7, 9.5]).coefficients // => ≈ [2.15]
 */
export function fitOls(X: DesignMatrix, y: NumberArray, options: OlsOptions = {}): OlsResult {
  checkDesign("fitOls", X, y);
  const { rows: n, cols: p } = X;
  const hasIntercept = options.intercept ?? true;
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError("fitOls requires level in (0, 1)");
  const names = columnNames("fitOls", options.names, p);
  const terms = hasIntercept ? ["(intercept)", ...names] : names;
  const k = terms.length;
  if (!(n > k)) throw new RangeError(`fitOls requires more rows than coefficients: ${n} rows, ${k} coefficients`);

  // Z = [1, X] (or X), row-major.
  let Z: DesignMatrix = X;
  if (hasIntercept) {
    const data = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      data[i * k] = 1;
      for (let j = 0; j < p; j++) data[i * k + 1 + j] = X.data[i * p + j];
    }
    Z = { rows: n, cols: k, data };
  }

  const qr = householderQr(Z, options.tol ?? 1e-7);
  if (qr.deficient.length > 0) {
    const parts = qr.deficient.map((d) => {
      const name = `"${terms[d.column]}"`;
      if (d.dependsOn.length === 0) return `${name} is all zeros`;
      const on = d.dependsOn.map((c) => `"${terms[c]}"`).join(", ");
      return `${name} is a linear combination of ${on}`;
    });
    throw new RangeError(`fitOls found collinear columns (rank ${qr.rank} of ${k}): ${parts.join("; ")}`);
  }

  const estimates = qr.solve(y);
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  let ssr = 0;
  let ySum = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += Z.data[i * k + j] * estimates[j];
    fitted[i] = s;
    residuals[i] = y[i] - s;
    ssr += residuals[i] * residuals[i];
    ySum += y[i];
  }
  const yMean = ySum / n;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    const d = hasIntercept ? y[i] - yMean : y[i];
    tss += d * d;
  }
  const dfResidual = n - k;
  const c = hasIntercept ? 1 : 0;
  const dfModel = k - c;
  const sigma2 = ssr / dfResidual;

  const rinv = qr.rInverse();
  const covariance = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      // (R⁻¹R⁻ᵀ)_ab = Σ_l R⁻¹_al R⁻¹_bl, R⁻¹ upper triangular so l ≥ max(a, b) = b
      let s = 0;
      for (let l = b; l < k; l++) s += rinv[a * k + l] * rinv[b * k + l];
      covariance[a * k + b] = sigma2 * s;
      covariance[b * k + a] = sigma2 * s;
    }
  }
  const standardErrors = new Float64Array(k);
  const tValues = new Float64Array(k);
  const pValues = new Float64Array(k);
  const ciLower = new Float64Array(k);
  const ciUpper = new Float64Array(k);
  const tCrit = studentTQuantile((1 + level) / 2, dfResidual);
  for (let j = 0; j < k; j++) {
    const se = Math.sqrt(covariance[j * k + j]);
    standardErrors[j] = se;
    tValues[j] = estimates[j] / se;
    pValues[j] = Number.isNaN(tValues[j]) ? NaN : studentTTwoSidedP(tValues[j], dfResidual);
    ciLower[j] = estimates[j] - tCrit * se;
    ciUpper[j] = estimates[j] + tCrit * se;
  }

  const rSquared = tss > 0 ? 1 - ssr / tss : NaN;
  const adjRSquared = 1 - ((n - c) / dfResidual) * (1 - rSquared);
  let fStatistic = NaN;
  let fPValue = NaN;
  if (dfModel > 0 && tss > 0) {
    fStatistic = (tss - ssr) / dfModel / sigma2;
    fPValue = ssr === 0 ? 0 : fSf(fStatistic, dfModel, dfResidual);
  }
  const logLikelihood = -0.5 * n * (Math.log(2 * Math.PI) + Math.log(ssr / n) + 1);

  return {
    terms,
    estimates,
    standardErrors,
    tValues,
    pValues,
    ciLower,
    ciUpper,
    level,
    covariance,
    coefficients: estimates.slice(c),
    intercept: hasIntercept ? estimates[0] : 0,
    names,
    hasIntercept,
    fitted,
    residuals,
    rSquared,
    adjRSquared,
    fStatistic,
    fPValue,
    sigma: Math.sqrt(sigma2),
    ssr,
    tss,
    n,
    dfResidual,
    dfModel,
    logLikelihood,
    qr,
    aic: -2 * logLikelihood + 2 * k,
    bic: -2 * logLikelihood + k * Math.log(n),
  };
}
