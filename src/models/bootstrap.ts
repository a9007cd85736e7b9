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
import { fitRidge } from "./ridge";
import { selectCandidate } from "./select-candidate";
import { designMatrixFromColumns, predictLinear, selectRows } from "./standardize";

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

/** blockBootstrap(input) → per-resample ROAS and contributions (see the module comment). */
export function blockBootstrap(input: BootstrapInput): BootstrapResult {
  const { pool, fixed, y, trainRows: k, spend, resamples } = input;
  const m = spend.length;
  const random = createRandom(input.seed);
  const roas = Array.from({ length: m }, () => new Float64Array(resamples));
  const contribution = Array.from({ length: m }, () => new Float64Array(resamples));
  const chosen = new Int32Array(resamples);
  const mediaCoefficients: Float64Array[] = [];
  const spendTotals = spend.map((s) => { let t = 0; for (let i = 0; i < k; i++) t += s[i]; return t; });
  const matrices = pool.map((member) => designMatrixFromColumns([...member.media, ...fixed].map((c) => c.subarray(0, k))));
  const mediaTotals = pool.map((member) => member.media.map((c) => { let t = 0; for (let i = 0; i < k; i++) t += c[i]; return t; }));
  const mask = [...Array(m).fill(input.nonNegative), ...Array(fixed.length).fill(false)] as boolean[];
  const byMean = [...Array(m).fill(input.mediaScaleByMean), ...Array(fixed.length).fill(false)] as boolean[];
  for (let r = 0; r < resamples; r++) {
    const rows = blockIndices(k, input.blockLength, random);
    const inBag = new Uint8Array(k);
    for (const i of rows) inBag[i] = 1;
    const oob: number[] = [];
    for (let i = 0; i < k; i++) if (!inBag[i]) oob.push(i);
    const yIn = Float64Array.from(rows, (i) => y[i]);
    const yOut = Float64Array.from(oob, (i) => y[i]);
    // Every pool member refitted on the resample, scored out of bag; the choice follows the main
    // fit's rule (the medoid of the near-optimal set), so the interval is about the same estimator.
    const fits = pool.map((member, j) => {
      const fit = fitRidge(selectRows(matrices[j], rows), yIn, member.alpha, { nonNegative: mask, scaleByMean: byMean });
      let sse = 0;
      if (oob.length > 0) {
        const predicted = predictLinear(selectRows(matrices[j], oob), fit.coefficients, fit.intercept);
        for (let i = 0; i < oob.length; i++) sse += (yOut[i] - predicted[i]) ** 2;
      } else {
        for (let i = 0; i < rows.length; i++) sse += fit.residuals[i] ** 2;
      }
      const effects = Array.from({ length: m }, (_, c) => fit.coefficients[c] * mediaTotals[j][c]);
      return { sse, effects, media: fit.coefficients.slice(0, m), objectives: [sse, 0, ...effects.map((e, c) => (spendTotals[c] > 0 ? e / spendTotals[c] : 0))] };
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
