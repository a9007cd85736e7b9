import { describe, expect, it } from "vitest";
import { householderQr } from "../../src/linalg/qr";
import { designMatrix, designMatrixFromColumns } from "../../src/models/standardize";
import { createRandom } from "../../src/util/random";
import { longleyX } from "../fixtures/models/reference";
import { expectClose } from "../helpers/expect-close";

function randomMatrix(seed: number, m: number, p: number) {
  const rng = createRandom(seed);
  return designMatrix(Array.from({ length: m }, () => Array.from({ length: p }, () => rng.normal())));
}

describe("householderQr", () => {
  it("householderQr(X): RᵀR equals XᵀX (Q orthogonal) to 1e-12", () => {
    const X = randomMatrix(7, 30, 5);
    const qr = householderQr(X);
    const { R } = qr;
    for (let a = 0; a < 5; a++) {
      for (let b = 0; b < 5; b++) {
        let rtr = 0;
        for (let k = 0; k < 5; k++) rtr += R[k * 5 + a] * R[k * 5 + b];
        let xtx = 0;
        for (let i = 0; i < 30; i++) xtx += X.data[i * 5 + a] * X.data[i * 5 + b];
        expectClose(rtr, xtx, { rel: 1e-12, abs: 1e-12 });
      }
    }
  });

  it("householderQr(X).applyQt preserves the norm of a vector", () => {
    const X = randomMatrix(3, 12, 4);
    const b = Array.from({ length: 12 }, (_, i) => Math.sin(i + 1));
    const qtb = householderQr(X).applyQt(b);
    expectClose(Math.hypot(...qtb), Math.hypot(...b), { rel: 1e-14 });
  });

  it("householderQr(X).solve returns the exact coefficients of a consistent system", () => {
    const X = randomMatrix(11, 20, 3);
    const truth = [1.5, -2, 0.25];
    const b = Array.from({ length: 20 }, (_, i) => truth.reduce((s, t, j) => s + t * X.data[i * 3 + j], 0));
    expectClose(householderQr(X).solve(b), truth, { rel: 1e-13 });
  });

  it("householderQr(X).rInverse times R is the identity", () => {
    const qr = householderQr(longleyX);
    const k = qr.rank;
    const inv = qr.rInverse();
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let l = 0; l < k; l++) s += qr.R[a * k + l] * inv[l * k + b];
        expect(s).toBeCloseTo(a === b ? 1 : 0, 9);
      }
    }
  });

  it("householderQr marks a column that repeats a combination of earlier ones and keeps the rest", () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [0, 1, 0, 1, 0, 2];
    const c = a.map((v, i) => 3 * v - b[i]);
    const d = [5, 3, 2, 2, 8, 1];
    const qr = householderQr(designMatrixFromColumns([a, b, c, d]));
    expect(qr.rank).toBe(3);
    expect(qr.accepted).toEqual([0, 1, 3]);
    expect(qr.deficient.length).toBe(1);
    expect(qr.deficient[0].column).toBe(2);
    expect(qr.deficient[0].dependsOn).toEqual([0, 1]);
    expectClose(qr.deficient[0].coefficients, [3, -1], { rel: 1e-12 });
  });

  it("householderQr rejects a malformed matrix or tolerance", () => {
    expect(() => householderQr({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(/householderQr requires/);
    expect(() => householderQr(designMatrix([[1]]), 0)).toThrow(/householderQr requires tol in \(0, 1\)/);
  });
});
