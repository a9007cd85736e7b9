/**
 * syntheticModel(channels, options): a FittedModel built by hand for planning tests and benches —
 * media terms and optional controls (no trend, seasonality or holidays), given transforms,
 * coefficients, observed spend and control values. seededModel(m, seed) draws one with design()-compatible transforms: geometric
 * or Weibull adstock, Hill (shapes 0.6–3, so S-curves too) or log saturation.
 */
import { formatDay, parseIsoDate } from "../../src/data/parse-date";
import type { ChannelTransform } from "../../src/spec/transform-params";
import type { FitSummary, FittedModel, MediaDraw } from "../../src/models/fitted-model";
import { defaultSpec } from "../../src/spec/model-spec";
import { createRandom } from "../../src/util/random";

/** One channel of a synthetic model: its transforms, coefficient (target units per saturated unit) and observed spend. */
export interface SyntheticChannel {
  name: string;
  transform: ChannelTransform;
  coefficient: number;
  /** Observed spend per period, oldest first (default: zeros). */
  history?: number[];
}

/** One control of a synthetic model: its coefficient, fit-window mean (controlDefaults) and observed values. */
export interface SyntheticControl {
  name: string;
  coefficient: number;
  /** controlDefaults[name], the fit-window mean. */
  defaultValue: number;
  /** Observed value per period, as long as the history (absent: a model saved without control history). */
  history?: number[];
}

/** Calendar, intercept, controls and draws of a synthetic model. */
export interface SyntheticOptions {
  frequency?: "weekly" | "daily";
  /** First observed date (default 2024-01-01). */
  start?: string;
  /** Observed periods when no channel gives a history (default 8). */
  historyLength?: number;
  intercept?: number;
  draws?: MediaDraw[];
  controls?: SyntheticControl[];
}

/** syntheticModel(channels, options) → a media-only FittedModel (see the module comment). */
export function syntheticModel(channels: SyntheticChannel[], options: SyntheticOptions = {}): FittedModel {
  const frequency = options.frequency ?? "weekly";
  const periodDays = frequency === "weekly" ? 7 : 1;
  const n = channels.find((c) => c.history !== undefined)?.history?.length ?? options.historyLength ?? 8;
  const first = parseIsoDate(options.start ?? "2024-01-01");
  const dates = Array.from({ length: n }, (_, i) => formatDay(first + i * periodDays));
  const controls = options.controls ?? [];
  const withHistory = controls.filter((c) => c.history !== undefined);
  const spec = defaultSpec({
    target: "sales", channels: channels.map((c) => c.name), controls: controls.map((c) => c.name), frequency, model: "ols",
    trend: "none", seasonality: 0, holidays: "none", dayOfWeek: false, bootstrap: { resamples: 0 },
  });
  return {
    spec,
    transforms: Object.fromEntries(channels.map((c) => [c.name, c.transform])),
    terms: [...channels.map((c) => c.name), ...controls.map((c) => c.name)],
    coefficients: [...channels.map((c) => c.coefficient), ...controls.map((c) => c.coefficient)],
    intercept: options.intercept ?? 0,
    trendStart: first,
    trendEnd: first + (n - 1) * periodDays,
    periodDays,
    controlDefaults: Object.fromEntries(controls.map((c) => [c.name, c.defaultValue])),
    history: {
      dates, spend: Object.fromEntries(channels.map((c) => [c.name, c.history ?? new Array<number>(n).fill(0)])),
      ...(withHistory.length > 0 && { controls: Object.fromEntries(withHistory.map((c) => [c.name, c.history as number[]])) }),
    },
    draws: options.draws ?? [],
    summary: null as unknown as FitSummary,
  };
}

/**
 * seededModel(m, seed, { historyLength }) → an m-channel weekly model with random transforms:
 * channel c spends around 1,000·(1 + c mod 5) a week; adstock geometric (decay 0–0.8) or Weibull
 * CDF/PDF; saturation Hill (half-saturation 0.5–3 × mean spend, shape 0.6–3) or log; coefficients
 * giving a ROAS of roughly 1–4 at the mean spend.
 */
export function seededModel(m: number, seed: number, options: { historyLength?: number } = {}): FittedModel {
  const random = createRandom(seed);
  const n = options.historyLength ?? 104;
  const channels: SyntheticChannel[] = Array.from({ length: m }, (_, c) => {
    const mean = 1000 * (1 + (c % 5));
    const history = Array.from({ length: n }, () => (random.uniform() < 0.15 ? 0 : Math.round(mean * (0.3 + 1.4 * random.uniform()))));
    const kind = random.uniform();
    const adstock: ChannelTransform["adstock"] = kind < 0.6
      ? { type: "geometric", decay: 0.8 * random.uniform() }
      : { type: random.uniform() < 0.5 ? "weibull_cdf" : "weibull_pdf", shape: 0.5 + 3 * random.uniform(), scale: 0.02 + 0.25 * random.uniform(), window: 8 };
    const carry = adstock.type === "geometric" ? 1 / (1 - adstock.decay) : 2;
    const level = mean * carry;
    const saturation: ChannelTransform["saturation"] = random.uniform() < 0.75
      ? { type: "hill", halfSaturation: level * (0.5 + 2.5 * random.uniform()), shape: 0.6 + 2.4 * random.uniform() }
      : { type: "log", scale: level * (0.3 + random.uniform()) };
    const roas = 1 + 3 * random.uniform();
    const atMean = saturation.type === "hill" ? 1 / (1 + (saturation.halfSaturation / level) ** saturation.shape) : Math.log1p(level / saturation.scale);
    return { name: `ch${c}`, transform: { adstock, saturation }, coefficient: (roas * mean) / atMean, history };
  });
  return syntheticModel(channels);
}
