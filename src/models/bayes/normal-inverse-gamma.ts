/**
 * Conjugate Bayesian linear regression (Normal–Inverse-Gamma prior): the exact posterior and the
 * log marginal likelihood (evidence) in closed form.
 *
 * Model (Bishop, Pattern Recognition and Machine Learning, §3.3 and exercise 3.12; O'Hagan &
 * Forster, Kendall's Advanced Theory of Statistics 2B, §11.8–11.12):
 *   y_i | β, σ² ~ N(x_iᵀβ, σ²/w_i)           (w_i = 1 unless row weights are given)
 *   β | σ² ~ N(m0, σ²·V0),  V0 = diag(v_1, …, v_p)  (v_j in units of σ²; v_j = ∞ allowed)
 *   σ² ~ InvGamma(a0, b0)                     (density ∝ (σ²)^(−a0−1) e^(−b0/σ²))
 * Posterior, with Λ0 = V0⁻¹ = diag(λ_j), λ_j = 1/v_j (0 for a flat column), W = diag(w):
 *   Λn = Λ0 + XᵀWX,   mn = Λn⁻¹(Λ0 m0 + XᵀWy),   an = a0 + n/2,
 *   bn = b0 + ½(yᵀWy + m0ᵀΛ0m0 − mnᵀΛn mn) = b0 + ½(Σ w_i (y_i − x_iᵀmn)² + (mn − m0)ᵀΛ0(mn − m0)),
 *   β | σ², y ~ N(mn, σ²Λn⁻¹),  σ² | y ~ InvGamma(an, bn),
 *   β_j | y ~ Student-t(2an, mn_j, (bn/an)(Λn⁻¹)_jj), so sd(β_j | y) = √(bn/(an − 1)·(Λn⁻¹)_jj), an > 1.
 * bn is computed by the second (sum-of-squares) form, which is ≥ 0 term by term; the first form
 * subtracts nearly equal numbers. n counts the rows with w_i > 0 (a weight of 0 drops the row).
 *
 * Evidence, for a proper prior (every λ_j > 0; O'Hagan & Forster 11.12):
 *   log p(y) = −(n/2) log 2π + ½ Σ log w_i + ½ Σ_j log λ_j − ½ log det Λn
 *              + a0 log b0 − an log bn + lnΓ(an) − lnΓ(a0),
 * the log density of y ~ Student-t_{2a0}(X m0, (b0/a0)(W⁻¹ + X V0 Xᵀ)).
 * Flat columns (λ_j = 0, an unpenalised intercept): p(y) → 0 like v_j^(−½) as v_j → ∞, so the
 * evidence reported is the proper limit lim_{v_j→∞} [log p(y) + ½ log(2π v_j)] for each such column:
 * their prior terms −½ log(2π v_j) are dropped, i.e. ½ Σ_j log λ_j runs over the finite-variance
 * columns only and −(n/2) log 2π becomes −((n − k)/2) log 2π for k flat columns. This is the
 * evidence under the improper prior p(β_j | σ²) = 1/σ, the v → ∞ limit of the conjugate prior's
 * density times √(2πv); the posterior is unchanged (an = a0 + n/2). Evidences of models that
 * share the same flat columns are comparable; it is not comparable across different k.
 *
 * Solved by Cholesky of Λn (cholesky.ts), never an explicit inverse: O(n·p² + p³).
 */
import { logGamma } from "../../util/special-functions";
import type { NumberArray } from "../../util/vector-checks";
import type { DesignMatrix } from "../standardize";
import { choleskyInverseDiagonal, choleskyLogDet, choleskyLower, choleskySolve } from "../../linalg/cholesky";

/** Normal–Inverse-Gamma prior of fitNormalInverseGamma. */
export interface NigPrior {
  /** Prior mean m0 of β, one per column of X (default all 0); target units per column unit. */
  readonly mean?: NumberArray;
  /** Prior variances v_j = diag V0, one per column, in units of σ² (> 0; Infinity = flat). */
  readonly variances: NumberArray;
  /** Shape a0 ≥ 0 of the InvGamma prior on σ² (a0 = 0 with b0 = 0: p(σ²) ∝ 1/σ², evidence NaN). */
  readonly shape: number;
  /** Rate (scale) b0 ≥ 0 of the InvGamma prior on σ², in target units squared. */
  readonly rate: number;
}

/** Options of fitNormalInverseGamma. */
export interface NigOptions {
  /** Row weights w_i ≥ 0 (precision multipliers: row i has variance σ²/w_i); default all 1. */
  readonly weights?: NumberArray;
}

/** Normal–Inverse-Gamma posterior (and evidence) of fitNormalInverseGamma. */
export interface NigPosterior {
  /** Number of columns p. */
  readonly cols: number;
  /** Rows n that enter the likelihood (weight > 0). */
  readonly rows: number;
  /** Number k of flat columns (prior variance Infinity, precision 0). */
  readonly flatColumns: number;
  /** false if Λn is not positive definite (e.g. a flat column that X cannot identify): then every number below is NaN. */
  readonly positiveDefinite: boolean;
  /** Posterior mean mn of β (also its mode), units of y per unit of each column. */
  readonly mean: Float64Array;
  /** Λn = Λ0 + XᵀWX, row-major p × p: β | σ², y has covariance σ²Λn⁻¹. */
  readonly precision: Float64Array;
  /** Cholesky factor L of Λn = L·Lᵀ, row-major p × p. */
  readonly cholesky: Float64Array;
  /** Posterior shape an = a0 + n/2 and rate bn of σ² | y ~ InvGamma(an, bn). */
  readonly shape: number;
  readonly rate: number;
  /** Marginal posterior sd of each β_j, √(bn/(an − 1)·(Λn⁻¹)_jj); NaN when an ≤ 1. */
  readonly sd: Float64Array;
  /** E[σ² | y] = bn/(an − 1) (NaN when an ≤ 1), target units squared. */
  readonly sigma2Mean: number;
  /** Log evidence log p(y) in nats (density of y in target units; see the file comment for flat columns); NaN if a0 or b0 is 0. */
  readonly logEvidence: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * fitNormalInverseGamma(X, y, prior, options) is the exact posterior of the conjugate
 * Normal–Inverse-Gamma regression and its log evidence (formulas in the file comment).
 * O(n·p² + p³).
 *
 * @param X - design matrix, n × p (include an intercept column yourself if wanted); not mutated
 * @param y - target, length n, finite
 * @param prior - m0 (default 0), per-column prior variances (Infinity = flat), a0, b0
 * @param options - optional row weights w_i ≥ 0 (variance σ²/w_i)
 * @returns the posterior; positiveDefinite false (numbers NaN) if Λn is singular
 * @throws RangeError if sizes disagree, a value is not finite, a variance is not > 0, a0 or b0 is
 *   negative, a weight is negative or not finite, or fewer than one row has weight > 0
 * @example fitNormalInverseGamma(designMatrix([[1], [1]]), [1, 3], { variances: [Infinity], shape: 1, rate: 1 }).mean // => Float64Array [2]
 */
export function fitNormalInverseGamma(X: DesignMatrix, y: NumberArray, prior: NigPrior, options: NigOptions = {}): NigPosterior {
  const n = X.rows;
  const p = X.cols;
  if (X.data.length !== n * p) throw new RangeError("fitNormalInverseGamma requires X.data of length rows·cols");
  if (y.length !== n) throw new RangeError(`fitNormalInverseGamma requires one y per row of X (${n}, got ${y.length})`);
  if (prior.variances.length !== p) throw new RangeError(`fitNormalInverseGamma requires one prior variance per column (${p})`);
  const m0 = prior.mean ?? new Float64Array(p);
  if (m0.length !== p) throw new RangeError(`fitNormalInverseGamma requires one prior mean per column (${p})`);
  const a0 = prior.shape;
  const b0 = prior.rate;
  if (!(a0 >= 0) || !Number.isFinite(a0)) throw new RangeError("fitNormalInverseGamma requires a finite prior shape a0 ≥ 0");
  if (!(b0 >= 0) || !Number.isFinite(b0)) throw new RangeError("fitNormalInverseGamma requires a finite prior rate b0 ≥ 0");
  const w = options.weights;
  if (w !== undefined && w.length !== n) throw new RangeError(`fitNormalInverseGamma requires one weight per row (${n})`);

  const lambda0 = new Float64Array(p);
  let flat = 0;
  let logDetPrior = 0;
  for (let j = 0; j < p; j++) {
    const v = prior.variances[j];
    if (!(v > 0)) throw new RangeError(`fitNormalInverseGamma requires prior variances > 0 (column ${j} is ${v})`);
    if (!Number.isFinite(m0[j])) throw new RangeError(`fitNormalInverseGamma requires a finite prior mean (column ${j})`);
    if (v === Infinity) {
      flat++;
    } else {
      lambda0[j] = 1 / v;
      logDetPrior += Math.log(lambda0[j]);
    }
  }

  // Λn = Λ0 + XᵀWX (lower triangle, then mirrored) and c = Λ0 m0 + XᵀWy.
  const precision = new Float64Array(p * p);
  const c = new Float64Array(p);
  let rows = 0;
  let logWeights = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : w[i];
    if (!(wi >= 0) || !Number.isFinite(wi)) throw new RangeError(`fitNormalInverseGamma requires finite weights ≥ 0 (row ${i} is ${wi})`);
    if (!Number.isFinite(y[i])) throw new RangeError(`fitNormalInverseGamma requires finite y (row ${i} is ${y[i]})`);
    const off = i * p;
    for (let j = 0; j < p; j++) {
      if (!Number.isFinite(X.data[off + j])) throw new RangeError(`fitNormalInverseGamma requires finite X (row ${i}, column ${j})`);
    }
    if (wi === 0) continue;
    rows++;
    logWeights += Math.log(wi);
    for (let j = 0; j < p; j++) {
      const xj = wi * X.data[off + j];
      c[j] += xj * y[i];
      for (let k = 0; k <= j; k++) precision[j * p + k] += xj * X.data[off + k];
    }
  }
  if (!(rows >= 1)) throw new RangeError("fitNormalInverseGamma requires at least one row with weight > 0");
  for (let j = 0; j < p; j++) {
    precision[j * p + j] += lambda0[j];
    c[j] += lambda0[j] * m0[j];
    for (let k = 0; k < j; k++) precision[k * p + j] = precision[j * p + k];
  }

  const an = a0 + rows / 2;
  const L = choleskyLower(precision, p);
  if (L === null) {
    const nan = new Float64Array(p).fill(NaN);
    return {
      cols: p, rows, flatColumns: flat, positiveDefinite: false, mean: nan, precision,
      cholesky: new Float64Array(p * p).fill(NaN), shape: an, rate: NaN, sd: nan.slice(), sigma2Mean: NaN, logEvidence: NaN,
    };
  }
  const mn = choleskySolve(L, p, c);

  // bn by the sum-of-squares form: b0 + ½(Σ w (y − X mn)² + (mn − m0)ᵀΛ0(mn − m0)).
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : w[i];
    if (wi === 0) continue;
    let fit = 0;
    const off = i * p;
    for (let j = 0; j < p; j++) fit += X.data[off + j] * mn[j];
    const r = y[i] - fit;
    rss += wi * r * r;
  }
  let penalty = 0;
  for (let j = 0; j < p; j++) {
    const d = mn[j] - m0[j];
    penalty += lambda0[j] * d * d;
  }
  const bn = b0 + 0.5 * (rss + penalty);

  const sigma2Mean = an > 1 ? bn / (an - 1) : NaN;
  const inverseDiagonal = choleskyInverseDiagonal(L, p);
  const sd = new Float64Array(p);
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sigma2Mean * inverseDiagonal[j]);

  const logEvidence =
    a0 > 0 && b0 > 0
      ? -((rows - flat) / 2) * LOG_2PI + 0.5 * logWeights + 0.5 * logDetPrior - 0.5 * choleskyLogDet(L, p) +
        a0 * Math.log(b0) - an * Math.log(bn) + logGamma(an) - logGamma(a0)
      : NaN;

  return { cols: p, rows, flatColumns: flat, positiveDefinite: true, mean: mn, precision, cholesky: L, shape: an, rate: bn, sd, sigma2Mean, logEvidence };
}
