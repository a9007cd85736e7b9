/**
 * Pareto ranks (non-dominated sorting) of points with several objectives, all minimised.
 *
 * Point a dominates point b when a is no worse in every objective and strictly better in at least
 * one. Rank 1 is the set of points no point dominates (the Pareto front); rank r + 1 is the front
 * of what remains after removing ranks 1…r — equivalently, a point's rank is 1 + the highest rank
 * among the points that dominate it. Equal points do not dominate each other, so duplicates share
 * a rank. Objectives must not be NaN (±Infinity is allowed and ordered as usual).
 */

function checkObjectives(objectives: ReadonlyArray<readonly number[]>, name: string): number {
  const k = objectives.length > 0 ? objectives[0].length : 0;
  for (const o of objectives) {
    if (o.length !== k) throw new RangeError(`${name} requires the same number of objectives for every point`);
    for (let j = 0; j < k; j++) if (o[j] !== o[j]) throw new RangeError(`${name} requires objectives without NaN`);
  }
  return k;
}

/** True when a dominates b (minimisation). */
function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictly = false;
  for (let j = 0; j < a.length; j++) {
    if (a[j] > b[j]) return false;
    if (a[j] < b[j]) strictly = true;
  }
  return strictly;
}

/**
 * Two objectives in O(n log n) (Jensen 2003, "Reducing the run-time complexity of multiobjective
 * EAs: the NSGA-II and other algorithms", IEEE TEC 7(5)): sort by (f1, f2), then sweep. Every
 * dominator of a point comes before it in that order, and if front r holds a dominator so does
 * every front below r, so the point's rank is found by binary search over the fronts built so far.
 * Front r is summarised by its smallest f2 so far (its latest member) and the f1 of the first
 * member that reached it: a point (f1, f2) is dominated by front r iff minF2 < f2, or minF2 = f2
 * and that member's f1 < f1.
 */
function ranks2(objectives: ReadonlyArray<readonly number[]>): number[] {
  const n = objectives.length;
  const f1 = new Float64Array(n);
  const f2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f1[i] = objectives[i][0];
    f2[i] = objectives[i][1];
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => f1[a] - f1[b] || f2[a] - f2[b] || a - b);
  const minF2: number[] = [];
  const f1AtMin: number[] = [];
  const ranks = new Array<number>(n);
  for (const i of order) {
    const x = f1[i];
    const y = f2[i];
    // First front (0-based) that does not dominate (x, y); fronts 0…lo−1 all do.
    let lo = 0;
    let hi = minF2.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (minF2[mid] < y || (minF2[mid] === y && f1AtMin[mid] < x)) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo + 1;
    if (lo === minF2.length) {
      minF2.push(y);
      f1AtMin.push(x);
    } else if (y < minF2[lo]) {
      minF2[lo] = y;
      f1AtMin[lo] = x;
    }
  }
  return ranks;
}

/**
 * Any number of objectives in O(k·n²): the fast non-dominated sort of NSGA-II (Deb, Pratap,
 * Agarwal & Meyarivan 2002, IEEE TEC 6(2)) — count each point's dominators, then peel fronts.
 */
function ranksGeneral(objectives: ReadonlyArray<readonly number[]>): number[] {
  const n = objectives.length;
  const dominatedBy = new Int32Array(n);
  const dominatesList: number[][] = Array.from({ length: n }, () => []);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (dominates(objectives[a], objectives[b])) {
        dominatesList[a].push(b);
        dominatedBy[b]++;
      } else if (dominates(objectives[b], objectives[a])) {
        dominatesList[b].push(a);
        dominatedBy[a]++;
      }
    }
  }
  const ranks = new Array<number>(n).fill(0);
  let front: number[] = [];
  for (let i = 0; i < n; i++) if (dominatedBy[i] === 0) front.push(i);
  let rank = 1;
  while (front.length > 0) {
    const next: number[] = [];
    for (const a of front) {
      ranks[a] = rank;
      for (const b of dominatesList[a]) if (--dominatedBy[b] === 0) next.push(b);
    }
    front = next;
    rank++;
  }
  return ranks;
}

/**
 * paretoRanks(objectives): the non-dominated sorting rank of every point, 1 for the Pareto front
 * (all objectives minimised; equal points are mutually non-dominated and share a rank). Two
 * objectives: O(n log n) by a sorted sweep; otherwise O(k·n²) by NSGA-II's fast non-dominated sort.
 * @param objectives - one array of k objective values per point (same k for all, no NaN)
 * @returns ranks ≥ 1, in input order
 * @throws RangeError if the points have different numbers of objectives or any objective is NaN
 * @example paretoRanks([[1, 4], [2, 2], [3, 3], [1, 4], [4, 1]]) // => [1, 1, 2, 1, 1]
 */
export function paretoRanks(objectives: ReadonlyArray<readonly number[]>): number[] {
  const k = checkObjectives(objectives, "paretoRanks");
  return k === 2 ? ranks2(objectives) : ranksGeneral(objectives);
}

/**
 * paretoFront(objectives): the indices of the rank-1 points (see paretoRanks), sorted by the first
 * objective, then the second …, then index. Two objectives: O(n log n); otherwise O(k·n²).
 * @param objectives - one array of k objective values per point (same k for all, no NaN)
 * @returns indices into `objectives`
 * @throws RangeError as paretoRanks
 * @example paretoFront([[3, 1], [2, 2], [3, 3], [1, 4]]) // => [3, 1, 0]
 */
export function paretoFront(objectives: ReadonlyArray<readonly number[]>): number[] {
  const ranks = paretoRanks(objectives);
  const front: number[] = [];
  for (let i = 0; i < ranks.length; i++) if (ranks[i] === 1) front.push(i);
  return front.sort((a, b) => {
    const oa = objectives[a];
    const ob = objectives[b];
    for (let j = 0; j < oa.length; j++) if (oa[j] !== ob[j]) return oa[j] < ob[j] ? -1 : 1;
    return a - b;
  });
}
