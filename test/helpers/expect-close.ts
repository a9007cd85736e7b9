/**
 * The one closeness assertion of the test suite (STYLE.md rule 4): every call states its
 * tolerance, relative and/or absolute.
 */
import { expect } from "vitest";

/** Tolerance of expectClose: relative `rel`, absolute `abs`, and a `floor` under |expected| for `rel`. */
export interface CloseTolerance {
  rel?: number;
  abs?: number;
  floor?: number;
}

/**
 * expectClose(actual, expected, { rel, abs, floor }) passes when, elementwise,
 * |actual − expected| ≤ max(abs, rel·max(|expected|, floor)) (all default 0, so an omitted
 * tolerance means exact). Numbers or equally long arrays; NaN never passes.
 * @example expectClose(0.1 + 0.2, 0.3, { rel: 1e-15 })
 */
export function expectClose(actual: ArrayLike<number> | number, expected: ArrayLike<number> | number, { rel = 0, abs = 0, floor = 0 }: CloseTolerance = {}): void {
  const a = typeof actual === "number" ? [actual] : Array.from(actual);
  const e = typeof expected === "number" ? [expected] : Array.from(expected);
  expect(a.length).toBe(e.length);
  for (let i = 0; i < e.length; i++) {
    const bound = Math.max(rel * Math.max(Math.abs(e[i]), floor), abs);
    const diff = Math.abs(a[i] - e[i]);
    if (!(diff <= bound)) {
      expect.fail(`element ${i}: got ${a[i]}, expected ${e[i]} (|Δ| = ${diff}, allowed ${bound})`);
    }
  }
}
