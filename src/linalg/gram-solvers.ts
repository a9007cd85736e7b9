/**
 * Solvers for the ridge normal equations H s = c (H = G_s + alpha·I, symmetric positive definite),
 * shared by the sufficient-statistics kernels (ridge-cv/, media-prior-ridge.ts): Cholesky on
 * a passive subset of the variables, and the bound-constrained minimiser of ½ sᵀH s − cᵀs with
 * s_j ≥ 0 for the first `boundedCount` variables (Lawson–Hanson on the Gram form). Both work in a
 * caller-owned GramWorkspace, so the hot loops allocate nothing; the factorisations are cholesky.ts's.
 */
import { choleskyInto } from "./cholesky";
import { lawsonHanson, type ActiveSetProblem } from "./nnls";

const EPS = Number.EPSILON;

/** Buffers of the Gram solvers for p variables; the caller fills H (row-major p × p) and c. */
export interface GramWorkspace {
  /** Number of variables. */
  readonly p: number;
  /** The system matrix, row-major p × p (only read). */
  readonly H: Float64Array;
  /** The right-hand side, length p (only read). */
  readonly c: Float64Array;
  /** Cholesky factor of the passive block (scratch, p × p). */
  readonly L: Float64Array;
  /** Scratch, length p. */
  readonly rhs: Float64Array;
  readonly z: Float64Array;
  readonly x: Float64Array;
  /** The solution of solveGramBounded, length p. */
  readonly s: Float64Array;
  /** Scratch: passive indices and flags, bounded flags. */
  readonly idx: Int32Array;
  readonly passive: Uint8Array;
  readonly bounded: Uint8Array;
  /**
   * Pivots d_r of the factorisation of all of H = L·Lᵀ that solveGramBounded starts with
   * (log det H = Σ log d_r); the active-set steps leave them alone.
   */
  readonly pivots: Float64Array;
}

/**
 * createGramWorkspace(p) allocates the buffers of the Gram solvers for p variables. O(p²).
 * @param p - number of variables, an integer ≥ 1
 * @returns a zeroed GramWorkspace
 * @throws RangeError if p is not an integer ≥ 1
 * @example createGramWorkspace(3).H.length // => 9
 */
export function createGramWorkspace(p: number): GramWorkspace {
  if (!(Number.isInteger(p) && p >= 1)) throw new RangeError("createGramWorkspace requires an integer p ≥ 1");
  return {
    p,
    H: new Float64Array(p * p),
    c: new Float64Array(p),
    L: new Float64Array(p * p),
    rhs: new Float64Array(p),
    z: new Float64Array(p),
    x: new Float64Array(p),
    s: new Float64Array(p),
    idx: new Int32Array(p),
    passive: new Uint8Array(p),
    bounded: new Uint8Array(p),
    pivots: new Float64Array(p),
  };
}

/**
 * solveGramPassive(w, z, all) solves H s = c restricted to the passive set (w.passive, or every
 * variable when all is true) by Cholesky of the passive block H[P, P] = L·Lᵀ, forward and back
 * substitution; z is 0 off the passive set. With all, the pivots of H = L·Lᵀ are kept in w.pivots.
 * O(|P|³).
 * @param w - workspace with H and c filled in; L, rhs and idx are overwritten
 * @param z - receives the solution, length p
 * @param all - solve on every variable (ignore w.passive)
 * @returns false (z unspecified) if the block is not positive definite
 */
export function solveGramPassive(w: GramWorkspace, z: Float64Array, all: boolean): boolean {
  const { p, H, c, L, rhs, idx, passive } = w;
  let np = 0;
  for (let j = 0; j < p; j++) if (all || passive[j] === 1) idx[np++] = j;
  // Lower-triangular Cholesky factor of H[idx, idx], row-major np × np, in L.
  if (!choleskyInto(H, p, L, 0, idx, np, all ? w.pivots : undefined)) return false;
  for (let r = 0; r < np; r++) {
    let v = c[idx[r]];
    for (let t = 0; t < r; t++) v -= L[r * np + t] * rhs[t];
    rhs[r] = v / L[r * np + r];
  }
  for (let r = np - 1; r >= 0; r--) {
    let v = rhs[r];
    for (let t = r + 1; t < np; t++) v -= L[t * np + r] * rhs[t];
    rhs[r] = v / L[r * np + r];
  }
  z.fill(0);
  for (let r = 0; r < np; r++) z[idx[r]] = rhs[r];
  return true;
}

/**
 * solveGramBounded(w, boundedCount) minimises ½ sᵀH s − cᵀs subject to s_j ≥ 0 for
 * j < boundedCount (the others free), into w.s: the unconstrained Cholesky solution when it is
 * feasible, else Lawson–Hanson NNLS (lawsonHanson in nnls.ts) on the Gram form, each passive
 * subproblem by Cholesky, with free variables always passive and warm-started from the
 * positive part of the unconstrained solution. Stops at the KKT conditions: g = c − H s has
 * g_j = 0 on the passive set and g_j ≤ tol at the bound. For H = G_s + alpha·I with alpha > 0 the
 * problem is strictly convex, so this is the same solution as NNLS on the augmented least-squares
 * system (nnlsMixed in nnls.ts). O(p³) per active-set step, a few steps in practice. The pivots
 * of the first (unconstrained) factorisation stay in w.pivots.
 * @param w - workspace with H and c filled in; every other buffer is overwritten
 * @param boundedCount - the first boundedCount variables are constrained ≥ 0 (0 … p)
 * @returns false (w.s unspecified) if a passive block is not positive definite
 */
export function solveGramBounded(w: GramWorkspace, boundedCount: number): boolean {
  const { p, H, c, z, x, s, passive, bounded } = w;
  if (!solveGramPassive(w, s, true)) return false;
  let feasible = true;
  for (let j = 0; j < boundedCount; j++) if (!(s[j] >= 0)) feasible = false;
  if (feasible) return true;

  for (let j = 0; j < p; j++) {
    bounded[j] = j < boundedCount ? 1 : 0;
    passive[j] = j >= boundedCount || s[j] > 0 ? 1 : 0;
  }
  let cMax = 0;
  let hMax = 0;
  for (let j = 0; j < p; j++) {
    cMax = Math.max(cMax, Math.abs(c[j]));
    hMax = Math.max(hMax, H[j * p + j]);
  }
  const problem = gramProblem(w);
  problem.boundedCount = boundedCount;
  problem.cMax = cMax;
  problem.hMax = hMax;
  if (!lawsonHanson(problem, x, z, passive)) return false;
  s.set(x);
  return true;
}

/** The Gram form's half of the active-set method, made once per workspace. */
interface GramProblem extends ActiveSetProblem {
  boundedCount: number;
  cMax: number;
  hMax: number;
}

const problems = new WeakMap<GramWorkspace, GramProblem>();

/** gramProblem(w) → the passive solve (Cholesky) and KKT check (g = c − H x) on w, cached. */
function gramProblem(w: GramWorkspace): GramProblem {
  const cached = problems.get(w);
  if (cached !== undefined) return cached;
  const { p, H, c } = w;
  const problem: GramProblem = {
    p,
    bounded: w.bounded,
    boundedCount: 0,
    cMax: 0,
    hMax: 0,
    solvePassive: (_passive, out) => solveGramPassive(w, out, false),
    entering: (xs, pass) => {
      // KKT check on the bounded variables held at 0: g = c − H x.
      let xSum = 0;
      for (let j = 0; j < p; j++) xSum += Math.abs(xs[j]);
      const tol = 10 * EPS * p * (problem.cMax + problem.hMax * xSum);
      let best = -1;
      let bestW = tol;
      for (let j = 0; j < problem.boundedCount; j++) {
        if (pass[j] === 1) continue;
        let g = c[j];
        const hj = j * p;
        for (let l = 0; l < p; l++) g -= H[hj + l] * xs[l];
        if (g > bestW) {
          best = j;
          bestW = g;
        }
      }
      return best;
    },
  };
  problems.set(w, problem);
  return problem;
}
