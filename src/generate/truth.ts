/**
 * The ground truth of a generated data set (what `truth.json` holds) and the data set as generate()
 * returns it: file texts, truth and the per-period series behind them. truthOf computes the truth
 * from the clean process, before any dirt.
 */
import type { AdstockParams, SaturationParams } from "../spec/transform-params";
import type { Fault } from "./dirt";
import type { TruthGroup } from "./panel";
import type { GenerateFrequency, GenerateShape, ResolvedGenerateOptions } from "./options";
import { SEASON_ORDER, SEASON_PERIOD, type SimulatedProcess } from "./process";
import { sum } from "./random-series";

export interface TruthChannel {
  name: string;
  adstock: AdstockParams;
  saturation: SaturationParams;
  /** β: target units per period at full saturation. */
  coefficient: number;
  always_on: boolean;
  /** Total spend over all periods. */
  spend: number;
  /** Total contribution Σ_t β·hill(adstock(spend))_t. */
  contribution: number;
  /** contribution / spend. */
  roas: number;
  share_of_spend: number;
  /** contribution / Σ contributions. */
  share_of_effect: number;
}

export interface TruthBaseline {
  intercept: number;
  /** Coefficient of linearTrend(n) (0 → 1 over the series). */
  trend: number;
  seasonality: { period: number; order: number; coefficients: Record<string, number> };
  /** Effect per public-holiday day (holidayIndicator). */
  holidays: { country: string; effect: number };
  /** Coefficients of the controls that act in this shape (price, promo, demand_index). */
  controls: Record<string, number>;
  /** Total baseline Σ_t (everything but media and noise). */
  contribution: number;
}

/** The truth's options: the resolved ones, the structure knobs (saturation, trend, seasonal) only when not their default. */
export type TruthOptions = Omit<ResolvedGenerateOptions, "saturation" | "trend" | "seasonal"> & Partial<Pick<ResolvedGenerateOptions, "saturation" | "trend" | "seasonal">>;

/** truthOptions(opt) → opt without the structure knobs left at their defaults (so files made before them stay byte-identical). */
function truthOptions(opt: ResolvedGenerateOptions): TruthOptions {
  const { saturation, trend, seasonal, ...rest } = opt;
  return { ...rest, ...(saturation !== "hill" && { saturation }), ...(!trend && { trend }), ...(!seasonal && { seasonal }) };
}

export interface Truth {
  seed: number;
  options: TruthOptions;
  shape: GenerateShape;
  frequency: GenerateFrequency;
  periods: number;
  start: string;
  end: string;
  target: "revenue" | "sales";
  files: string[];
  channels: TruthChannel[];
  /** Campaigns shape: each campaign's channel (a channelMap for the loader) and total spend. */
  campaigns: Array<{ name: string; channel: string; spend: number }> | null;
  baseline: TruthBaseline;
  /** Σ contributions / Σ pre-noise target. */
  media_share: number;
  noise_sd: number;
  dirt: null | { faults: Fault[]; dropped_rows: Array<{ file: string; date: string }> };
  /** Panels (`groups`): the group and population columns and each group's truth (panel.ts); absent otherwise. */
  group_column?: string;
  population_column?: string;
  groups?: TruthGroup[];
}

/** Per-period series behind the files (not written; for tests and notebooks). */
export interface GeneratedSeries {
  dates: string[];
  days: Int32Array;
  /** Pre-noise target: baseline + Σ media. */
  signal: Float64Array;
  noise: Float64Array;
  baseline: Float64Array;
  /** Spend and contribution per channel, in truth.channels order. */
  spend: Float64Array[];
  contributions: Float64Array[];
  /** Control series (price, promo, demand_index), whether or not they act in this shape. */
  controls: Record<string, Float64Array>;
}

export interface GeneratedData {
  /** Paths relative to the output folder, "\n" line endings, header first. */
  files: Array<{ path: string; content: string }>;
  truth: Truth;
  series: GeneratedSeries;
}

/**
 * truthOf(opt, process, files, campaigns, dirt) → the truth of a generated set: per channel its
 * transforms, coefficient, total spend and contribution, ROAS and shares; the baseline's
 * coefficients; the media share and the noise sd. O(n · channels).
 */
export function truthOf(
  opt: ResolvedGenerateOptions, process: SimulatedProcess, files: ReadonlyArray<{ path: string }>,
  campaigns: Truth["campaigns"], dirt: Truth["dirt"],
): Truth {
  const n = opt.periods;
  const targetName: "revenue" | "sales" = opt.shape === "channel-dir" ? "sales" : "revenue";
  const { dates, spendCents, contributions, intercept, trendCoef, seasonCoefs, holidayCoef, controlsActive, baseline, signal, noiseSd } = process;
  const channelTotals = contributions.map((c) => sum(c));
  const spendTotals = spendCents.map((c) => sum(c) / 100);
  const allContrib = sum(channelTotals);
  const allSpend = sum(spendTotals);
  return {
    seed: opt.seed,
    options: truthOptions(opt),
    shape: opt.shape,
    frequency: opt.frequency,
    periods: n,
    start: dates[0],
    end: dates[n - 1],
    target: targetName,
    files: files.map((f) => f.path),
    channels: process.channels.map((ch, c) => ({
      name: ch.name,
      adstock: ch.adstock,
      saturation: ch.saturation,
      coefficient: ch.coefficient,
      always_on: ch.always_on,
      spend: spendTotals[c],
      contribution: channelTotals[c],
      roas: spendTotals[c] > 0 ? channelTotals[c] / spendTotals[c] : 0,
      share_of_spend: allSpend > 0 ? spendTotals[c] / allSpend : 0,
      share_of_effect: allContrib > 0 ? channelTotals[c] / allContrib : 0,
    })),
    campaigns,
    baseline: {
      intercept,
      trend: trendCoef,
      seasonality: { period: SEASON_PERIOD, order: SEASON_ORDER, coefficients: seasonCoefs },
      holidays: { country: opt.country, effect: holidayCoef },
      controls: controlsActive,
      contribution: sum(baseline),
    },
    media_share: allContrib / sum(signal),
    noise_sd: noiseSd,
    dirt,
  };
}
