/**
 * Differential-evolution Markov chain Monte Carlo (DE-MC) on the unit cube: draws transform
 * settings in proportion to exp(−f/(2T)), f the −2 log evidence of the media-prior ridge and T a
 * temperature (1: the posterior itself), so the pool the intervals are built from spans every
 * setting the data support, weighted by how well they do.
 *
 * ter Braak (2006), "A Markov Chain Monte Carlo version of the genetic algorithm Differential
 * Evolution: easy Bayesian computing for real parameter spaces", Statistics and Computing 16,
 * 239–249, doi:10.1007/s11222-006-8769-1. N chains run in parallel; chain i proposes
 * x* = x_i + γ·(x_a − x_b) + e with a ≠ b ≠ i drawn uniformly, γ = 2.38/√(2d) (γ = 1 every tenth
 * generation, so chains can jump between modes) and e ~ N(0, b²) small; the proposal is symmetric,
 * so it is accepted with probability min(1, exp(−(f(x*) − f(x_i))/(2T))). The population adapts the
 * proposal to the posterior's scale and correlations without tuning. The loop, the acceptance and
 * the determinism are the family's (de-chains.ts); DE-MCz (demcz.ts) draws the pair from an archive.
 */
import { checkSamplerOptions, parallelMove, runChains, type DeMcOptions, type DeMcResult } from "./de-chains";

/**
 * sampleDeMc(options) runs the DE-MC chains (see the module comment). O(generations·N·d) besides
 * the evaluations (at most generations·N).
 * @param options - start points and their values, evaluate, generations, burnIn, seed, jitter, temperature, onGeneration
 * @returns the states after burn-in, the acceptance rate and the number of evaluations
 * @throws RangeError if there are fewer than 4 chains, dimensions differ, or counts are invalid
 * @example sampleDeMc({ start, startValues, evaluate: (ps) => ps.map((p) => ((p[0] - 0.5) / 0.1) ** 2), generations: 500, burnIn: 100, seed: 1 }).draws // => states spread as N(0.5, 0.1²)
 */
export function sampleDeMc(options: DeMcOptions): DeMcResult {
  const { chains: N, dimension: d, temperature } = checkSamplerOptions("sampleDeMc", options, 4);
  const jitter = options.jitter ?? 1e-3;
  const gamma0 = 2.38 / Math.sqrt(2 * d);
  const { draws, acceptance, evaluations } = runChains(options, N, temperature, {
    kinds: 1,
    propose: (g, i, xs, random) => {
      let a = random.int(N - 1);
      if (a >= i) a++;
      let b = random.int(N - 2);
      if (b >= Math.min(i, a)) b++;
      if (b >= Math.max(i, a)) b++;
      const gamma = g % 10 === 9 ? 1 : gamma0;
      return { point: parallelMove(xs[i], xs[a], xs[b], gamma, jitter, random), logCorrection: 0, kind: 0 };
    },
  });
  return { draws, acceptance, evaluations };
}
