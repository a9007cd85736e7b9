/**
 * A seeded, box-bounded hyperparameter search with several objectives, evaluated in batches.
 *
 * The search runs in the unit cube; each point is mapped onto the box by `toBox` (log bounds
 * log-uniformly) only to report it. `evaluateBatch` receives unit points and returns, per point, an
 * array of objectives: objectives[0] is the one minimised (by DE) and that picks `best`
 * (e.g. CV error), objectives[1] a second criterion (e.g. a decomposition distance), and any
 * further values are kept untouched (e.g. ROAS per channel). Every evaluated point is kept.
 *
 * Determinism: every point is drawn from createRandom(seed) in an order that does not depend on
 * `batchSize` — random and LHS draw all points first; DE builds each whole generation before
 * evaluating it — so the same seed and budget give the same candidates in the same order for any
 * batch size and any evaluator.
 */
import { createRandom } from "../../util/random";
import { differentialEvolution, type DeStrategy } from "./differential-evolution";
import { checkBounds, latinHypercube, toBox, uniformPoints, type SearchBound } from "./sampling";

/** One evaluated point. */
export interface SearchCandidate {
  /** Parameter values by bound name (the unit point mapped onto the box). */
  x: Record<string, number>;
  /** The point in the unit cube, as passed to evaluateBatch. */
  unit: Float64Array;
  /** The objectives evaluateBatch returned for it (NaN kept as returned). */
  objectives: number[];
  /** Its position in `candidates`, i.e. in evaluation order. */
  index: number;
}

/** Options of `runSearch`. */
export interface SearchOptions {
  /** The box, one bound per searched parameter (at least one). */
  bounds: readonly SearchBound[];
  /**
   * Scores a batch of unit points: one array of objectives per point, in order, each with the same
   * number (≥ 1) of objectives. May return a promise. Gets
   * copies of the points, so it cannot disturb the search.
   */
  evaluateBatch: (points: Float64Array[]) => Promise<ReadonlyArray<readonly number[]>> | ReadonlyArray<readonly number[]>;
  /** Number of evaluations, an integer ≥ 1. */
  budget: number;
  /** Seed of every random choice. */
  seed: number;
  /** "random": uniform points; "lhs": one Latin hypercube of `budget` points; "de": an LHS population, then DE. */
  method: "random" | "lhs" | "de";
  /** Points per evaluateBatch call, an integer ≥ 1 (default 64); does not change the result. */
  batchSize?: number;
  /** Called after every batch with (evaluations so far, budget, lowest objectives[0] so far). */
  onProgress?: (done: number, total: number, best: number) => void;
  /** DE settings (method "de" only); defaults: population min(budget, clamp(10·d, 20, 50)), F 0.5, CR 0.9, "rand/1/bin". */
  de?: { population?: number; F?: number; CR?: number; strategy?: DeStrategy };
}

/** The outcome of `runSearch`. */
export interface SearchResult {
  /** Every evaluated point, in evaluation order (length = evaluations = budget). */
  candidates: SearchCandidate[];
  /** Index of the candidate with the lowest objectives[0] (NaN counts as +Infinity; ties: first). */
  best: number;
  evaluations: number;
}

const nanToInf = (v: number): number => (Number.isNaN(v) ? Infinity : v);

/**
 * runSearch(options): evaluates `budget` points of the box chosen by `method` (random, Latin
 * hypercube, or differential evolution started from a Latin hypercube; see
 * differential-evolution.ts), in batches of `batchSize`, and returns every candidate with the best
 * one. Same seed and budget → identical candidates
 * in the same order, for any batch size. O(budget·(d + log budget)) besides the evaluations.
 * @param options - see SearchOptions
 * @returns candidates, best, evaluations
 * @throws RangeError on invalid options; Error if evaluateBatch returns the wrong number of results
 *   or objectives (its own errors and rejections propagate)
 * @example
 * const r = await runSearch({ bounds: [{ name: "a", lower: 0, upper: 2 }], budget: 50, seed: 1, method: "lhs",
 *   evaluateBatch: (ps) => ps.map((p) => [(2 * p[0] - 1) ** 2, p[0]]) });
 * r.candidates[r.best].x.a // => ≈ 1
 */
export async function runSearch(options: SearchOptions): Promise<SearchResult> {
  const { bounds, budget, seed, method } = options;
  const batchSize = options.batchSize ?? 64;
  if (!(bounds.length >= 1)) throw new RangeError("runSearch requires at least one bound");
  checkBounds(bounds, "runSearch");
  if (!(Number.isInteger(budget) && budget >= 1)) throw new RangeError("runSearch requires an integer budget ≥ 1");
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError("runSearch requires an integer batchSize ≥ 1");
  if (method !== "random" && method !== "lhs" && method !== "de") throw new RangeError('runSearch requires method "random", "lhs" or "de"');
  const dims = bounds.length;
  const candidates: SearchCandidate[] = [];
  let bestValue = Infinity;
  let best = 0;
  let objectiveCount = -1;

  // Evaluates one batch and records it; returns objectives[0] per point for DE.
  const evaluate = async (points: Float64Array[]): Promise<number[]> => {
    const out = await options.evaluateBatch(points.map((p) => Float64Array.from(p)));
    if (!out || out.length !== points.length) {
      throw new Error(`runSearch requires evaluateBatch to return ${points.length} results, got ${out ? out.length : out}`);
    }
    const first: number[] = [];
    for (let i = 0; i < points.length; i++) {
      const objectives = Array.from(out[i] ?? [], Number);
      if (objectiveCount < 0) objectiveCount = objectives.length;
      if (!(objectives.length >= 1 && objectives.length === objectiveCount)) {
        throw new Error("runSearch requires evaluateBatch to return the same number (≥ 1) of objectives for every point");
      }
      const index = candidates.length;
      candidates.push({ x: toBox(points[i], bounds), unit: Float64Array.from(points[i]), objectives, index });
      const v = nanToInf(objectives[0]);
      if (v < bestValue) {
        bestValue = v;
        best = index;
      }
      first.push(v);
    }
    options.onProgress?.(candidates.length, budget, bestValue);
    return first;
  };

  const random = createRandom(seed);
  const population = Math.min(budget, options.de?.population ?? Math.min(50, Math.max(20, 10 * dims)));
  if (method === "de" && budget > population) {
    await differentialEvolution({
      dims, seed, budget, population, batchSize, evaluateBatch: evaluate,
      F: options.de?.F, CR: options.de?.CR, strategy: options.de?.strategy,
    });
  } else {
    // "de" with budget ≤ population is its initial Latin hypercube: the same points as "lhs".
    const points = method === "random" ? uniformPoints(budget, dims, random) : latinHypercube(budget, dims, random);
    for (let start = 0; start < budget; start += batchSize) await evaluate(points.slice(start, start + batchSize));
  }

  return { candidates, best, evaluations: candidates.length };
}
