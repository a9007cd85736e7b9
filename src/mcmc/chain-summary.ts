/**
 * chainSummary(states, chains): convergence of a population sampler in two numbers — the largest
 * rank-normalised split R̂ and the smallest bulk or tail ESS over the components of its states
 * (Vehtari, Gelman, Simpson, Carpenter & Bürkner 2021; rhat.ts, ess.ts). The states come as the
 * DE-MC sampler keeps them: generation by generation, chain by chain (state g·chains + c is chain
 * c's g-th kept state). A component that is constant over every state (a channel without spend)
 * or not finite somewhere has no R̂ and is left out.
 */
import type { NumberArray } from "../util/vector-checks";
import { essBulk, essTail } from "./ess";
import { rankNormalizedRhat } from "./rhat";

/** The convergence figures of chainSummary. */
export interface ChainSummary {
  /** Largest rank-normalised split R̂ over the components (≤ 1.01 is the usual bar); null if none qualifies. */
  rhatMax: number | null;
  /** Smallest of the bulk and tail ESS over the components, in draws; null if none qualifies. */
  essMin: number | null;
  /** Draws per chain. */
  drawsPerChain: number;
}

/**
 * chainSummary(states, chains) → R̂ max and ESS min over the components of the states (see the
 * module comment). O(components · S log S), S = states.
 * @param states - S state vectors of one length, ordered generation by generation, chain by chain
 * @param chains - number of chains; S must be a multiple of it with at least 8 states per chain
 * @throws RangeError if S is not a positive multiple of chains, a chain has fewer than 8 states, or lengths differ
 * @example chainSummary(draws.map((d) => d.unit), 32).rhatMax // => 1.004 for well-mixed chains
 */
export function chainSummary(states: readonly NumberArray[], chains: number): ChainSummary {
  if (!(Number.isInteger(chains) && chains >= 1)) throw new RangeError("chainSummary requires an integer number of chains ≥ 1");
  if (!(states.length > 0 && states.length % chains === 0)) throw new RangeError(`chainSummary requires a positive multiple of ${chains} states (got ${states.length})`);
  const perChain = states.length / chains;
  if (perChain < 8) throw new RangeError("chainSummary requires at least 8 states per chain");
  const dims = states[0].length;
  let rhatMax: number | null = null;
  let essMin: number | null = null;
  for (let d = 0; d < dims; d++) {
    const traces = Array.from({ length: chains }, () => new Float64Array(perChain));
    let finite = true;
    let lo = Infinity;
    let hi = -Infinity;
    states.forEach((state, s) => {
      if (state.length !== dims) throw new RangeError("chainSummary requires states of one length");
      const v = state[d];
      if (!Number.isFinite(v)) finite = false;
      traces[s % chains][Math.floor(s / chains)] = v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    });
    if (!finite || !(hi > lo)) continue;
    const rhat = rankNormalizedRhat(traces);
    const ess = Math.min(essBulk(traces), essTail(traces));
    if (Number.isFinite(rhat)) rhatMax = rhatMax === null ? rhat : Math.max(rhatMax, rhat);
    if (Number.isFinite(ess)) essMin = essMin === null ? ess : Math.min(essMin, ess);
  }
  return { rhatMax, essMin, drawsPerChain: perChain };
}
