/**
 * fitSteps(table, spec, options): one model spec → one fitted model, without its summary (the summary
 * is analysis/summary.ts; analysis/fit.ts's fitModel calls both). The steps, one file each:
 * structure → split → search → sample → intervals → refit. Why these steps (the evidence rather than the CV
 * error, posterior draws rather than one best candidate, the most central draw):
 * docs/decisions/001-evidence-and-posterior-draws.md.
 */
import { periodDays, type Table } from "../../data/table";
import type { HouseholderQr } from "../../linalg/qr";
import type { ModelSpec } from "../../spec/model-spec";
import type { FitSummary, FittedCore, StructureSummary } from "../fitted-model";
import type { DesignMatrix } from "../standardize";
import { decodeCandidate, type Candidate } from "../transform-space";
import { intervalsOf, type ChannelInterval } from "./intervals";
import type { FitProgress } from "./progress";
import { refit, type OlsInference } from "./refit";
import { samplePosterior, type SamplerTrace } from "./sample";
import { createEvaluator, searchSetup, searchSummary, searchTransforms, type SearchCounts } from "./search";
import { splitWindow } from "./split";
import { chooseStructure } from "./structure";

export interface FitOptions {
  /** Progress of each phase (see FitProgress). */
  onProgress?: FitProgress;
  /**
   * "stable" (default): evidence search, posterior draws of the transforms, intervals over them and
   * the most central draw. "lowest-cv": the candidate with the lowest CV error, ridge with one
   * penalty for every term and intervals that hold the transforms fixed — the naive rule, kept as
   * the baseline recovery is compared to.
   */
  selection?: "stable" | "lowest-cv";
}

/** What the summary needs from a fit beyond the model itself. */
export interface FitReport {
  /** The first held-out row (n without a holdout). */
  splitIndex: number;
  /** The fit window's design, one column per model term. */
  X: DesignMatrix;
  stdErrors: Record<string, number>;
  /** Textbook inference of an OLS fit (null for the other model kinds). */
  ols: OlsInference | null;
  /** The QR of [1, X] of an OLS fit, for the diagnostics (null for the other model kinds). */
  designQr: HouseholderQr | null;
  alpha: number | null;
  /** Per channel (empty without intervals). */
  intervals: ChannelInterval[];
  search: FitSummary["search"];
  bootstrap: FitSummary["bootstrap"];
  sampler: FitSummary["sampler"];
  /** How the free structure parts were chosen (no candidates when the spec fixes every part). */
  structure: StructureSummary;
}

/**
 * fitSteps(table, spec, options) → the model the steps choose and what its summary needs (see the
 * module comment). Seeded: the same table, spec and options give the same numbers.
 * @throws RangeError for a column the table lacks, a split leaving too few rows, "bayes" with
 *   "lowest-cv", or a search whose every candidate fails
 */
export async function fitSteps(table: Table, given: ModelSpec, options: FitOptions = {}): Promise<{ model: FittedCore; report: FitReport }> {
  const structure = await chooseStructure(table, given);
  const spec = structure.spec;
  const window = splitWindow(table, spec);
  const { k, spend, context } = window;
  const stable = options.selection !== "lowest-cv";
  if (spec.model === "bayes" && !stable) throw new RangeError('fit: model "bayes" samples the posterior; it has no "lowest-cv" selection');
  const setup = searchSetup(spec, window, stable);
  // The pool: the posterior draws the intervals run over (one candidate without a search or with
  // the lowest-CV rule), each with its objectives [score, RSSD, ROAS per channel].
  let pool: Candidate[] = [decodeCandidate(spec, {}, spend, k)];
  let poolObjectives: number[][] = [];
  let chosenIndex = 0;
  let trace: SamplerTrace | null = null;
  let counts: SearchCounts | null = null;
  if (setup.dims.length > 0) {
    const evaluateBatch = createEvaluator(spec, window, setup);
    const started = Date.now();
    const searched = await searchTransforms(spec, setup, evaluateBatch, options.onProgress);
    const sampled = samplePosterior(spec, setup, searched, evaluateBatch, options.onProgress);
    pool = sampled.members.map((d) => decodeCandidate(spec, setup.decode(d.unit), spend, k));
    poolObjectives = sampled.members.map((d) => d.objectives);
    chosenIndex = sampled.chosenIndex;
    trace = sampled.trace;
    counts = { candidates: searched.candidates.length, evaluations: searched.candidates.length + sampled.evaluations, seconds: (Date.now() - started) / 1000, bestScore: searched.best.objectives[0], distinct: new Set(sampled.members.map((d) => d.unit)).size };
  }
  const intervals = intervalsOf(spec, window, setup, pool, poolObjectives, chosenIndex, trace, options.onProgress);
  const chosen = pool[intervals.chosenIndex];
  const search = counts === null ? null : searchSummary(spec, window, setup, counts, poolObjectives, chosen, intervals.chosenIndex);
  const refitted = refit(spec, window, setup, chosen);
  const model: FittedCore = {
    spec,
    transforms: chosen.transforms,
    terms: refitted.terms,
    coefficients: Array.from(refitted.coefficients),
    intercept: refitted.intercept,
    trendStart: context.trendStart,
    trendEnd: context.trendEnd,
    periodDays: periodDays(table.frequency),
    controlDefaults: window.controlDefaults,
    history: {
      dates: [...table.dates], spend: Object.fromEntries(spec.channels.map((c) => [c, Array.from(spend[c])])),
      controls: Object.fromEntries(spec.controls.map((c) => [c, Array.from(table.columns[c])])),
    },
    draws: intervals.draws,
  };
  const { X, stdErrors, alpha, ols, designQr } = refitted;
  return { model, report: { splitIndex: k, X, stdErrors, alpha, ols, designQr, intervals: intervals.intervals, search, bootstrap: intervals.bootstrap, sampler: intervals.sampler, structure: structure.report } };
}
