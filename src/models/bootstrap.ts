/**
 * Moving-block bootstrap primitives (Künsch 1989): blockIndices draws the rows of one resample in
 * runs of consecutive periods, so the autocorrelation within a block survives; percentile bounds
 * the intervals. The bootstrap over posterior draws that uses them is draw-returns.ts.
 */
import { quantileSorted } from "../util/quantile";

/**
 * blockStarts(n, blockLength, random) → the starts of the ⌈n / L⌉ blocks of one moving-block
 * resample (Künsch 1989), each drawn uniformly from [0, n − L], L = blockLength clamped to [1, n];
 * every block is L rows long except the last, cut so that the resample has n rows.
 */
export function blockStarts(n: number, blockLength: number, random: { int(n: number): number }): Int32Array {
  const length = Math.max(1, Math.min(blockLength, n));
  const out = new Int32Array(Math.ceil(n / length));
  for (let b = 0; b < out.length; b++) out[b] = random.int(n - length + 1);
  return out;
}

/**
 * blockIndices(n, blockLength, random) → the n row indices of one moving-block resample: the
 * blocks of blockStarts, in order.
 */
export function blockIndices(n: number, blockLength: number, random: { int(n: number): number }): number[] {
  const length = Math.max(1, Math.min(blockLength, n));
  const out: number[] = [];
  for (const start of blockStarts(n, blockLength, random)) {
    for (let i = 0; i < length && out.length < n; i++) out.push(start + i);
  }
  return out;
}

/** percentile(values, p) — type-7 quantile of the finite values (NaN when there are none). */
export function percentile(values: Float64Array, p: number): number {
  const finite = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  return finite.length === 0 ? NaN : quantileSorted(finite, p);
}
