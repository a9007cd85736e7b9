/**
 * Quantiles of plain numeric arrays, type 7 (linear interpolation between order statistics, the
 * default of R and numpy), by sorting or by selection.
 */

/**
 * quantileSorted(sorted, p) is the type-7 (linear interpolation) quantile of ascending values, as
 * R's default and numpy's "linear": h = (n-1)·p, x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
 * @throws RangeError if sorted is empty or p is outside [0, 1]
 * @example quantileSorted([1, 2, 3, 4], 0.5) // => 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(sorted.length > 0)) throw new RangeError("quantileSorted requires at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError("quantileSorted requires p in [0, 1]");
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * quantileInPlace(values, p) is quantileSorted(sorted copy, p) without sorting: two order statistics
 * by quickselect (Hoare's FIND), expected O(n). Reorders `values`.
 */
export function quantileInPlace(values: Float64Array, p: number): number {
  if (!(values.length > 0)) throw new RangeError("quantileInPlace requires at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError("quantileInPlace requires p in [0, 1]");
  const h = (values.length - 1) * p;
  const lo = Math.floor(h);
  const a = select(values, lo);
  if (lo + 1 >= values.length || h === lo) return a;
  // After select, everything right of lo is ≥ a: the next order statistic is their minimum.
  let b = Infinity;
  for (let i = lo + 1; i < values.length; i++) if (values[i] < b) b = values[i];
  return a + (h - lo) * (b - a);
}

/** select(values, k) puts the k-th smallest at index k, smaller ones left, larger right; returns it. */
function select(values: Float64Array, k: number): number {
  let left = 0, right = values.length - 1;
  while (right > left) {
    const pivot = values[(left + right) >> 1];
    let i = left, j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i]; values[i] = values[j]; values[j] = t;
        i++; j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

