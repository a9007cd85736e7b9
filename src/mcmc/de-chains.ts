/**
 * The core of the differential-evolution MCMC family on the unit cube (DE-MC, demc.ts; DE-MCz,
 * demcz.ts): N chains target π ∝ exp(−f/(2T)), f a −2 log density and T a temperature. Each
 * generation every chain proposes a move (the variant's `propose`: the point, or null for the
 * identity move, and the log Hastings correction), then the proposals inside the cube are
 * evaluated in one batch and each is accepted with probability min(1, π(x*)/π(x)·correction),
 * the Metropolis–Hastings rule. The prior is uniform on the cube; a proposal outside it has prior 0
 * and is rejected without being evaluated.
 *
 * Determinism: every generation's proposals and uniforms are drawn before any is evaluated, and
 * all random numbers come from createRandom(seed) in a fixed order, so the same seed and start give
 * the same chains whatever the evaluator and its timing.
 */
import { createRandom, type Random } from "../util/random";

/** Options of every sampler of the family (sampleDeMc, sampleDeMcz). */
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

/** The outcome of a sampler of the family. */
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

/** One chain's proposal: the point (null: the identity move), its log Hastings correction and its kind (counted apart). */
export interface ChainProposal {
  point: Float64Array | null;
  logCorrection: number;
  kind: number;
}

/** What a variant adds to the core loop. */
export interface ChainMoves {
  /** Called at the start of generation g, before any proposal. */
  beforeGeneration?: (g: number) => void;
  /** Chain i's proposal at generation g from the current states xs, drawing from random. */
  propose: (g: number, i: number, xs: readonly Float64Array[], random: Random) => ChainProposal;
  /** Called after generation g's acceptances with the current states. */
  afterGeneration?: (g: number, xs: readonly Float64Array[]) => void;
  /** Number of proposal kinds (accepted/proposed are counted per kind). */
  kinds: number;
}

/** The outcome of runChains: DeMcResult and the counts per proposal kind. */
export interface ChainRun extends DeMcResult {
  proposedByKind: Int32Array;
  acceptedByKind: Int32Array;
}

/**
 * runChains(options, chains, temperature, moves) runs the family's loop (see the module comment):
 * per generation, each chain's proposal and one uniform, one batch evaluation of the proposals
 * inside the cube, the Metropolis–Hastings acceptances, and the states kept after burn-in.
 * O(generations·N·d) besides the proposals and the evaluations (at most generations·N).
 * @param options - start points and values, evaluate, generations, burnIn, seed, onGeneration (checked by checkSamplerOptions)
 * @param chains - N, the number of start points
 * @param temperature - T > 0
 * @param moves - the variant's proposal and hooks
 * @returns the states after burn-in (generation by generation, chain by chain), the acceptance and the counts
 */
export function runChains(options: DeMcOptions, chains: number, temperature: number, moves: ChainMoves): ChainRun {
  const { start, startValues, evaluate, generations, burnIn } = options;
  const N = chains;
  const random = createRandom(options.seed);
  const xs: Float64Array[] = start.map((s) => Float64Array.from(s));
  const fx = startValues.map((v) => (Number.isNaN(v) ? Infinity : v));
  const from = Int32Array.from({ length: N }, (_, i) => -1 - i);
  const proposedByKind = new Int32Array(moves.kinds);
  const acceptedByKind = new Int32Array(moves.kinds);
  const draws: DeMcDraw[] = [];
  let accepted = 0;
  let proposed = 0;
  let evaluations = 0;
  for (let g = 0; g < generations; g++) {
    moves.beforeGeneration?.(g);
    const proposals: ChainProposal[] = new Array(N);
    const uniforms = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      proposals[i] = moves.propose(g, i, xs, random);
      uniforms[i] = random.uniform();
    }
    const inside = proposals.map(({ point }) => point?.every((v) => v >= 0 && v <= 1) === true);
    const batch = proposals.filter((_, i) => inside[i]).map(({ point }) => point as Float64Array);
    const values = batch.length > 0 ? evaluate(batch) : [];
    let t = 0;
    for (let i = 0; i < N; i++) {
      const { point, logCorrection, kind } = proposals[i];
      proposed++;
      proposedByKind[kind]++;
      if (!inside[i]) continue;
      const index = evaluations + t;
      const v = values[t++];
      if (Number.isNaN(v) || v === Infinity) continue;
      const logRatio = -(v - fx[i]) / (2 * temperature) + logCorrection;
      if (logRatio >= 0 || Math.log(uniforms[i]) < logRatio) {
        xs[i] = point as Float64Array;
        fx[i] = v;
        from[i] = index;
        accepted++;
        acceptedByKind[kind]++;
      }
    }
    evaluations += batch.length;
    moves.afterGeneration?.(g, xs);
    if (g >= burnIn) for (let i = 0; i < N; i++) draws.push({ unit: xs[i], value: fx[i], evaluation: from[i] });
    options.onGeneration?.(g + 1, generations);
  }
  return { draws, acceptance: proposed > 0 ? accepted / proposed : 0, evaluations, proposedByKind, acceptedByKind };
}

/**
 * parallelMove(x, za, zb, gamma, jitter, random) → the differential-evolution proposal
 * x* = x + γ·(z_a − z_b) + e, e ~ N(0, jitter²) per coordinate (ter Braak 2006), symmetric given
 * the population or archive z is drawn from. O(d).
 */
export function parallelMove(x: Float64Array, za: Float64Array, zb: Float64Array, gamma: number, jitter: number, random: Random): Float64Array {
  const d = x.length;
  const p = new Float64Array(d);
  for (let j = 0; j < d; j++) p[j] = x[j] + gamma * (za[j] - zb[j]) + jitter * random.normal();
  return p;
}
