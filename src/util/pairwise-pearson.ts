import type { NumberArray } from "./vector-checks";

/**
 * pairwisePearson(x, y) → Pearson's r over the rows where both x and y are numbers (pairwise
 * complete, as pandas' `DataFrame.corr()`) and how many rows that is. Two passes (means first, then
 * centred sums) so large offsets (revenue in the millions) lose no digits. r is NaN when fewer than
 * 2 rows remain or a series is constant on them, and is clamped to [-1, 1] against rounding. O(n).
 * Shared by the EDA correlation matrix and the loader's exposure-column check.
 * @param x - first series
 * @param y - second series, at least as long as x
 * @example pairwisePearson([1, 2, 3, 4], [2, 1, 4, 3]) // => { r: 0.6, count: 4 }
 */
export function pairwisePearson(x: NumberArray, y: NumberArray): { r: number; count: number } {
  let count = 0, sx = 0, sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i], b = y[i];
    if (!Number.isNaN(a) && !Number.isNaN(b)) { count++; sx += a; sy += b; }
  }
  if (count < 2) return { r: NaN, count };
  const mx = sx / count, my = sy / count;
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i], b = y[i];
    if (!Number.isNaN(a) && !Number.isNaN(b)) {
      const dx = a - mx, dy = b - my;
      sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
    }
  }
  if (!(sxx > 0 && syy > 0)) return { r: NaN, count };
  return { r: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), count };
}
