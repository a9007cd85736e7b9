/**
 * Synthetic marketing-mix data with known ground truth. Pure: returns file texts and the truth;
 * `write-generated.ts` puts them on disk. Every random choice goes through the seeded PRNG
 * (`createRandom(seed)`, one forked stream per purpose), numbers are written with fixed decimals and
 * no clock is read, so the same options give byte-identical files and truth.
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
 * Output shapes: `wide` (one file, `date,<ch>_spend…,revenue,price,promo[,demand_index]`),
 * `channel-dir` (`<ch>_spend.csv` with `date,spend`, and `sales_data.csv` with `date,sales`),
 * `campaigns` (`campaigns.csv`, `date,campaign_name,spend,impressions,clicks,conversions,revenue`,
 * one row per campaign live that date; a campaign with no row on a date spent nothing that date —
 * absent = zero spend; revenue rows sum exactly, to the cent, to the date's total revenue).
 *
 * Dirt (`dirt: true`, wide and channel-dir only). Faults go on interior dates (never the first or
 * last), each injected event on its own date (so never two events on one date in one file), and every
 * affected cell is recorded as a Fault {file, column, date, kind, value}; `column` is the channel name
 * ("tv", written as tv_spend in the wide file and as spend in tv_spend.csv), the target name or, for
 * whole-row faults in the wide file, a control name; `date` is the true ISO date of the cell.
 * Each Fault corresponds to exactly one expected cleaner report entry with the same kind, column and
 * date — the expected report is truth.dirt.faults projected to (kind, column, date):
 *   - negative      a non-zero spend cell written as its negative   → {negative, channel, date}
 *   - outlier       a spend cell written as 50 × the column maximum → {outlier, channel, date}
 *   - zero_target   a target cell written as "0"                    → {zero_target, target, date}
 *   - non_numeric   a spend or target cell written as "n/a"         → {non_numeric, column, date}
 *   - missing (a)   a spend or target cell left empty (value "")    → {missing, column, date}
 *   - missing (b)   a row removed from one file (value null; also in dropped_rows with that file)
 *                   → {missing, column, date} for each column of that file (channel-dir: the one
 *                   column; wide: every channel, target and control column)
 *   - missing (c)   one date removed from every file (value null; dropped_rows once per file)
 *                   → {missing, column, date} for every column of every file
 *   - duplicate_date  a row written twice (identical line right after the original; value = the cell
 *                   text) → {duplicate_date, column, date} for each column of that row
 *   - invalid_date  the row's date text replaced by the same year with month 13 (`2023-13-07`; value
 *                   = that text) → {invalid_date, column, date} for each column of that row (the
 *                   cleaner reports these with date null and date_text = value), AND, recorded as
 *                   separate Faults with value null, {missing, column, date} for each column of that
 *                   row, because the row is lost on load and the cleaner then fills the absent date.
 * Each kind is injected at least twice (missing (c) once); in total about 1 % of the spend and
 * target cells get an event. The truth is computed from the clean data, before dirt.
 */
import { adstock, type AdstockParams } from "../features/adstock";
import { fourierTerms } from "../features/fourier";
import { holidayIndicator } from "../features/holidays";
import { hill, type SaturationParams } from "../features/saturation";
import { linearTrend } from "../features/trend";
import { createRandom, type Random } from "../util/random";

export type GenerateFrequency = "daily" | "weekly";
export type GenerateShape = "wide" | "channel-dir" | "campaigns";

/** Options of `generate`; every field has a default. */
export interface GenerateOptions {
  /** PRNG seed (default 42). */
  seed?: number;
  /** Number of periods (default 156 weekly, 730 daily), an integer ≥ 8 (≥ 19 with dirt). */
  periods?: number;
  /** "weekly" (default) or "daily". */
  frequency?: GenerateFrequency;
  /** Channel count (default 5, names tv, radio, social_media, …) or the names themselves. */
  channels?: number | readonly string[];
  /** Output shape (default "wide"). */
  shape?: GenerateShape;
  /** First date, ISO YYYY-MM-DD (default "2021-01-04", a Monday). */
  start?: string;
  /** Adstock family (default "geometric"); "weibull" uses Robyn's Weibull PDF kernel. */
  adstock?: "geometric" | "weibull";
  /** Inject recorded faults (wide and channel-dir shapes only; default false). */
  dirt?: boolean;
  /** How much spend follows the demand season, 0..1 (default 0.3). */
  seasonCorrelation?: number;
  /** Number of always-on channels (the last ones); the others are flighted (default ceil(count/2)). */
  alwaysOn?: number;
  /** Second channel's spend = first's × ratio × (1 + 5 % noise) (default false). */
  collinear?: boolean;
  /** Add demand_index, which raises both spend and the target (default false). */
  confounder?: boolean;
  /** Signal-to-noise ratio: noise sd = sd(pre-noise target) / snr (default 8). */
  snr?: number;
  /** Holiday country for date-holidays (default "US"). */
  country?: string;
  /** Wide shape: file name (default `mmm_<frequency>.csv`). */
  fileName?: string;
  /** Campaigns shape: number of campaigns, between count and 2 × count (default round(1.6 × count)). */
  campaigns?: number;
}

/** The options with every default filled in, as recorded in the truth. */
export interface ResolvedGenerateOptions {
  seed: number;
  periods: number;
  frequency: GenerateFrequency;
  channels: string[];
  shape: GenerateShape;
  start: string;
  adstock: "geometric" | "weibull";
  dirt: boolean;
  seasonCorrelation: number;
  alwaysOn: number;
  collinear: boolean;
  confounder: boolean;
  snr: number;
  country: string;
  fileName: string | null;
  campaigns: number | null;
}

export type FaultKind =
  | "negative"
  | "outlier"
  | "zero_target"
  | "missing"
  | "non_numeric"
  | "duplicate_date"
  | "invalid_date";

/** One injected fault on one cell (see the module comment for the expected report entry). */
export interface Fault {
  /** File path relative to the output folder. */
  file: string;
  /** Channel name, target name or (whole-row faults in the wide file) control name. */
  column: string;
  /** True ISO date of the cell. */
  date: string;
  kind: FaultKind;
  /** The text written in the cell (the date text for invalid_date), or null when the row is absent. */
  value: string | null;
}

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

export interface Truth {
  seed: number;
  options: ResolvedGenerateOptions;
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

/** Default channel names, in order; later channels are channel_13, channel_14, … */
export const DEFAULT_CHANNELS: readonly string[] = [
  "tv", "radio", "social_media", "search", "outdoor", "print",
  "display", "video", "email", "affiliate", "podcast", "influencer",
];

const CAMPAIGN_SUFFIXES: Record<string, [string, string]> = {
  tv: ["brand", "promo"],
  radio: ["national", "local"],
  social_media: ["prospecting", "retargeting"],
  search: ["generic", "brand"],
  outdoor: ["billboards", "transit"],
  print: ["magazines", "newspapers"],
  display: ["prospecting", "retargeting"],
  video: ["awareness", "consideration"],
  email: ["newsletter", "promo"],
  affiliate: ["partners", "coupons"],
  podcast: ["sponsorship", "ads"],
  influencer: ["macro", "micro"],
};

const RESERVED = new Set(["date", "revenue", "sales", "price", "promo", "demand_index"]);
const MS_PER_DAY = 86_400_000;
const SEASON_PERIOD = 365.25;
const SEASON_ORDER = 2;

// ---------------------------------------------------------------------------------------------
// Small helpers

function isoToDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const day = Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
  return dayToIso(day) === iso ? day : null;
}

function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function uniform(r: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * r.uniform();
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

function mean(x: ArrayLike<number>): number {
  return x.length === 0 ? 0 : sum(x) / x.length;
}

/** Sample standard deviation (n − 1). */
function sd(x: ArrayLike<number>): number {
  if (x.length < 2) return 0;
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - m) ** 2;
  return Math.sqrt(ss / (x.length - 1));
}

function standardize(x: Float64Array): Float64Array {
  const m = mean(x);
  const s = sd(x);
  return x.map((v) => (s > 0 ? (v - m) / s : 0));
}

/** Stationary AR(1) with unit variance. */
function ar1(r: Random, n: number, phi: number): Float64Array {
  const out = new Float64Array(n);
  const innov = Math.sqrt(1 - phi * phi);
  let z = r.normal();
  for (let t = 0; t < n; t++) {
    if (t > 0) z = phi * z + innov * r.normal();
    out[t] = z;
  }
  return out;
}

/** On/off flight mask with run lengths around the given means (in periods). */
function flightMask(r: Random, n: number, onMean: number, offMean: number): Uint8Array {
  const mask = new Uint8Array(n);
  let on = r.uniform() < 0.6;
  let t = 0;
  while (t < n) {
    const len = Math.max(1, Math.round((on ? onMean : offMean) * (0.5 + r.uniform())));
    for (let i = 0; i < len && t < n; i++, t++) mask[t] = on ? 1 : 0;
    on = !on;
  }
  if (n >= 3 && !mask.includes(0)) mask[1 + r.int(n - 2)] = 0;
  if (!mask.includes(1)) mask[r.int(n)] = 1;
  return mask;
}

function money(x: number): string {
  const s = x.toFixed(2);
  return s === "-0.00" ? "0.00" : s;
}

function centsText(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const a = Math.abs(cents);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  return `${sign}${whole}.${frac < 10 ? "0" : ""}${frac}`;
}

function shuffle<T>(r: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Options

/**
 * resolveGenerateOptions(options) fills every default and checks every option. O(channels).
 * @throws RangeError naming the option when one is invalid
 */
export function resolveGenerateOptions(options: GenerateOptions = {}): ResolvedGenerateOptions {
  const frequency = options.frequency ?? "weekly";
  if (!(frequency === "weekly" || frequency === "daily")) {
    throw new RangeError('generate requires frequency "daily" or "weekly"');
  }
  const shape = options.shape ?? "wide";
  if (!(shape === "wide" || shape === "channel-dir" || shape === "campaigns")) {
    throw new RangeError('generate requires shape "wide", "channel-dir" or "campaigns"');
  }
  const seed = options.seed ?? 42;
  if (!Number.isFinite(seed)) throw new RangeError("generate requires a finite seed");
  const dirt = options.dirt ?? false;
  const periods = options.periods ?? (frequency === "weekly" ? 156 : 730);
  if (!(Number.isInteger(periods) && periods >= 8)) throw new RangeError("generate requires periods to be an integer >= 8");
  if (dirt && shape === "campaigns") throw new Error("generate: --dirt supports the wide and channel-dir shapes");
  if (dirt && periods < 19) throw new RangeError("generate requires periods >= 19 with dirt");

  let channels: string[];
  const ch = options.channels ?? 5;
  if (typeof ch === "number") {
    if (!(Number.isInteger(ch) && ch >= 1 && ch <= 100)) {
      throw new RangeError("generate requires channels to be an integer in [1, 100]");
    }
    channels = Array.from({ length: ch }, (_, i) => DEFAULT_CHANNELS[i] ?? `channel_${i + 1}`);
  } else {
    channels = [...ch];
    if (channels.length === 0) throw new RangeError("generate requires at least one channel");
    const seen = new Set<string>();
    for (const name of channels) {
      if (!/^[a-z][a-z0-9_]*$/.test(name) || RESERVED.has(name) || seen.has(name)) {
        throw new RangeError(`generate requires distinct channel names of [a-z0-9_] that are not reserved, got "${name}"`);
      }
      seen.add(name);
    }
  }
  const start = options.start ?? "2021-01-04";
  if (isoToDay(start) === null) throw new RangeError(`generate requires start to be an ISO date YYYY-MM-DD, got "${start}"`);
  const adstockKind = options.adstock ?? "geometric";
  if (!(adstockKind === "geometric" || adstockKind === "weibull")) {
    throw new RangeError('generate requires adstock "geometric" or "weibull"');
  }
  const seasonCorrelation = options.seasonCorrelation ?? 0.3;
  if (!(seasonCorrelation >= 0 && seasonCorrelation <= 1)) {
    throw new RangeError("generate requires seasonCorrelation in [0, 1]");
  }
  const alwaysOn = options.alwaysOn ?? Math.ceil(channels.length / 2);
  if (!(Number.isInteger(alwaysOn) && alwaysOn >= 0 && alwaysOn <= channels.length)) {
    throw new RangeError("generate requires alwaysOn to be an integer in [0, channels]");
  }
  const collinear = options.collinear ?? false;
  if (collinear && channels.length < 2) throw new RangeError("generate requires at least 2 channels with collinear");
  const snr = options.snr ?? 8;
  if (!(snr > 0 && Number.isFinite(snr))) throw new RangeError("generate requires snr > 0");
  const country = options.country ?? "US";
  let fileName: string | null = null;
  if (shape === "wide") {
    fileName = options.fileName ?? `mmm_${frequency}.csv`;
    if (!/^[A-Za-z0-9_.-]+\.csv$/.test(fileName)) throw new RangeError(`generate requires fileName to be a plain .csv name, got "${fileName}"`);
  }
  let campaigns: number | null = null;
  if (shape === "campaigns") {
    campaigns = options.campaigns ?? Math.round(1.6 * channels.length);
    campaigns = Math.min(2 * channels.length, Math.max(channels.length, campaigns));
    if (!Number.isInteger(campaigns)) throw new RangeError("generate requires campaigns to be an integer");
  }
  return {
    seed, periods, frequency, channels, shape, start, adstock: adstockKind, dirt, seasonCorrelation, alwaysOn,
    collinear, confounder: options.confounder ?? false, snr, country, fileName, campaigns,
  };
}

// ---------------------------------------------------------------------------------------------
// Sheets: a file as a grid of cell texts, so dirt can edit cells before it is written.

interface Sheet {
  path: string;
  header: string[];
  /** Fault column name of each value cell (channel, target or control name). */
  columns: string[];
  rows: Array<{ date: string; cells: string[] }>;
}

interface RowState {
  removed: boolean;
  duplicate: boolean;
  dateText: string;
  cells: string[];
}

function render(sheet: Sheet, states?: RowState[]): string {
  const lines = [sheet.header.join(",")];
  sheet.rows.forEach((row, i) => {
    const st = states?.[i];
    if (st?.removed) return;
    const line = [st?.dateText ?? row.date, ...(st?.cells ?? row.cells)].join(",");
    lines.push(line);
    if (st?.duplicate) lines.push(line);
  });
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// generate

/**
 * generate(options) builds a synthetic MMM data set with known truth (see the module comment).
 * Pure and deterministic: the same options give byte-identical files and truth. O(n·(channels·L)),
 * L the adstock kernel length (n for Weibull).
 *
 * @param options - see GenerateOptions; all optional
 * @returns the files (relative paths and text), the truth and the per-period series
 * @throws RangeError for invalid options; Error for dirt with the campaigns shape or an unknown country
 * @example generate({ seed: 1, periods: 52 }).files[0].path // => "mmm_weekly.csv"
 */
export function generate(options: GenerateOptions = {}): GeneratedData {
  const opt = resolveGenerateOptions(options);
  const n = opt.periods;
  const weekly = opt.frequency === "weekly";
  const step = weekly ? 7 : 1;
  const nCh = opt.channels.length;
  const targetName: "revenue" | "sales" = opt.shape === "channel-dir" ? "sales" : "revenue";

  // Independent streams, forked in a fixed order whatever the options.
  const root = createRandom(opt.seed);
  const rBase = root.fork();
  const rControls = root.fork();
  const rChannels = root.fork();
  const rNoise = root.fork();
  const rCampaigns = root.fork();
  const rDirt = root.fork();

  // Calendar.
  const startDay = isoToDay(opt.start) as number;
  const days = Int32Array.from({ length: n }, (_, t) => startDay + t * step);
  const dates = Array.from(days, (d) => dayToIso(d));
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
  season.forEach((term, k) => term.values.forEach((v, t) => { seasonShape[t] += seasonRel[k] * v; }));
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

  // Campaign split (campaigns shape): channel spend = Σ of its campaigns' cents, unchanged.
  let campaignTruth: Truth["campaigns"] = null;
  const files: Array<{ path: string; content: string }> = [];
  let sheets: Sheet[] = [];
  const spendTexts = spendCents.map((col) => Array.from(col, (v) => centsText(v)));
  if (opt.shape === "wide") {
    const controlNames = ["price", "promo", ...(opt.confounder ? ["demand_index"] : [])];
    sheets = [{
      path: opt.fileName as string,
      header: ["date", ...opt.channels.map((c) => `${c}_spend`), "revenue", ...controlNames],
      columns: [...opt.channels, "revenue", ...controlNames],
      rows: dates.map((date, t) => ({
        date,
        cells: [
          ...spendTexts.map((col) => col[t]),
          centsText(targetCents[t]),
          money(price[t]),
          String(promo[t]),
          ...(opt.confounder ? [money(demand[t])] : []),
        ],
      })),
    }];
  } else if (opt.shape === "channel-dir") {
    sheets = opt.channels.map((c, i) => ({
      path: `${c}_spend.csv`,
      header: ["date", "spend"],
      columns: [c],
      rows: dates.map((date, t) => ({ date, cells: [spendTexts[i][t]] })),
    }));
    sheets.push({
      path: "sales_data.csv",
      header: ["date", "sales"],
      columns: ["sales"],
      rows: dates.map((date, t) => ({ date, cells: [centsText(targetCents[t])] })),
    });
  } else {
    const result = campaignsFile(rCampaigns, opt, dates, spendCents, contributions, targetCents, weekly);
    files.push({ path: "campaigns.csv", content: result.content });
    campaignTruth = result.campaigns;
  }

  // Dirt.
  let dirtTruth: Truth["dirt"] = null;
  if (opt.dirt) {
    const result = injectDirt(rDirt, sheets, opt.channels, targetName, spendCents, n);
    dirtTruth = { faults: result.faults, dropped_rows: result.dropped };
    sheets.forEach((sheet, i) => files.push({ path: sheet.path, content: render(sheet, result.states[i]) }));
  } else {
    for (const sheet of sheets) files.push({ path: sheet.path, content: render(sheet) });
  }

  // Truth.
  const channelTotals = contributions.map((c) => sum(c));
  const spendTotals = spendCents.map((c) => sum(c) / 100);
  const allContrib = sum(channelTotals);
  const allSpend = sum(spendTotals);
  const truth: Truth = {
    seed: opt.seed,
    options: opt,
    shape: opt.shape,
    frequency: opt.frequency,
    periods: n,
    start: dates[0],
    end: dates[n - 1],
    target: targetName,
    files: files.map((f) => f.path),
    channels: truthChannels.map((ch, c) => ({
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
    campaigns: campaignTruth,
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
    dirt: dirtTruth,
  };
  return {
    files,
    truth,
    series: { dates, days, signal, noise, baseline, spend, contributions, controls: controlSeries },
  };
}

// ---------------------------------------------------------------------------------------------
// Campaigns shape

function campaignsFile(
  r: Random,
  opt: ResolvedGenerateOptions,
  dates: string[],
  spendCents: Float64Array[],
  contributions: Float64Array[],
  targetCents: Float64Array,
  weekly: boolean,
): { content: string; campaigns: NonNullable<Truth["campaigns"]> } {
  const n = dates.length;
  const nCh = opt.channels.length;
  const doubled = new Set(shuffle(r, opt.channels.map((_, i) => i)).slice(0, (opt.campaigns as number) - nCh));
  interface Campaign { name: string; channel: number; cents: Float64Array; cpm: number; ctr: number; cvr: number }
  const campaigns: Campaign[] = [];
  opt.channels.forEach((channel, c) => {
    const suffixes = CAMPAIGN_SUFFIXES[channel] ?? ["a", "b"];
    if (!doubled.has(c)) {
      campaigns.push({ name: `${channel}_${suffixes[0]}`, channel: c, cents: Float64Array.from(spendCents[c]), cpm: 0, ctr: 0, cvr: 0 });
      return;
    }
    const mask = flightMask(r, n, (weekly ? 1 : 7) * 3, (weekly ? 1 : 7) * 2);
    const w0 = uniform(r, 0.25, 0.5);
    const first = new Float64Array(n);
    const second = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      const w = Math.min(0.9, Math.max(0.1, w0 + 0.05 * r.normal()));
      second[t] = mask[t] === 1 ? Math.round(spendCents[c][t] * w) : 0;
      first[t] = spendCents[c][t] - second[t];
    }
    campaigns.push({ name: `${channel}_${suffixes[0]}`, channel: c, cents: first, cpm: 0, ctr: 0, cvr: 0 });
    campaigns.push({ name: `${channel}_${suffixes[1]}`, channel: c, cents: second, cpm: 0, ctr: 0, cvr: 0 });
  });
  for (const camp of campaigns) {
    camp.cpm = uniform(r, 4, 30);
    camp.ctr = uniform(r, 0.002, 0.03);
    camp.cvr = uniform(r, 0.01, 0.08);
  }
  const lines = ["date,campaign_name,spend,impressions,clicks,conversions,revenue"];
  for (let t = 0; t < n; t++) {
    let live = campaigns.filter((camp) => camp.cents[t] > 0);
    if (live.length === 0) live = [campaigns[0]];
    // Own media: the channel's contribution split by spend share; a channel with no spend today
    // (carry-over only) leaves its contribution in the pool shared evenly with the baseline.
    const own = live.map((camp) => {
      const total = spendCents[camp.channel][t];
      return total > 0 ? (contributions[camp.channel][t] * camp.cents[t]) / total : 0;
    });
    const totalRevenue = targetCents[t] / 100;
    const pool = totalRevenue - sum(own);
    let assigned = 0;
    live.forEach((camp, j) => {
      const revenueCents = j === live.length - 1
        ? targetCents[t] - assigned
        : Math.round((pool / live.length + own[j]) * 100);
      assigned += revenueCents;
      const spendValue = camp.cents[t] / 100;
      const impressions = Math.round((spendValue / (camp.cpm * Math.exp(0.1 * r.normal()))) * 1000);
      const clicks = Math.round(impressions * camp.ctr * Math.exp(0.1 * r.normal()));
      const conversions = Math.round(clicks * camp.cvr * Math.exp(0.1 * r.normal()));
      lines.push([dates[t], camp.name, centsText(camp.cents[t]), impressions, clicks, conversions, centsText(revenueCents)].join(","));
    });
  }
  return {
    content: lines.join("\n") + "\n",
    campaigns: campaigns.map((camp) => ({ name: camp.name, channel: opt.channels[camp.channel], spend: sum(camp.cents) / 100 })),
  };
}

// ---------------------------------------------------------------------------------------------
// Dirt

type EventKind =
  | "negative" | "outlier" | "zero_target" | "missing_cell" | "non_numeric"
  | "missing_row" | "duplicate_date" | "invalid_date" | "missing_date";

const BASE_EVENTS: readonly EventKind[] = [
  "negative", "negative", "outlier", "outlier", "zero_target", "zero_target", "missing_cell", "missing_cell",
  "missing_row", "missing_row", "non_numeric", "non_numeric", "duplicate_date", "duplicate_date",
  "invalid_date", "invalid_date", "missing_date",
];
const EXTRA_EVENTS: readonly EventKind[] = [
  "negative", "outlier", "zero_target", "missing_cell", "non_numeric", "missing_row", "duplicate_date", "invalid_date",
];

function injectDirt(
  r: Random,
  sheets: Sheet[],
  channels: string[],
  target: string,
  spendCents: Float64Array[],
  n: number,
): { states: RowState[][]; faults: Fault[]; dropped: Array<{ file: string; date: string }> } {
  const states: RowState[][] = sheets.map((sheet) =>
    sheet.rows.map((row) => ({ removed: false, duplicate: false, dateText: row.date, cells: [...row.cells] })));
  const faults: Fault[] = [];
  const dropped: Array<{ file: string; date: string }> = [];
  const sheetOf = (column: string): [number, number] => {
    for (let s = 0; s < sheets.length; s++) {
      const j = sheets[s].columns.indexOf(column);
      if (j >= 0) return [s, j];
    }
    throw new Error(`generate: no file has column ${column}`);
  };
  const columnMax = spendCents.map((col) => col.reduce((m, v) => Math.max(m, v), 0));

  const cells = n * (channels.length + 1);
  const total = Math.min(n - 2, Math.max(BASE_EVENTS.length, Math.round(0.01 * cells)));
  const events: EventKind[] = [...BASE_EVENTS];
  for (let i = 0; events.length < total; i++) events.push(EXTRA_EVENTS[i % EXTRA_EVENTS.length]);
  const pool = shuffle(r, Array.from({ length: n - 2 }, (_, i) => i + 1));
  const spending = (t: number): number[] => channels.flatMap((_, c) => (spendCents[c][t] > 0 ? [c] : []));

  const setCell = (column: string, t: number, kind: FaultKind, value: string): void => {
    const [s, j] = sheetOf(column);
    states[s][t].cells[j] = value;
    faults.push({ file: sheets[s].path, column, date: sheets[s].rows[t].date, kind, value });
  };
  const rowFaults = (s: number, t: number, kind: FaultKind, value: (j: number) => string | null): void => {
    sheets[s].columns.forEach((column, j) => {
      faults.push({ file: sheets[s].path, column, date: sheets[s].rows[t].date, kind, value: value(j) });
    });
  };

  for (const kind of events) {
    const needsSpend = kind === "negative";
    const at = pool.findIndex((t) => !needsSpend || spending(t).length > 0);
    if (at < 0) continue;
    const t = pool.splice(at, 1)[0];
    const date = sheets[0].rows[t].date;
    const anyColumn = (): string => {
      const all = [...channels, target];
      return all[r.int(all.length)];
    };
    switch (kind) {
      case "negative": {
        const options = spending(t);
        const c = options[r.int(options.length)];
        setCell(channels[c], t, "negative", "-" + centsText(spendCents[c][t]));
        break;
      }
      case "outlier": {
        const c = r.int(channels.length);
        setCell(channels[c], t, "outlier", centsText(50 * columnMax[c]));
        break;
      }
      case "zero_target":
        setCell(target, t, "zero_target", "0");
        break;
      case "missing_cell":
        setCell(anyColumn(), t, "missing", "");
        break;
      case "non_numeric":
        setCell(anyColumn(), t, "non_numeric", "n/a");
        break;
      case "missing_row": {
        const s = r.int(sheets.length);
        states[s][t].removed = true;
        dropped.push({ file: sheets[s].path, date });
        rowFaults(s, t, "missing", () => null);
        break;
      }
      case "missing_date":
        sheets.forEach((sheet, s) => {
          states[s][t].removed = true;
          dropped.push({ file: sheet.path, date });
          rowFaults(s, t, "missing", () => null);
        });
        break;
      case "duplicate_date": {
        const s = r.int(sheets.length);
        states[s][t].duplicate = true;
        rowFaults(s, t, "duplicate_date", (j) => states[s][t].cells[j]);
        break;
      }
      case "invalid_date": {
        const s = r.int(sheets.length);
        const text = `${date.slice(0, 4)}-13-${date.slice(8, 10)}`;
        states[s][t].dateText = text;
        rowFaults(s, t, "invalid_date", () => text);
        rowFaults(s, t, "missing", () => null);
        break;
      }
    }
  }
  faults.sort((x, y) =>
    x.date !== y.date ? (x.date < y.date ? -1 : 1)
      : x.file !== y.file ? (x.file < y.file ? -1 : 1)
        : x.column !== y.column ? (x.column < y.column ? -1 : 1)
          : x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0);
  dropped.sort((x, y) => (x.date !== y.date ? (x.date < y.date ? -1 : 1) : x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  return { states, faults, dropped };
}
