/**
 * The inner loop of the transform search: candidates/s of scoring, end to end (geometric adstock +
 * Hill per channel, then the score, media coefficients ≥ 0). The default search scores by the
 * evidence of one media-prior ridge fit on all rows (fitMediaPriorRidge, Gram + Cholesky); the
 * `lowest-cv` search by 5 expanding-window folds and the full fit, either with the prefix-sum
 * kernel (scoreCandidate) or with one media-prior ridge fit per fold (mediaPriorCvNrmse, the
 * folds' baseline blocks prepared once); and the slow reference path (fitRidge per fold,
 * Householder QR + nnlsMixed). Seeded weekly problem: 156 rows,
 * 5 channels, fixed columns = linear trend + yearly Fourier order 2 + 2 controls. Candidates draw
 * decay ∈ [0, 0.8], Hill half-saturation ∈ [0.3, 2] × mean adstocked spend, shape ∈ [0.5, 3],
 * alpha log-uniform in [1e-3, 1e2]. Aim: 10,000 candidates in < 3 s on one core, kernel ≤ 0.1 ms.
 * Usage: tsx bench/search-kernel.bench.ts [candidates] [slowCandidates]
 */
import { geometricAdstock } from "../src/features/adstock";
import { fourierTerms } from "../src/features/fourier";
import { hill } from "../src/features/saturation";
import { linearTrend } from "../src/features/trend";
import { prepareMediaPriorCv, mediaPriorCvNrmse } from "../src/models/media-prior-cv";
import { createMediaPriorRidge, fitMediaPriorRidge } from "../src/models/media-prior-ridge";
import { fitRidge } from "../src/models/ridge";
import { prepareRidgeCv, scoreCandidate } from "../src/models/ridge-cv";
import { designMatrixFromColumns, predictLinear, selectRows } from "../src/models/standardize";
import { timeSeriesFolds } from "../src/models/time-series-cv";
import { createRandom } from "../src/util/random";

const candidates = Number(process.argv[2] ?? 10_000);
const slowCandidates = Number(process.argv[3] ?? 300);
const N = 156;
const CHANNELS = 5;
const random = createRandom(20240611);

// Weekly spend with flighting: each channel has a level, a yearly swing, on/off bursts, noise.
const start = Date.UTC(2021, 0, 4) / 86_400_000;
const days = Array.from({ length: N }, (_, i) => start + 7 * i);
const spend: Float64Array[] = [];
for (let c = 0; c < CHANNELS; c++) {
  const level = 2000 + 20_000 * random.uniform();
  const phase = 2 * Math.PI * random.uniform();
  const onShare = 0.5 + 0.5 * random.uniform();
  const col = new Float64Array(N);
  let on = true;
  for (let i = 0; i < N; i++) {
    if (random.uniform() < 0.15) on = random.uniform() < onShare;
    const season = 1 + 0.4 * Math.sin((2 * Math.PI * (days[i] - start)) / 365.25 + phase);
    col[i] = on ? level * season * Math.exp(0.35 * random.normal()) : 0;
  }
  spend.push(col);
}
const trend = linearTrend(N);
const fourier = fourierTerms(days, 365.25, 2).map((f) => f.values);
const price = new Float64Array(N);
const promo = new Float64Array(N);
let p = 10;
for (let i = 0; i < N; i++) {
  p += 0.05 * random.normal();
  price[i] = p;
  promo[i] = random.uniform() < 0.12 ? 1 : 0;
}
const fixedColumns = [trend, ...fourier, price, promo];
const y = new Float64Array(N);
const truth = spend.map((s) => hill(geometricAdstock(s, 0.5), 1.2 * mean(geometricAdstock(s, 0.5)), 1.5));
for (let i = 0; i < N; i++) {
  let v = 100_000 + 15_000 * trend[i] + 8000 * fourier[0][i] - 3000 * fourier[1][i] - 4000 * (price[i] - 10) + 6000 * promo[i];
  for (let c = 0; c < CHANNELS - 1; c++) v += (8000 + 4000 * c) * truth[c][i]; // the last channel does nothing
  y[i] = v + 3000 * random.normal();
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

// Candidate parameters, drawn up front so the timings cover transforms + scoring only.
const PER = 3 * CHANNELS + 1;
function drawCandidates(count: number): Float64Array {
  const out = new Float64Array(count * PER);
  for (let k = 0; k < count; k++) {
    const o = k * PER;
    for (let c = 0; c < CHANNELS; c++) {
      out[o + 3 * c] = 0.8 * random.uniform();
      out[o + 3 * c + 1] = 0.3 + 1.7 * random.uniform();
      out[o + 3 * c + 2] = 0.5 + 2.5 * random.uniform();
    }
    out[o + 3 * CHANNELS] = 10 ** (-3 + 5 * random.uniform());
  }
  return out;
}
function mediaOf(params: Float64Array, k: number): Float64Array[] {
  const o = k * PER;
  const media: Float64Array[] = [];
  for (let c = 0; c < CHANNELS; c++) {
    const a = geometricAdstock(spend[c], params[o + 3 * c]);
    media.push(hill(a, params[o + 3 * c + 1] * mean(a), params[o + 3 * c + 2]));
  }
  return media;
}
const alphaOf = (params: Float64Array, k: number): number => params[k * PER + 3 * CHANNELS];

const folds = timeSeriesFolds(N, { folds: 5 });
const prepared = prepareRidgeCv(designMatrixFromColumns(fixedColumns), y, folds);
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

// Warm-up, then end to end.
const warm = drawCandidates(2000);
for (let k = 0; k < 2000; k++) scoreCandidate(prepared, mediaOf(warm, k), alphaOf(warm, k));
const params = drawCandidates(candidates);
let best = Infinity;
let bound = 0;
let t0 = process.hrtime.bigint();
for (let k = 0; k < candidates; k++) {
  const score = scoreCandidate(prepared, mediaOf(params, k), alphaOf(params, k));
  if (score.nrmse < best) best = score.nrmse;
}
const endToEnd = seconds(t0);

// The same candidates scored by one media-prior ridge per fold (mediaFactor 1, media by their sd:
// the problem scoreCandidate solves), plus the full fit for the coefficients.
const ridgeOptions = { mediaFactor: 1, mediaScale: "sd" as const, nonNegative: true };
const cv = prepareMediaPriorCv(folds, fixedColumns, y);
const fullWindow = createMediaPriorRidge(fixedColumns, y);
for (let k = 0; k < 2000; k++) mediaPriorCvNrmse(cv, mediaOf(warm, k), alphaOf(warm, k), ridgeOptions);
let bestGram = Infinity;
let maxGramErr = 0;
t0 = process.hrtime.bigint();
for (let k = 0; k < candidates; k++) {
  const media = mediaOf(params, k);
  const nrmse = mediaPriorCvNrmse(cv, media, alphaOf(params, k), ridgeOptions);
  fitMediaPriorRidge(fullWindow, media, alphaOf(params, k), ridgeOptions);
  if (nrmse < bestGram) bestGram = nrmse;
}
const gramEndToEnd = seconds(t0);
for (let k = 0; k < 300; k++) {
  const score = scoreCandidate(prepared, mediaOf(params, k), alphaOf(params, k));
  const nrmse = mediaPriorCvNrmse(cv, mediaOf(params, k), alphaOf(params, k), ridgeOptions);
  maxGramErr = Math.max(maxGramErr, Math.abs(nrmse - score.nrmse) / score.nrmse);
}

// The default search's score: the evidence of one media-prior ridge fit on all rows.
const evidenceOptions = { mediaFactor: 0.1, mediaScale: "mean" as const, nonNegative: true };
for (let k = 0; k < 2000; k++) fitMediaPriorRidge(fullWindow, mediaOf(warm, k), alphaOf(warm, k), evidenceOptions);
let bestEvidence = Infinity;
t0 = process.hrtime.bigint();
for (let k = 0; k < candidates; k++) {
  const fit = fitMediaPriorRidge(fullWindow, mediaOf(params, k), alphaOf(params, k), evidenceOptions);
  if (fit.evidence < bestEvidence) bestEvidence = fit.evidence;
}
const evidenceEndToEnd = seconds(t0);

// The two halves apart: transforms only, and the kernel only on prebuilt media.
t0 = process.hrtime.bigint();
let sink = 0;
for (let k = 0; k < candidates; k++) sink += mediaOf(params, k)[0][N - 1];
const transforms = seconds(t0);
const kernelCount = Math.min(candidates, 2000);
const built = Array.from({ length: kernelCount }, (_, k) => mediaOf(params, k));
t0 = process.hrtime.bigint();
for (let rep = 0; rep < 5; rep++) {
  for (let k = 0; k < kernelCount; k++) {
    const score = scoreCandidate(prepared, built[k], alphaOf(params, k));
    for (let c = 0; c < CHANNELS; c++) if (score.fullFit.coefficients[c] === 0) bound++;
  }
}
const kernelOnly = seconds(t0) / 5;

// Slow reference path on the first slowCandidates candidates, and the kernel's agreement with it.
const X = (media: Float64Array[]) => designMatrixFromColumns([...media, ...fixedColumns]);
const mask = [...Array(CHANNELS).fill(true), ...fixedColumns.map(() => false)];
const ranges = folds.map((f) => Math.max(...f.test.map((i) => y[i])) - Math.min(...f.test.map((i) => y[i])));
function slowScore(media: Float64Array[], alpha: number): { nrmse: number; coefficients: Float64Array } {
  const Xc = X(media);
  let nrmse = 0;
  folds.forEach((f, k) => {
    const fit = fitRidge(selectRows(Xc, f.train), f.train.map((i) => y[i]), alpha, { nonNegative: mask });
    const pred = predictLinear(selectRows(Xc, f.test), fit.coefficients, fit.intercept);
    let sse = 0;
    f.test.forEach((i, t) => { sse += (y[i] - pred[t]) ** 2; });
    nrmse += Math.sqrt(sse / f.test.length) / ranges[k] / folds.length;
  });
  return { nrmse, coefficients: fitRidge(Xc, y, alpha, { nonNegative: mask }).coefficients };
}
for (let k = 0; k < 30; k++) slowScore(mediaOf(warm, k), alphaOf(warm, k));
const slowCount = Math.min(slowCandidates, candidates);
let maxNrmseErr = 0;
let maxCoefErr = 0;
t0 = process.hrtime.bigint();
const slow = Array.from({ length: slowCount }, (_, k) => slowScore(mediaOf(params, k), alphaOf(params, k)));
const slowTime = seconds(t0);
for (let k = 0; k < slowCount; k++) {
  const score = scoreCandidate(prepared, mediaOf(params, k), alphaOf(params, k));
  maxNrmseErr = Math.max(maxNrmseErr, Math.abs(score.nrmse - slow[k].nrmse) / slow[k].nrmse);
  let scale = 0;
  for (const b of slow[k].coefficients) scale = Math.max(scale, Math.abs(b));
  for (let j = 0; j < slow[k].coefficients.length; j++) {
    maxCoefErr = Math.max(maxCoefErr, Math.abs(score.fullFit.coefficients[j] - slow[k].coefficients[j]) / scale);
  }
}

const rate = (count: number, s: number): string => `${Math.round(count / s).toLocaleString("en-US")} candidates/s`;
console.log(`search kernel: ${N} weekly rows × ${CHANNELS} channels, ${fixedColumns.length} fixed columns, ${folds.length} folds + full fit, media ≥ 0`);
console.log(`  evidence (default) ${candidates} candidates in ${evidenceEndToEnd.toFixed(3)} s = ${rate(candidates, evidenceEndToEnd)} (fitMediaPriorRidge on all rows; best −2 log evidence ${bestEvidence.toFixed(3)})`);
console.log(`  CV by Gram fits    ${candidates} candidates in ${gramEndToEnd.toFixed(3)} s = ${rate(candidates, gramEndToEnd)} (mediaPriorCvNrmse + full fit; best nrmse ${bestGram.toFixed(4)}, max rel. difference from scoreCandidate ${maxGramErr.toExponential(1)})`);
console.log(`  kernel end to end  ${candidates} candidates in ${endToEnd.toFixed(3)} s = ${rate(candidates, endToEnd)} (${((1e6 * endToEnd) / candidates).toFixed(1)} µs each; aim < 3 s)`);
console.log(`    transforms only  ${((1e6 * transforms) / candidates).toFixed(1)} µs/candidate (geometricAdstock + hill, ${CHANNELS} channels)`);
console.log(`    scoreCandidate   ${((1e6 * kernelOnly) / kernelCount).toFixed(1)} µs/candidate = ${rate(kernelCount, kernelOnly)} (aim ≤ 100 µs; ${((100 * bound) / (5 * kernelCount * CHANNELS)).toFixed(0)} % of media coefficients held at 0)`);
console.log(`  slow path          ${slowCount} candidates in ${slowTime.toFixed(3)} s = ${rate(slowCount, slowTime)} (fitRidge per fold); kernel is ${((slowTime / slowCount) / (endToEnd / candidates)).toFixed(0)}× faster`);
console.log(`  agreement on those ${slowCount}: max rel. error of nrmse ${maxNrmseErr.toExponential(1)}, of full-fit coefficients (vs the largest) ${maxCoefErr.toExponential(1)}`);
console.log(`  best nrmse ${best.toFixed(4)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes Node and tsx)${sink > -1 ? "" : " "}`);
