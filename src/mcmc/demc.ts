/**
 * Differential-evolution Markov chain Monte Carlo (DE-MC) on the unit cube: draws transform
 * settings in proportion to exp(−f/(2T)), f the −2 log evidence of media-prior-ridge.ts and T a
 * temperature (1: the posterior itself), so the pool the intervals are built from spans every
 * setting the data support, weighted by how well they do.
 *
 * ter Braak (2006), "A Markov Chain Monte Carlo version of the genetic algorithm Differential
 * Evolution: easy Bayesian computing for real parameter spaces", Statistics and Computing 16,
 * 239–249, doi:10.1007/s11222-006-8769-1. N chains run in parallel; chain i proposes
 * x* = x_i + γ·(x_a − x_b) + e with a ≠ b ≠ i drawn uniformly, γ = 2.38/√(2d) (γ = 1 every tenth
 * generation, so chains can jump between modes) and e ~ N(0, b²) small; the proposal is symmetric,
 * so it is accepted with probability min(1, exp(−(f(x*) − f(x_i))/(2T))). The population adapts the
 * proposal to the posterior's scale and correlations without tuning. The prior is uniform on the
 * cube (uniform or log-uniform in the parameters, as the search's dimensions); a proposal outside
 * the cube has prior 0 and is rejected without being evaluated.
 *
 * Determinism: every generation's proposals are drawn before any is evaluated, and all random
 * numbers come from createRandom(seed) in a fixed order, so the same seed and start give the same
 * chains whatever the evaluator.
 */
import { createRandom } from "../util/random";

/** Options of sampleDeMc. */
export interface DeMcOptions {
  /** Starting points of the chains (at least 4, all of the same dimension), inside the unit cube. */
  start: readonly Float64Array[];
  /** Their f values (as evaluate returns). */
  startValues: readonly number[];
  /** f of a batch of points (−2 log density up to a constant; NaN or Infinity = impossible). */
  evaluate: (points: Float64Array[]) => number[];
  /** Generations; the first `burnIn` of them are discarded. */
  generations: number;
  burnIn: number;
  seed: number;
  /** sd of the jitter e in the unit cube (default 1e-3). */
  jitter?: number;
  /** Temperature T: the target is exp(−f/(2T)) (default 1). */
  temperature?: number;
  /** Called after every generation with (generations done, generations). */
  onGeneration?: (done: number, total: number) => void;
}

/** One kept state of one chain. */
export interface DeMcDraw {
  unit: Float64Array;
  value: number;
  /** Index of the evaluation that produced this state, or −1 − i for chain i's starting point. */
  evaluation: number;
}

/** The outcome of sampleDeMc. */
export interface DeMcResult {
  /** States after burn-in, generation by generation, chain by chain. */
  draws: DeMcDraw[];
  /** Share of proposals accepted (all generations). */
  acceptance: number;
  /** Number of points evaluated. */
  evaluations: number;
}

/**
 * checkSamplerOptions(name, options, minChains) checks what every population sampler on the unit
 * cube takes (sampleDeMc, sampleDeMcz): at least `minChains` starting points of one dimension ≥ 1,
 * one start value each, integer generations ≥ 1, an integer burnIn in [0, generations) and a
 * finite temperature > 0 (default 1); returns the chain count, the dimension and the temperature.
 * @throws RangeError "<name> requires …" naming the first option that is wrong
 */
export function checkSamplerOptions(name: string, options: DeMcOptions, minChains: number): { chains: number; dimension: number; temperature: number } {
  const { start, startValues, generations, burnIn } = options;
  const N = start.length;
  if (!(N >= minChains)) throw new RangeError(`${name} requires at least ${minChains} chain${minChains === 1 ? "" : "s"}`);
  const d = start[0].length;
  if (!(d >= 1) || start.some((x) => x.length !== d)) throw new RangeError(`${name} requires starting points of one dimension ≥ 1`);
  if (startValues.length !== N) throw new RangeError(`${name} requires one start value per chain`);
  if (!(Number.isInteger(generations) && generations >= 1)) throw new RangeError(`${name} requires an integer generations ≥ 1`);
  if (!(Number.isInteger(burnIn) && burnIn >= 0 && burnIn < generations)) throw new RangeError(`${name} requires an integer burnIn in [0, generations)`);
  const temperature = options.temperature ?? 1;
  if (!(temperature > 0) || temperature === Infinity) throw new RangeError(`${name} requires a finite temperature > 0`);
  return { chains: N, dimension: d, temperature };
}

/**
 * sampleDeMc(options) runs the DE-MC chains (see the module comment). O(generations·N·d) besides
 * the evaluations (at most generations·N).
 * @param options - start points and their values, evaluate, generations, burnIn, seed, jitter, temperature, onGeneration
 * @returns the states after burn-in, the acceptance rate and the number of evaluations
 * @throws RangeError if there are fewer than 4 chains, dimensions differ, or counts are invalid
 * @example sampleDeMc({ start, startValues, evaluate: (ps) => ps.map((p) => ((p[0] - 0.5) / 0.1) ** 2), generations: 500, burnIn: 100, seed: 1 }).draws // => states spread as N(0.5, 0.1²)
 */
export function sampleDeMc(options: DeMcOptions): DeMcResult {
  const { start, startValues, evaluate, generations, burnIn } = options;
  const { chains: N, dimension: d, temperature } = checkSamplerOptions("sampleDeMc", options, 4);
  const jitter = options.jitter ?? 1e-3;
  const random = createRandom(options.seed);
  const xs: Float64Array[] = start.map((s) => Float64Array.from(s));
  const fx = startValues.map((v) => (v === v ? v : Infinity));
  const from = Int32Array.from({ length: N }, (_, i) => -1 - i);
  const gamma0 = 2.38 / Math.sqrt(2 * d);
  const draws: DeMcDraw[] = [];
  let accepted = 0;
  let proposed = 0;
  let evaluations = 0;
  for (let g = 0; g < generations; g++) {
    const gamma = g % 10 === 9 ? 1 : gamma0;
    const proposals: Float64Array[] = [];
    const uniforms = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      let a = random.int(N - 1);
      if (a >= i) a++;
      let b = random.int(N - 2);
      if (b >= Math.min(i, a)) b++;
      if (b >= Math.max(i, a)) b++;
      const x = xs[i];
      const p = new Float64Array(d);
      for (let j = 0; j < d; j++) p[j] = x[j] + gamma * (xs[a][j] - xs[b][j]) + jitter * random.normal();
      proposals.push(p);
      uniforms[i] = random.uniform();
    }
    const inside = proposals.map((p) => p.every((v) => v >= 0 && v <= 1));
    const batch = proposals.filter((_, i) => inside[i]);
    const values = batch.length > 0 ? evaluate(batch) : [];
    let t = 0;
    for (let i = 0; i < N; i++) {
      proposed++;
      if (!inside[i]) continue;
      const index = evaluations + t;
      const v = values[t++];
      if (!(v === v) || v === Infinity) continue;
      const logRatio = -(v - fx[i]) / (2 * temperature);
      if (logRatio >= 0 || Math.log(uniforms[i]) < logRatio) {
        xs[i] = proposals[i];
        fx[i] = v;
        from[i] = index;
        accepted++;
      }
    }
    evaluations += batch.length;
    if (g >= burnIn) for (let i = 0; i < N; i++) draws.push({ unit: xs[i], value: fx[i], evaluation: from[i] });
    options.onGeneration?.(g + 1, generations);
  }
  return { draws, acceptance: proposed > 0 ? accepted / proposed : 0, evaluations };
}

/**
 * thinDraws(draws, size, seed) → `size` of the draws picked uniformly at random without
 * replacement (all of them, in order, when size ≥ draws.length). Consecutive DE-MC states of one
 * chain are strongly correlated and a generation's states come chain by chain, so an even stride
 * would keep a few chains only; a seeded random subset (a partial Fisher–Yates shuffle) spans every
 * chain and generation, and any prefix of it is again a random subset. O(draws).
 * @example thinDraws([1, 2, 3], 5, 1) // => [1, 2, 3]
 */
export function thinDraws<T>(draws: readonly T[], size: number, seed: number): T[] {
  if (size >= draws.length) return [...draws];
  const random = createRandom(seed);
  const order = draws.map((_, i) => i);
  for (let t = 0; t < size; t++) {
    const j = t + random.int(order.length - t);
    const tmp = order[t];
    order[t] = order[j];
    order[j] = tmp;
  }
  return order.slice(0, size).map((i) => draws[i]);
}
