/**
 * The fitRidge path of blockBootstrap, kept as the reference for test/models/bootstrap.test.ts and
 * bench/bootstrap.bench.ts (the baseline the weighted sufficient-statistics path is checked and
 * timed against).
 */
import { blockIndices, type BootstrapInput, type BootstrapResult } from "../../src/models/bootstrap";
import { fitRidge } from "../../src/models/ridge";
import { selectCandidate } from "../../src/models/select-candidate";
import { designMatrixFromColumns, predictLinear, selectRows } from "../../src/models/standardize";
import { createRandom } from "../../src/util/random";

/**
 * The blockBootstrap of commit 1fb8f36, kept as the reference: fitRidge (Householder QR, nnlsMixed)
 * on the duplicated rows of every resample (selectRows with repeated indices), predictLinear on the
 * out-of-bag rows. Same random stream, same selection, same outputs.
 */
export function referenceBootstrap(input: BootstrapInput): BootstrapResult {
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
