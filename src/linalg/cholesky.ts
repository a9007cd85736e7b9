/**
 * Dense Cholesky factorisation A = L·Lᵀ of a small symmetric positive definite matrix (row-major
 * Float64Array), and what the models need from it: solves with A, L and Lᵀ, log det A and
 * diag(A⁻¹) — all from the factor, never from an explicit inverse of A. The one Cholesky of
 * mixlab: choleskyInto is the kernel (in place, on a caller's buffers, optionally on a subset of
 * the rows and columns — what the Gram solvers' active-set steps need), choleskyLower the
 * allocating form; failure is reported as state (false / null), never thrown.
 *
 * Written by hand rather than through ml-matrix's CholeskyDecomposition: the matrices are p × p
 * with p ≈ 10–30, factored up to a few times per search candidate, and working on row-major
 * Float64Arrays avoids copying into and out of Matrix objects. Algorithm: the
 * Cholesky–Banachiewicz row-by-row recurrence (Golub & Van Loan, Matrix Computations, 4th ed.,
 * Alg. 4.2.1), p³/3 flops.
 */

const EPS = Number.EPSILON;

/**
 * choleskyInto(A, p, L, tol, index, count, pivots) factors the principal submatrix
 * B = A[index, index] (the first `count` entries of index; all p rows and columns when index is
 * null) as B = L·Lᵀ, into L (row-major count × count, its upper triangle left as it was). A pivot
 * d_r = B_rr − Σ_{t<r} L_rt² that is not finite or not above tol·|B_rr| means B is not
 * (numerically) positive definite: the function returns false, L is then unspecified. When
 * `pivots` is given, d_r is stored in pivots[r] (so Σ log d_r = log det B is available without
 * rounding through √). Allocates nothing. O(count³/3).
 * @param A - symmetric matrix, row-major p × p (only the lower triangle of B is read); not mutated
 * @param p - order of A
 * @param L - receives the factor, length ≥ count²
 * @param tol - relative pivot floor ≥ 0 (0: any positive pivot)
 * @param index - rows/columns of A forming B, or null for all of A
 * @param count - number of them (p when index is null)
 * @param pivots - optional, receives the pivots d_r, length ≥ count
 * @returns whether B is positive definite
 * @example choleskyInto(Float64Array.of(4, 2, 2, 5), 2, L, 0, null, 2) // => true, L = [2, 0, 1, 2]
 */
export function choleskyInto(
  A: ArrayLike<number>, p: number, L: Float64Array, tol: number,
  index: Int32Array | null, count: number, pivots?: Float64Array,
): boolean {
  for (let r = 0; r < count; r++) {
    const ar = (index === null ? r : index[r]) * p;
    for (let col = 0; col <= r; col++) {
      let v = A[ar + (index === null ? col : index[col])];
      for (let t = 0; t < col; t++) v -= L[r * count + t] * L[col * count + t];
      if (col === r) {
        if (!(v > tol * Math.abs(A[ar + (index === null ? r : index[r])])) || !Number.isFinite(v)) return false;
        if (pivots !== undefined) pivots[r] = v;
        L[r * count + r] = Math.sqrt(v);
      } else L[r * count + col] = v / L[col * count + col];
    }
  }
  return true;
}

/**
 * choleskyLower(A, p) factors A = L·Lᵀ, L lower triangular with a positive diagonal. O(p³/3).
 *
 * A pivot d_j = A_jj − Σ_{k<j} L_jk² that is not finite or not above p·ε·A_jj (the loss of all
 * significant digits of the diagonal) means A is not (numerically) positive definite: then the
 * function returns null instead of throwing (STYLE.md rule 8: report, don't crash).
 *
 * @param A - symmetric matrix, row-major p × p (only the lower triangle is read); not mutated
 * @param p - order, an integer ≥ 1
 * @returns L, row-major p × p with zeros above the diagonal, or null if A is not positive definite
 * @throws RangeError if p is not an integer ≥ 1 or A.length ≠ p²
 * @example choleskyLower(Float64Array.of(4, 2, 2, 5), 2) // => Float64Array [2, 0, 1, 2]
 */
export function choleskyLower(A: ArrayLike<number>, p: number): Float64Array | null {
  if (!(Number.isInteger(p) && p >= 1)) throw new RangeError("choleskyLower requires an integer order p ≥ 1");
  if (A.length !== p * p) throw new RangeError(`choleskyLower requires a p × p matrix (${p * p} values, got ${A.length})`);
  const L = new Float64Array(p * p);
  return choleskyInto(A, p, L, p * EPS, null, p) ? L : null;
}

/**
 * solveLower(L, p, b) solves L·x = b by forward substitution. O(p²).
 * @param L - lower-triangular factor from choleskyLower, row-major p × p
 * @param p - order
 * @param b - right-hand side, length p; not mutated
 * @returns x, a new Float64Array of length p
 * @example solveLower(Float64Array.of(2, 0, 1, 2), 2, [2, 5]) // => Float64Array [1, 2]
 */
export function solveLower(L: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * p + k] * x[k];
    x[i] = s / L[i * p + i];
  }
  return x;
}

/**
 * solveLowerTransposed(L, p, b) solves Lᵀ·x = b by back substitution (Lᵀ is upper triangular).
 * With b ~ N(0, I), x = L⁻ᵀb ~ N(0, (L·Lᵀ)⁻¹): how the samplers draw from N(0, A⁻¹). O(p²).
 * @param L - lower-triangular factor from choleskyLower, row-major p × p
 * @param p - order
 * @param b - right-hand side, length p; not mutated
 * @returns x, a new Float64Array of length p
 * @example solveLowerTransposed(Float64Array.of(2, 0, 1, 2), 2, [4, 4]) // => Float64Array [1, 2]
 */
export function solveLowerTransposed(L: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < p; k++) s -= L[k * p + i] * x[k];
    x[i] = s / L[i * p + i];
  }
  return x;
}

/**
 * choleskySolve(L, p, b) solves A·x = b for A = L·Lᵀ: L·z = b, then Lᵀ·x = z. O(p²).
 * @param L - lower-triangular factor of A from choleskyLower
 * @param p - order
 * @param b - right-hand side, length p; not mutated
 * @returns x = A⁻¹b, a new Float64Array of length p
 * @example choleskySolve(choleskyLower(Float64Array.of(4, 2, 2, 5), 2)!, 2, [6, 7]) // => Float64Array [1, 1]
 */
export function choleskySolve(L: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  return solveLowerTransposed(L, p, solveLower(L, p, b));
}

/**
 * choleskyLogDet(L, p) is log det A = 2 Σ_j log L_jj for A = L·Lᵀ, without overflow. O(p).
 * @param L - lower-triangular factor of A from choleskyLower
 * @param p - order
 * @returns log det A (natural logarithm)
 * @example choleskyLogDet(Float64Array.of(2, 0, 1, 2), 2) // => 2.772588722239781 (log 16)
 */
export function choleskyLogDet(L: Float64Array, p: number): number {
  let s = 0;
  for (let j = 0; j < p; j++) s += Math.log(L[j * p + j]);
  return 2 * s;
}

/**
 * choleskyInverseDiagonal(L, p) is diag(A⁻¹) for A = L·Lᵀ: with M = L⁻¹ (lower triangular, found
 * column by column by forward substitution), A⁻¹ = Mᵀ·M, so (A⁻¹)_jj = Σ_{i ≥ j} M_ij². O(p³/6).
 * @param L - lower-triangular factor of A from choleskyLower
 * @param p - order
 * @returns a new Float64Array of length p
 * @example choleskyInverseDiagonal(Float64Array.of(2, 0, 1, 2), 2) // => Float64Array [0.3125, 0.25]
 */
export function choleskyInverseDiagonal(L: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p);
  const m = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    // Column j of M = L⁻¹: solve L m = e_j; m_i = 0 for i < j.
    m.fill(0);
    m[j] = 1 / L[j * p + j];
    let s = m[j] * m[j];
    for (let i = j + 1; i < p; i++) {
      let t = 0;
      for (let k = j; k < i; k++) t -= L[i * p + k] * m[k];
      m[i] = t / L[i * p + i];
      s += m[i] * m[i];
    }
    out[j] = s;
  }
  return out;
}
