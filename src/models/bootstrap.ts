/**
 * Moving-block bootstrap primitives (Künsch 1989): blockIndices draws the rows of one resample in
 * runs of consecutive periods, so the autocorrelation within a block survives; percentile bounds
 * the intervals. The bootstrap over posterior draws that uses them is draw-returns.ts.
 */
import { quantileSorted } from "../util/quantile";

/**
 * blockIndices(n, blockLength, random) → n row indices made of blocks of `blockLength` consecutive
 * rows starting at uniformly drawn positions (the moving-block bootstrap of Künsch 1989).
 */
export function blockIndices(n: number, blockLength: number, random: { int(n: number): number }): number[] {
  const length = Math.max(1, Math.min(blockLength, n));
  const out: number[] = [];
  while (out.length < n) {
    const start = random.int(n - length + 1);
    for (let i = 0; i < length && out.length < n; i++) out.push(start + i);
  }
  return out;
}

/** percentile(values, p) — type-7 quantile of the finite values (NaN when there are none). */
export function percentile(values: Float64Array, p: number): number {
  const finite = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  return finite.length === 0 ? NaN : quantileSorted(finite, p);
}
