/**
 * withinTransform(X, y, offsets): the fixed-effects ("within") transform of a stacked panel —
 * every column and the target minus its own group's mean, and those means. OLS on the demeaned
 * data gives the same slopes and residuals as OLS with one dummy per group (Frisch–Waugh–Lovell),
 * without building the n × G dummy matrix.
 * https://en.wikipedia.org/wiki/Fixed_effects_model
 */
import type { NumberArray } from "../util/vector-checks";
import type { DesignMatrix } from "./standardize";

/** The demeaned data and the group means it removed. */
export interface WithinTransformed {
  /** x_ij − x̄_g(i),j, n × p row-major. */
  X: DesignMatrix;
  /** y_i − ȳ_g(i). */
  y: Float64Array;
  /** x̄_g,j, G × p row-major. */
  xMeans: Float64Array;
  /** ȳ_g. */
  yMeans: Float64Array;
}

/**
 * checkOffsets(fn, offsets, n) checks group offsets: 0 first, n last, each group at least one row.
 * @throws RangeError naming `fn`
 */
export function checkOffsets(fn: string, offsets: ArrayLike<number>, n: number): void {
  if (!(offsets.length >= 2) || offsets[0] !== 0 || offsets[offsets.length - 1] !== n) {
    throw new RangeError(`${fn} requires offsets from 0 to the number of rows (${n})`);
  }
  for (let g = 0; g + 1 < offsets.length; g++) {
    if (!(offsets[g + 1] > offsets[g])) throw new RangeError(`${fn} requires every group to have at least one row (group ${g} has none)`);
  }
}

/**
 * withinTransform(X, y, offsets) → the demeaned X and y and the group means (see the module comment).
 * Group g's rows are [offsets[g], offsets[g + 1]). Two passes per group (mean, then subtract). O(n·p).
 * @throws RangeError if the offsets do not cover the rows (checkOffsets) or y has another length
 * @example withinTransform({ rows: 4, cols: 1, data: Float64Array.of(1, 3, 10, 20) }, [2, 4, 5, 9], [0, 2, 4]).y // => [-1, 1, -2, 2]
 */
export function withinTransform(X: DesignMatrix, y: NumberArray, offsets: ArrayLike<number>): WithinTransformed {
  const { rows: n, cols: p, data } = X;
  if (y.length !== n) throw new RangeError(`withinTransform requires y of length ${n}, got ${y.length}`);
  checkOffsets("withinTransform", offsets, n);
  const groups = offsets.length - 1;
  const out = new Float64Array(n * p);
  const yOut = new Float64Array(n);
  const xMeans = new Float64Array(groups * p);
  const yMeans = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    const from = offsets[g], to = offsets[g + 1], size = to - from;
    let ySum = 0;
    for (let i = from; i < to; i++) {
      ySum += y[i];
      for (let j = 0; j < p; j++) xMeans[g * p + j] += data[i * p + j];
    }
    yMeans[g] = ySum / size;
    for (let j = 0; j < p; j++) xMeans[g * p + j] /= size;
    for (let i = from; i < to; i++) {
      yOut[i] = y[i] - yMeans[g];
      for (let j = 0; j < p; j++) out[i * p + j] = data[i * p + j] - xMeans[g * p + j];
    }
  }
  return { X: { rows: n, cols: p, data: out }, y: yOut, xMeans, yMeans };
}
