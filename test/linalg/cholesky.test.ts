// Identities (STYLE.md rule 5) on a seeded random SPD matrix A = BᵀB + I: L·Lᵀ = A, A·x = b,
// log det A against the product of the diagonal pivots, diag(A⁻¹) against A·(A⁻¹e_j) = e_j; and
// the 2 × 2 example [[4, 2], [2, 5]] by hand (L = [[2, 0], [1, 2]], det 16, A⁻¹ = [[5, −2], [−2, 4]]/16).
import { describe, expect, it } from "vitest";
import { choleskyInto, choleskyInverseDiagonal, choleskyLogDet, choleskyLower, choleskySolve, solveLower, solveLowerTransposed } from "../../src/linalg/cholesky";
import { createRandom } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";

function randomSpd(p: number, seed: number): Float64Array {
  const r = createRandom(seed);
  const B = Float64Array.from({ length: p * p }, () => r.normal());
  const A = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
    let s = i === j ? 1 : 0;
    for (let k = 0; k < p; k++) s += B[k * p + i] * B[k * p + j];
    A[i * p + j] = s;
  }
  return A;
}

describe("cholesky", () => {
  it("choleskyLower of [[4, 2], [2, 5]] is [[2, 0], [1, 2]] exactly, with log det log 16 and diag(A⁻¹) = [5/16, 4/16]", () => {
    const L = choleskyLower([4, 2, 2, 5], 2)!;
    expect(Array.from(L)).toEqual([2, 0, 1, 2]);
    expectClose(choleskyLogDet(L, 2), Math.log(16), { rel: 1e-15 });
    expect(Array.from(choleskyInverseDiagonal(L, 2))).toEqual([0.3125, 0.25]);
    expect(Array.from(solveLower(L, 2, [2, 5]))).toEqual([1, 2]);
    expect(Array.from(solveLowerTransposed(L, 2, [4, 4]))).toEqual([1, 2]);
  });

  it("choleskyLower(A) of a random 12 × 12 SPD matrix satisfies L·Lᵀ = A and solves A·x = b", () => {
    const p = 12;
    const A = randomSpd(p, 4);
    const L = choleskyLower(A, p)!;
    const LLt = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += L[i * p + k] * L[j * p + k];
      LLt[i * p + j] = s;
    }
    expectClose(LLt, A, { rel: 1e-13, floor: 1 });
    const b = Array.from({ length: p }, (_, i) => i - 5);
    const x = choleskySolve(L, p, b);
    const Ax = Array.from({ length: p }, (_, i) => A.subarray(i * p, (i + 1) * p).reduce((s, a, k) => s + a * x[k], 0));
    expectClose(Ax, b, { abs: 1e-11 });
  });

  it("choleskyInverseDiagonal(L) equals the diagonal of the inverse found by solving A·x = e_j", () => {
    const p = 9;
    const A = randomSpd(p, 5);
    const L = choleskyLower(A, p)!;
    const direct = Array.from({ length: p }, (_, j) => choleskySolve(L, p, Array.from({ length: p }, (_, i) => (i === j ? 1 : 0)))[j]);
    expectClose(choleskyInverseDiagonal(L, p), direct, { rel: 1e-12 });
    let logDet = 0;
    for (let j = 0; j < p; j++) logDet += 2 * Math.log(L[j * p + j]);
    expectClose(choleskyLogDet(L, p), logDet, { rel: 1e-15 });
  });

  it("choleskyLower reports a singular or indefinite matrix as null", () => {
    expect(choleskyLower([1, 1, 1, 1], 2)).toBeNull();
    expect(choleskyLower([1, 2, 2, 1], 2)).toBeNull();
    expect(() => choleskyLower([1, 2, 3], 2)).toThrow(/choleskyLower requires a p × p matrix/);
  });

  it("choleskyInto(A, p, L, 0, index, count, pivots) factors the principal submatrix A[index, index] in place, with Σ log pivots = log det", () => {
    const p = 8;
    const A = randomSpd(p, 6);
    const index = Int32Array.of(1, 4, 6);
    const sub = new Float64Array(9);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) sub[r * 3 + c] = A[index[r] * p + index[c]];
    const L = new Float64Array(p * p).fill(7);
    const pivots = new Float64Array(3);
    expect(choleskyInto(A, p, L, 0, index, 3, pivots)).toBe(true);
    const direct = choleskyLower(sub, 3)!;
    for (let r = 0; r < 3; r++) for (let c = 0; c <= r; c++) expect(L[r * 3 + c]).toBe(direct[r * 3 + c]);
    expectClose(pivots.reduce((s, v) => s + Math.log(v), 0), choleskyLogDet(direct, 3), { rel: 1e-14 });
  });

  it("choleskyInto reports a block that is not positive definite as false, and tol raises the pivot floor", () => {
    const L = new Float64Array(4);
    expect(choleskyInto([1, 2, 2, 1], 2, L, 0, null, 2)).toBe(false);
    expect(choleskyInto([1, 1, 1, 1 + 1e-12], 2, L, 0, null, 2)).toBe(true);
    expect(choleskyInto([1, 1, 1, 1 + 1e-12], 2, L, 1e-6, null, 2)).toBe(false);
    expect(choleskyInto([1, 0, 0, Infinity], 2, L, 0, null, 2)).toBe(false);
  });
});
