/**
 * Step 2 of a fit: search the free transform parameters and the penalty. Each candidate's media
 * columns go through the real transform functions and the candidate is scored by the evidence of
 * the media-prior ridge (media-prior-ridge.ts) — or, with the "lowest-cv" selection, by the CV
 * NRMSE of a ridge with one penalty — with the decomposition distance (RSSD) and its ROAS per
 * channel kept beside the score. The search is seeded: a Latin hypercube (seed), differential
 * evolution (seed + 1), then local sampling around the best candidates (seed + 2).
 * Why the evidence and not the CV error: docs/decisions/001-evidence-and-posterior-draws.md.
 */
import { createRandom } from "../../util/random";
import type { ModelSpec } from "../../spec/model-spec";
import type { FitSummary } from "../fitted-model";
import { mediaPriorCvNrmse, prepareMediaPriorCv } from "../media-prior-cv";
import { createMediaPriorRidge, fitMediaPriorRidge, type MediaPriorRidgeOptions } from "../media-prior-ridge";
import { prepareRidgeCv, scoreCandidate } from "../ridge-cv";
import { runSearch } from "../search/search";
import { designMatrixFromColumns } from "../standardize";
import { timeSeriesFolds, type TimeSeriesFold } from "../time-series-cv";
import { decodeCandidate, fromUnit, searchDimensions, type Candidate, type SearchDimension } from "../transform-space";
import type { FitProgress } from "./progress";
import type { FitWindow } from "./split";

/** The first CV fold trains on at least this fraction of the fit window. */
export const MIN_TRAIN_FRACTION = 0.5;
/** Share of the search budget spent on a space-filling Latin hypercube before differential evolution. */
export const EXPLORE_SHARE = 0.3;
/** Share of the search budget spent sampling around the best candidates after differential evolution. */
export const LOCAL_SHARE = 0.25;
/** How many of the best candidates the local phase samples around, and its step (unit-cube sd). */
const LOCAL_CENTRES = 10;
const LOCAL_STEP = 0.05;
/**
 * The media penalty as a fraction of the baseline's (media-prior-ridge.ts): media is penalised a
 * tenth as much as the baseline terms. Measured: docs/decisions/002-media-penalty-factor.md.
 */
export const MEDIA_PENALTY_FACTOR = 0.1;

/** A searched point: its unit-cube coordinates and its objectives [score, RSSD, ROAS per channel]. */
export interface Scored {
  unit: Float64Array;
  objectives: number[];
}

/** What the search and every later step need to know about the search space and the penalty. */
export interface SearchSetup {
  /** "stable" selection (evidence, posterior draws) rather than "lowest-cv". */
  stable: boolean;
  dims: SearchDimension[];
  /** decode(unit) → the parameter values of a unit-cube point, by dimension name. */
  decode: (unit: Float64Array) => Record<string, number>;
  /** searchAlpha(alpha) → the penalty a candidate is fitted with (1e-8 for ols, else ≥ 1e-8). */
  searchAlpha: (alpha: number) => number;
  mediaScale: "mean" | "sd";
  ridge: MediaPriorRidgeOptions;
  folds: TimeSeriesFold[];
}

/** searchSetup(spec, window, stable) → the search space, the ridge options and the CV folds. */
export function searchSetup(spec: ModelSpec, window: FitWindow, stable: boolean): SearchSetup {
  const k = window.k;
  const dims = searchDimensions(spec);
  const searchAlpha = (alpha: number) => (spec.model === "ols" ? 1e-8 : Math.max(alpha, 1e-8));
  const mediaScale = spec.mediaPenalty === "contribution" && spec.model !== "ols" ? "mean" : "sd";
  const ridge: MediaPriorRidgeOptions = { mediaFactor: stable ? MEDIA_PENALTY_FACTOR : 1, nonNegative: spec.nonNegativeMedia, mediaScale };
  // Expanding-window folds whose first training window is at least half the fit window, since the
  // first folds of a short series, fitted on a few months, would otherwise dominate the CV error.
  const folds = timeSeriesFolds(k, { folds: spec.search.folds, minTrain: Math.max(2, Math.ceil(k * MIN_TRAIN_FRACTION)) });
  const decode = (unit: Float64Array): Record<string, number> => Object.fromEntries(dims.map((d, i) => [d.name, fromUnit(unit[i], d)]));
  return { stable, dims, decode, searchAlpha, mediaScale, ridge, folds };
}

/** rssd(effectShares, spendShares) = √Σ(effect − spend)², Robyn's decomposition distance. */
export function rssd(effect: ArrayLike<number>, spend: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < effect.length; i++) s += (effect[i] - spend[i]) ** 2;
  return Math.sqrt(s);
}

/**
 * createEvaluator(spec, window, setup) → evaluateBatch(units): the objectives of each unit-cube
 * point, [score, RSSD, ROAS per channel over the fit window]. The score is the −2 log evidence of
 * the media-prior ridge, or (lowest-cv) the CV NRMSE of ridge with one penalty.
 */
export function createEvaluator(spec: ModelSpec, window: FitWindow, setup: SearchSetup): (units: Float64Array[]) => number[][] {
  const { k, spend, spendTrain, spendShares, fixedK, yK } = window;
  const { decode, searchAlpha, ridge } = setup;
  const objectivesOf = (media: readonly Float64Array[], coefficients: ArrayLike<number>, score: number): number[] => {
    const effects = media.map((col, c) => {
      let s = 0;
      for (let i = 0; i < k; i++) s += col[i];
      return coefficients[c] * s;
    });
    const totalEffect = effects.reduce((a, b) => a + b, 0);
    const shares = effects.map((e) => (totalEffect > 0 ? e / totalEffect : 0));
    return [score, rssd(shares, spendShares), ...effects.map((e, c) => (spendTrain[c] > 0 ? e / spendTrain[c] : 0))];
  };
  if (setup.stable) {
    const prepared = createMediaPriorRidge(fixedK, yK);
    return (units) => units.map((unit) => {
      const cand = decodeCandidate(spec, decode(unit), spend, k, k);
      const fit = fitMediaPriorRidge(prepared, cand.media, searchAlpha(cand.alpha), ridge);
      return objectivesOf(cand.media, fit.coefficients, fit.evidence);
    });
  }
  const prepared = prepareRidgeCv(designMatrixFromColumns(fixedK), yK, setup.folds);
  return (units) => units.map((unit) => {
    const cand = decodeCandidate(spec, decode(unit), spend, k, k);
    const score = scoreCandidate(prepared, cand.media, searchAlpha(cand.alpha), { nonNegative: spec.nonNegativeMedia, mediaScale: setup.mediaScale });
    return objectivesOf(cand.media, score.fullFit.coefficients, score.nrmse);
  });
}

/**
 * exploreLocally(candidates, count, seed, evaluateBatch) evaluates `count` points drawn around
 * the LOCAL_CENTRES best candidates (Gaussian steps of LOCAL_STEP in the unit cube, clipped), so the
 * region where the score is flat — where the data cannot choose — is populated densely before the
 * sampler starts from its best points.
 */
function exploreLocally(
  candidates: ReadonlyArray<Scored>,
  count: number, seed: number,
  evaluateBatch: (units: Float64Array[]) => number[][],
): Array<{ unit: Float64Array; objectives: number[]; x: Record<string, number>; index: number }> {
  const random = createRandom(seed);
  const centres = candidates
    .map((c, i) => ({ i, score: c.objectives[0] }))
    .filter((c) => Number.isFinite(c.score))
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, LOCAL_CENTRES)
    .map((c) => candidates[c.i].unit);
  if (centres.length === 0) return [];
  const units: Float64Array[] = [];
  for (let t = 0; t < count; t++) {
    const centre = centres[random.int(centres.length)];
    units.push(Float64Array.from(centre, (u) => Math.min(1, Math.max(0, u + LOCAL_STEP * random.normal()))));
  }
  const out: Array<{ unit: Float64Array; objectives: number[]; x: Record<string, number>; index: number }> = [];
  for (let start = 0; start < units.length; start += 64) {
    const batch = units.slice(start, start + 64);
    evaluateBatch(batch).forEach((objectives, j) => { out.push({ unit: batch[j], objectives, x: {}, index: candidates.length + start + j }); });
  }
  return out;
}

/** What the search found: every candidate in evaluation order, the finite ones ranked by score. */
export interface SearchOutcome {
  candidates: Scored[];
  /** Indexes into `candidates`, best score first (ties by index). */
  ranked: number[];
  best: Scored;
}

/**
 * searchTransforms(spec, setup, evaluateBatch, onProgress) → the candidates of the seeded search:
 * with method "de", a Latin hypercube takes EXPLORE_SHARE of the budget (so no basin is missed),
 * differential evolution most of the rest and local sampling around the best LOCAL_SHARE; with
 * "lhs" or "random" that method takes the whole budget.
 * @throws RangeError when every candidate's score is non-finite
 */
export async function searchTransforms(
  spec: ModelSpec, setup: SearchSetup, evaluateBatch: (units: Float64Array[]) => number[][], onProgress?: FitProgress,
): Promise<SearchOutcome> {
  const bounds = setup.dims.map((d) => ({ name: d.name, lower: d.lower, upper: d.upper, scale: d.scale }));
  const budget = spec.search.trials;
  const isDe = spec.search.method === "de";
  const explore = isDe ? Math.min(budget, Math.max(1, Math.round(budget * EXPLORE_SHARE))) : 0;
  const local = isDe ? Math.min(budget - explore, Math.round(budget * LOCAL_SHARE)) : 0;
  const exploit = budget - explore - local;
  const report = (offset: number) => (done: number, _total: number, best: number) => onProgress?.(offset + done, budget, best, "search");
  const first = explore > 0
    ? await runSearch({ bounds, evaluateBatch, budget: explore, seed: spec.search.seed, method: "lhs", batchSize: 64, onProgress: report(0) })
    : null;
  const second = exploit > 0
    ? await runSearch({ bounds, evaluateBatch, budget: exploit, seed: spec.search.seed + 1, method: spec.search.method, batchSize: 64, onProgress: report(explore) })
    : null;
  const candidates: Scored[] = [...(first?.candidates ?? []), ...(second?.candidates ?? [])];
  if (local > 0) {
    let done = explore + exploit;
    let bestSoFar = Infinity;
    for (const c of candidates) if (c.objectives[0] < bestSoFar) bestSoFar = c.objectives[0];
    candidates.push(...exploreLocally(candidates, local, spec.search.seed + 2, (units) => {
      const out = evaluateBatch(units);
      for (const o of out) if (o[0] < bestSoFar) bestSoFar = o[0];
      done += units.length;
      onProgress?.(done, budget, bestSoFar, "search");
      return out;
    }));
  }
  const ranked = candidates.map((_, i) => i).filter((i) => Number.isFinite(candidates[i].objectives[0]))
    .sort((a, b) => candidates[a].objectives[0] - candidates[b].objectives[0] || a - b);
  if (ranked.length === 0) throw new RangeError("fit: every searched candidate failed (non-finite score)");
  return { candidates, ranked, best: candidates[ranked[0]] };
}

/** Counts of a finished search and sampler: candidates, seconds, best score, distinct draws. */
export interface SearchCounts {
  candidates: number;
  /** Candidates evaluated by the search and the sampler together, in `seconds`. */
  evaluations: number;
  seconds: number;
  bestScore: number;
  distinct: number;
}

/**
 * searchSummary(spec, window, setup, counts, pool objectives, chosen) → the `search` part of the
 * summary: near_optimal is the number of distinct settings among the draws (the set the data cannot
 * tell apart), tolerance how far their scores reach above the best one (90th percentile); cv_nrmse
 * the CV NRMSE of the chosen candidate (its score with the "lowest-cv" selection).
 */
export function searchSummary(
  spec: ModelSpec, window: FitWindow, setup: SearchSetup, counts: SearchCounts,
  poolObjectives: readonly number[][], chosen: Candidate, chosenIndex: number,
): NonNullable<FitSummary["search"]> {
  const { k, fixedK, yK } = window;
  const spread = poolObjectives.map((o) => o[0] - counts.bestScore).sort((a, b) => a - b);
  return {
    candidates: counts.candidates, seconds: counts.seconds, candidates_per_second: Math.round(counts.evaluations / Math.max(counts.seconds, 1e-3)),
    seed: spec.search.seed, method: spec.search.method,
    cv_nrmse: setup.stable ? mediaPriorCvNrmse(prepareMediaPriorCv(setup.folds, fixedK, yK), chosen.media.map((c) => c.subarray(0, k)), setup.searchAlpha(chosen.alpha), setup.ridge) : poolObjectives[chosenIndex][0],
    rssd: poolObjectives[chosenIndex][1], near_optimal: counts.distinct, tolerance: spread[Math.floor(0.9 * (spread.length - 1))],
  };
}
