/**
 * Step 0 of a fit: choose the structure parts the spec leaves free (spec.auto: saturation family,
 * trend, Fourier order, holidays, day-of-week) from the fit window, never the holdout.
 *
 * 1. Per saturation family, a short evidence search of the transforms (STRUCTURE_SEARCH_SHARE of the
 *    spec's trials, the spec's starting baseline) keeps its STRUCTURE_SHORTLIST best candidates.
 * 2. Per structure candidate (every combination of the free parts' choices), the candidate of its
 *    family's shortlist with the best evidence under that structure's baseline is kept, and scored
 *    by rolling-origin validation: STRUCTURE_FOLDS origins in the fit window, each refitting the
 *    linear part (the media-prior ridge, transforms held) on the rows before it and forecasting the
 *    next h rows, h the holdout's length — what the holdout measures. The score is the pooled
 *    WMAPE of those forecasts, 100·Σ|y − ŷ|/Σ|y| (percent).
 * 3. Among the candidates whose score is within SCORE_TOLERANCE × the lowest (they forecast about as
 *    well), the best evidence wins (it weighs every row of the fit window); a tie (a linear and a
 *    damped trend have the same evidence) goes to the lower score, then to the first in candidate
 *    order (simplest first).
 * Why this rule (of nine tried on 64 generated sets): docs/decisions/012-structure-from-the-data.md.
 */
import type { Table } from "../../data/table";
import { baselineTerms, type DesignContext, type DesignInput } from "../../features/design";
import type { ModelSpec } from "../../spec/model-spec";
import type { SaturationKind } from "../../spec/transform-params";
import type { Structure, StructureSummary } from "../fit-summary";
import { createMediaPriorRidge, fitMediaPriorRidge, type MediaPriorRidge, type MediaPriorRidgeOptions } from "../media-prior-ridge";
import { rollingOriginFolds, type RollingOriginFold } from "../rolling-origin";
import { decodeCandidate } from "../transform-space";
import { createEvaluator, searchSetup, searchTransforms } from "./search";
import { splitWindow } from "./split";

/** The choices of a free part. */
export const SATURATION_CHOICES: readonly SaturationKind[] = ["hill", "logistic", "log"];
export const TREND_CHOICES: readonly ModelSpec["trend"][] = ["none", "linear", "damped"];
export const MAX_SEASONALITY = 3;
/** Rolling origins in the fit window. */
export const STRUCTURE_FOLDS = 4;
/** Trials of each family's short search, as a share of spec.search.trials (at least 100). */
export const STRUCTURE_SEARCH_SHARE = 0.25;
/** Best transforms of each family's short search re-scored under each structure. */
export const STRUCTURE_SHORTLIST = 16;

/** A shortlisted transform setting: its media columns (every row) and penalty. */
interface Shortlisted {
  media: Float64Array[];
  alpha: number;
}

/**
 * structureCandidates(spec) → every structure the free parts allow (a fixed part keeps the spec's
 * value), simplest first: saturation, then trend none → linear → damped, Fourier order 0 → 3,
 * holidays off → on, day-of-week off → on (daily data only).
 */
export function structureCandidates(spec: ModelSpec): Structure[] {
  const free = new Set(spec.auto ?? []);
  const saturations = free.has("saturation") ? SATURATION_CHOICES : [spec.saturation];
  const trends = free.has("trend") ? TREND_CHOICES : [spec.trend];
  const seasons = free.has("seasonality") ? Array.from({ length: MAX_SEASONALITY + 1 }, (_, s) => s) : [spec.seasonality];
  const holidays = free.has("holidays") ? [...new Set(["none", spec.holidays])] : [spec.holidays];
  const days = free.has("dayOfWeek") && spec.frequency === "daily" ? [false, true] : [spec.dayOfWeek];
  const out: Structure[] = [];
  for (const saturation of saturations) for (const trend of trends) for (const seasonality of seasons) {
    for (const h of holidays) for (const day_of_week of days) out.push({ saturation, trend, seasonality, holidays: h, day_of_week });
  }
  return out;
}

/** withStructure(spec, s) → the spec with the structure s (its other fields as they are). */
export function withStructure(spec: ModelSpec, s: Structure): ModelSpec {
  return { ...spec, saturation: s.saturation as SaturationKind, trend: s.trend as ModelSpec["trend"], seasonality: s.seasonality, holidays: s.holidays, dayOfWeek: s.day_of_week };
}

/**
 * shortlist(table, spec, saturation) → the STRUCTURE_SHORTLIST best transform settings of a short
 * evidence search with that saturation family and the spec's starting baseline (one setting when
 * nothing is searched), and the ridge options every later fit uses.
 */
async function shortlist(table: Table, spec: ModelSpec, saturation: SaturationKind): Promise<{ list: Shortlisted[]; ridge: MediaPriorRidgeOptions; searchAlpha: (a: number) => number }> {
  const trials = Math.max(100, Math.round(spec.search.trials * STRUCTURE_SEARCH_SHARE));
  const s: ModelSpec = { ...spec, saturation, auto: [], search: { ...spec.search, trials } };
  const window = splitWindow(table, s);
  const setup = searchSetup(s, window, true);
  const decode = (unit: Float64Array | null) => decodeCandidate(s, unit === null ? {} : setup.decode(unit), window.spend, window.k);
  let units: Array<Float64Array | null> = [null];
  if (setup.dims.length > 0) {
    const searched = await searchTransforms(s, setup, createEvaluator(s, window, setup));
    units = searched.ranked.slice(0, STRUCTURE_SHORTLIST).map((i) => searched.candidates[i].unit);
  }
  return { list: units.map((u) => { const c = decode(u); return { media: c.media, alpha: c.alpha }; }), ridge: setup.ridge, searchAlpha: setup.searchAlpha };
}

/**
 * The baseline columns of every structure, over every row: trend columns per trend choice and per
 * view (the fit window, whose trend ends at its last row, and each fold, whose trend ends at the
 * row before its origin, so a damped trend levels off where the fold's forecast starts), then the
 * Fourier pairs up to the highest order, day-of-week, holidays and controls.
 */
interface BaselineParts {
  trend: Map<string, Float64Array[]>;
  season: Float64Array[];
  dow: Float64Array[];
  holidays: Map<string, Float64Array>;
  controls: Float64Array[];
}

/** baselineParts(spec, candidates, input, context, ends) → BaselineParts, views = [fit window, …folds] by last training row. */
function baselineParts(spec: ModelSpec, candidates: readonly Structure[], input: DesignInput, context: DesignContext, ends: readonly number[]): BaselineParts {
  const maxSeason = Math.max(...candidates.map((c) => c.seasonality));
  const everything = baselineTerms({ ...spec, trend: "none", seasonality: maxSeason, dayOfWeek: true, holidays: "none" }, input, context);
  const of = (kind: string) => everything.columns.filter((_, j) => everything.kinds[j] === kind);
  const trend = new Map<string, Float64Array[]>();
  for (const t of new Set(candidates.map((c) => c.trend))) {
    if (t === "none") continue;
    const only: ModelSpec = { ...spec, trend: t as ModelSpec["trend"], seasonality: 0, dayOfWeek: false, holidays: "none", controls: [] };
    trend.set(t, ends.map((end) => baselineTerms(only, input, { ...context, trendEnd: input.days[end - 1] }).columns[0]));
  }
  const holidays = new Map<string, Float64Array>();
  for (const h of new Set(candidates.map((c) => c.holidays))) {
    if (h !== "none") holidays.set(h, baselineTerms({ ...spec, trend: "none", seasonality: 0, dayOfWeek: false, holidays: h, controls: [] }, input, context).columns[0]);
  }
  return { trend, season: of("season"), dow: spec.frequency === "daily" ? of("dow") : [], holidays, controls: of("control") };
}

/** columnsOf(parts, s, view) → the baseline columns of structure s in a view (0 = fit window, f + 1 = fold f). */
function columnsOf(parts: BaselineParts, s: Structure, view: number): Float64Array[] {
  const cols: Float64Array[] = [];
  if (s.trend !== "none") cols.push((parts.trend.get(s.trend) as Float64Array[])[view]);
  cols.push(...parts.season.slice(0, 2 * s.seasonality));
  if (s.day_of_week) cols.push(...parts.dow);
  if (s.holidays !== "none") cols.push(parts.holidays.get(s.holidays) as Float64Array);
  cols.push(...parts.controls);
  return cols;
}

/**
 * rollingOriginWmape(y, media, fixed, folds, alpha, ridge, foldFixed) → 100·Σ|y − ŷ|/Σ|y| over the
 * folds' forecast rows, each fold's media-prior ridge fitted on the rows before its origin with the
 * given penalty and transforms (foldFixed(f): fold f's baseline columns, every row). Percent.
 */
export function rollingOriginWmape(
  y: Float64Array, media: readonly Float64Array[], folds: readonly RollingOriginFold[], alpha: number,
  ridge: MediaPriorRidgeOptions, foldFixed: (f: number) => Float64Array[],
): number {
  let absError = 0;
  let absY = 0;
  folds.forEach(({ origin, end }, f) => {
    const fixed = foldFixed(f);
    const fit = fitMediaPriorRidge(createMediaPriorRidge(fixed.map((c) => c.subarray(0, origin)), y.subarray(0, origin)), media.map((c) => c.subarray(0, origin)), alpha, ridge);
    for (let i = origin; i < end; i++) {
      let p = fit.intercept;
      media.forEach((c, j) => { p += fit.coefficients[j] * c[i]; });
      fixed.forEach((c, l) => { p += fit.coefficients[media.length + l] * c[i]; });
      absError += Math.abs(y[i] - p);
      absY += Math.abs(y[i]);
    }
  });
  return absY > 0 ? (100 * absError) / absY : NaN;
}

/** Candidates whose rolling-origin score is within this factor of the lowest are told apart by their evidence. */
export const SCORE_TOLERANCE = 1.1;

/**
 * chooseCandidate(scored) → the index of the chosen candidate: among those whose finite score is at
 * most SCORE_TOLERANCE × the lowest, the lowest finite evidence; ties by the lower score, then the
 * first; −1 when no candidate has both figures finite.
 */
export function chooseCandidate(scored: ReadonlyArray<{ score: number; evidence: number }>): number {
  let lowest = Infinity;
  for (const c of scored) if (Number.isFinite(c.score) && Number.isFinite(c.evidence) && c.score < lowest) lowest = c.score;
  let chosen = -1;
  scored.forEach((c, i) => {
    if (!(Number.isFinite(c.evidence) && c.score <= SCORE_TOLERANCE * lowest)) return;
    const best = chosen < 0 ? null : scored[chosen];
    if (best === null || c.evidence < best.evidence || (c.evidence === best.evidence && c.score < best.score)) chosen = i;
  });
  return chosen;
}

/** The criterion reported when nothing was left to choose. */
export const FIXED_CRITERION = "none: every part fixed by the flags or the config";

/** What the structure step chose: the spec with the chosen structure, and the summary's report (no candidates when every part is fixed). */
export interface StructureChoice {
  spec: ModelSpec;
  report: StructureSummary;
}

/**
 * chooseStructure(table, spec) → the spec with its free parts chosen (see the module comment).
 * Seeded through spec.search.seed. O(families·search + candidates·(shortlist + folds)·fit).
 * @throws RangeError as splitWindow, or when the fit window is too short for the folds
 */
export async function chooseStructure(table: Table, spec: ModelSpec): Promise<StructureChoice> {
  const candidates = structureCandidates(spec);
  if ((spec.auto ?? []).length === 0 || candidates.length <= 1) return { spec, report: { chosen: { ...candidates[0] }, candidates: [], criterion: FIXED_CRITERION } };
  const window = splitWindow(table, { ...spec, auto: [] });
  const { k, n, y, yK, input, context } = window;
  const folds = rollingOriginFolds(k, n > k ? n - k : Math.max(1, Math.round(0.2 * k)), STRUCTURE_FOLDS);
  const parts = baselineParts(spec, candidates, input, context, [k, ...folds.map((f) => f.origin)]);
  const families = new Map<string, Awaited<ReturnType<typeof shortlist>>>();
  for (const sat of new Set(candidates.map((c) => c.saturation))) families.set(sat, await shortlist(table, spec, sat as SaturationKind));
  const prepared = new Map<string, MediaPriorRidge>();
  const scored = candidates.map((s) => {
    const { list, ridge, searchAlpha } = families.get(s.saturation) as Awaited<ReturnType<typeof shortlist>>;
    const key = `${s.trend}|${s.seasonality}|${s.holidays}|${s.day_of_week}`;
    let full = prepared.get(key);
    if (full === undefined) {
      full = createMediaPriorRidge(columnsOf(parts, s, 0).map((c) => c.subarray(0, k)), yK);
      prepared.set(key, full);
    }
    let best: { item: Shortlisted; evidence: number } | null = null;
    for (const item of list) {
      const evidence = fitMediaPriorRidge(full, item.media.map((c) => c.subarray(0, k)), searchAlpha(item.alpha), ridge).evidence;
      if (Number.isFinite(evidence) && (best === null || evidence < best.evidence)) best = { item, evidence };
    }
    if (best === null) return { ...s, score: NaN, evidence: NaN };
    const score = rollingOriginWmape(y, best.item.media, folds, searchAlpha(best.item.alpha), ridge, (f) => columnsOf(parts, s, f + 1));
    return { ...s, score, evidence: best.evidence };
  });
  const chosen = chooseCandidate(scored);
  if (chosen < 0) throw new RangeError("fit: no structure candidate could be scored");
  const h = folds[0].end - folds[0].origin;
  const criterion = `the best evidence among the candidates within ${SCORE_TOLERANCE} × the lowest rolling-origin WMAPE (%; ${folds.length} origins in the fit window, each forecasting the next ${h} periods)`;
  return { spec: withStructure(spec, candidates[chosen]), report: { chosen: { ...candidates[chosen] }, candidates: scored, criterion } };
}
