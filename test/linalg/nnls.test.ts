import { describe, expect, it } from "vitest";
import { nnlsMixed } from "../../src/linalg/nnls";
import { expectClose } from "../helpers/expect-close";

describe("nnlsMixed", () => {
  it("nnlsMixed leaves unbounded variables free to be negative", () => {
    // min ‖A x − b‖² with x0 free and x1 ≥ 0; unconstrained optimum is (−1, −2)
    const A = { rows: 3, cols: 2, data: Float64Array.of(1, 0, 0, 1, 1, 1) };
    const b = [-1, -2, -3];
    const x = nnlsMixed(A, b, [false, true]);
    expect(x[1]).toBe(0);
    // with x1 = 0: min (x0 + 1)² + (x0 + 3)² → x0 = −2
    expectClose(x[0], -2, { rel: 1e-14 });
  });
});
