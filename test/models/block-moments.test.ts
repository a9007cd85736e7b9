// blockResampleMoments: the weighted sums and cross-products of block resamples from one sweep,
// against the same sums taken row by row over the resample's rows.
import { describe, expect, it } from "vitest";
import { blockResampleMoments } from "../../src/models/block-moments";
import { blockIndices, blockStarts } from "../../src/models/bootstrap";
import { createRandom } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";

describe("blockResampleMoments", () => {
  it("blockResampleMoments(...) equals Σ z and Σ z zᵀ over the rows blockIndices draws (z = x − mean over the k rows)", () => {
    const random = createRandom(11);
    const k = 97;
    const columns = [0, 1, 2].map((c) => Float64Array.from({ length: k + 5 }, () => 1000 * c + random.normal()));
    const drawer = createRandom(4);
    const starts = [0, 1, 2, 3].map(() => blockStarts(k, 9, drawer));
    const rowsDrawer = createRandom(4);
    const rows = [0, 1, 2, 3].map(() => blockIndices(k, 9, rowsDrawer));
    const moments = blockResampleMoments(columns, k, 9, starts);
    moments.forEach((mo, r) => {
      expect(mo.weight).toBe(k);
      const shift = columns.map((c) => c.subarray(0, k).reduce((a, b) => a + b, 0) / k);
      expectClose(mo.shift, shift, { rel: 1e-15 });
      const z = (i: number, a: number) => columns[a][i] - shift[a];
      expectClose(mo.sums, shift.map((_, a) => rows[r].reduce((s, i) => s + z(i, a), 0)), { abs: 1e-11 });
      const products = shift.flatMap((_, a) => shift.map((_b, b) => rows[r].reduce((s, i) => s + z(i, a) * z(i, b), 0)));
      expectClose(mo.products, products, { rel: 1e-12 });
    });
  });

  it("blockResampleMoments(...) of one block covering every row is the centred Gram of the window", () => {
    const x = Float64Array.of(1, 2, 4, 7, 100);
    const [mo] = blockResampleMoments([x], 4, 10, [Int32Array.of(0)]);
    // mean 3.5 over the 4 rows: Σ z = 0, Σ z² = 6.25 + 2.25 + 0.25 + 12.25
    expect(mo.sums[0]).toBe(0);
    expect(mo.products[0]).toBe(21);
  });

  it("blockResampleMoments(...) rejects a short column and a block start out of range", () => {
    expect(() => blockResampleMoments([new Float64Array(3)], 4, 2, [Int32Array.of(0, 2)])).toThrow(/at least 4 rows: column 0/);
    expect(() => blockResampleMoments([new Float64Array(4)], 4, 2, [Int32Array.of(0, 3)])).toThrow(/block starts in \[0, 2\]: resample 0 has 3/);
  });
});
