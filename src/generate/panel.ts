/**
 * Panel data with known truth (`generate --groups N`): N geos around one national process
 * (process.ts), written as one wide file, group after group:
 * `date,geo,<ch>_spend…,revenue,price,promo[,demand_index],population`.
 *
 * Data-generating process, per group g (share w_g = population_g / Σ population) and period t:
 *   population_g  = max(10⁴, round(exp(ln 5·10⁵ + 0.8·z_g)))
 *   spend_g,c,t   = w_g · spend_c,t · exp(0.3·u_g,c,t − 0.045) in whole cents, 0 where the national
 *                   channel is off (shared flights); u an AR(1) (φ = 0.5) of the group's own
 *   media_g,c,t   = m_g,c · w_g · β_c · sat(adstock(spend_g,c / w_g))_t — the transforms and β_c are
 *                   the national channel's (shared), acting on national-equivalent spend; the per-group
 *                   media effect is m_g,c = exp(0.2·z_g,c)
 *   base_g,t      = w_g · (baseline_t + (ℓ_g − 1)·intercept), ℓ_g ~ U(0.75, 1.25) the group's level
 *                   (raised where needed so the group's lowest revenue is ≥ 10 % of its mean baseline)
 *   revenue_g,t   = base_g,t + Σ_c media_g,c,t + w_g · √G · noise_sd · z_g,t (G groups: the same
 *                   noise relative to size in every group)
 * Controls (price, promo, demand_index) are national: every group has the same values, their
 * effect scaled by w_g inside base_g,t. truth.channels are the national totals (Σ over groups) with
 * the shared β_c; truth.groups has each group's population, share, level, intercept, baseline total,
 * noise sd and per channel its multiplier, coefficient m_g,c·w_g·β_c, spend, contribution and ROAS.
 */
import { adstock } from "../features/adstock";
import { saturate } from "../features/saturation";
import type { Random } from "../util/random";
import { centsText, money } from "./cents-text";
import type { ResolvedGenerateOptions } from "./options";
import type { SimulatedProcess } from "./process";
import { ar1, sum, uniform } from "./random-series";
import type { Sheet } from "./sheets";

/** The group column and population column of a generated panel. */
export const GROUP_COLUMN = "geo";
export const POPULATION_COLUMN = "population";

/** One group's truth (truth.json `groups`). */
export interface TruthGroup {
  name: string;
  population: number;
  /** population / Σ population. */
  share: number;
  /** ℓ_g: the group's baseline level relative to its share of the national intercept. */
  level: number;
  /** w_g · ℓ_g · intercept: the group's intercept, target units per period. */
  intercept: number;
  /** Σ_t base_g,t. */
  baseline_contribution: number;
  /** w_g · √G · noise_sd. */
  noise_sd: number;
  channels: { name: string; multiplier: number; coefficient: number; spend: number; contribution: number; roas: number }[];
}

/** One group's series (target units; spend in whole cents as written). */
export interface GroupSeries {
  name: string;
  population: number;
  share: number;
  level: number;
  multipliers: number[];
  spendCents: Float64Array[];
  contributions: Float64Array[];
  baseline: Float64Array;
  noise: Float64Array;
  targetCents: Float64Array;
}

/**
 * simulateGroups(opt, national, r) → every group's series around the national process (see the
 * module comment), one forked stream of `r` per group, in order. O(groups · n · channels · L).
 */
export function simulateGroups(opt: ResolvedGenerateOptions, national: SimulatedProcess, r: Random): GroupSeries[] {
  const count = opt.groups ?? 0;
  const streams = Array.from({ length: count }, () => r.fork());
  const populations = streams.map((rg) => Math.max(10_000, Math.round(Math.exp(Math.log(500_000) + 0.8 * rg.normal()))));
  const total = sum(populations);
  return streams.map((rg, g) => simulateGroup(opt, national, rg, `Geo${g}`, populations[g], populations[g] / total));
}

/** simulateGroup(opt, national, rg, name, population, share) → one group's series, drawn from rg in a fixed order. */
function simulateGroup(opt: ResolvedGenerateOptions, national: SimulatedProcess, rg: Random, name: string, population: number, share: number): GroupSeries {
  const n = opt.periods;
  const level = uniform(rg, 0.75, 1.25);
  const multipliers = national.channels.map(() => Math.exp(0.2 * rg.normal()));
  const spendCents = national.spendCents.map((cents) => {
    const u = ar1(rg, n, 0.5);
    return cents.map((v, t) => (v > 0 ? Math.max(1, Math.round(share * v * Math.exp(0.3 * u[t] - 0.045))) : 0));
  });
  const contributions = national.channels.map((ch, c) => {
    const equivalent = spendCents[c].map((v) => v / 100 / share);
    const response = saturate(adstock(equivalent, ch.adstock), ch.saturation);
    return response.map((v) => multipliers[c] * share * ch.coefficient * v);
  });
  const noiseSd = groupNoiseSd(national, share, opt.groups ?? 1);
  const noise = Float64Array.from({ length: n }, () => noiseSd * rg.normal());
  const media = new Float64Array(n);
  for (const contribution of contributions) for (let t = 0; t < n; t++) media[t] += contribution[t];
  const lifted = liftedLevel(national, share, level, media, noise);
  const baseline = national.baseline.map((v) => share * (v + (lifted - 1) * national.intercept));
  const targetCents = baseline.map((v, t) => Math.round((v + media[t] + noise[t]) * 100));
  return { name, population, share, level: lifted, multipliers, spendCents, contributions, baseline, noise, targetCents };
}

/** groupNoiseSd(national, share, groups) → w_g · √G · noise_sd: every group has the same noise relative to its size. */
function groupNoiseSd(national: SimulatedProcess, share: number, groups: number): number {
  return share * Math.sqrt(groups) * national.noiseSd;
}

/**
 * liftedLevel(national, share, level, media, noise) → the group's level ℓ_g, raised where needed so
 * that its lowest revenue is at least 10 % of its mean baseline (a small group must not sell less than nothing).
 */
function liftedLevel(national: SimulatedProcess, share: number, level: number, media: Float64Array, noise: Float64Array): number {
  let lowest = Infinity, total = 0;
  national.baseline.forEach((v, t) => {
    const base = share * (v + (level - 1) * national.intercept);
    total += base;
    lowest = Math.min(lowest, base + media[t] + noise[t]);
  });
  const floor = (0.1 * total) / media.length;
  return lowest >= floor ? level : level + (floor - lowest) / (share * national.intercept);
}

/** panelSheet(opt, national, groups) → the one wide sheet of a panel, group after group (header in the module comment). */
export function panelSheet(opt: ResolvedGenerateOptions, national: SimulatedProcess, groups: readonly GroupSeries[]): Sheet {
  const { price, promo, demand_index: demand } = national.controlSeries;
  const controlNames = ["price", "promo", ...(opt.confounder ? ["demand_index"] : [])];
  const valueColumns = [GROUP_COLUMN, ...opt.channels, "revenue", ...controlNames, POPULATION_COLUMN];
  return {
    path: opt.fileName as string,
    header: ["date", GROUP_COLUMN, ...opt.channels.map((c) => `${c}_spend`), "revenue", ...controlNames, POPULATION_COLUMN],
    columns: valueColumns,
    rows: groups.flatMap((g) => national.dates.map((date, t) => ({
      date,
      cells: [
        g.name, ...g.spendCents.map((col) => centsText(col[t])), centsText(g.targetCents[t]),
        money(price[t]), String(promo[t]), ...(opt.confounder ? [money(demand[t])] : []), String(g.population),
      ],
    }))),
  };
}

/** groupTruth(national, g, count) → the truth of one group of `count` (see TruthGroup). O(n · channels). */
export function groupTruth(national: SimulatedProcess, g: GroupSeries, count: number): TruthGroup {
  return {
    name: g.name, population: g.population, share: g.share, level: g.level,
    intercept: g.share * g.level * national.intercept,
    baseline_contribution: sum(g.baseline),
    noise_sd: groupNoiseSd(national, g.share, count),
    channels: national.channels.map((ch, c) => {
      const spend = sum(g.spendCents[c]) / 100;
      const contribution = sum(g.contributions[c]);
      return {
        name: ch.name, multiplier: g.multipliers[c], coefficient: g.multipliers[c] * g.share * ch.coefficient,
        spend, contribution, roas: spend > 0 ? contribution / spend : 0,
      };
    }),
  };
}

/**
 * nationalOfGroups(national, groups) → the national process with spend, contributions, baseline,
 * noise, signal and target replaced by their sums over the groups (what the truth's national totals
 * are computed from). O(groups · n · channels).
 */
export function nationalOfGroups(national: SimulatedProcess, groups: readonly GroupSeries[]): SimulatedProcess {
  const n = national.dates.length;
  const total = (pick: (g: GroupSeries) => Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (const g of groups) { const x = pick(g); for (let t = 0; t < n; t++) out[t] += x[t]; }
    return out;
  };
  const spendCents = national.channels.map((_, c) => total((g) => g.spendCents[c]));
  const contributions = national.channels.map((_, c) => total((g) => g.contributions[c]));
  const baseline = total((g) => g.baseline);
  const signal = baseline.map((v, t) => v + contributions.reduce((s, x) => s + x[t], 0));
  return {
    ...national, spendCents, spend: spendCents.map((x) => x.map((v) => v / 100)), contributions, baseline, signal,
    noise: total((g) => g.noise), targetCents: total((g) => g.targetCents),
    intercept: groups.reduce((s, g) => s + g.share * g.level * national.intercept, 0),
  };
}
