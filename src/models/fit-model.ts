/**
 * fitModel(table, spec): one model spec → one fit. The steps:
 * 1. Split the periods in time: the fit window, then the holdout (never shuffled).
 * 2. Build the baseline terms once (trend, seasonality, day of week, holidays, controls); terms
 *    that are constant over the fit window are dropped (they would be collinear with the intercept).
 * 3. When transform parameters or the penalty are free, search them (seeded): each candidate's media
 *    columns go through the real transform functions and are scored by expanding-window
 *    time-series CV of the penalised regression (NRMSE), with the decomposition distance (RSSD) and
 *    the candidate's ROAS per channel kept beside it.
 * 4. Choose among the near-optimal candidates by stability (select-candidate.ts), not by the lowest
 *    CV error alone.
 * 5. Refit the chosen model on the whole fit window by the exact solver (QR for ridge and OLS).
 * 6. Summarise: metrics on the fit window and the holdout, channel returns, diagnostics, and 90 %
 *    intervals from a block bootstrap that re-runs a reduced search per resample (bootstrap.ts).
 */
import { channelReturns } from "../analysis/decompose";
import { diagnose } from "../analysis/diagnostics";
import { holdoutSplit, regressionMetrics } from "../analysis/metrics";
import { predictTerms } from "../artifact/predict";
import { parseIsoDate } from "../data/parse-date";
import { periodDays, type Table } from "../data/table";
import { baselineTerms, design, type DesignContext, type DesignInput } from "../features/design";
import { blockBootstrap, percentile } from "./bootstrap";
import { fitElasticNet } from "./elastic-net";
import type { ChannelSummary, FitSummary, FittedModel, MetricSet } from "./fitted-model";
import type { ModelSpec } from "./model-spec";
import { fitOls } from "./ols";
import { fitRidge } from "./ridge";
import { prepareRidgeCv, scoreCandidate } from "./ridge-cv-kernel";
import { createRandom } from "../util/random";
import { runSearch } from "./search/search";
import { selectCandidate } from "./select-candidate";
import { designMatrixFromColumns } from "./standardize";
import { chooseAlpha, timeSeriesFolds } from "./time-series-cv";
import { decodeCandidate, fromUnit, searchDimensions, type Candidate } from "./transform-space";

export interface FitOptions {
  /** Called as the search and the bootstrap progress: (done, total, best CV NRMSE so far). */
  onProgress?: (done: number, total: number, best: number) => void;
  /**
   * "stable" (default): the medoid of the near-optimal set (select-candidate.ts). "lowest-cv": the
   * candidate with the lowest CV error — the naive rule, kept as the baseline recovery is compared to.
   */
  selection?: "stable" | "lowest-cv";
}

/** The first CV fold trains on at least this fraction of the fit window. */
export const MIN_TRAIN_FRACTION = 0.5;

/** Candidates whose CV error is within this fraction of the best are "near-optimal" (at least). */
export const NEAR_OPTIMAL_TOLERANCE = 0.02;
/** The near-optimal tolerance never exceeds this fraction, however noisy the folds. */
export const MAX_TOLERANCE = 0.15;
/** Share of the search budget spent on a space-filling Latin hypercube before differential evolution. */
export const EXPLORE_SHARE = 0.3;
/** Share of the search budget spent sampling around the best candidates after differential evolution. */
export const LOCAL_SHARE = 0.25;
/** How many of the best candidates the local phase samples around, and its step (unit-cube sd). */
const LOCAL_CENTRES = 10;
const LOCAL_STEP = 0.05;

/**
 * exploreLocally(candidates, count, dims, seed, evaluateBatch) evaluates `count` points drawn around
 * the LOCAL_CENTRES best candidates (Gaussian steps of LOCAL_STEP in the unit cube, clipped), so the
 * near-optimal region — where the CV error is flat and the data cannot choose — is populated
 * densely enough for the stable choice and the bootstrap pool to see its extent, not just the point
 * differential evolution converged to.
 */
function exploreLocally(
  candidates: ReadonlyArray<{ unit: Float64Array; objectives: number[] }>,
  count: number, dims: number, seed: number,
  evaluateBatch: (units: Float64Array[]) => number[][],
): Array<{ unit: Float64Array; objectives: number[]; x: Record<string, number>; index: number }> {
  const random = createRandom(seed);
  const centres = candidates
    .map((c, i) => ({ i, cv: c.objectives[0] }))
    .filter((c) => Number.isFinite(c.cv))
    .sort((a, b) => a.cv - b.cv || a.i - b.i)
    .slice(0, LOCAL_CENTRES)
    .map((c) => candidates[c.i].unit);
  if (centres.length === 0) return [];
  const units: Float64Array[] = [];
  for (let t = 0; t < count; t++) {
    const centre = centres[random.int(centres.length)];
    units.push(Float64Array.from(centre, (u) => Math.min(1, Math.max(0, u + LOCAL_STEP * random.normal()))));
  }
  const out: Array<{ unit: Float64Array; objectives: number[]; x: Record<string, number>; index: number }> = [];
  for (let start = 0; start < units.length; start += 64) {
    const batch = units.slice(start, start + 64);
    evaluateBatch(batch).forEach((objectives, j) => out.push({ unit: batch[j], objectives, x: {}, index: candidates.length + start + j }));
  }
  void dims;
  return out;
}

/**
 * bootstrapPool(chosen, nearOptimal, size) → up to `size` candidate indices for the bootstrap: the
 * chosen one first, then the near-optimal set taken at an even stride (so the pool spans the whole
 * set the data cannot tell apart, not only its best-scoring corner).
 */
export function bootstrapPool(chosen: number, nearOptimal: readonly number[], size: number): number[] {
  const rest = nearOptimal.filter((i) => i !== chosen);
  const take = Math.max(0, Math.min(size - 1, rest.length));
  const out = [chosen];
  for (let t = 0; t < take; t++) out.push(rest[Math.floor((t * rest.length) / take)]);
  return out;
}

/**
 * stableFinal(poolRoas, bootRoas) → the pool index whose full-data ROAS vector is closest (L1 in
 * log ROAS) to the per-channel medians of the bootstrap ROAS: the candidate most typical of what
 * the resamples chose. Pool index 0 (the search's choice) wins ties.
 */
export function stableFinal(poolRoas: readonly number[][], bootRoas: readonly Float64Array[]): number {
  const medians = bootRoas.map((r) => percentile(r, 0.5));
  const log = (x: number) => Math.log(Math.max(x, 1e-6));
  let best = 0;
  let bestCost = Infinity;
  poolRoas.forEach((roas, j) => {
    let cost = 0;
    medians.forEach((med, c) => { if (Number.isFinite(med)) cost += Math.abs(log(roas[c]) - log(med)); });
    if (cost < bestCost - 1e-12) {
      bestCost = cost;
      best = j;
    }
  });
  return best;
}

/** The split index of a spec on a table: the first held-out row (n when nothing is held out). */
export function splitIndexOf(spec: ModelSpec, table: Table): number {
  const n = table.dates.length;
  if ("splitDate" in spec.holdout) {
    const day = parseIsoDate(spec.holdout.splitDate);
    if (day !== day) throw new RangeError(`fit requires --split-date as YYYY-MM-DD, not "${spec.holdout.splitDate}"`);
    let k = 0;
    while (k < n && table.days[k] < day) k++;
    if (k < 2) throw new RangeError(`fit: split date ${spec.holdout.splitDate} leaves fewer than 2 periods to fit on`);
    return k;
  }
  return holdoutSplit(n, { fraction: spec.holdout.fraction }).splitIndex;
}

function isConstant(x: Float64Array, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (x[i] !== x[from]) return false;
  return true;
}

function metricSet(actual: Float64Array, predicted: Float64Array, p: number): MetricSet {
  const m = regressionMetrics(actual, predicted, p);
  return { r2: m.r2, adj_r2: m.adj_r2, rmse: m.rmse, mae: m.mae, mape: m.mape, wmape: m.wmape, smape: m.smape, nrmse: m.nrmse };
}

/** rssd(effectShares, spendShares) = √Σ(effect − spend)², Robyn's decomposition distance. */
export function rssd(effect: ArrayLike<number>, spend: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < effect.length; i++) s += (effect[i] - spend[i]) ** 2;
  return Math.sqrt(s);
}

/** fitModel(table, spec, options) → the fitted model (see the module comment). */
export async function fitModel(table: Table, spec: ModelSpec, options: FitOptions = {}): Promise<FittedModel> {
  for (const name of [spec.target, ...spec.channels, ...spec.controls]) {
    if (table.columns[name] === undefined) throw new RangeError(`fit: the data has no column "${name}"`);
  }
  const n = table.dates.length;
  const k = splitIndexOf(spec, table);
  const y = table.columns[spec.target];
  const input: DesignInput = { days: table.days, columns: table.columns };
  const controlDefaults: Record<string, number> = {};
  for (const c of spec.controls) {
    let s = 0;
    for (let i = 0; i < k; i++) s += table.columns[c][i];
    controlDefaults[c] = s / k;
  }
  const context: DesignContext = { trendStart: table.days[0], trendEnd: table.days[k - 1], periodDays: periodDays(table.frequency), history: null, controlDefaults };
  const base = baselineTerms(spec, input, context);
  const keptBase = base.names.map((_, j) => !isConstant(base.columns[j], 0, k));
  const fixedNames = base.names.filter((_, j) => keptBase[j]);
  const fixed = base.columns.filter((_, j) => keptBase[j]);
  const spend: Record<string, Float64Array> = {};
  for (const c of spec.channels) spend[c] = table.columns[c];
  const m = spec.channels.length;
  const spendTrain = spec.channels.map((c) => { let s = 0; for (let i = 0; i < k; i++) s += spend[c][i]; return s; });
  const spendTotal = spendTrain.reduce((a, b) => a + b, 0);

  // 3–4. Search and selection.
  const dims = searchDimensions(spec);
  const searchAlpha = (alpha: number) => (spec.model === "ols" ? 1e-8 : alpha);
  const mediaScale = spec.mediaPenalty === "contribution" && spec.model !== "ols" ? "mean" : "sd";
  const tolerance = options.selection === "lowest-cv" ? 0 : NEAR_OPTIMAL_TOLERANCE;
  let chosenValues: Record<string, number> = {};
  let searchSummary: FitSummary["search"] = null;
  let pool: Candidate[] = [];
  let poolRoas: number[][] = [];
  const decode = (unit: Float64Array): Record<string, number> => Object.fromEntries(dims.map((d, i) => [d.name, fromUnit(unit[i], d)]));
  if (dims.length > 0) {
    // Expanding-window folds whose first training window is at least half the fit window: the first
    // folds of a short series, fitted on a few months, would otherwise dominate the CV error.
    const folds = timeSeriesFolds(k, { folds: spec.search.folds, minTrain: Math.max(2, Math.ceil(k * MIN_TRAIN_FRACTION)) });
    const prepared = prepareRidgeCv(designMatrixFromColumns(fixed.map((c) => c.subarray(0, k))), y.subarray(0, k), folds);
    const evaluateBatch = (units: Float64Array[]): number[][] => units.map((unit) => {
      const cand = decodeCandidate(spec, decode(unit), spend, k);
      const score = scoreCandidate(prepared, cand.media.map((c) => c.subarray(0, k)), searchAlpha(cand.alpha), { nonNegative: spec.nonNegativeMedia, mediaScale });
      const effects = cand.media.map((col, c) => {
        let s = 0;
        for (let i = 0; i < k; i++) s += col[i];
        return score.fullFit.coefficients[c] * s;
      });
      const totalEffect = effects.reduce((a, b) => a + b, 0);
      const shares = effects.map((e) => (totalEffect > 0 ? e / totalEffect : 0));
      const spendShares = spendTrain.map((s) => (spendTotal > 0 ? s / spendTotal : 0));
      // Standard error of the CV error across folds, for the one-standard-error rule below.
      let mean = 0, sq = 0;
      const folds = score.foldSse.length;
      for (let f = 0; f < folds; f++) {
        const e = Math.sqrt(score.foldSse[f] / score.foldN[f]) / score.foldRange[f];
        mean += e;
        sq += e * e;
      }
      mean /= folds;
      const se = folds > 1 ? Math.sqrt(Math.max(0, sq / folds - mean * mean) / (folds - 1)) : 0;
      return [score.nrmse, rssd(shares, spendShares), ...effects.map((e, c) => (spendTrain[c] > 0 ? e / spendTrain[c] : 0)), se];
    });
    const searchStarted = Date.now();
    // Exploration and exploitation: with "de", a space-filling Latin hypercube takes EXPLORE_SHARE of
    // the budget (so the near-optimal set spans every setting the data cannot rule out, not only
    // the basin DE converges to) and differential evolution the rest; both seeded.
    const bounds = dims.map((d) => ({ name: d.name, lower: d.lower, upper: d.upper, scale: d.scale }));
    const budget = spec.search.trials;
    const isDe = spec.search.method === "de";
    const explore = isDe ? Math.min(budget, Math.max(1, Math.round(budget * EXPLORE_SHARE))) : 0;
    const local = isDe ? Math.min(budget - explore, Math.round(budget * LOCAL_SHARE)) : 0;
    const exploit = budget - explore - local;
    const report = (offset: number) => (done: number, _total: number, best: number) => options.onProgress?.(offset + done, budget, best);
    const first = explore > 0
      ? await runSearch({ bounds, evaluateBatch, budget: explore, seed: spec.search.seed, method: "lhs", batchSize: 64, onProgress: report(0) })
      : null;
    const second = exploit > 0
      ? await runSearch({ bounds, evaluateBatch, budget: exploit, seed: spec.search.seed + 1, method: spec.search.method, batchSize: 64, onProgress: report(explore) })
      : null;
    const result = { candidates: [...(first?.candidates ?? []), ...(second?.candidates ?? [])] };
    if (local > 0) result.candidates.push(...exploreLocally(result.candidates, local, dims.length, spec.search.seed + 2, evaluateBatch));
    // One-standard-error rule (Hastie, Tibshirani & Friedman, ESL §7.10): candidates whose CV error
    // is within one standard error (across folds) of the best are statistically indistinguishable.
    // The relative standard error is taken as the median over the 20 best candidates, so one lucky
    // candidate with little fold-to-fold spread cannot shrink the set to itself.
    const top = result.candidates
      .filter((c) => Number.isFinite(c.objectives[0]))
      .sort((a, b) => a.objectives[0] - b.objectives[0])
      .slice(0, 20)
      .map((c) => c.objectives[2 + m] / c.objectives[0])
      .sort((a, b) => a - b);
    const relativeSe = top.length > 0 ? top[Math.floor((top.length - 1) / 2)] : 0;
    const oneSe = tolerance === 0 ? 0 : Math.min(MAX_TOLERANCE, Math.max(tolerance, relativeSe));
    const selection = selectCandidate(result.candidates, m, oneSe);
    const chosen = result.candidates[selection.index];
    chosenValues = decode(chosen.unit);
    const poolIndices = bootstrapPool(selection.index, selection.nearOptimal, spec.bootstrap.trials);
    pool = poolIndices.map((i) => decodeCandidate(spec, decode(result.candidates[i].unit), spend, k));
    poolRoas = poolIndices.map((i) => result.candidates[i].objectives.slice(2, 2 + m));
    searchSummary = {
      candidates: result.candidates.length, seconds: (Date.now() - searchStarted) / 1000, seed: spec.search.seed, method: spec.search.method,
      cv_nrmse: chosen.objectives[0], rssd: chosen.objectives[1], near_optimal: selection.nearOptimal.length, tolerance: oneSe,
    };
  }
  const searched = decodeCandidate(spec, chosenValues, spend, k);
  if (pool.length === 0) pool = [searched];

  // Bootstrap (before the final fit: with it, the final candidate is the pool member whose ROAS is
  // closest to the bootstrap medians, so the point estimate sits in the middle of its interval).
  let draws: FittedModel["draws"] = [];
  let finalIndex = 0;
  let bootstrapSummary: FitSummary["bootstrap"] = null;
  const intervals: { roas: [number, number]; contribution: [number, number] }[] = [];
  if (spec.bootstrap.resamples > 0 && spec.model !== "lasso" && spec.model !== "elastic-net") {
    const bootStarted = Date.now();
    const blockLength = spec.bootstrap.blockLength ?? Math.max(2, Math.min(Math.floor(k / 5), spec.frequency === "daily" ? 28 : 8));
    const boot = blockBootstrap({
      pool: pool.map((c) => ({ media: c.media, alpha: searchAlpha(c.alpha) })),
      fixed, y, trainRows: k, spend: spec.channels.map((c) => spend[c]),
      resamples: spec.bootstrap.resamples, blockLength, seed: spec.search.seed + 1, nonNegative: spec.nonNegativeMedia,
      mediaScaleByMean: mediaScale === "mean", tolerance,
    });
    draws = Array.from(boot.chosen, (j, r) => ({
      transforms: pool[j].transforms,
      coefficients: Object.fromEntries(spec.channels.map((c, i) => [c, boot.mediaCoefficients[r][i]])),
    }));
    for (let c = 0; c < m; c++) {
      intervals.push({ roas: [percentile(boot.roas[c], 0.05), percentile(boot.roas[c], 0.95)], contribution: [percentile(boot.contribution[c], 0.05), percentile(boot.contribution[c], 0.95)] });
    }
    finalIndex = stableFinal(poolRoas, boot.roas);
    bootstrapSummary = { resamples: spec.bootstrap.resamples, block_length: blockLength, trials: pool.length, seconds: (Date.now() - bootStarted) / 1000 };
  }
  const chosen = pool[finalIndex];

  // 5. Final fit on the fit window.
  const full = design(spec, chosen.transforms, input, context);
  const terms = [...spec.channels, ...fixedNames];
  const columns = terms.map((t) => full.columns[full.names.indexOf(t)]);
  const X = designMatrixFromColumns(columns.map((c) => c.subarray(0, k)));
  const yTrain = y.subarray(0, k);
  const nonNegative = terms.map((_, j) => j < m && spec.nonNegativeMedia);
  let coefficients: Float64Array;
  let intercept: number;
  let alpha: number | null = null;
  const stdErrors: Record<string, number> = {};
  if (spec.model === "ols") {
    const fit = fitOls(X, yTrain, { names: terms });
    coefficients = Float64Array.from(fit.coefficients);
    intercept = fit.intercept;
    terms.forEach((t, j) => { stdErrors[t] = fit.standardErrors[j + 1]; });
    stdErrors.intercept = fit.standardErrors[0];
  } else if (spec.model === "ridge") {
    alpha = chosen.alpha;
    const fit = fitRidge(X, yTrain, alpha, { names: terms, nonNegative, scaleByMean: terms.map((_, j) => j < m && mediaScale === "mean") });
    coefficients = fit.coefficients;
    intercept = fit.intercept;
  } else {
    const l1Ratio = spec.model === "lasso" ? 1 : spec.l1Ratio;
    alpha = spec.alpha ?? chooseAlpha(X, yTrain, { model: spec.model, l1Ratio, nonNegative, folds: spec.search.folds }).alpha;
    const fit = fitElasticNet(X, yTrain, { alpha, l1Ratio, nonNegative, names: terms, maxIter: 100000, tol: 1e-8 });
    coefficients = fit.coefficients;
    intercept = fit.intercept;
  }

  const model: FittedModel = {
    spec,
    transforms: chosen.transforms,
    terms,
    coefficients: Array.from(coefficients),
    intercept,
    trendStart: context.trendStart,
    trendEnd: context.trendEnd,
    periodDays: context.periodDays,
    controlDefaults,
    history: { dates: [...table.dates], spend: Object.fromEntries(spec.channels.map((c) => [c, Array.from(spend[c])])) },
    draws,
    summary: null as unknown as FitSummary,
  };

  // 6. Summary.
  const termContributions = predictTerms(model, input);
  const predicted = termContributions.predicted;
  const p = terms.length;
  const train = metricSet(yTrain, predicted.subarray(0, k), p);
  const holdout = k < n ? metricSet(y.subarray(k), predicted.subarray(k), p) : null;
  const returns = channelReturns(model, input, { from: 0, to: k }, termContributions);
  const channels: ChannelSummary[] = returns.map((r, c) => ({
    name: r.name,
    spend: r.spend,
    contribution: r.contribution,
    roas: r.roas,
    roas_low: intervals[c]?.roas[0] ?? null,
    roas_high: intervals[c]?.roas[1] ?? null,
    contribution_low: intervals[c]?.contribution[0] ?? null,
    contribution_high: intervals[c]?.contribution[1] ?? null,
    mroas: r.mroas,
    share_of_spend: r.share_of_spend,
    share_of_effect: r.share_of_effect,
    adstock: { ...model.transforms[r.name].adstock },
    saturation: { ...model.transforms[r.name].saturation },
  }));
  const residuals = Float64Array.from(yTrain, (v, i) => v - predicted[i]);
  let diagnostics: Record<string, unknown> = {};
  try {
    diagnostics = { ...diagnose(residuals, X, terms) };
  } catch (err) {
    diagnostics = { error: (err as Error).message };
  }
  model.summary = {
    model_type: spec.model,
    rows: n,
    frequency: table.frequency,
    fit_window: { start: table.dates[0], end: table.dates[k - 1], rows: k },
    holdout_window: k < n ? { start: table.dates[k], end: table.dates[n - 1], rows: n - k } : null,
    train,
    holdout,
    intercept,
    coefficients: Object.fromEntries(terms.map((t, j) => [t, coefficients[j]])),
    std_errors: stdErrors,
    alpha,
    channels,
    diagnostics,
    search: searchSummary,
    bootstrap: bootstrapSummary,
    sampler: null,
  };
  return model;
}
