/**
 * The data-generating process behind generate(): the calendar, the baseline, the controls, the
 * spend per channel, each channel's media effect through the real transforms of src/features, and
 * the target with its noise. Every number is drawn from the streams handed in, in a fixed order.
 *
 * Data-generating process (per period t, all transforms from src/features, nothing re-implemented):
 *   spend_c,t   = level_c · exp(σ_c·z_c,t − σ_c²/2) [· on/off flight mask], rounded to cents;
 *                 z mixes the standardised demand season (weight seasonCorrelation), the confounder
 *                 (weight 0.5 when on) and AR(1) noise, standardised and clipped to [−3, 3];
 *                 σ_c ≤ 0.45, so no natural value exceeds 20 × the column's 95th percentile.
 *                 Channels with index ≥ count − alwaysOn are always on; the others are flighted
 *                 (bursts with zero-spend periods). collinear: channel 2 = channel 1 × ratio × (1 + 5 % noise).
 *   media_c,t   = coefficient_c · hill(adstock(spend_c, adstock_c), k_c, s_c)_t
 *   target_t    = intercept + trend·linearTrend_t + Σ_k season_k·fourierTerms(day, 365.25, 2)_k,t
 *                 + holiday·holidayIndicator_t + price·price_t + promo·promo_t + demand·demand_index_t
 *                 + Σ_c media_c,t + noise_t,     noise_t ~ N(0, noise_sd²), noise_sd = sd(pre-noise)/snr.
 *   price and promo act in the wide and campaigns shapes only (observed columns in wide only);
 *   demand_index acts when `confounder` is on (an observed column in wide only; in the other shapes
 *   it is an unobserved confounder). Coefficients are chosen so media is 22–38 % of the target and
 *   each channel's ROAS = contribution / spend is in 0.8–4.5. The intercept keeps the target > 0.
 *
 */
import { formatDay, parseIsoDate } from "../data/parse-date";
import { adstock } from "../features/adstock";
import type { AdstockParams, SaturationParams } from "../spec/transform-params";
import { fourierTerms } from "../features/fourier";
import { holidayIndicator } from "../features/holidays";
import { hill } from "../features/saturation";
import { linearTrend } from "../features/trend";
import type { Random } from "../util/random";
import type { ResolvedGenerateOptions } from "./options";
import { ar1, flightMask, mean, roundTo, sd, standardize, sum, uniform } from "./random-series";
import type { TruthChannel } from "./truth";

/** Period of the yearly seasonality (days) and its Fourier order. */
export const SEASON_PERIOD = 365.25;
export const SEASON_ORDER = 2;

/** The seeded streams the process draws from, one per purpose. */
export interface ProcessStreams {
  base: Random;
  controls: Random;
  channels: Random;
  noise: Random;
}

/** Everything the process drew: per-period series in target and spend units, and the coefficients. */
export interface SimulatedProcess {
  dates: string[];
  days: Int32Array;
  /** Spend per channel in whole cents, and the same in currency units. */
  spendCents: Float64Array[];
  spend: Float64Array[];
  /** Media contribution per channel and period (target units). */
  contributions: Float64Array[];
  /** Each channel's transforms and coefficient (the totals are added by the truth). */
  channels: Array<Omit<TruthChannel, "spend" | "contribution" | "roas" | "share_of_spend" | "share_of_effect">>;
  /** price, promo and demand_index per period, whether or not they act in this shape. */
  controlSeries: Record<string, Float64Array>;
  /** Coefficients of the controls that act in this shape. */
  controlsActive: Record<string, number>;
  intercept: number;
  trendCoef: number;
  holidayCoef: number;
  seasonCoefs: Record<string, number>;
  noiseSd: number;
  noise: Float64Array;
  /** intercept + trend + season + holidays + controls per period. */
  baseline: Float64Array;
  /** baseline + Σ media per period (before noise). */
  signal: Float64Array;
  /** The observed target per period, in whole cents. */
  targetCents: Float64Array;
}

/**
 * simulateProcess(opt, streams) → the series and coefficients of the data-generating process (see
 * the module comment). Deterministic given the streams. O(n·(channels·L)), L the adstock kernel length.
 * @throws Error for an unknown holiday country
 */
export function simulateProcess(opt: ResolvedGenerateOptions, streams: ProcessStreams): SimulatedProcess {
  const n = opt.periods;
  const weekly = opt.frequency === "weekly";
  const step = weekly ? 7 : 1;
  const nCh = opt.channels.length;
  const rBase = streams.base;
  const rControls = streams.controls;
  const rChannels = streams.channels;
  const rNoise = streams.noise;

  // Calendar.
  const startDay = parseIsoDate(opt.start);
  const days = Int32Array.from({ length: n }, (_, t) => startDay + t * step);
  const dates = Array.from(days, (d) => formatDay(d));
  const trendX = linearTrend(n);
  const season = fourierTerms(days, SEASON_PERIOD, SEASON_ORDER);
  const holidayX = holidayIndicator(days, opt.frequency, opt.country);

  // Baseline effects relative to the reference level R (drawn in a fixed order).
  const amp1 = uniform(rBase, 0.05, 0.15), phase1 = uniform(rBase, 0, 2 * Math.PI);
  const amp2 = uniform(rBase, 0, 0.05), phase2 = uniform(rBase, 0, 2 * Math.PI);
  const seasonRel = [amp1 * Math.cos(phase1), amp1 * Math.sin(phase1), amp2 * Math.cos(phase2), amp2 * Math.sin(phase2)];
  const trendRel = uniform(rBase, -0.05, 0.25);
  const holidayRel = weekly ? uniform(rBase, 0.03, 0.1) : uniform(rBase, 0.1, 0.3);
  const priceRel = -uniform(rBase, 0.01, 0.03);
  const promoRel = uniform(rBase, 0.04, 0.1);
  const demandRel = uniform(rBase, 0.003, 0.006);
  const mediaShare = uniform(rBase, 0.22, 0.38);

  const seasonShape = new Float64Array(n);
  season.forEach((term, k) => { term.values.forEach((v, t) => { seasonShape[t] += seasonRel[k] * v; }); });
  const seasonZ = standardize(seasonShape);

  // Controls (always drawn, so enabling one does not change the others).
  const priceZ = ar1(rControls, n, weekly ? 0.95 : 0.99);
  const price = priceZ.map((z) => roundTo(10 + 0.6 * z, 2));
  const promo = new Float64Array(n);
  for (let t = 0; t < n;) {
    if (rControls.uniform() < (weekly ? 0.12 : 0.03)) {
      const len = weekly ? 1 + rControls.int(2) : 3 + rControls.int(8);
      for (let i = 0; i < len && t < n; i++, t++) promo[t] = 1;
    } else t++;
  }
  const demandZ = ar1(rControls, n, weekly ? 0.85 : 0.97);
  const demand = demandZ.map((z) => roundTo(100 + 10 * z, 2));
  const demandStd = standardize(demand);

  // Spend per channel, rounded to cents (the DGP uses exactly the written values).
  const channelStreams = opt.channels.map(() => rChannels.fork());
  const alwaysOn = opt.channels.map((_, i) => i >= nCh - opt.alwaysOn);
  let rho = opt.seasonCorrelation;
  let a = opt.confounder ? 0.5 : 0;
  const norm = Math.hypot(rho, a);
  if (norm > 1) { rho /= norm; a /= norm; }
  const own = Math.sqrt(Math.max(0, 1 - rho * rho - a * a));
  const spendCents: Float64Array[] = channelStreams.map((r, c) => {
    const level = uniform(r, 3000, 30000) / (weekly ? 1 : 7);
    const sigma = uniform(r, 0.25, 0.45);
    const u = ar1(r, n, weekly ? 0.6 : 0.85);
    const z = new Float64Array(n);
    for (let t = 0; t < n; t++) z[t] = rho * seasonZ[t] + a * demandStd[t] + own * u[t];
    const zs = standardize(z);
    const onMean = (weekly ? 1 : 7) * uniform(r, 4, 8);
    const offMean = (weekly ? 1 : 7) * uniform(r, 2, 4);
    const mask = flightMask(r, n, onMean, offMean);
    const out = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      const zt = Math.max(-3, Math.min(3, zs[t]));
      const x = level * Math.exp(sigma * zt - (sigma * sigma) / 2);
      out[t] = alwaysOn[c] || mask[t] === 1 ? Math.max(1, Math.round(x * 100)) : 0;
    }
    return out;
  });
  if (opt.collinear) {
    const r = channelStreams[1];
    const ratio = uniform(r, 0.4, 0.8);
    spendCents[1] = spendCents[0].map((v) => Math.round(v * ratio * Math.max(0.5, 1 + 0.05 * r.normal())));
    alwaysOn[1] = alwaysOn[0];
  }
  const spend = spendCents.map((cents) => cents.map((v) => v / 100));

  // Media transforms and coefficients.
  const truthChannels: Array<Omit<TruthChannel, "spend" | "contribution" | "roas" | "share_of_spend" | "share_of_effect">> = [];
  const contributions: Float64Array[] = [];
  channelStreams.forEach((r, c) => {
    let ad: AdstockParams;
    if (opt.adstock === "geometric") {
      ad = { type: "geometric", decay: roundTo(weekly ? uniform(r, 0.1, 0.7) : uniform(r, 0.5, 0.9), 3) };
    } else {
      const shape = roundTo(uniform(r, 1.5, 3), 3);
      const peak = Math.min(n, weekly ? 2 + r.int(4) : 3 + r.int(12));
      ad = { type: "weibull_pdf", shape, scale: roundTo((peak - 1) / (n - 1), 6), window: n };
    }
    const adstocked = adstock(spend[c], ad);
    const k = Math.max(0.01, roundTo(uniform(r, 0.5, 1.5) * mean(adstocked), 2));
    const sat: SaturationParams = { type: "hill", halfSaturation: k, shape: roundTo(uniform(r, 0.8, 2.5), 3) };
    const response = hill(adstocked, sat.halfSaturation, sat.shape);
    const roasTarget = uniform(r, 0.8, 4.5);
    const totalResponse = sum(response);
    const beta = totalResponse > 0 ? roundTo((roasTarget * sum(spend[c])) / totalResponse, 2) : 0;
    contributions.push(response.map((v) => beta * v));
    truthChannels.push({ name: opt.channels[c], adstock: ad, saturation: sat, coefficient: beta, always_on: alwaysOn[c] });
  });
  const media = new Float64Array(n);
  for (const contrib of contributions) for (let t = 0; t < n; t++) media[t] += contrib[t];

  // Baseline, scaled so media is `mediaShare` of the target on average.
  const R = (mean(media) * (1 - mediaShare)) / mediaShare;
  const controlsActive: Record<string, number> = {};
  if (opt.shape !== "channel-dir") {
    controlsActive.price = roundTo(priceRel * R, 2);
    controlsActive.promo = roundTo(promoRel * R, 2);
  }
  if (opt.confounder) controlsActive.demand_index = roundTo(demandRel * R, 2);
  const controlSeries: Record<string, Float64Array> = { price, promo, demand_index: demand };
  const trendCoef = roundTo(trendRel * R, 2);
  const holidayCoef = roundTo(holidayRel * R, 2);
  const seasonCoefs: Record<string, number> = {};
  season.forEach((term, k) => { seasonCoefs[term.name] = roundTo(seasonRel[k] * R, 2); });
  const other = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let v = trendCoef * trendX[t] + holidayCoef * holidayX[t];
    for (const term of season) v += seasonCoefs[term.name] * term.values[t];
    for (const name of Object.keys(controlsActive)) v += controlsActive[name] * controlSeries[name][t];
    other[t] = v;
  }
  let intercept = roundTo(R - mean(other), 2);
  const preNoise = other.map((v, t) => v + media[t]);
  const noiseSd = sd(preNoise) / opt.snr;
  const noise = Float64Array.from({ length: n }, () => noiseSd * rNoise.normal());
  let lowest = Infinity;
  for (let t = 0; t < n; t++) lowest = Math.min(lowest, intercept + preNoise[t] + noise[t]);
  if (lowest < 0.1 * R) intercept = roundTo(intercept + Math.ceil(0.1 * R - lowest), 2);
  const baseline = other.map((v) => intercept + v);
  const signal = baseline.map((v, t) => v + media[t]);
  const targetCents = signal.map((v, t) => Math.round((v + noise[t]) * 100));

  return {
    dates, days, spendCents, spend, contributions, channels: truthChannels, controlSeries, controlsActive,
    intercept, trendCoef, holidayCoef, seasonCoefs, noiseSd, noise, baseline, signal, targetCents,
  };
}
