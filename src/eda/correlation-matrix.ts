/**
 * Pearson correlation between every pair of series, for the EDA heatmap: does spend move with
 * revenue, and do channels move together (collinearity the model will struggle with)?
 */
import { pairwisePearson } from "../util/pairwise-pearson";
import type { NumberArray } from "../util/vector-checks";

/** The matrix of correlationMatrix: names, r per pair, and how many rows each pair used. */
export interface CorrelationMatrix {
  names: string[];
  /** values[i][j] = Pearson r of names[i] and names[j]; NaN when a series is constant or has < 2 rows. */
  values: number[][];
  /** counts[i][j] = rows where both series have a value (pairwise complete observations). */
  counts: number[][];
}

/**
 * pearson(x, y) → Pearson's r over the rows where both x and y are numbers (pairwise complete, as
 * pandas' `DataFrame.corr()`), by two passes (means first, then centred sums) so large offsets
 * (revenue in the millions) lose no digits. NaN when fewer than 2 rows remain or a series is
 * constant on them. Clamped to [-1, 1] against rounding. O(n).
 * @param x - first series
 * @param y - second series, same length
 * @returns r in [-1, 1], or NaN
 * @throws RangeError if x and y differ in length
 * @example pearson([1, 2, 3, 4], [2, 1, 4, 3]) // => 0.6
 */
export function pearson(x: NumberArray, y: NumberArray): number {
  if (x.length !== y.length) throw new RangeError(`pearson requires series of equal length (got ${x.length} and ${y.length})`);
  return pairwisePearson(x, y).r;
}

/**
 * correlationMatrix(columns, names) → Pearson r of every pair of the named series (pairwise complete
 * observations; symmetric; 1 on the diagonal of a non-constant series). O(p²·n).
 * @param columns - series by name, all the same length
 * @param names - which series, in which order (default: every key of columns)
 * @returns names, values and counts, p × p
 * @throws RangeError if a name has no series or the series differ in length
 * @example correlationMatrix({ a: [1, 2, 3], b: [3, 2, 1] }).values // => [[1, -1], [-1, 1]]
 */
export function correlationMatrix(columns: Readonly<Record<string, NumberArray>>, names: readonly string[] = Object.keys(columns)): CorrelationMatrix {
  const series = names.map((name) => {
    const s = columns[name];
    if (s === undefined) throw new RangeError(`correlationMatrix requires a series named "${name}"`);
    return s;
  });
  const n = series.length > 0 ? series[0].length : 0;
  series.forEach((s, i) => {
    if (s.length !== n) throw new RangeError(`correlationMatrix requires series of equal length ("${names[i]}" has ${s.length}, not ${n})`);
  });
  const p = names.length;
  const values = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  const counts = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      const { r, count } = pairwisePearson(series[i], series[j]);
      values[i][j] = values[j][i] = i === j && !Number.isNaN(r) ? 1 : r;
      counts[i][j] = counts[j][i] = count;
    }
  }
  return { names: [...names], values, counts };
}

/**
 * strongestCorrelations(matrix, count) → the `count` off-diagonal pairs with the largest |r|, largest
 * first (NaN pairs left out): the pairs worth a sentence in the notebook. O(p² log p).
 * @example strongestCorrelations(correlationMatrix({ a: [1, 2, 3], b: [3, 2, 1], c: [1, 3, 2] }), 1) // => [{ a: "a", b: "b", r: -1 }]
 */
export function strongestCorrelations(matrix: CorrelationMatrix, count: number): { a: string; b: string; r: number }[] {
  const pairs: { a: string; b: string; r: number }[] = [];
  for (let i = 0; i < matrix.names.length; i++) {
    for (let j = i + 1; j < matrix.names.length; j++) {
      const r = matrix.values[i][j];
      if (!Number.isNaN(r)) pairs.push({ a: matrix.names[i], b: matrix.names[j], r });
    }
  }
  pairs.sort((x, y) => Math.abs(y.r) - Math.abs(x.r));
  return pairs.slice(0, Math.max(0, count));
}
