/**
 * Non-negative least squares with free variables: the Lawson–Hanson active-set method (C. L. Lawson
 * & R. J. Hanson, Solving Least Squares Problems, 1974, ch. 23, algorithm NNLS), extended to free
 * variables, which always stay in the passive set. One driver (lawsonHanson) for both forms mixlab
 * solves: on a dense least-squares system, each passive subproblem by the Householder QR of qr.ts
 * (nnlsMixed), and on the normal equations, each by Cholesky (solveGramBounded in gram-solvers.ts).
 */
import type { NumberArray } from "../util/vector-checks";
import type { Matrix } from "./matrix";
import { householderQr } from "./qr";

/** The problem-specific half of the active-set method. */
export interface ActiveSetProblem {
  /** Number of variables p. */
  readonly p: number;
  /** Per variable, 1 if it is constrained ≥ 0. */
  readonly bounded: Uint8Array;
  /** Solves the unconstrained problem on the passive set into z (0 elsewhere); false if it cannot. */
  solvePassive(passive: Uint8Array, z: Float64Array): boolean;
  /**
   * The bounded variable at 0 (not passive) whose gradient of the objective's decrease is the
   * largest above the KKT tolerance, at x; −1 when the KKT conditions hold.
   */
  entering(x: Float64Array, passive: Uint8Array): number;
}

/**
 * lawsonHanson(problem, x, z, passive) runs the active-set iterations from x = 0 and the given
 * passive set (every free variable must be in it): solve on the passive set; if a bounded variable
 * would turn non-positive, step towards that solution until the first one hits 0 and drop it from
 * the passive set; once the solution is feasible, let the variable the KKT check names enter, and
 * repeat. An entering variable that would not become positive signals that the KKT conditions hold
 * to working precision (Lawson & Hanson's step-6 guard). At most 3p + 30 steps of each loop.
 * Allocates nothing. O(passive solves).
 * @param problem - the passive solver and the KKT check
 * @param x - receives the solution, length p (its content on entry is ignored)
 * @param z - scratch, length p
 * @param passive - initial passive set (1 = passive), updated in place
 * @returns false if a passive subproblem could not be solved (x unspecified)
 */
export function lawsonHanson(problem: ActiveSetProblem, x: Float64Array, z: Float64Array, passive: Uint8Array): boolean {
  const { p, bounded } = problem;
  x.fill(0);
  const limit = 3 * p + 30;
  let entering = -1;
  for (let iter = 0; iter < limit; iter++) {
    for (let inner = 0; inner < limit; inner++) {
      if (!problem.solvePassive(passive, z)) return false;
      if (entering >= 0 && inner === 0 && !(z[entering] > 0)) {
        passive[entering] = 0;
        return true;
      }
      let step = 1;
      let blocking = -1;
      for (let j = 0; j < p; j++) {
        if (bounded[j] === 1 && passive[j] === 1 && z[j] <= 0) {
          const denom = x[j] - z[j];
          const t = denom > 0 ? x[j] / denom : 0;
          if (blocking < 0 || t < step) {
            step = Math.min(step, t);
            blocking = j;
          }
        }
      }
      if (blocking < 0) {
        x.set(z);
        break;
      }
      for (let j = 0; j < p; j++) x[j] += step * (z[j] - x[j]);
      x[blocking] = 0;
      for (let j = 0; j < p; j++) {
        if (bounded[j] === 1 && passive[j] === 1 && !(x[j] > 0)) {
          x[j] = 0;
          passive[j] = 0;
        }
      }
    }
    const best = problem.entering(x, passive);
    if (best < 0) return true;
    passive[best] = 1;
    entering = best;
  }
  return true;
}

/**
 * nnlsMixed(A, b, bounded) solves min ‖A x − b‖² subject to x_j ≥ 0 for bounded j (others free)
 * by lawsonHanson, each passive subproblem by Householder QR of the passive columns. Terminates
 * with the KKT conditions: w = Aᵀ(b − A x) has w_j = 0 for passive j and w_j ≤ tol for j at 0.
 * Finite, at most a few times p outer steps in practice; O(m·p²) per step.
 * @param A - m × p matrix of full column rank (row-major)
 * @param b - right-hand side of length m
 * @param bounded - per column, whether x_j ≥ 0 is imposed
 * @returns x (new Float64Array of length p)
 * @throws RangeError if a passive subproblem is rank deficient
 * @example nnlsMixed({ rows: 2, cols: 1, data: Float64Array.of(1, 1) }, [-1, -3], [true]) // => Float64Array [0]
 */
export function nnlsMixed(A: Matrix, b: NumberArray, bounded: readonly boolean[]): Float64Array {
  const { rows: m, cols: p, data } = A;
  const r = new Float64Array(m);
  // Scale of the problem for the KKT tolerance: ‖A‖_max·‖b‖₁-like bound on |w|.
  let aMax = 0;
  for (let k = 0; k < data.length; k++) aMax = Math.max(aMax, Math.abs(data[k]));
  let bSum = 0;
  for (let i = 0; i < m; i++) bSum += Math.abs(b[i]);
  const tol = 10 * Number.EPSILON * Math.max(m, p) * aMax * Math.max(bSum, 1);
  const problem: ActiveSetProblem = {
    p,
    bounded: Uint8Array.from(bounded, (v) => (v ? 1 : 0)),
    solvePassive: (passive, z) => {
      const idx: number[] = [];
      for (let j = 0; j < p; j++) if (passive[j] === 1) idx.push(j);
      z.fill(0);
      if (idx.length === 0) return true;
      const sub = new Float64Array(m * idx.length);
      for (let i = 0; i < m; i++) for (let k = 0; k < idx.length; k++) sub[i * idx.length + k] = data[i * p + idx[k]];
      const qr = householderQr({ rows: m, cols: idx.length, data: sub });
      if (qr.deficient.length > 0) throw new RangeError("nnlsMixed requires A of full column rank");
      const c = qr.solve(b);
      for (let k = 0; k < idx.length; k++) z[idx[k]] = c[k];
      return true;
    },
    entering: (x, passive) => {
      for (let i = 0; i < m; i++) {
        let s = b[i];
        for (let j = 0; j < p; j++) s -= data[i * p + j] * x[j];
        r[i] = s;
      }
      const w = new Float64Array(p);
      for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) w[j] += data[i * p + j] * r[i];
      let best = -1;
      let bestW = tol;
      for (let j = 0; j < p; j++) {
        if (bounded[j] && passive[j] === 0 && w[j] > bestW) {
          best = j;
          bestW = w[j];
        }
      }
      return best;
    },
  };
  const x = new Float64Array(p);
  lawsonHanson(problem, x, new Float64Array(p), Uint8Array.from(bounded, (v) => (v ? 0 : 1)));
  return x;
}
