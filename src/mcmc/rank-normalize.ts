/**
 * Rank normalisation of MCMC draws (Vehtari, Gelman, Simpson, Carpenter & Bürkner 2021,
 * "Rank-normalization, folding, and localization: An improved R̂ for assessing convergence of
 * MCMC", Bayesian Analysis 16(2), 667–718, eq. 14): every draw of every chain is replaced by the
 * normal score of its rank in the pooled sample,
 *   z = Φ⁻¹((r − 3/8) / (S + 1/4)),  r the average rank (ties share their mean rank), S = M·N,
 * Blom's (1958) offsets, as arviz's `_z_scale`. R̂ and ESS of z are then defined even for draws
 * without a finite mean or variance (Cauchy tails), and invariant to monotone transforms.
 */
import { normalQuantile } from "../util/distributions";
import type { NumberArray } from "../util/vector-checks";

/**
 * rankNormalize(chains) is the normal score Φ⁻¹((r − 3/8)/(S + 1/4)) of each draw's average rank r
 * among all S pooled draws, in the shape of the input. O(S log S).
 * @param chains - chains of draws (any lengths, finite); not mutated
 * @returns new Float64Arrays, one per chain, unitless normal scores
 * @example rankNormalize([[10, 30], [20, 40]]) // => [[Φ⁻¹(5/34), Φ⁻¹(21/34)], [Φ⁻¹(13/34), Φ⁻¹(29/34)]]
 */
export function rankNormalize(chains: readonly NumberArray[]): Float64Array[] {
  let size = 0;
  for (const c of chains) size += c.length;
  const values = new Float64Array(size);
  let o = 0;
  for (const c of chains) for (let i = 0; i < c.length; i++) values[o++] = c[i];
  const order = Array.from({ length: size }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const scores = new Float64Array(size);
  const denominator = size + 0.25;
  for (let i = 0; i < size; ) {
    let j = i + 1;
    while (j < size && values[order[j]] === values[order[i]]) j++;
    // Ranks i+1 … j share their average (i + 1 + j)/2.
    const z = normalQuantile(((i + 1 + j) / 2 - 0.375) / denominator);
    for (let k = i; k < j; k++) scores[order[k]] = z;
    i = j;
  }
  const out: Float64Array[] = [];
  o = 0;
  for (const c of chains) {
    out.push(scores.slice(o, o + c.length));
    o += c.length;
  }
  return out;
}
