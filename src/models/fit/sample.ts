/**
 * Step 3 of a fit: draw transform settings (and the penalty) from their posterior instead of
 * trusting one best candidate. The default model draws from the tempered evidence,
 * exp(−score/(2T)) at T = SAMPLER_TEMPERATURE, by DE-MC started from the best candidates
 * (mcmc/demc.ts); `model: "bayes"` draws from the posterior itself (T = 1) by DE-MCz with
 * snooker and independence moves (mcmc/demcz.ts). The draws are thinned to the bootstrap's
 * `trials` (seed + 4); the model is provisionally the draw whose ROAS are most central.
 * Figures behind each setting: docs/decisions/003-posterior-sampler-settings.md.
 */
import type { ModelSpec } from "../../spec/model-spec";
import { chainSummary } from "../../mcmc/chain-summary";
import { sampleDeMc } from "../../mcmc/demc";
import { sampleDeMcz } from "../../mcmc/demcz";
import { thinDraws } from "../../mcmc/thin-draws";
import { mostCentral } from "../select-candidate";
import type { FitProgress } from "./progress";
import type { Scored, SearchOutcome, SearchSetup } from "./search";

/** DE-MC chains of the default model's posterior sampler (about 2 × the dimensions of a 5-channel search; bayes: BAYES_CHAINS). */
export const SAMPLER_CHAINS = 32;
/**
 * Temperature of the posterior the default model's sampler draws from, exp(−score/(2T)): a power
 * posterior with learning rate 1/T (Grünwald & van Ommen 2017, "Inconsistency of Bayesian
 * inference for misspecified linear models, and a proposal for repairing it", Bayesian Analysis
 * 12(4), 1069–1103). The evidence treats residuals as independent and the baseline as known, so
 * T = 1 is overconfident.
 */
export const SAMPLER_TEMPERATURE = 1.5;
/**
 * The posterior sampler's budget for `model: "bayes"`, in proposals per search candidate (the
 * default model's tempered sampler spends SAMPLER_SHARE); proposals outside the unit cube are
 * rejected unevaluated, so only a quarter to a third of them cost an evaluation. The summary
 * reports R̂ and ESS so that nobody mistakes unmixed chains for a posterior, and `--trials` buys more.
 */
export const BAYES_SAMPLER_SHARE = 24;
/**
 * Chains of the `model: "bayes"` sampler (DE-MCz, mcmc/demcz.ts). Its jumps come from the archive,
 * so few chains suffice (ter Braak & Vrugt 2008 use 3); with more chains each is shorter and burns
 * in anew.
 */
export const BAYES_CHAINS = 4;
/** The DE-MCz archive starts from the best BAYES_ARCHIVE_PER_DIMENSION · d candidates (the paper's M0 = 10·d). */
export const BAYES_ARCHIVE_PER_DIMENSION = 10;
/**
 * Share of the bayes sampler's generations discarded as burn-in. The chains start at the best
 * search candidates, near the bulk of the posterior.
 */
export const BAYES_BURN_IN = 0.3;
/**
 * Probability of an independence proposal after burn-in (mcmc/demcz.ts: a t fitted to the
 * burn-in's second half): each accepted one is a jump across the posterior.
 */
export const BAYES_INDEPENDENCE = 0.5;
/**
 * Sampler evaluations of the default model as a multiple of the search budget (2,000 trials → 32
 * chains × 500 generations); half is burn-in. The model is read off these draws, so their Monte
 * Carlo error moves it.
 */
export const SAMPLER_SHARE = 8;

/** How the bayes sampler went: its chains, R̂ max and ESS min, and its seconds. */
export interface SamplerTrace {
  chains: number;
  rhatMax: number | null;
  essMin: number | null;
  seconds: number;
}

/** The pool the intervals run over: the thinned draws, the provisional choice and the bayes trace. */
export interface Sampled {
  members: Scored[];
  /** Candidates the sampler evaluated (proposals outside the unit cube cost none). */
  evaluations: number;
  chosenIndex: number;
  trace: SamplerTrace | null;
}

/**
 * samplePosterior(spec, setup, searched, evaluateBatch, onProgress) → the posterior draws of the
 * transforms (see the module comment); just the best candidate with the "lowest-cv" selection or
 * fewer than 4 finite candidates. Seeded by spec.search.seed + 3 (sampler) and + 4 (thinning).
 */
export function samplePosterior(
  spec: ModelSpec, setup: SearchSetup, searched: SearchOutcome,
  evaluateBatch: (units: Float64Array[]) => number[][], onProgress?: FitProgress,
): Sampled {
  const { candidates, ranked, best } = searched;
  const m = spec.channels.length;
  const bayes = spec.model === "bayes";
  const budget = spec.search.trials;
  const chains = Math.min(SAMPLER_CHAINS, ranked.length);
  if (!(setup.stable && chains >= 4)) return { members: [best], evaluations: 0, chosenIndex: 0, trace: null };
  const samplerStarted = Date.now();
  const samplerChains = bayes ? BAYES_CHAINS : chains;
  const generations = Math.max(20, Math.round(((bayes ? BAYES_SAMPLER_SHARE : SAMPLER_SHARE) * budget) / samplerChains));
  const evaluated: number[][] = [];
  const starts = ranked.slice(0, samplerChains).map((i) => candidates[i]);
  let bestScore = best.objectives[0];
  const common = {
    start: starts.map((c) => c.unit), startValues: starts.map((c) => c.objectives[0]),
    evaluate: (points: Float64Array[]) => {
      const out = evaluateBatch(points).map((o) => {
        evaluated.push(o);
        if (o[0] < bestScore) bestScore = o[0];
        return o[0];
      });
      return out;
    },
    generations, seed: spec.search.seed + 3,
    onGeneration: (done: number, total: number) => onProgress?.(done, total, bestScore, "sampler"),
  };
  const sampled = bayes
    ? sampleDeMcz({
      ...common, burnIn: Math.floor(generations * BAYES_BURN_IN), temperature: 1, independence: BAYES_INDEPENDENCE,
      archive: ranked.slice(0, BAYES_ARCHIVE_PER_DIMENSION * setup.dims.length).map((i) => candidates[i].unit),
    })
    : sampleDeMc({ ...common, burnIn: Math.floor(generations / 2), temperature: SAMPLER_TEMPERATURE });
  const draws = sampled.draws.map((d) => ({ unit: d.unit, objectives: d.evaluation >= 0 ? evaluated[d.evaluation] : starts[-1 - d.evaluation].objectives }));
  let trace: SamplerTrace | null = null;
  if (bayes) {
    // Convergence over the sampled parameters (unit cube) and each channel's ROAS at the mode.
    const summary = chainSummary(draws.map((d) => Float64Array.from([...d.unit, ...d.objectives.slice(2, 2 + m)])), samplerChains);
    trace = { chains: samplerChains, rhatMax: summary.rhatMax, essMin: summary.essMin, seconds: (Date.now() - samplerStarted) / 1000 };
  }
  const members = thinDraws(draws, spec.bootstrap.trials, spec.search.seed + 4);
  return { members, evaluations: evaluated.length, chosenIndex: mostCentral(members.map((d) => d.objectives.slice(2, 2 + m))), trace };
}
