/**
 * `mixlab fit INPUT [input flags] [model flags] --out model.json [--json]`: load a clean input, fit
 * the model the flags and the config describe, save the artifact and print the fit summary
 * (readable, or with --json the summary object of the contract, as stored in the artifact).
 */
import type { Command } from "commander";
import type { Artifact } from "../artifact/artifact";
import { saveModel } from "../artifact/save";
import { DataError } from "../data/issue";
import { loadInput, toTable } from "../data/load";
import { fitModel } from "../analysis/fit";
import type { StructureSummary } from "../models/fitted-model";
import type { FitPhase } from "../models/fit/progress";
import { probeWritable } from "./probe-writable";
import { createProgress, type Progress, type ProgressStream } from "../util/progress";
import { printJson, type CliContext } from "./context";
import { textTable, type Row } from "./text-table";
import { checkInputSize } from "./input-size";
import { addInputOptions, loadOptionsFrom, refusePanel, type InputFlags } from "./input-options";
import { addSpecOptions, specChoicesFromFlags, specFromOptions, type SpecFlags } from "./spec-options";

type FitFlags = InputFlags & SpecFlags & { out: string; json?: boolean; progress: boolean };

/** Milliseconds between two progress lines on stderr. */
const PROGRESS_MS = 2000;

/** registerFit(program, ctx) adds `mixlab fit` to the program. */
export function registerFit(program: Command, ctx: CliContext): void {
  addSpecOptions(addInputOptions(
    program.command("fit")
      .description("fit a marketing mix model to a clean input and save it as model.json")
      .argument("<input>", "CSV file or channel-dir folder (clean: run `mixlab clean` first if needed)")
      .requiredOption("--out <model.json>", "model artifact to write"),
  ))
    .option("--json", "print the fit summary as JSON on stdout")
    .option("--no-progress", "do not report the fit's progress (search, sampler, bootstrap) on stderr")
    .action(async (input: string, flags: FitFlags) => {
      specChoicesFromFlags(flags); // bad flags fail (exit 2) before any data is read
      probeWritable(flags.out, "file"); // and a path that cannot be written fails before the search
      const { load, config } = loadOptionsFrom(flags);
      refusePanel(load, "fit");
      checkInputSize(input);
      const table = toTable(loadInput(input, load));
      for (const w of table.warnings ?? []) ctx.err(`mixlab: warning: ${w}\n`);
      const spec = specFromOptions(flags, config, table);
      const progress = fitProgress(ctx, flags.progress !== false);
      const started = performance.now();
      let artifact: Artifact;
      try {
        const model = await fitModel(table, spec, { onProgress: progress.update });
        progress.stop();
        artifact = saveModel(flags.out, model, { fitSeconds: round3((performance.now() - started) / 1000) });
      } catch (err) {
        progress.stop();
        if (err instanceof RangeError) throw new DataError(`cannot fit ${input}: ${err.message}`);
        throw err;
      }
      if (flags.json) printJson(ctx, artifact.summary);
      else ctx.out(describeFit(artifact, input, flags.out));
      const sampler = artifact.summary.sampler;
      if (sampler !== null && sampler.rhat_max !== null && sampler.rhat_max > RHAT_WARNING) {
        ctx.err(`mixlab: the posterior chains have not mixed (R-hat max ${sampler.rhat_max.toFixed(2)} > ${RHAT_WARNING}, ESS min ${Math.round(sampler.ess_min ?? 0)}): treat the intervals as approximate, or raise --trials for a longer run\n`);
      }
      ctx.exit(0);
    });
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** What the best score of a fit's search and sampler is, as progress lines name it. */
export const SCORE_LABELS = {
  /** The default ("stable") selection: −2 log evidence of the media-prior ridge, lower is better. */
  evidence: "best −2 log evidence",
  /** The "lowest-cv" selection: the cross-validated NRMSE. */
  cv: "best CV NRMSE",
} as const;

/**
 * fitProgress(ctx, enabled, score) → an onProgress callback reporting on stderr through
 * createProgress (throttled plain lines labelled by the phase and naming the score:
 * "search 400/2000 (20%) best −2 log evidence 3937", "sampler …", "bootstrap 50/100 (50%)",
 * "posterior …"; a new report starts when the phase or the total changes), and stop().
 */
export function fitProgress(ctx: CliContext, enabled: boolean, score: keyof typeof SCORE_LABELS = "evidence"): { update: (done: number, total: number, best: number, phase?: FitPhase) => void; stop: () => void } {
  const stream: ProgressStream = { write: (s: string) => ctx.err(s) };
  let current: { total: number; phase: FitPhase; progress: Progress } | null = null;
  return {
    update: (done, total, best, phase = "search") => {
      if (!enabled) return;
      if (current === null || current.total !== total || current.phase !== phase) {
        current?.progress.stop();
        current = { total, phase, progress: createProgress({ label: phase, total, stream, intervalMs: PROGRESS_MS }) };
      }
      current.progress.update(done, Number.isFinite(best) ? { [SCORE_LABELS[score]]: best } : undefined);
    },
    stop: () => {
      current?.progress.stop();
      current = null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The readable summary

function fmt(v: unknown, digits: number): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "–";
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * sig(v) → v with 4 significant digits below 1,000 (1.67 → "1.67", 0.012345 → "0.01235"),
 * rounded to a whole number with thousands separators from 1,000 on; "–" when not a number.
 */
export function sig(v: unknown): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "–";
  if (Math.abs(v) >= 1000) return fmt(v, 0);
  return v.toLocaleString("en-US", { maximumSignificantDigits: 4 });
}

/** pValue(p) → a p-value as text with 4 significant digits (1.414e-193 stays 1.414e-193). */
function pValue(p: unknown): string {
  return typeof p === "number" && Number.isFinite(p) ? p.toPrecision(4) : "–";
}

function pct(v: unknown): string {
  return typeof v === "number" && Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : "–";
}

/** R̂ above which `fit --model bayes` warns that its chains have not mixed (Vehtari et al. 2021 ask for < 1.01; 1.05 is the usual working bar). */
export const RHAT_WARNING = 1.05;

/**
 * describeStructure(structure, free) → one line: which parts were chosen from the data, the choice's
 * score, how many candidates, and the criterion.
 * @example describeStructure(s, ["trend"]) // => "  structure: trend chosen from the data among 3 candidates (score 1.02; the best evidence among …)"
 */
export function describeStructure(structure: StructureSummary, free: readonly string[]): string {
  const { saturation, trend, seasonality, holidays, day_of_week } = structure.chosen;
  const chosen = structure.candidates.find((c) => c.saturation === saturation && c.trend === trend && c.seasonality === seasonality && c.holidays === holidays && c.day_of_week === day_of_week);
  // the parts as the flags name them (spec.auto holds the spec's field names)
  const parts = free.map((part) => (part === "dayOfWeek" ? "day-of-week" : part));
  return `  structure: ${parts.join(", ")} chosen from the data among ${structure.candidates.length} candidates ` +
    `(score ${fmt(chosen?.score ?? null, 3)}; ${structure.criterion})`;
}

/** describeFit(artifact, input, out) → the readable fit summary: windows, search, metrics, channels, where the model went. */
export function describeFit(artifact: Artifact, input: string, out: string): string {
  const s = artifact.summary;
  let text = `${s.model_type} model of ${input}: ${s.rows} ${s.frequency} periods; fit window ${s.fit_window.start} … ${s.fit_window.end} (${s.fit_window.rows})`;
  text += s.holdout_window ? `, holdout ${s.holdout_window.start} … ${s.holdout_window.end} (${s.holdout_window.rows})\n` : ", no holdout\n";
  const a = artifact.spec;
  text += `  ${a.adstock} adstock, ${a.saturation} saturation, ${a.trend} trend, seasonality ${a.seasonality}, holidays ${a.holidays}` +
    (s.alpha !== null ? `, alpha ${fmt(s.alpha, 4)}` : "") + "\n";
  if (s.structure && s.structure.candidates.length > 0) text += `${describeStructure(s.structure, a.auto ?? [])}\n`;
  if (s.search) {
    const rate = s.search.candidates_per_second === undefined ? "" : ` (${Math.round(s.search.candidates_per_second).toLocaleString("en-US")} candidates/s, search + sampler)`;
    text += `  search: ${s.search.candidates} candidates (seed ${s.search.seed}, ${s.search.method}) in ${fmt(s.search.seconds, 1)} s${rate}; ` +
      `chosen CV NRMSE ${fmt(s.search.cv_nrmse, 4)}, RSSD ${fmt(s.search.rssd, 3)}, ${s.search.near_optimal} distinct posterior draws\n`;
  }
  if (s.bootstrap) text += `  bootstrap: ${s.bootstrap.resamples} resamples, blocks of ${s.bootstrap.block_length} periods, in ${fmt(s.bootstrap.seconds, 1)} s\n`;
  if (s.sampler) {
    text += `  posterior: ${s.sampler.draws} draws, ${s.sampler.chains} chains, R-hat max ${fmt(s.sampler.rhat_max, 3)}, ESS min ${fmt(s.sampler.ess_min, 0)}, ` +
      `${s.sampler.divergences} divergences, in ${fmt(s.sampler.seconds, 1)} s\n`;
  }
  text += "\n";
  const metricRow = (name: string, m: NonNullable<typeof s.holdout>): Row =>
    [name, fmt(m.r2, 3), m.adj_r2 === undefined ? "" : fmt(m.adj_r2, 3), sig(m.rmse), sig(m.mae), `${fmt(m.mape, 1)} %`, fmt(m.nrmse, 3)];
  const metrics: Row[] = [metricRow("train", s.train)];
  if (s.holdout) metrics.push(metricRow("holdout", s.holdout));
  text += `${textTable(["", "r2", "adj_r2", "rmse", "mae", "mape", "nrmse"], metrics)}\n`;
  const channels: Row[] = s.channels.map((c) => [
    c.name, fmt(c.spend, 0), fmt(c.contribution, 0), fmt(c.roas, 2),
    c.roas_low === null && c.roas_high === null ? "" : `[${fmt(c.roas_low, 2)}, ${fmt(c.roas_high, 2)}]`,
    fmt(c.mroas, 2), pct(c.share_of_spend), pct(c.share_of_effect),
  ]);
  text += `${textTable(["channel", "spend", "contribution", "roas", "90 % interval", "mroas", "spend share", "effect share"], channels)}\n`;
  if (s.t_values && s.p_values && s.conf_int) {
    const { t_values: t, p_values: p, conf_int: ci } = s;
    const rows: Row[] = ["intercept", ...Object.keys(s.coefficients)].map((term) => [
      term, sig(term === "intercept" ? s.intercept : s.coefficients[term]), sig(s.std_errors[term]), sig(t[term]), pValue(p[term]),
      ci[term] ? `[${sig(ci[term][0])}, ${sig(ci[term][1])}]` : "–",
    ]);
    text += `${textTable(["term", "estimate", "std error", "t", "p", "95 % interval"], rows)}\n`;
    text += `  residual standard error ${sig(s.residual_std_error)} on ${s.df_residual} df; F ${sig(s.f_statistic)}, p ${pValue(s.f_p_value)}\n`;
  }
  text += `  model → ${out}\n`;
  return text;
}
