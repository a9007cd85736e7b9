/**
 * Non-negative least squares with free variables (Lawson–Hanson) on a dense matrix, each passive
 * subproblem solved by the Householder QR of qr.ts.
 */
import type { NumberArray } from "../util/vector-checks";
import type { Matrix } from "./matrix";
import { householderQr } from "./qr";

/**
 * nnlsMixed(A, b, bounded) solves min ‖A x − b‖² subject to x_j ≥ 0 for bounded j (others free)
 * by the Lawson–Hanson active-set method (C. L. Lawson & R. J. Hanson, Solving Least Squares
 * Problems, 1974, ch. 23, algorithm NNLS), extended to free variables, which always stay in the
 * passive set. Each subproblem is solved by Householder QR of the passive columns. Terminates
 * with the KKT conditions: w = Aᵀ(b − A x) has w_j = 0 for passive j and w_j ≤ tol for j at 0.
 * Finite, at most a few times p outer steps in practice; O(m·p²) per step.
 * @param A - m × p matrix of full column rank (row-major)
 * @param b - right-hand side of length m
 * @param bounded - per column, whether x_j ≥ 0 is imposed
 * @returns x (new Float64Array of length p)
 * @throws RangeError if a passive subproblem is rank deficient
 */
export function nnlsMixed(A: Matrix, b: NumberArray, bounded: readonly boolean[]): Float64Array {
  const { rows: m, cols: p, data } = A;
  const x = new Float64Array(p);
  const passive = bounded.map((bd) => !bd);

  const solvePassive = (): Float64Array => {
    const idx: number[] = [];
    for (let j = 0; j < p; j++) if (passive[j]) idx.push(j);
    const z = new Float64Array(p);
    if (idx.length === 0) return z;
    const sub = new Float64Array(m * idx.length);
    for (let i = 0; i < m; i++) for (let k = 0; k < idx.length; k++) sub[i * idx.length + k] = data[i * p + idx[k]];
    const qr = householderQr({ rows: m, cols: idx.length, data: sub });
    if (qr.deficient.length > 0) throw new RangeError("nnlsMixed requires A of full column rank");
    const c = qr.solve(b);
    for (let k = 0; k < idx.length; k++) z[idx[k]] = c[k];
    return z;
  };
  const gradient = (): Float64Array => {
    const r = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = b[i];
      for (let j = 0; j < p; j++) s -= data[i * p + j] * x[j];
      r[i] = s;
    }
    const w = new Float64Array(p);
    for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) w[j] += data[i * p + j] * r[i];
    return w;
  };

  // Scale of the problem for the KKT tolerance: ‖A‖_max·‖b‖₁-like bound on |w|.
  let aMax = 0;
  for (let k = 0; k < data.length; k++) aMax = Math.max(aMax, Math.abs(data[k]));
  let bSum = 0;
  for (let i = 0; i < m; i++) bSum += Math.abs(b[i]);
  const tol = 10 * Number.EPSILON * Math.max(m, p) * aMax * Math.max(bSum, 1);

  // Free variables first (no feasibility question for them).
  x.set(solvePassive());
  const maxOuter = 3 * p + 30;
  for (let outer = 0; outer < maxOuter; outer++) {
    const w = gradient();
    let best = -1;
    let bestW = tol;
    for (let j = 0; j < p; j++) {
      if (bounded[j] && !passive[j] && w[j] > bestW) {
        best = j;
        bestW = w[j];
      }
    }
    if (best < 0) return x;
    passive[best] = true;
    for (let inner = 0; inner < 3 * p + 30; inner++) {
      const z = solvePassive();
      if (inner === 0 && !(z[best] > 0)) {
        // w_best > 0 yet the entering variable would be ≤ 0: only possible through rounding, so
        // the KKT conditions hold to working precision; stop (Lawson & Hanson, step 6 guard).
        passive[best] = false;
        return x;
      }
      let step = 1;
      let blocking = -1;
      for (let j = 0; j < p; j++) {
        if (bounded[j] && passive[j] && z[j] <= 0) {
          const denom = x[j] - z[j];
          const sj = denom > 0 ? x[j] / denom : 0;
          if (sj < step || blocking < 0) {
            step = Math.min(step, sj);
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
        if (bounded[j] && passive[j] && !(x[j] > 0)) {
          x[j] = 0;
          passive[j] = false;
        }
      }
    }
  }
  return x;
}
