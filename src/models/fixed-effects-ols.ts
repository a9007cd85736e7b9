/**
 * fitFixedEffectsOls(X, y, offsets): textbook OLS with one intercept per group (fixed effects),
 * y_i = α_g(i) + x_i β + ε_i, through the within transform (within-transform.ts) instead of a dense
 * dummy matrix: β̂ is OLS of the demeaned y on the demeaned X, α̂_g = ȳ_g − x̄_g β̂. The inference is
 * that of the dummy regression (statsmodels `OLS(y, [D | X])`): σ̂² = SSR/(n − k − G),
 * Cov(β̂) = σ̂²(X̃ᵀX̃)⁻¹, Var(α̂_g) = σ̂²/n_g + x̄_g Cov(β̂) x̄_gᵀ (ȳ_g and β̂ are uncorrelated),
 * t with n − k − G degrees of freedom.
 */
import { studentTQuantile, studentTTwoSidedP } from "../util/distributions";
import type { NumberArray } from "../util/vector-checks";
import { fitOls } from "./ols";
import { columnNames, type DesignMatrix } from "./standardize";
import { withinTransform } from "./within-transform";

/** Options of fitFixedEffectsOls. */
export interface FixedEffectsOlsOptions {
  /** Names of the columns of X (default x0, x1, …). */
  readonly names?: readonly string[];
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
}

export interface FixedEffectsOlsResult {
  /** Column names of X. */
  readonly names: readonly string[];
  /** β̂, SE, t, two-sided p and the confidence interval per column of X. */
  readonly coefficients: Float64Array;
  readonly standardErrors: Float64Array;
  readonly tValues: Float64Array;
  readonly pValues: Float64Array;
  readonly ciLower: Float64Array;
  readonly ciUpper: Float64Array;
  /** Cov(β̂), k × k row-major. */
  readonly covariance: Float64Array;
  /** α̂_g and its standard error per group. */
  readonly groupEffects: Float64Array;
  readonly groupStandardErrors: Float64Array;
  /** Fitted α̂_g + x_i β̂ and residuals per row. */
  readonly fitted: Float64Array;
  readonly residuals: Float64Array;
  /** SSR, σ̂ = √(SSR/dfResidual), rows n, groups G, dfResidual = n − k − G. */
  readonly ssr: number;
  readonly sigma: number;
  readonly n: number;
  readonly groups: number;
  readonly dfResidual: number;
  /** R² = 1 − SSR/Σ(y − ȳ)² (the dummy model with a constant); within R² = 1 − SSR/Σ(y − ȳ_g)². */
  readonly rSquared: number;
  readonly withinRSquared: number;
  readonly level: number;
}

/**
 * fitFixedEffectsOls(X, y, offsets, options) fits OLS with one intercept per group (see the module
 * comment). Rows are stacked group after group: group g is rows [offsets[g], offsets[g + 1]). O(n·k²).
 * @throws RangeError if the shapes or offsets disagree, n ≤ k + G, or a column is constant within
 *   every group (the group intercepts absorb it) or collinear with others
 * @example fitFixedEffectsOls(X, y, [0, 9, 23]).coefficients // slopes shared by the two groups
 */
export function fitFixedEffectsOls(X: DesignMatrix, y: NumberArray, offsets: ArrayLike<number>, options: FixedEffectsOlsOptions = {}): FixedEffectsOlsResult {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError("fitFixedEffectsOls requires level in (0, 1)");
  const names = columnNames("fitFixedEffectsOls", options.names, X.cols);
  const within = withinTransform(X, y, offsets);
  const n = X.rows, k = X.cols, groups = offsets.length - 1;
  const dfResidual = n - k - groups;
  if (!(dfResidual > 0)) throw new RangeError(`fitFixedEffectsOls requires more rows than coefficients: ${n} rows, ${k} slopes and ${groups} group intercepts`);
  checkWithinVariation(within.X, X, names);
  const ols = fitOls(within.X, within.y, { intercept: false, names });
  const sigma2 = ols.ssr / dfResidual;
  const covariance = ols.covariance.map((v) => (v * ols.dfResidual) / dfResidual);
  const beta = ols.coefficients;
  const inference = slopeInference(beta, covariance, dfResidual, level);
  const { groupEffects, groupStandardErrors } = groupIntercepts(within.xMeans, within.yMeans, beta, covariance, offsets, sigma2);
  const residuals = ols.residuals;
  const fitted = Float64Array.from(residuals, (r, i) => y[i] - r);
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i] / n;
  let tss = 0, withinTss = 0;
  for (let i = 0; i < n; i++) { tss += (y[i] - yMean) ** 2; withinTss += within.y[i] ** 2; }
  return {
    names, coefficients: beta, ...inference, covariance, groupEffects, groupStandardErrors, fitted, residuals,
    ssr: ols.ssr, sigma: Math.sqrt(sigma2), n, groups, dfResidual,
    rSquared: 1 - ols.ssr / tss, withinRSquared: 1 - ols.ssr / withinTss, level,
  };
}

/**
 * checkWithinVariation(demeaned, X, names) throws when a column has no variation left within the
 * groups (‖x̃_j‖ ≤ 1e-10 · ‖x_j‖): a per-group constant such as population is absorbed by the intercepts.
 */
function checkWithinVariation(demeaned: DesignMatrix, X: DesignMatrix, names: readonly string[]): void {
  const { rows: n, cols: k } = X;
  for (let j = 0; j < k; j++) {
    let within = 0, raw = 0;
    for (let i = 0; i < n; i++) { within += demeaned.data[i * k + j] ** 2; raw += X.data[i * k + j] ** 2; }
    if (!(Math.sqrt(within) > 1e-10 * Math.sqrt(raw))) {
      throw new RangeError(`fitFixedEffectsOls: column "${names[j]}" is constant within every group, so the group intercepts absorb it`);
    }
  }
}

/** slopeInference(beta, covariance, df, level) → SE, t, two-sided p and the confidence interval per slope. O(k). */
function slopeInference(beta: Float64Array, covariance: Float64Array, df: number, level: number) {
  const k = beta.length;
  const standardErrors = new Float64Array(k), tValues = new Float64Array(k), pValues = new Float64Array(k);
  const ciLower = new Float64Array(k), ciUpper = new Float64Array(k);
  const tCrit = studentTQuantile((1 + level) / 2, df);
  for (let j = 0; j < k; j++) {
    const se = Math.sqrt(covariance[j * k + j]);
    standardErrors[j] = se;
    tValues[j] = beta[j] / se;
    pValues[j] = studentTTwoSidedP(tValues[j], df);
    ciLower[j] = beta[j] - tCrit * se;
    ciUpper[j] = beta[j] + tCrit * se;
  }
  return { standardErrors, tValues, pValues, ciLower, ciUpper };
}

/** groupIntercepts(…) → α̂_g = ȳ_g − x̄_g β̂ and √(σ̂²/n_g + x̄_g Cov(β̂) x̄_gᵀ) per group. O(G·k²). */
function groupIntercepts(xMeans: Float64Array, yMeans: Float64Array, beta: Float64Array, covariance: Float64Array, offsets: ArrayLike<number>, sigma2: number) {
  const groups = yMeans.length, k = beta.length;
  const groupEffects = new Float64Array(groups), groupStandardErrors = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    let alpha = yMeans[g], quad = 0;
    for (let a = 0; a < k; a++) {
      const xa = xMeans[g * k + a];
      alpha -= xa * beta[a];
      for (let b = 0; b < k; b++) quad += xa * covariance[a * k + b] * xMeans[g * k + b];
    }
    groupEffects[g] = alpha;
    groupStandardErrors[g] = Math.sqrt(sigma2 / (offsets[g + 1] - offsets[g]) + quad);
  }
  return { groupEffects, groupStandardErrors };
}
