/**
 * Intervals that carry transform uncertainty: a moving-block bootstrap of the fit window that
 * re-runs a reduced search in every resample.
 *
 * Holding the chosen transforms fixed and resampling only the regression gives intervals that are
 * too narrow: most of the uncertainty of a channel's ROAS is in its adstock and saturation, which
 * the data often cannot pin down. So each resample (blocks of consecutive periods, drawn with
 * replacement, keeping the autocorrelation within a block) refits every candidate of a pool — the
 * near-optimal candidates of the main search — on the resampled rows, picks the one with the
 * smallest error on the periods the resample left out (out-of-bag), and records that candidate's
 * channel contributions and ROAS over the fit window. The 5th and 95th percentiles over resamples
 * bound the 90 % intervals. Where the data cannot tell candidates apart, different resamples pick
 * different ones and the interval widens, as it should.
 */
import { quantileSorted } from "../util/quantile";
import { createRandom } from "../util/random";
import { selectCandidate } from "./select-candidate";
import { createWeightedRidge, fitWeightedRidge, setRowCounts } from "./weighted-ridge";

export interface BootstrapPoolMember {
  /** Media columns over every row (spec.channels order). */
  media: Float64Array[];
  alpha: number;
}

export interface BootstrapInput {
  pool: BootstrapPoolMember[];
  /** Baseline columns over every row. */
  fixed: Float64Array[];
  y: Float64Array;
  /** Rows [0, trainRows) form the fit window. */
  trainRows: number;
  /** Spend per channel over every row. */
  spend: Float64Array[];
  resamples: number;
  blockLength: number;
  seed: number;
  nonNegative: boolean;
  /** Penalise media on their mean scale (fitRidge's scaleByMean), as the main fit does. */
  mediaScaleByMean: boolean;
  /** Near-optimal tolerance of the per-resample selection (as selectCandidate). */
  tolerance: number;
}

export interface BootstrapResult {
  /** Per channel, one ROAS per resample (fit-window contribution / fit-window spend). */
  roas: Float64Array[];
  /** Per channel, one fit-window contribution per resample. */
  contribution: Float64Array[];
  /** Index into the pool chosen by each resample. */
  chosen: Int32Array;
  /** Per resample, the media coefficients (original scale, spec.channels order) of the chosen fit. */
  mediaCoefficients: Float64Array[];
}

/**
 * blockIndices(n, blockLength, random) → n row indices made of blocks of `blockLength` consecutive
 * rows starting at uniformly drawn positions (the moving-block bootstrap of Künsch 1989).
 */
export function blockIndices(n: number, blockLength: number, random: { int(n: number): number }): number[] {
  const length = Math.max(1, Math.min(blockLength, n));
  const out: number[] = [];
  while (out.length < n) {
    const start = random.int(n - length + 1);
    for (let i = 0; i < length && out.length < n; i++) out.push(start + i);
  }
  return out;
}

/**
 * blockBootstrap(input) → per-resample ROAS and contributions (see the module comment). Each
 * resample's rows become counts per row, and every pool member is refitted by fitWeightedRidge —
 * the same fit as fitRidge on the duplicated rows (to ~1e-10 relative), from sufficient statistics
 * with the fixed block computed once per resample — then scored on the out-of-bag rows (on the
 * in-bag rows, with their counts, when none is left out). O(resamples·(k·q² + pool·(k·m·(m + q) +
 * (m + q)³))).
 * @throws RangeError if a pool member's or a fixed column's values are not finite on the fit
 *   window, or a fit's system is not positive definite (alpha = 0 with collinear columns)
 */
export function blockBootstrap(input: BootstrapInput): BootstrapResult {
  const { pool, fixed, y, trainRows: k, spend, resamples } = input;
  const m = spend.length;
  const q = fixed.length;
  const random = createRandom(input.seed);
  const roas = Array.from({ length: m }, () => new Float64Array(resamples));
  const contribution = Array.from({ length: m }, () => new Float64Array(resamples));
  const chosen = new Int32Array(resamples);
  const mediaCoefficients: Float64Array[] = [];
  const spendTotals = spend.map((s) => { let t = 0; for (let i = 0; i < k; i++) t += s[i]; return t; });
  const fixedK = fixed.map((c) => c.subarray(0, k));
  const yK = y.subarray(0, k);
  const ridge = createWeightedRidge(fixedK, yK);
  const mediaK = pool.map((member, j) => member.media.map((c, ch) => {
    const col = c.subarray(0, k);
    for (let i = 0; i < k; i++) if (!Number.isFinite(col[i])) throw new RangeError(`blockBootstrap requires finite media values: pool member ${j} channel ${ch} row ${i} is ${col[i]}`);
    return col;
  }));
  const mediaTotals = mediaK.map((media) => media.map((c) => { let t = 0; for (let i = 0; i < k; i++) t += c[i]; return t; }));
  const fitOptions = { nonNegative: input.nonNegative, scaleByMean: input.mediaScaleByMean };
  const counts = new Int32Array(k);
  // The rows a fit is scored on: out of bag (weight 1), or in the bag with the counts as weights
  // when the resample leaves nothing out; their fixed values gathered row by row (t·q + l).
  const scoreRows = new Int32Array(k);
  const scoreWeight = new Float64Array(k);
  const scoreY = new Float64Array(k);
  const scoreFixed = new Float64Array(q * k);
  for (let r = 0; r < resamples; r++) {
    const rows = blockIndices(k, input.blockLength, random);
    counts.fill(0);
    for (const i of rows) counts[i]++;
    let scored = 0;
    for (let i = 0; i < k; i++) if (counts[i] === 0) scoreRows[scored++] = i;
    if (scored > 0) scoreWeight.fill(1, 0, scored);
    else {
      for (let i = 0; i < k; i++) {
        if (counts[i] > 0) {
          scoreRows[scored] = i;
          scoreWeight[scored++] = counts[i];
        }
      }
    }
    for (let t = 0; t < scored; t++) scoreY[t] = yK[scoreRows[t]];
    for (let l = 0; l < q; l++) for (let t = 0; t < scored; t++) scoreFixed[t * q + l] = fixedK[l][scoreRows[t]];
    setRowCounts(ridge, counts);
    // Every pool member refitted on the resample, scored out of bag; the choice follows the main
    // fit's rule (the medoid of the near-optimal set), so the interval is about the same estimator.
    const fits = pool.map((member, j) => {
      const media = mediaK[j];
      const fit = fitWeightedRidge(ridge, media, member.alpha, fitOptions);
      if (!fit.positiveDefinite) throw new RangeError(`blockBootstrap requires positive definite fits: pool member ${j} (alpha ${member.alpha}) is not, on resample ${r}`);
      const b = fit.coefficients;
      // ŷ = b0 + Σ media·b + Σ fixed·b (the order of terms of predictLinear), row by row.
      const b0 = fit.intercept;
      let sse = 0;
      for (let t = 0; t < scored; t++) {
        const i = scoreRows[t];
        let predicted = b0;
        for (let c = 0; c < m; c++) predicted += media[c][i] * b[c];
        const o = t * q;
        for (let l = 0; l < q; l++) predicted += scoreFixed[o + l] * b[m + l];
        const e = scoreY[t] - predicted;
        sse += scoreWeight[t] * e * e;
      }
      const effects = Array.from({ length: m }, (_, c) => b[c] * mediaTotals[j][c]);
      return { sse, effects, media: b.slice(0, m), objectives: [sse, 0, ...effects.map((e, c) => (spendTotals[c] > 0 ? e / spendTotals[c] : 0))] };
    });
    const bestIndex = selectCandidate(fits, m, input.tolerance).index;
    const bestEffects = fits[bestIndex].effects;
    chosen[r] = bestIndex;
    mediaCoefficients.push(fits[bestIndex].media);
    for (let c = 0; c < m; c++) {
      const total = bestEffects[c];
      contribution[c][r] = total;
      roas[c][r] = spendTotals[c] > 0 ? total / spendTotals[c] : NaN;
    }
  }
  return { roas, contribution, chosen, mediaCoefficients };
}

/** percentile(values, p) — type-7 quantile of the finite values (NaN when there are none). */
export function percentile(values: Float64Array, p: number): number {
  const finite = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  return finite.length === 0 ? NaN : quantileSorted(finite, p);
}
