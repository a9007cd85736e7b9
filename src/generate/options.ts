/**
 * The options of the synthetic-data generator (generate.ts): what a caller may set, every default
 * filled in and checked (resolveGenerateOptions), and recorded as is in the truth.
 */
import { formatDay, parseIsoDate } from "../data/parse-date";

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
  /** The true saturation family of every channel (default "hill"). */
  saturation?: "hill" | "logistic";
  /** A linear trend in the target (default true). */
  trend?: boolean;
  /** Yearly seasonality in the target (default true; false: a flat year). */
  seasonal?: boolean;
  /** Panel: number of groups (geos), 2–500, wide shape without dirt (default: none, one national series; panel.ts). */
  groups?: number;
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
  saturation: "hill" | "logistic";
  trend: boolean;
  seasonal: boolean;
  /** Panel: number of groups; absent for a national series. */
  groups?: number;
}

/** Default channel names, in order; later channels are channel_13, channel_14, … */
export const DEFAULT_CHANNELS: readonly string[] = [
  "tv", "radio", "social_media", "search", "outdoor", "print",
  "display", "video", "email", "affiliate", "podcast", "influencer",
];

const RESERVED = new Set(["date", "revenue", "sales", "price", "promo", "demand_index"]);

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
  if (dirt && shape === "campaigns") throw new RangeError("generate requires shape \"wide\" or \"channel-dir\" with dirt");
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
  const startDay = parseIsoDate(start);
  if (Number.isNaN(startDay) || formatDay(startDay) !== start) throw new RangeError(`generate requires start to be an ISO date YYYY-MM-DD, got "${start}"`);
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
  const saturation = options.saturation ?? "hill";
  if (!(saturation === "hill" || saturation === "logistic")) throw new RangeError('generate requires saturation "hill" or "logistic"');
  return {
    seed, periods, frequency, channels, shape, start, adstock: adstockKind, dirt, seasonCorrelation, alwaysOn,
    collinear, confounder: options.confounder ?? false, snr, country, fileName, campaigns,
    saturation, trend: options.trend ?? true, seasonal: options.seasonal ?? true,
    ...resolveGroups(options, shape, dirt),
  };
}

/** resolveGroups(options, shape, dirt) → `{ groups }` when a panel is asked for (checked), else nothing. */
function resolveGroups(options: GenerateOptions, shape: GenerateShape, dirt: boolean): { groups?: number } {
  const groups = options.groups;
  if (groups === undefined) return {};
  if (!(Number.isInteger(groups) && groups >= 2 && groups <= 500)) throw new RangeError("generate requires groups to be an integer in [2, 500]");
  if (shape !== "wide" || dirt) throw new RangeError("generate requires the wide shape without dirt for a panel (groups)");
  return { groups };
}
