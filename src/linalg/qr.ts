/**
 * Householder QR factorisation of a tall design matrix, the least-squares engine of mixlab.
 *
 * Least squares by QR works on X itself, so its error grows with cond(X), not cond(X)² as the
 * normal equations XᵀX b = Xᵀy do; that matters for badly conditioned designs such as the Longley
 * data or adstocked media series that move together.
 *
 * Rank: columns are processed left to right. A column whose part orthogonal to the columns
 * already accepted has norm ≤ tol × its own norm (tol = 1e-7 by default, the tolerance of R's
 * `lm` / LINPACK dqrdc2) is marked deficient and not used as a pivot: this is R's "limited
 * pivoting" strategy, which keeps the accepted columns in their original order. Callers decide
 * what to do with deficient columns (fitOls throws and names them).
 *
 * Reference: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed., §5.1.2 (Householder
 * vectors) and §5.2.2 (Householder QR); the Householder vector is scaled as in LAPACK dlarfg.
 */
import type { NumberArray } from "../util/vector-checks";
import type { Matrix } from "./matrix";

/** A column found (numerically) linearly dependent on earlier columns. */
export interface DeficientColumn {
  /** Index of the deficient column in X. */
  readonly column: number;
  /** Earlier accepted columns it depends on (non-negligible coefficients), in column order. */
  readonly dependsOn: readonly number[];
  /** The coefficients c in x_column ≈ Σ c_k x_dependsOn[k]. */
  readonly coefficients: readonly number[];
  /** ‖residual of x_column after projection‖ / ‖x_column‖ (0 for an all-zero column). */
  readonly relativeResidual: number;
}

/** A Householder QR factorisation X[:, accepted] = Q R; factor once, solve many. */
export interface HouseholderQr {
  /** Rows m and columns p of X. */
  readonly rows: number;
  readonly cols: number;
  /** Indices of the columns used as pivots, in their original order (length = rank). */
  readonly accepted: readonly number[];
  /** Columns found linearly dependent on earlier ones. */
  readonly deficient: readonly DeficientColumn[];
  /** rank = accepted.length. */
  readonly rank: number;
  /** R as a rank × rank upper-triangular row-major matrix (columns = accepted columns). */
  readonly R: Float64Array;
  /** Qᵀb for a vector b of length rows (first `rank` entries pair with R). */
  applyQt(b: NumberArray): Float64Array;
  /** Least-squares coefficients for the accepted columns: argmin ‖b − X[:, accepted] c‖. */
  solve(b: NumberArray): Float64Array;
  /** R⁻¹ (rank × rank, upper triangular, row-major); (XᵀX)⁻¹ = R⁻¹R⁻ᵀ. */
  rInverse(): Float64Array;
}

/**
 * householderQr(X, tol) factorises X (m × p, m ≥ 1) as X[:, accepted] = Q·R by Householder
 * reflections H_k = I − v vᵀ/β, with R's limited-pivoting rank rule: column j is deficient when
 * ‖(I − P) x_j‖ ≤ tol·‖x_j‖, P the projector on the accepted columns before j. O(m·p²).
 * @param X - design matrix (not mutated)
 * @param tol - relative rank tolerance in (0, 1); default 1e-7 (R's lm)
 * @returns the factorisation, with `accepted`, `deficient`, `R`, `applyQt`, `solve`, `rInverse`
 * @throws RangeError if X is malformed or tol is not in (0, 1)
 * @example householderQr(designMatrix([[1, 0], [0, 1], [0, 0]])).rank // => 2
 */
export function householderQr(X: Matrix, tol = 1e-7): HouseholderQr {
  const { rows: m, cols: p, data } = X;
  if (!(Number.isInteger(m) && m >= 1 && Number.isInteger(p) && p >= 1 && data.length === m * p)) {
    throw new RangeError("householderQr requires a design matrix with rows × cols values");
  }
  if (!(tol > 0 && tol < 1)) throw new RangeError("householderQr requires tol in (0, 1)");
  // Column-major working copy: a[j*m + i] = X[i, j].
  const a = new Float64Array(m * p);
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) a[j * m + i] = data[i * p + j];
  // ‖x_j‖ of every original column, from the contiguous copy before any reflection touches it.
  const originalNorms = new Float64Array(p);
  for (let j = 0; j < p; j++) originalNorms[j] = scaledNorm(a, j * m, (j + 1) * m);

  const accepted: number[] = [];
  const deficient: DeficientColumn[] = [];
  // Householder vectors live below the diagonal of the accepted columns; v[0] and β kept apart.
  const vHead: number[] = [];
  const betas: number[] = [];

  const colNorm = (j: number, from: number): number => scaledNorm(a, j * m + from, (j + 1) * m);

  for (let j = 0; j < p; j++) {
    const r = accepted.length; // next pivot row
    const fullNorm = originalNorms[j];
    const rest = r < m ? colNorm(j, r) : 0;
    if (fullNorm === 0 || rest <= tol * fullNorm || r >= m) {
      // Dependence on accepted columns: solve R c = (Qᵀx_j)[0:r].
      const c = new Float64Array(r);
      for (let k = r - 1; k >= 0; k--) {
        let s = a[j * m + k];
        for (let l = k + 1; l < r; l++) s -= a[accepted[l] * m + k] * c[l];
        c[k] = s / a[accepted[k] * m + k];
      }
      const dependsOn: number[] = [];
      const coefficients: number[] = [];
      for (let k = 0; k < r; k++) {
        // a contribution is negligible if it moves x_j by less than tol·‖x_j‖
        const contrib = Math.abs(c[k]) * originalNorms[accepted[k]];
        if (contrib > tol * fullNorm) {
          dependsOn.push(accepted[k]);
          coefficients.push(c[k]);
        }
      }
      deficient.push({ column: j, dependsOn, coefficients, relativeResidual: fullNorm === 0 ? 0 : rest / fullNorm });
      continue;
    }
    // Householder vector for a[r:m, j] (LAPACK dlarfg convention: R_rr = −sign(a_rr)‖·‖).
    const x0 = a[j * m + r];
    const alpha = x0 >= 0 ? -rest : rest;
    const v0 = x0 - alpha;
    const beta = rest * (rest + Math.abs(x0)); // = vᵀv / 2
    a[j * m + r] = alpha;
    // apply H = I − v vᵀ/β to the remaining columns
    for (let k = j + 1; k < p; k++) {
      let s = v0 * a[k * m + r];
      for (let i = r + 1; i < m; i++) s += a[j * m + i] * a[k * m + i];
      s /= beta;
      a[k * m + r] -= s * v0;
      for (let i = r + 1; i < m; i++) a[k * m + i] -= s * a[j * m + i];
    }
    accepted.push(j);
    vHead.push(v0);
    betas.push(beta);
  }

  const rank = accepted.length;
  const R = new Float64Array(rank * rank);
  for (let k = 0; k < rank; k++) {
    for (let l = k; l < rank; l++) R[k * rank + l] = a[accepted[l] * m + k];
  }

  const applyQt = (b: NumberArray): Float64Array => {
    if (b.length !== m) throw new RangeError(`householderQr.applyQt requires a vector of length ${m}`);
    const out = Float64Array.from(b);
    for (let k = 0; k < rank; k++) {
      const j = accepted[k];
      let s = vHead[k] * out[k];
      for (let i = k + 1; i < m; i++) s += a[j * m + i] * out[i];
      s /= betas[k];
      out[k] -= s * vHead[k];
      for (let i = k + 1; i < m; i++) out[i] -= s * a[j * m + i];
    }
    return out;
  };

  const solve = (b: NumberArray): Float64Array => {
    const qtb = applyQt(b);
    const c = new Float64Array(rank);
    for (let k = rank - 1; k >= 0; k--) {
      let s = qtb[k];
      for (let l = k + 1; l < rank; l++) s -= R[k * rank + l] * c[l];
      c[k] = s / R[k * rank + k];
    }
    return c;
  };

  const rInverse = (): Float64Array => {
    const inv = new Float64Array(rank * rank);
    // Solve R · inv = I column by column (back substitution); inv is upper triangular.
    for (let col = 0; col < rank; col++) {
      for (let k = col; k >= 0; k--) {
        let s = k === col ? 1 : 0;
        for (let l = k + 1; l <= col; l++) s -= R[k * rank + l] * inv[l * rank + col];
        inv[k * rank + col] = s / R[k * rank + k];
      }
    }
    return inv;
  };

  return { rows: m, cols: p, accepted, deficient, rank, R, applyQt, solve, rInverse };
}

/**
 * scaledNorm(x, from, to) → ‖x[from:to]‖ without overflow or underflow: the largest |x_i| first,
 * then √Σ (x_i / scale)² times it. O(to − from).
 */
function scaledNorm(x: Float64Array, from: number, to: number): number {
  let scale = 0;
  for (let i = from; i < to; i++) scale = Math.max(scale, Math.abs(x[i]));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = from; i < to; i++) {
    const v = x[i] / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}
