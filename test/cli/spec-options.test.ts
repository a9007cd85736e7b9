import { describe, expect, it } from "vitest";
import { ConfigSchema, type Config } from "../../src/spec/config";
import { DataError } from "../../src/data/issue";
import { defaultSpec } from "../../src/spec/model-spec";
import { specChoicesFromFlags, specFromOptions } from "../../src/cli/spec-options";
import { UsageError } from "../../src/cli/usage-error";

const roles = { target: "revenue", channels: ["tv", "radio"], controls: ["price"], frequency: "weekly" as const };
const config = (model: unknown): Config => ConfigSchema.parse({ model });

describe("specFromOptions", () => {
  it("specFromOptions({}, {}, roles) is defaultSpec of the roles", () => {
    expect(specFromOptions({}, {}, roles)).toEqual(defaultSpec(roles));
  });

  it("specFromOptions(flags, {}, roles) applies every flag", () => {
    const spec = specFromOptions({
      model: "ols", adstock: "weibull", saturation: "logistic", trend: "none", seasonality: "0", holidays: "gb",
      trials: "300", seed: "9", splitDate: "2024-06-03", alpha: "2.5", bootstrap: "0",
    }, {}, roles);
    expect(spec).toMatchObject({
      model: "ols", adstock: "weibull_cdf", saturation: "logistic", trend: "none", seasonality: 0, holidays: "GB",
      search: { trials: 300, seed: 9, method: "de", folds: 5 }, holdout: { splitDate: "2024-06-03" }, alpha: 2.5,
      bootstrap: { resamples: 0, blockLength: null, trials: 300 }, nonNegativeMedia: false,
    });
    expect(specFromOptions({ holdoutFraction: "0" }, {}, roles).holdout).toEqual({ fraction: 0 });
  });

  it("specFromOptions(flags, config, roles) takes the config's model section and lets the flags win", () => {
    const c = config({
      model: "lasso", adstock: "delayed", seasonality: 3, trials: 50, seed: 4, holdout_fraction: 0.1, bootstrap: 5, max_lag: 6, l1_ratio: 0.3,
      bounds: { "*": { decay: [0.1, 0.5] }, tv: { decay: [0.2, 0.9], hill_shape: [1, 2] } },
    });
    const spec = specFromOptions({ seed: "11", splitDate: "2024-01-01" }, c, roles);
    expect(spec).toMatchObject({
      model: "lasso", adstock: "delayed", seasonality: 3, maxLag: 6, l1Ratio: 0.3,
      search: { trials: 50, seed: 11 }, holdout: { splitDate: "2024-01-01" }, bootstrap: { resamples: 5 },
    });
    expect(spec.bounds.tv).toEqual({ ...defaultSpec(roles).bounds.tv, decay: [0.2, 0.9], hillShape: [1, 2] });
    expect(spec.bounds.radio).toEqual({ ...defaultSpec(roles).bounds.radio, decay: [0.1, 0.5] });
  });

  it("specFromOptions leaves the structure parts neither the flags nor the config name to the fit (spec.auto)", () => {
    expect(specFromOptions({}, {}, roles).auto).toEqual(["saturation", "trend", "seasonality", "holidays"]);
    expect(specFromOptions({}, {}, { ...roles, frequency: "daily" }).auto).toEqual(["saturation", "trend", "seasonality", "holidays", "dayOfWeek"]);
    const spec = specFromOptions({ trend: "damped", holidays: "none" }, config({ seasonality: 1, day_of_week: false }), { ...roles, frequency: "daily" });
    expect(spec).toMatchObject({ trend: "damped", holidays: "none", seasonality: 1, dayOfWeek: false, auto: ["saturation"] });
  });

  it("specFromOptions(…) refuses config bounds for a channel the data does not have", () => {
    expect(() => specFromOptions({}, config({ bounds: { print: { decay: [0, 0.5] } } }), roles)).toThrow(DataError);
    expect(() => specFromOptions({}, config({ bounds: { print: { decay: [0, 0.5] } } }), roles)).toThrow(/names "print", which is not a channel of the data/);
  });

  it("ConfigSchema checks the model section: unknown keys, bad bounds, both holdouts", () => {
    expect(ConfigSchema.safeParse({ model: { adstok: "none" } }).success).toBe(false);
    expect(ConfigSchema.safeParse({ model: { bounds: { tv: { decay: [0.5, 1] } } } }).success).toBe(false);
    expect(ConfigSchema.safeParse({ model: { bounds: { tv: { decay: [0.6, 0.5] } } } }).success).toBe(false);
    expect(ConfigSchema.safeParse({ model: { holdout_fraction: 0.2, split_date: "2024-01-01" } }).success).toBe(false);
    expect(ConfigSchema.safeParse({ model: { seasonality: 1.5 } }).success).toBe(false);
  });
});

describe("specChoicesFromFlags", () => {
  it("specChoicesFromFlags(flags) refuses bad values with a UsageError naming the flag", () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ model: "gbm" }, /--model must be one of/],
      [{ adstock: "exp" }, /--adstock must be one of/],
      [{ saturation: "tanh" }, /--saturation must be one of/],
      [{ trend: "quadratic" }, /--trend must be one of/],
      [{ seasonality: "-1" }, /--seasonality must be at least 0/],
      [{ seasonality: "1.5" }, /--seasonality must be a whole number/],
      [{ holidays: "XX" }, /--holidays must be a country code/],
      [{ trials: "0" }, /--trials must be at least 1/],
      [{ seed: "x" }, /--seed must be a number/],
      [{ holdoutFraction: "1" }, /--holdout-fraction must be below 1/],
      [{ holdoutFraction: "-0.1" }, /--holdout-fraction must be at least 0/],
      [{ splitDate: "2024-13-01" }, /--split-date must be a date YYYY-MM-DD/],
      [{ holdoutFraction: "0.2", splitDate: "2024-01-01" }, /not both/],
      [{ alpha: "-1" }, /--alpha must be at least 0/],
      [{ bootstrap: "2.5" }, /--bootstrap must be a whole number/],
    ];
    for (const [flags, message] of bad) {
      expect(() => specChoicesFromFlags(flags)).toThrow(UsageError);
      expect(() => specChoicesFromFlags(flags)).toThrow(message);
    }
  });

  it("specChoicesFromFlags({}) chooses nothing", () => {
    expect(specChoicesFromFlags({})).toEqual({});
  });
});
