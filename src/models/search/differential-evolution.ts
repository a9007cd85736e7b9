/**
 * Differential evolution (DE) over the unit cube, seeded and evaluated in batches.
 *
 * Storn & Price (1997), "Differential Evolution – A Simple and Efficient Heuristic for Global
 * Optimization over Continuous Spaces", Journal of Global Optimization 11, 341–359,
 * doi:10.1023/A:1008202821328. The classic synchronous (generational) scheme:
 * - strategy "rand/1/bin" (default, the paper's scheme DE1): mutant v = x_r0 + F·(x_r1 − x_r2) with
 *   r0, r1, r2 distinct and ≠ i;
 * - strategy "current-to-best/1/bin" (the paper's scheme DE2 with λ = F): v = x_i + F·(x_best − x_i)
 *   + F·(x_r1 − x_r2), faster on smooth problems, greedier on multimodal ones. No archive.
 * - binomial crossover: trial u_j = v_j with probability CR, and always at one random j_rand;
 *   otherwise u_j = x_i,j;
 * - selection: the trial replaces x_i when f(trial) ≤ f(x_i) (ties go to the trial, as in the
 *   paper, so the population can drift along plateaus).
 * All trials of a generation are built from the previous generation before any is evaluated, so
 * how the trials are split into batches never changes the result.
 *
 * Bounds: the cube faces are handled by bounce-back (Price, Storn & Lampinen 2005, "Differential
 * Evolution: A Practical Approach to Global Optimization", Springer): a mutant coordinate outside
 * [0, 1] is redrawn uniformly between the base vector's coordinate and the face it crossed
 * (v_j < 0 → U·b_j, v_j > 1 → b_j + U·(1 − b_j), b = x_r0 or x_i). Unlike clipping it does not pile
 * points on the faces, it needs no loop (unlike reflection, a far overshoot lands inside at once),
 * and it still closes in on an optimum that lies on a face.
 *
 * Failed evaluations: a NaN objective is treated as +Infinity (never selected, never best).
 */
import { createRandom, type Random } from "../../util/random";
import { latinHypercube } from "./sampling";

/** Mutation scheme of `differentialEvolution`; see the module comment. */
export type DeStrategy = "rand/1/bin" | "current-to-best/1/bin";

/** Options of `differentialEvolution`. */
export interface DifferentialEvolutionOptions {
  /** Number of dimensions of the unit cube, an integer ≥ 1. */
  dims: number;
  /**
   * Scores a batch of points of [0, 1]^dims, one number per point, in order (to be minimised).
   * May return a promise. Must not mutate the points.
   */
  evaluateBatch: (points: Float64Array[]) => Promise<ArrayLike<number>> | ArrayLike<number>;
  /** Seed of every random choice (initial Latin hypercube, indices, crossover, bounce-back). */
  seed: number;
  /** Population size NP, an integer ≥ 4 (default 10·dims, Storn & Price's rule of thumb). */
  population?: number;
  /** Generations after the initial population; the search stops at this or at `budget`, whichever comes first. */
  generations?: number;
  /** Total number of evaluations, initial population included; the last generation is cut short to fit. */
  budget?: number;
  /** Differential weight F in (0, 2] (default 0.5). */
  F?: number;
  /** Crossover rate CR in [0, 1] (default 0.9). */
  CR?: number;
  /** Mutation scheme (default "rand/1/bin"). */
  strategy?: DeStrategy;
  /** Points per evaluateBatch call, an integer ≥ 1 (default: the population). */
  batchSize?: number;
}

/** The outcome of `differentialEvolution`. */
export interface DifferentialEvolutionResult {
  /** The best point found (unit cube). */
  x: Float64Array;
  /** Its objective value (+Infinity if every evaluation failed). */
  value: number;
  /** Number of points evaluated. */
  evaluations: number;
  /** Number of generations completed after the initial population (a cut-short last one counts). */
  generations: number;
  /** The final population and its values. */
  population: Float64Array[];
  values: number[];
}

function checkOptions(o: DifferentialEvolutionOptions): Required<Omit<DifferentialEvolutionOptions, "evaluateBatch" | "seed">> {
  const dims = o.dims;
  if (!(Number.isInteger(dims) && dims >= 1)) throw new RangeError("differentialEvolution requires an integer dims ≥ 1");
  const population = o.population ?? 10 * dims;
  if (!(Number.isInteger(population) && population >= 4)) throw new RangeError("differentialEvolution requires an integer population ≥ 4");
  if (o.generations === undefined && o.budget === undefined) throw new RangeError("differentialEvolution requires generations or budget");
  const generations = o.generations ?? Infinity;
  if (!(generations === Infinity || (Number.isInteger(generations) && generations >= 0))) {
    throw new RangeError("differentialEvolution requires an integer generations ≥ 0");
  }
  const budget = o.budget ?? population * (generations + 1);
  if (!(Number.isInteger(budget) && budget >= population)) throw new RangeError("differentialEvolution requires an integer budget ≥ population");
  const F = o.F ?? 0.5;
  if (!(F > 0 && F <= 2)) throw new RangeError("differentialEvolution requires F in (0, 2]");
  const CR = o.CR ?? 0.9;
  if (!(CR >= 0 && CR <= 1)) throw new RangeError("differentialEvolution requires CR in [0, 1]");
  const strategy = o.strategy ?? "rand/1/bin";
  if (strategy !== "rand/1/bin" && strategy !== "current-to-best/1/bin") {
    throw new RangeError('differentialEvolution requires strategy "rand/1/bin" or "current-to-best/1/bin"');
  }
  const batchSize = o.batchSize ?? population;
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError("differentialEvolution requires an integer batchSize ≥ 1");
  return { dims, population, generations, budget, F, CR, strategy, batchSize };
}

/** Evaluates points in consecutive batches of `batchSize`; NaN becomes +Infinity. */
async function evaluateAll(
  points: Float64Array[],
  batchSize: number,
  evaluateBatch: DifferentialEvolutionOptions["evaluateBatch"],
): Promise<number[]> {
  const values: number[] = [];
  for (let start = 0; start < points.length; start += batchSize) {
    const batch = points.slice(start, start + batchSize);
    const out = await evaluateBatch(batch);
    if (!out || out.length !== batch.length) {
      throw new Error(`differentialEvolution requires evaluateBatch to return ${batch.length} values, got ${out ? out.length : out}`);
    }
    for (let i = 0; i < batch.length; i++) {
      const v = Number(out[i]);
      values.push(Number.isNaN(v) ? Infinity : v);
    }
  }
  return values;
}

/** Index of the smallest value; ties go to the lowest index. */
function argmin(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  return best;
}

/** A random index in [0, n) different from every index in `not`. */
function pickOther(random: Random, n: number, not: readonly number[]): number {
  for (;;) {
    const r = random.int(n);
    if (!not.includes(r)) return r;
  }
}

/** Builds trial i of a generation (mutation, bounce-back, binomial crossover); draw order is fixed. */
function makeTrial(
  i: number,
  pop: readonly Float64Array[],
  bestIndex: number,
  random: Random,
  o: { dims: number; F: number; CR: number; strategy: DeStrategy },
): Float64Array {
  const n = pop.length;
  const { dims, F, CR } = o;
  const target = pop[i];
  let base: Float64Array;
  let a: Float64Array;
  let b: Float64Array;
  let toBest: Float64Array | null = null;
  if (o.strategy === "rand/1/bin") {
    const r0 = pickOther(random, n, [i]);
    const r1 = pickOther(random, n, [i, r0]);
    const r2 = pickOther(random, n, [i, r0, r1]);
    base = pop[r0];
    a = pop[r1];
    b = pop[r2];
  } else {
    const r1 = pickOther(random, n, [i]);
    const r2 = pickOther(random, n, [i, r1]);
    base = target;
    a = pop[r1];
    b = pop[r2];
    toBest = pop[bestIndex];
  }
  const jRand = random.int(dims);
  const trial = new Float64Array(dims);
  for (let j = 0; j < dims; j++) {
    const cross = random.uniform() < CR || j === jRand;
    if (!cross) {
      trial[j] = target[j];
      continue;
    }
    let v = base[j] + F * (a[j] - b[j]);
    if (toBest) v += F * (toBest[j] - target[j]);
    if (v < 0) v = random.uniform() * base[j];
    else if (v > 1) v = base[j] + random.uniform() * (1 - base[j]);
    trial[j] = v;
  }
  return trial;
}

/**
 * differentialEvolution(options): minimises `evaluateBatch` over [0, 1]^dims by seeded DE
 * (module comment: strategies, bounce-back, selection). The initial population is a Latin
 * hypercube of `population` points; each generation then evaluates `population` trials (fewer in
 * a last generation cut short by `budget`: trials 0…r−1 only). Same seed and options → the same
 * sequence of evaluated points, whatever `batchSize`. O(budget·dims) besides the evaluations.
 * @param options - dims, evaluateBatch, seed, and population, generations and/or budget, F, CR,
 *   strategy, batchSize
 * @returns the best point and value, the evaluation and generation counts, the final population
 * @throws RangeError on invalid options; Error if evaluateBatch returns the wrong number of values
 *   (its own errors and rejections propagate)
 * @example
 * const r = await differentialEvolution({ dims: 2, seed: 1, budget: 2000,
 *   evaluateBatch: (ps) => ps.map((p) => (p[0] - 0.3) ** 2 + (p[1] - 0.6) ** 2) });
 * r.x // => ≈ [0.3, 0.6]
 */
export async function differentialEvolution(options: DifferentialEvolutionOptions): Promise<DifferentialEvolutionResult> {
  const o = checkOptions(options);
  const random = createRandom(options.seed);
  let pop = latinHypercube(o.population, o.dims, random);
  let values = await evaluateAll(pop, o.batchSize, options.evaluateBatch);
  let evaluations = pop.length;
  let generations = 0;
  while (generations < o.generations && evaluations < o.budget) {
    const count = Math.min(o.population, o.budget - evaluations);
    const bestIndex = argmin(values);
    const trials: Float64Array[] = [];
    for (let i = 0; i < count; i++) trials.push(makeTrial(i, pop, bestIndex, random, o));
    const trialValues = await evaluateAll(trials, o.batchSize, options.evaluateBatch);
    evaluations += count;
    const nextPop = pop.slice();
    const nextValues = values.slice();
    for (let i = 0; i < count; i++) {
      if (trialValues[i] <= values[i]) {
        nextPop[i] = trials[i];
        nextValues[i] = trialValues[i];
      }
    }
    pop = nextPop;
    values = nextValues;
    generations++;
  }
  const best = argmin(values);
  return { x: Float64Array.from(pop[best]), value: values[best], evaluations, generations, population: pop, values };
}
