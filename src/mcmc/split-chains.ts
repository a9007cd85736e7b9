/**
 * Splitting MCMC chains in halves, the first step of split-R̂ and of the ESS of Vehtari et al.
 * (2021) (see rhat.ts): a chain that drifts has halves with different means, which R̂ then sees as
 * disagreeing chains.
 */
import type { NumberArray } from "../util/vector-checks";

/**
 * splitChains(chains) cuts each of M chains of N draws into its first ⌊N/2⌋ and its last ⌊N/2⌋
 * draws, giving 2M chains (for odd N the middle draw is dropped, as arviz's `_split_chains`): the
 * first halves of all chains, then the second halves. O(M·N).
 * @param chains - M ≥ 1 chains of equal length N ≥ 2; not mutated
 * @returns 2M new Float64Arrays of length ⌊N/2⌋
 * @throws RangeError if there is no chain, the lengths differ or N < 2
 * @example splitChains([[1, 2, 3, 4, 5]]) // => [Float64Array [1, 2], Float64Array [4, 5]]
 */
export function splitChains(chains: readonly NumberArray[]): Float64Array[] {
  const n = checkChains("splitChains", chains, 2);
  const half = Math.floor(n / 2);
  const first = chains.map((c) => Float64Array.from({ length: half }, (_, i) => c[i]));
  const second = chains.map((c) => Float64Array.from({ length: half }, (_, i) => c[n - half + i]));
  return [...first, ...second];
}

/**
 * checkChains(name, chains, minDraws) checks M ≥ 1 chains of one length N ≥ minDraws whose draws
 * are all finite, and returns N.
 * @throws RangeError "<name> requires …" otherwise
 */
export function checkChains(name: string, chains: readonly NumberArray[], minDraws: number): number {
  if (!(chains.length >= 1)) throw new RangeError(`${name} requires at least one chain`);
  const n = chains[0].length;
  if (!(n >= minDraws)) throw new RangeError(`${name} requires at least ${minDraws} draws per chain`);
  for (let c = 0; c < chains.length; c++) {
    if (chains[c].length !== n) throw new RangeError(`${name} requires chains of equal length (chain ${c} has ${chains[c].length}, chain 0 has ${n})`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(chains[c][i])) throw new RangeError(`${name} requires finite draws (chain ${c}, draw ${i} is ${chains[c][i]})`);
    }
  }
  return n;
}
