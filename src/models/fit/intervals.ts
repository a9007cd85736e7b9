/**
 * Step 4 of a fit: the 90 % intervals of each channel's ROAS and contribution, before the final fit
 * (which only refits the chosen draw exactly). The default model runs a moving-block bootstrap over
 * the posterior draws of the transforms (drawBootstrap in draw-returns.ts, seed + 1); `model: "bayes"` takes
 * joint posterior draws — each transform draw with exact draws of its coefficients
 * (posteriorReturns in draw-returns.ts, seed + 1). `model: "ols"` solves each resample's refit from its
 * block sums (drawBootstrapByMoments: the same resamples and estimator, one sweep over the rows
 * instead of one per resample — what keeps a 130,000-row OLS fit fast); the other kinds keep the
 * row-by-row refit, whose sums in row order their saved golden fits pin. The model is then the draw whose returns are most central
 * among the intervals' draws, at RETURNS_AT multiples of each channel's spend.
 * Why that choice: docs/decisions/004-most-central-draw.md.
 */
import { mediaColumn } from "../../features/design";
import type { ModelSpec } from "../../spec/model-spec";
import { percentile } from "../bootstrap";
import { drawBootstrap, drawBootstrapByMoments, posteriorReturns, type DrawBootstrapResult } from "../draw-returns";
import type { FitSummary, FittedModel } from "../fitted-model";
import { mostCentral } from "../select-candidate";
import type { Candidate } from "../transform-space";
import type { FitProgress } from "./progress";
import type { SamplerTrace } from "./sample";
import type { SearchSetup } from "./search";
import type { FitWindow } from "./split";

/**
 * Joint posterior draws behind the intervals and the coefficient means and sds of `model: "bayes"`
 * (its `--bootstrap` count is not used: its intervals are posterior, not bootstrap).
 */
export const POSTERIOR_DRAWS = 1000;
/**
 * Spend multiples at which the model's ROAS should be typical of the intervals' draws: the model is
 * the draw most central among theirs at each (chooseAtReturns).
 */
export const RETURNS_AT = [0.5, 1, 2];

/** One channel's 90 % intervals (5th and 95th percentiles) over the fit window. */
export interface ChannelInterval {
  roas: [number, number];
  contribution: [number, number];
}

/** What the intervals step gives: the media draws, the intervals, its summary, the chosen draw. */
export interface Intervals {
  /** One media draw per resample or joint posterior draw (empty without intervals). */
  draws: FittedModel["draws"];
  /** Per channel, in spec order (empty without intervals). */
  intervals: ChannelInterval[];
  bootstrap: FitSummary["bootstrap"];
  sampler: FitSummary["sampler"];
  /** Index of the model's draw in the pool. */
  chosenIndex: number;
}

/**
 * intervalsOf(spec, window, setup, pool, poolObjectives, chosenIndex, trace, onProgress) → the
 * intervals over the pool of transform draws (see the module comment). No intervals for lasso and
 * elastic net, nor with `bootstrap.resamples` 0 (bayes always has them); the choice is then kept.
 */
export function intervalsOf(
  spec: ModelSpec, window: FitWindow, setup: SearchSetup, pool: readonly Candidate[], poolObjectives: readonly number[][],
  chosenIndex: number, trace: SamplerTrace | null, onProgress?: FitProgress,
): Intervals {
  const bayes = spec.model === "bayes";
  const { k, fixed, y, spend } = window;
  const { searchAlpha, ridge } = setup;
  const m = spec.channels.length;
  if (!(bayes || (spec.bootstrap.resamples > 0 && spec.model !== "lasso" && spec.model !== "elastic-net"))) {
    return { draws: [], intervals: [], bootstrap: null, sampler: null, chosenIndex };
  }
  const bootStarted = Date.now();
  const blockLength = spec.bootstrap.blockLength ?? Math.max(2, Math.min(Math.floor(k / 5), spec.frequency === "daily" ? 28 : 8));
  const transformDraws = pool.map((c) => ({ media: c.media, alpha: searchAlpha(c.alpha) }));
  const progress = onProgress === undefined ? undefined : (done: number, total: number) => onProgress?.(done, total, NaN, bayes ? "posterior" : "bootstrap");
  const boot = bayes
    ? posteriorReturns({ transforms: transformDraws, fixed, y, trainRows: k, spend: spec.channels.map((c) => spend[c]), draws: POSTERIOR_DRAWS, seed: spec.search.seed + 1, ridge, onProgress: progress })
    : (spec.model === "ols" ? drawBootstrapByMoments : drawBootstrap)({
      draws: transformDraws, fixed, y, trainRows: k, spend: spec.channels.map((c) => spend[c]),
      resamples: spec.bootstrap.resamples, blockLength, seed: spec.search.seed + 1, ridge, onProgress: progress,
    });
  const draws = Array.from(boot.draw, (j, r) => ({
    transforms: pool[j].transforms,
    coefficients: Object.fromEntries(spec.channels.map((c, i) => [c, boot.mediaCoefficients[r][i]])),
  }));
  const intervals: ChannelInterval[] = [];
  for (let c = 0; c < m; c++) {
    intervals.push({ roas: [percentile(boot.roas[c], 0.05), percentile(boot.roas[c], 0.95)], contribution: [percentile(boot.contribution[c], 0.05), percentile(boot.contribution[c], 0.95)] });
  }
  let sampler: FitSummary["sampler"] = null;
  let bootstrap: FitSummary["bootstrap"] = null;
  if (bayes) {
    sampler = {
      chains: trace?.chains ?? 1, draws: POSTERIOR_DRAWS, rhat_max: trace?.rhatMax ?? null, ess_min: trace?.essMin ?? null,
      divergences: 0, seconds: (trace?.seconds ?? 0) + (Date.now() - bootStarted) / 1000,
    };
  } else {
    bootstrap = { resamples: spec.bootstrap.resamples, block_length: blockLength, trials: pool.length, seconds: (Date.now() - bootStarted) / 1000 };
  }
  const chosen = pool.length > 1 ? chooseAtReturns(spec, k, spend, pool, poolObjectives, boot) : chosenIndex;
  return { draws, intervals, bootstrap, sampler, chosenIndex: chosen };
}

/**
 * chooseAtReturns(spec, k, spend, pool, poolObjectives, boot) → the index of the draw whose
 * returns are most central among the intervals' draws: each channel's ROAS over the fit window and
 * at half and double its spend (RETURNS_AT), the largest distance of their percentiles from 50 %
 * smallest (mostCentral) — so the point estimate sits inside its intervals, and inside the plan
 * intervals computed from the same draws where plans extrapolate.
 */
export function chooseAtReturns(
  spec: ModelSpec, k: number, spend: Record<string, Float64Array>, pool: readonly Candidate[], poolObjectives: readonly number[][],
  boot: Pick<DrawBootstrapResult, "roas" | "draw">,
): number {
  const ratios = pool.map((cand) => spec.channels.map((name, c) => RETURNS_AT.map((s) => {
    if (s === 1) return 1;
    let base = 0;
    let scaled = 0;
    const column = mediaColumn(Float64Array.from(spend[name], (v) => s * v), cand.transforms[name]);
    for (let i = 0; i < k; i++) {
      base += cand.media[c][i];
      scaled += column[i];
    }
    return base > 0 ? scaled / (s * base) : 1;
  })));
  const rows = poolObjectives.map((o, j) => spec.channels.flatMap((_, c) => RETURNS_AT.map((_s, t) => o[2 + c] * ratios[j][c][t])));
  const columns = spec.channels.flatMap((_, c) => RETURNS_AT.map((_s, t) => Float64Array.from(boot.roas[c], (v, r) => v * ratios[boot.draw[r]][c][t])));
  return mostCentral(rows, columns);
}
