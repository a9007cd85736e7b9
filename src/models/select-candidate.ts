/**
 * Choosing one candidate from a set without being fooled by the lowest error.
 *
 * With thousands of candidates some fit the noise of the few CV folds, and their transforms (and so
 * their ROAS) are off. mostCentral picks the candidate most central among a set of draws, column by
 * column (its figures' percentiles among the draws closest to 50 %); the default fit takes its
 * model this way among its posterior draws (fit/intervals.ts), so the point estimate is typical of
 * every setting the data support and sits inside its intervals.
 */

/**
 * mostCentral(rows, draws) → the index of the row (one candidate's figures, e.g. ROAS per channel)
 * most central among the draws: for each column, where the row's value falls in the draws' empirical
 * distribution (mid-rank percentile, so ties such as many zeros count half), and the row whose
 * largest distance of those percentiles from 50 % is smallest, ties broken by their sum, then by
 * the lower index. A row that minimises the largest distance sits inside every central interval of
 * the draws it can, whatever each column's scale or skew — which a distance between values (even
 * in logs) does not ensure: a column with many zero draws, or a tight one, would count too little.
 * Non-finite values are skipped. O(rows·columns·log draws + columns·draws·log draws).
 * @param rows - candidates, one array of figures each (at least one)
 * @param draws - per column, the draws (default: the columns of rows themselves)
 * @throws RangeError if there are no rows
 * @example mostCentral([[1, 5], [2, 2], [3, 1]]) // => 1
 */
export function mostCentral(rows: readonly (readonly number[])[], draws?: readonly ArrayLike<number>[]): number {
  if (!(rows.length > 0)) throw new RangeError("mostCentral requires at least one row");
  const columns = (draws ?? rows[0].map((_, c) => rows.map((r) => r[c])))
    .map((column) => Array.from(column).filter((v) => Number.isFinite(v)).sort((a, b) => a - b));
  // Mid-rank empirical CDF of a sorted column at x: (#below + #equal/2) / n.
  const cdf = (sorted: number[], x: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    let eq = lo;
    while (eq < sorted.length && sorted[eq] === x) eq++;
    return (lo + (eq - lo) / 2) / sorted.length;
  };
  let best = 0;
  let bestMax = Infinity;
  let bestSum = Infinity;
  rows.forEach((r, j) => {
    let sum = 0;
    let max = 0;
    columns.forEach((sorted, c) => {
      if (sorted.length === 0 || !Number.isFinite(r[c])) return;
      const d = Math.abs(cdf(sorted, r[c]) - 0.5);
      sum += d;
      max = Math.max(max, d);
    });
    if (max < bestMax - 1e-12 || (max <= bestMax + 1e-12 && sum < bestSum - 1e-12)) {
      bestMax = max;
      bestSum = sum;
      best = j;
    }
  });
  return best;
}
