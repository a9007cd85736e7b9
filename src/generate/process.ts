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
 *   media_c,t   = coefficient_c · hill(adstock(spend_c, adstock_c), k_c, s_c)_t (or logistic with
 *                 λ_c = LOGISTIC_LAMBDA_TIMES_K / k_c when `saturation` is "logistic")
 *   target_t    = intercept + trend·linearTrend_t + Σ_k season_k·fourierTerms(day, 365.25, 2)_k,t
 *                 + holiday·holidayIndicator_t + price·price_t + promo·promo_t + demand·demand_index_t
 *                 + Σ_c media_c,t + noise_t,     noise_t ~ N(0, noise_sd²), noise_sd = sd(pre-noise)/snr.
 *   price and promo act in the wide and campaigns shapes only (observed columns in wide only);
 *   demand_index acts when `confounder` is on (an observed column in wide only; in the other shapes
 *   it is an unobserved confounder); trend = 0 without `trend`, season_k = 0 when not `seasonal`.
 *   Coefficients are chosen so media is 22–38 % of the target and
 *   each channel's ROAS = contribution / spend is in 0.8–4.5. The intercept keeps the target > 0.
 *
 */
import { formatDay, parseIsoDate } from "../data/parse-date";
import { adstock } from "../features/adstock";
import type { AdstockParams, SaturationParams } from "../spec/transform-params";
import { fourierTerms } from "../features/fourier";
import { holidayIndicator } from "../features/holidays";
import { saturate } from "../features/saturation";
import { linearTrend } from "../features/trend";
import type { Random } from "../util/random";
import type { ResolvedGenerateOptions } from "./options";
import { ar1, flightMask, mean, roundTo, sd, standardize, sum, uniform } from "./random-series";
import type { TruthChannel } from "./truth";

/** Period of the yearly seasonality (days) and its Fourier order. */
export const SEASON_PERIOD = 365.25;
export const SEASON_ORDER = 2;

/**
 * A logistic truth's λ = LOGISTIC_LAMBDA_TIMES_K / k, k the Hill half-saturation drawn as for a Hill
 * truth (0.5–1.5 × the mean adstocked spend): the response at the mean adstocked spend is then
 * tanh(0.75·mean/k), 0.46–0.91 of full saturation.
 */
export const LOGISTIC_LAMBDA_TIMES_K = 1.5;

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
  channels: ProcessChannel[];
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

/** A channel's transforms and coefficient as the process draws them (the truth adds the totals). */
type ProcessChannel = Omit<TruthChannel, "spend" | "contribution" | "roas" | "share_of_spend" | "share_of_effect">;

/**
 * simulateProcess(opt, streams) → the series and coefficients of the data-generating process (see
 * the module comment). Deterministic given the streams. O(n·(channels·L)), L the adstock kernel length.
 * @throws Error for an unknown holiday country
 */
export function simulateProcess(opt: ResolvedGenerateOptions, streams: ProcessStreams): SimulatedProcess {
  const n = opt.periods;
  const cal = calendar(opt);
  const rel = drawBaselineEffects(streams.base, opt.frequency === "weekly");
  const seasonZ = standardize(seasonShape(cal.season, rel.seasonRel, n));
  const controls = drawControls(streams.controls, n, opt.frequency === "weekly");
  const channelStreams = opt.channels.map(() => streams.channels.fork());
  const { spendCents, alwaysOn } = drawSpend(opt, channelStreams, seasonZ, standardize(controls.demand_index));
  const spend = spendCents.map((cents) => cents.map((v) => v / 100));
  const channels: ProcessChannel[] = [];
  const contributions: Float64Array[] = [];
  channelStreams.forEach((r, c) => {
    const drawn = drawMediaChannel(r, opt, spend[c]);
    contributions.push(drawn.contribution);
    channels.push({ name: opt.channels[c], ...drawn.transforms, always_on: alwaysOn[c] });
  });
  const media = new Float64Array(n);
  for (const contrib of contributions) for (let t = 0; t < n; t++) media[t] += contrib[t];
  const target = composeTarget(opt, streams.noise, cal, rel, controls, media);
  return { dates: cal.dates, days: cal.days, spendCents, spend, contributions, channels, ...target };
}

/** The period grid: day numbers and ISO dates, the linear trend, the yearly Fourier terms and the holiday indicator. */
function calendar(opt: ResolvedGenerateOptions) {
  const n = opt.periods;
  const step = opt.frequency === "weekly" ? 7 : 1;
  const startDay = parseIsoDate(opt.start);
  const days = Int32Array.from({ length: n }, (_, t) => startDay + t * step);
  const dates = Array.from(days, (d) => formatDay(d));
  const trendX = linearTrend(n);
  const season = fourierTerms(days, SEASON_PERIOD, SEASON_ORDER);
  const holidayX = holidayIndicator(days, opt.frequency, opt.country);
  return { days, dates, trendX, season, holidayX };
}

/** Calendar series as calendar() returns them. */
type Calendar = ReturnType<typeof calendar>;

/**
 * The baseline effects relative to the reference level R (fractions of R per unit of each input),
 * and the media share of the target (0..1), drawn from `r` in a fixed order.
 */
function drawBaselineEffects(r: Random, weekly: boolean) {
  const amp1 = uniform(r, 0.05, 0.15), phase1 = uniform(r, 0, 2 * Math.PI);
  const amp2 = uniform(r, 0, 0.05), phase2 = uniform(r, 0, 2 * Math.PI);
  const seasonRel = [amp1 * Math.cos(phase1), amp1 * Math.sin(phase1), amp2 * Math.cos(phase2), amp2 * Math.sin(phase2)];
  const trendRel = uniform(r, -0.05, 0.25);
  const holidayRel = weekly ? uniform(r, 0.03, 0.1) : uniform(r, 0.1, 0.3);
  const priceRel = -uniform(r, 0.01, 0.03);
  const promoRel = uniform(r, 0.04, 0.1);
  const demandRel = uniform(r, 0.003, 0.006);
  const mediaShare = uniform(r, 0.22, 0.38);
  return { seasonRel, trendRel, holidayRel, priceRel, promoRel, demandRel, mediaShare };
}

/** Baseline effects as drawBaselineEffects() returns them. */
type BaselineEffects = ReturnType<typeof drawBaselineEffects>;

/** The demand season per period: Σ_k seasonRel_k · term_k,t (fractions of R). */
function seasonShape(season: Calendar["season"], seasonRel: number[], n: number): Float64Array {
  const shape = new Float64Array(n);
  season.forEach((term, k) => { term.values.forEach((v, t) => { shape[t] += seasonRel[k] * v; }); });
  return shape;
}

/**
 * The control series per period: price (currency, 2 decimals), promo (0/1) and demand_index (index
 * around 100). Always drawn, in this order, so enabling one does not change the others.
 */
function drawControls(r: Random, n: number, weekly: boolean) {
  const priceZ = ar1(r, n, weekly ? 0.95 : 0.99);
  const price = priceZ.map((z) => roundTo(10 + 0.6 * z, 2));
  const promo = drawPromo(r, n, weekly);
  const demandZ = ar1(r, n, weekly ? 0.85 : 0.97);
  const demand_index = demandZ.map((z) => roundTo(100 + 10 * z, 2));
  return { price, promo, demand_index };
}

/** Promotion flags per period (0/1): bursts of 1–2 weeks or 3–10 days starting at random. */
function drawPromo(r: Random, n: number, weekly: boolean): Float64Array {
  const promo = new Float64Array(n);
  for (let t = 0; t < n;) {
    if (r.uniform() < (weekly ? 0.12 : 0.03)) {
      const len = weekly ? 1 + r.int(2) : 3 + r.int(8);
      for (let i = 0; i < len && t < n; i++, t++) promo[t] = 1;
    } else t++;
  }
  return promo;
}

/**
 * Weights of the demand season (rho), the confounder (a) and the channel's own AR(1) noise (own)
 * in a channel's spend driver; rho² + a² + own² = 1.
 */
function spendMix(opt: ResolvedGenerateOptions): { rho: number; a: number; own: number } {
  let rho = opt.seasonCorrelation;
  let a = opt.confounder ? 0.5 : 0;
  const norm = Math.hypot(rho, a);
  if (norm > 1) { rho /= norm; a /= norm; }
  const own = Math.sqrt(Math.max(0, 1 - rho * rho - a * a));
  return { rho, a, own };
}

/**
 * Spend per channel and period in whole cents (the DGP uses exactly the written values), and which
 * channels are always on; with `collinear`, channel 2 follows channel 1.
 */
function drawSpend(
  opt: ResolvedGenerateOptions, channelStreams: Random[], seasonZ: Float64Array, demandStd: Float64Array,
): { spendCents: Float64Array[]; alwaysOn: boolean[] } {
  const nCh = opt.channels.length;
  const alwaysOn = opt.channels.map((_, i) => i >= nCh - opt.alwaysOn);
  const mix = spendMix(opt);
  const spendCents = channelStreams.map((r, c) => drawChannelSpend(r, opt, mix, seasonZ, demandStd, alwaysOn[c]));
  if (opt.collinear) {
    const r = channelStreams[1];
    const ratio = uniform(r, 0.4, 0.8);
    spendCents[1] = spendCents[0].map((v) => Math.round(v * ratio * Math.max(0.5, 1 + 0.05 * r.normal())));
    alwaysOn[1] = alwaysOn[0];
  }
  return { spendCents, alwaysOn };
}

/**
 * One channel's spend per period in whole cents: a log-normal around its level driven by the
 * standardised mix of season, confounder and own noise, zero outside its flights unless always on.
 */
function drawChannelSpend(
  r: Random, opt: ResolvedGenerateOptions, mix: { rho: number; a: number; own: number },
  seasonZ: Float64Array, demandStd: Float64Array, alwaysOn: boolean,
): Float64Array {
  const n = opt.periods;
  const weekly = opt.frequency === "weekly";
  const level = uniform(r, 3000, 30000) / (weekly ? 1 : 7);
  const sigma = uniform(r, 0.25, 0.45);
  const u = ar1(r, n, weekly ? 0.6 : 0.85);
  const z = new Float64Array(n);
  for (let t = 0; t < n; t++) z[t] = mix.rho * seasonZ[t] + mix.a * demandStd[t] + mix.own * u[t];
  const zs = standardize(z);
  const onMean = (weekly ? 1 : 7) * uniform(r, 4, 8);
  const offMean = (weekly ? 1 : 7) * uniform(r, 2, 4);
  const mask = flightMask(r, n, onMean, offMean);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const zt = Math.max(-3, Math.min(3, zs[t]));
    const x = level * Math.exp(sigma * zt - (sigma * sigma) / 2);
    out[t] = alwaysOn || mask[t] === 1 ? Math.max(1, Math.round(x * 100)) : 0;
  }
  return out;
}

/** A channel's adstock, drawn from `r`: geometric decay, or a Weibull pdf peaking after 2–5 weeks / 3–14 days. */
function drawAdstock(r: Random, opt: ResolvedGenerateOptions): AdstockParams {
  const n = opt.periods;
  const weekly = opt.frequency === "weekly";
  if (opt.adstock === "geometric") {
    return { type: "geometric", decay: roundTo(weekly ? uniform(r, 0.1, 0.7) : uniform(r, 0.5, 0.9), 3) };
  }
  const shape = roundTo(uniform(r, 1.5, 3), 3);
  const peak = Math.min(n, weekly ? 2 + r.int(4) : 3 + r.int(12));
  return { type: "weibull_pdf", shape, scale: roundTo((peak - 1) / (n - 1), 6), window: n };
}

/**
 * One channel's transforms and coefficient, drawn from `r`, and its media contribution per period
 * (target units); the coefficient makes its ROAS the drawn target in 0.8–4.5.
 */
function drawMediaChannel(r: Random, opt: ResolvedGenerateOptions, spend: Float64Array) {
  const ad = drawAdstock(r, opt);
  const adstocked = adstock(spend, ad);
  const k = Math.max(0.01, roundTo(uniform(r, 0.5, 1.5) * mean(adstocked), 2));
  const shape = roundTo(uniform(r, 0.8, 2.5), 3);
  const sat: SaturationParams = opt.saturation === "hill" ? { type: "hill", halfSaturation: k, shape } : { type: "logistic", lambda: LOGISTIC_LAMBDA_TIMES_K / k };
  const response = saturate(adstocked, sat);
  const roasTarget = uniform(r, 0.8, 4.5);
  const totalResponse = sum(response);
  const beta = totalResponse > 0 ? roundTo((roasTarget * sum(spend)) / totalResponse, 2) : 0;
  return {
    transforms: { adstock: ad, saturation: sat, coefficient: beta },
    contribution: response.map((v) => beta * v),
  };
}

/**
 * The baseline coefficients (target units per unit of input), scaled so media is `mediaShare` of
 * the target on average, the noise drawn from `rNoise`, and the baseline, signal and observed target.
 */
function composeTarget(
  opt: ResolvedGenerateOptions, rNoise: Random, cal: Calendar, rel: BaselineEffects,
  controlSeries: Record<string, Float64Array>, media: Float64Array,
) {
  const n = opt.periods;
  const R = (mean(media) * (1 - rel.mediaShare)) / rel.mediaShare;
  const controlsActive = activeControls(opt, rel, R);
  const trendCoef = opt.trend ? roundTo(rel.trendRel * R, 2) : 0;
  const holidayCoef = roundTo(rel.holidayRel * R, 2);
  const seasonCoefs: Record<string, number> = {};
  cal.season.forEach((term, k) => { seasonCoefs[term.name] = opt.seasonal ? roundTo(rel.seasonRel[k] * R, 2) : 0; });
  const other = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let v = trendCoef * cal.trendX[t] + holidayCoef * cal.holidayX[t];
    for (const term of cal.season) v += seasonCoefs[term.name] * term.values[t];
    for (const name of Object.keys(controlsActive)) v += controlsActive[name] * controlSeries[name][t];
    other[t] = v;
  }
  const preNoise = other.map((v, t) => v + media[t]);
  const noiseSd = sd(preNoise) / opt.snr;
  const noise = Float64Array.from({ length: n }, () => noiseSd * rNoise.normal());
  const intercept = positiveIntercept(roundTo(R - mean(other), 2), preNoise, noise, R);
  const baseline = other.map((v) => intercept + v);
  const signal = baseline.map((v, t) => v + media[t]);
  const targetCents = signal.map((v, t) => Math.round((v + noise[t]) * 100));
  return {
    controlSeries, controlsActive, intercept, trendCoef, holidayCoef, seasonCoefs, noiseSd, noise, baseline,
    signal, targetCents,
  };
}

/** Coefficients (target units per unit) of the controls that act in this shape, given the reference level R. */
function activeControls(opt: ResolvedGenerateOptions, rel: BaselineEffects, R: number): Record<string, number> {
  const controlsActive: Record<string, number> = {};
  if (opt.shape !== "channel-dir") {
    controlsActive.price = roundTo(rel.priceRel * R, 2);
    controlsActive.promo = roundTo(rel.promoRel * R, 2);
  }
  if (opt.confounder) controlsActive.demand_index = roundTo(rel.demandRel * R, 2);
  return controlsActive;
}

/** The intercept (target units), raised so the lowest observed target stays ≥ 10 % of R. */
function positiveIntercept(intercept: number, preNoise: Float64Array, noise: Float64Array, R: number): number {
  let lowest = Infinity;
  for (let t = 0; t < preNoise.length; t++) lowest = Math.min(lowest, intercept + preNoise[t] + noise[t]);
  return lowest < 0.1 * R ? roundTo(intercept + Math.ceil(0.1 * R - lowest), 2) : intercept;
}
