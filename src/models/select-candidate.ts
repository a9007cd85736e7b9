/**
 * Choosing one candidate from a search without being fooled by the lowest cross-validated error.
 *
 * On data like ours the candidate with the very lowest CV error is rarely the truth: with
 * thousands of candidates some fit the noise of the few CV folds, and their transforms (and so their
 * ROAS) are off. So we take the near-optimal set — every candidate whose CV error is within
 * `tolerance` of the best — and pick its medoid in the space of log ROAS per channel: the candidate
 * whose channel returns are most typical of all the settings the data cannot tell apart. That choice
 * is stable (more trials add candidates on both sides of the centre instead of pushing to an edge),
 * and the spread of the near-optimal set is what the bootstrap then carries into the intervals.
 */

export interface ScoredCandidate {
  /** objectives[0] = CV error (NRMSE), objectives[1] = decomposition distance (RSSD), then ROAS per channel. */
  objectives: readonly number[];
}

export interface Selection {
  index: number;
  best: number;
  nearOptimal: number[];
}

/**
 * selectCandidate(candidates, channelCount, tolerance) → the medoid (in log-ROAS space, L1) of the
 * candidates with CV error ≤ best · (1 + tolerance); ties go to the lower CV error. O(k²) in the
 * size k of the near-optimal set, capped at the `cap` best candidates.
 */
export function selectCandidate(candidates: readonly ScoredCandidate[], channelCount: number, tolerance = 0.02, cap = 400): Selection {
  if (!(candidates.length > 0)) throw new RangeError("selectCandidate requires at least one candidate");
  let best = 0;
  candidates.forEach((c, i) => { if (c.objectives[0] < candidates[best].objectives[0]) best = i; });
  const limit = candidates[best].objectives[0] * (1 + tolerance);
  const near = candidates
    .map((c, i) => ({ i, cv: c.objectives[0] }))
    .filter((c) => c.cv <= limit && Number.isFinite(c.cv))
    .sort((a, b) => a.cv - b.cv || a.i - b.i)
    .slice(0, cap)
    .map((c) => c.i);
  const logRoas = near.map((i) => {
    const o = candidates[i].objectives;
    return Array.from({ length: channelCount }, (_, c) => Math.log(Math.max(o[2 + c], 1e-6)));
  });
  let index = near[0];
  let bestCost = Infinity;
  for (let a = 0; a < near.length; a++) {
    let cost = 0;
    for (let b = 0; b < near.length; b++) for (let c = 0; c < channelCount; c++) cost += Math.abs(logRoas[a][c] - logRoas[b][c]);
    if (cost < bestCost - 1e-12) {
      bestCost = cost;
      index = near[a];
    }
  }
  return { index, best, nearOptimal: near };
}
