/**
 * The model flags of `mixlab fit` (`--model`, `--adstock`, `--saturation`, `--trend`,
 * `--seasonality`, `--holidays`, `--trials`, `--seed`, `--holdout-fraction` | `--split-date`,
 * `--alpha`, `--bootstrap`) and the config's `model` section, turned into a ModelSpec through
 * defaultSpec. Flags win over the config; a bad flag is a UsageError (exit 2). A structure part
 * (saturation, trend, seasonality, holidays, day-of-week) that neither names is chosen by the fit
 * from the data (ModelSpec.auto).
 */
import type { Command } from "commander";
import type { Config } from "../spec/config";
import { parseIsoDate } from "../data/parse-date";
import { DataError } from "../data/issue";
import type { Frequency } from "../data/table";
import { holidayIndicator } from "../features/holidays";
import { ADSTOCK_CHOICES, adstockKind, defaultSpec, ModelKindSchema, SaturationKindSchema, TrendSchema, type ChannelBounds, type ModelSpec, type SpecInput } from "../spec/model-spec";
import { choiceOption, numberOption } from "./parse-flags";
import { UsageError } from "./usage-error";

/** The raw values of the model flags, as commander hands them over. */
export interface SpecFlags {
  model?: string;
  adstock?: string;
  saturation?: string;
  trend?: string;
  seasonality?: string;
  holidays?: string;
  dayOfWeek?: string;
  trials?: string;
  seed?: string;
  holdoutFraction?: string;
  splitDate?: string;
  alpha?: string;
  bootstrap?: string;
}

/** What the flags or the config choose; anything left out takes defaultSpec's value. */
export type SpecChoices = Omit<SpecInput, "target" | "channels" | "controls" | "frequency">;

/** Column roles and frequency of the data the spec is for. */
export interface SpecRoles {
  target: string;
  channels: readonly string[];
  controls: readonly string[];
  frequency: Frequency;
}

// The choices of each flag are the spec's zod enums.
const MODELS = ModelKindSchema.options;
const SATURATIONS = SaturationKindSchema.options;
const TRENDS = TrendSchema.options;

/** choices(options) → "a | b | c", the choices of a flag for its help. */
const choices = (options: readonly string[]): string => options.join(" | ");

/** addSpecOptions(cmd) declares the model flags on a command. */
export function addSpecOptions(cmd: Command): Command {
  return cmd
    .option("--model <kind>", `${choices(MODELS)} (default ridge; bayes: posterior draws, intervals and sds)`)
    .option("--adstock <kind>", `${choices(ADSTOCK_CHOICES)} (weibull = weibull_cdf; default geometric)`)
    .option("--saturation <kind>", `${choices(SATURATIONS)} (default: hill, logistic or log, chosen from the data)`)
    .option("--trend <kind>", `${choices(TRENDS)} (default: none, linear or damped, chosen from the data)`)
    .option("--seasonality <K>", "yearly Fourier order; 0 = none (default: 0–3, chosen from the data)")
    .option("--holidays <country>", "public holidays of a country code (US, GB, DE-BY…) or none (default: US or none, chosen from the data)")
    .option("--day-of-week <on|off>", "day-of-week terms for daily data (default: on or off, chosen from the data; weekly data has none)")
    .option("--trials <N>", "candidates the transform search evaluates (default 2000)")
    .option("--seed <S>", "seed of the search and the bootstrap (default 1)")
    .option("--holdout-fraction <F>", "last share of periods held out, 0 ≤ F < 1 (default 0.2)")
    .option("--split-date <YYYY-MM-DD>", "hold out the periods from this date on")
    .option("--alpha <A>", "fixed ridge/lasso penalty (default: searched)")
    .option("--bootstrap <N>", "bootstrap resamples for the ROAS intervals; 0 = none (default 100; --model bayes ignores it: its intervals come from 1,000 posterior draws)");
}

/**
 * checkHolidays(where, code) → the country code upper-cased ("none" stays "none").
 * @throws UsageError when date-holidays does not know the country (or state)
 */
export function checkHolidays(where: string, code: string): string {
  if (code.toLowerCase() === "none") return "none";
  const upper = code.toUpperCase();
  try {
    holidayIndicator(Int32Array.of(19723), "daily", upper);
  } catch {
    throw new UsageError(`${where} must be a country code known to date-holidays (US, GB, DE, FR, DE-BY…) or none, not "${code}"`);
  }
  return upper;
}

/**
 * specChoicesFromFlags(flags) → the checked choices the flags make.
 * @throws UsageError naming the flag on a bad value, and for --holdout-fraction
 *   together with --split-date
 */
export function specChoicesFromFlags(flags: SpecFlags): SpecChoices {
  const out: SpecChoices = {};
  if (flags.model !== undefined) out.model = choiceOption("--model", flags.model, MODELS);
  if (flags.adstock !== undefined) out.adstock = adstockKind(choiceOption("--adstock", flags.adstock, ADSTOCK_CHOICES));
  if (flags.saturation !== undefined) out.saturation = choiceOption("--saturation", flags.saturation, SATURATIONS);
  if (flags.trend !== undefined) out.trend = choiceOption("--trend", flags.trend, TRENDS);
  if (flags.seasonality !== undefined) out.seasonality = numberOption("--seasonality", flags.seasonality, { integer: true, min: 0 });
  if (flags.holidays !== undefined) out.holidays = checkHolidays("--holidays", flags.holidays);
  if (flags.dayOfWeek !== undefined) out.dayOfWeek = choiceOption("--day-of-week", flags.dayOfWeek, ["on", "off"]) === "on";
  const search: SpecChoices["search"] = {};
  if (flags.trials !== undefined) search.trials = numberOption("--trials", flags.trials, { integer: true, min: 1 });
  if (flags.seed !== undefined) search.seed = numberOption("--seed", flags.seed, { integer: true, min: 0 });
  if (Object.keys(search).length > 0) out.search = search;
  if (flags.holdoutFraction !== undefined && flags.splitDate !== undefined) {
    throw new UsageError("give --holdout-fraction or --split-date, not both");
  }
  if (flags.holdoutFraction !== undefined) {
    const fraction = numberOption("--holdout-fraction", flags.holdoutFraction, { min: 0 });
    if (!(fraction < 1)) throw new UsageError(`--holdout-fraction must be below 1, not "${flags.holdoutFraction}"`);
    out.holdout = { fraction };
  }
  if (flags.splitDate !== undefined) {
    const day = parseIsoDate(flags.splitDate);
    if (Number.isNaN(day) || flags.splitDate.trim().length !== 10) throw new UsageError(`--split-date must be a date YYYY-MM-DD, not "${flags.splitDate}"`);
    out.holdout = { splitDate: flags.splitDate.trim() };
  }
  if (flags.alpha !== undefined) out.alpha = numberOption("--alpha", flags.alpha, { min: 0 });
  if (flags.bootstrap !== undefined) out.bootstrap = { resamples: numberOption("--bootstrap", flags.bootstrap, { integer: true, min: 0 }) };
  return out;
}

type ConfigModel = NonNullable<Config["model"]>;
type ConfigBounds = NonNullable<ConfigModel["bounds"]>[string];

function channelBounds(b: ConfigBounds): Partial<ChannelBounds> {
  const out: Partial<ChannelBounds> = {};
  if (b.decay) out.decay = b.decay;
  if (b.weibull_shape) out.weibullShape = b.weibull_shape;
  if (b.weibull_scale) out.weibullScale = b.weibull_scale;
  if (b.peak_lag) out.peakLag = b.peak_lag;
  if (b.saturation_ratio) out.saturationRatio = b.saturation_ratio;
  if (b.hill_shape) out.hillShape = b.hill_shape;
  return out;
}

/**
 * specChoicesFromConfig(model, channels) → the choices of a config's `model` section (already
 * checked by ConfigSchema). Bounds under `"*"` apply to every channel; a channel's own entry
 * overrides them.
 * @throws UsageError for an unknown holidays code; DataError when `bounds`
 *   names a channel the data does not have
 */
export function specChoicesFromConfig(model: ConfigModel | undefined, channels: readonly string[]): SpecChoices {
  const out: SpecChoices = {};
  if (model === undefined) return out;
  if (model.model !== undefined) out.model = model.model;
  if (model.adstock !== undefined) out.adstock = adstockKind(model.adstock);
  if (model.saturation !== undefined) out.saturation = model.saturation;
  if (model.trend !== undefined) out.trend = model.trend;
  if (model.seasonality !== undefined) out.seasonality = model.seasonality;
  if (model.holidays !== undefined) out.holidays = checkHolidays("config model.holidays", model.holidays);
  if (model.max_lag !== undefined) out.maxLag = model.max_lag;
  if (model.day_of_week !== undefined) out.dayOfWeek = model.day_of_week;
  if (model.l1_ratio !== undefined) out.l1Ratio = model.l1_ratio;
  if (model.alpha !== undefined) out.alpha = model.alpha;
  const search: SpecChoices["search"] = {};
  if (model.trials !== undefined) search.trials = model.trials;
  if (model.seed !== undefined) search.seed = model.seed;
  if (model.search_method !== undefined) search.method = model.search_method;
  if (model.folds !== undefined) search.folds = model.folds;
  if (Object.keys(search).length > 0) out.search = search;
  if (model.holdout_fraction !== undefined) out.holdout = { fraction: model.holdout_fraction };
  if (model.split_date !== undefined) out.holdout = { splitDate: model.split_date };
  if (model.bootstrap !== undefined) out.bootstrap = { resamples: model.bootstrap };
  if (model.bounds !== undefined) {
    const known = new Set(channels);
    for (const name of Object.keys(model.bounds)) {
      if (name !== "*" && !known.has(name)) {
        throw new DataError(`the config's model.bounds names "${name}", which is not a channel of the data (channels: ${channels.join(", ")})`);
      }
    }
    const all = model.bounds["*"] ? channelBounds(model.bounds["*"]) : {};
    const bounds: Record<string, Partial<ChannelBounds>> = {};
    for (const c of channels) bounds[c] = { ...all, ...(model.bounds[c] ? channelBounds(model.bounds[c]) : {}) };
    out.bounds = bounds;
  }
  return out;
}

/** mergeChoices(base, over) → base with every choice `over` makes replacing it (search and bootstrap field by field). */
export function mergeChoices(base: SpecChoices, over: SpecChoices): SpecChoices {
  const out: SpecChoices = { ...base };
  for (const [key, value] of Object.entries(over) as [keyof SpecChoices, unknown][]) {
    if (value === undefined) continue;
    if (key === "search" || key === "bootstrap") (out as Record<string, unknown>)[key] = { ...base[key], ...(value as object) };
    else (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/**
 * specFromOptions(flags, config, roles) → the ModelSpec of a fit: defaultSpec of the data's roles
 * with the config's `model` section, then the flags, applied on top.
 * @throws UsageError on a bad flag; DataError on a config that does not fit the data
 * @example specFromOptions({ adstock: "none", model: "ols" }, {}, table).nonNegativeMedia // => false
 */
export function specFromOptions(flags: SpecFlags, config: Config, roles: SpecRoles): ModelSpec {
  const configured = config.roles?.frequency;
  if (configured !== undefined && configured !== roles.frequency) {
    throw new DataError(`the config's roles.frequency is ${configured} but the data's dates are ${roles.frequency}; fix the config (or run \`mixlab init\` again)`);
  }
  const fromFlags = specChoicesFromFlags(flags);
  const fromConfig = specChoicesFromConfig(config.model, roles.channels);
  const choices = mergeChoices(fromConfig, fromFlags);
  return defaultSpec({ ...choices, target: roles.target, channels: [...roles.channels], controls: [...roles.controls], frequency: roles.frequency });
}
