/** Thinning a sampler's draws to a given number, at random. */
import { createRandom } from "../util/random";

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
