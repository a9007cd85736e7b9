import { describe, expect, it } from "vitest";
import { channelReturns, decomposition } from "../../src/analysis/decompose";
import { predict, predictTerms } from "../../src/models/predict";
import type { FittedModel } from "../../src/models/fitted-model";
import { defaultSpec } from "../../src/spec/model-spec";
import { fixtureInput, fixtureModel } from "../artifact/fixture-model";

describe("decomposition and channel returns", () => {
  const model = fixtureModel();
  const input = fixtureInput();

  it("decomposition(model, input) groups sum to the prediction in every period", () => {
    const { groups, predicted } = decomposition(model, input);
    expect(Object.keys(groups)).toEqual(["base", "tv", "radio", "trend", "seasonality", "holidays", "price"]);
    const reference = predict(model, input);
    for (let i = 0; i < predicted.length; i++) {
      let sum = 0;
      for (const g of Object.values(groups)) sum += g[i];
      expect(sum).toBeCloseTo(reference[i], 8);
      expect(predicted[i]).toBe(reference[i]);
    }
  });

  it("channelReturns(model, input, window) gives ROAS = contribution / spend and shares that sum to 1", () => {
    const r = channelReturns(model, input, { from: 0, to: 32 });
    const t = predictTerms(model, input);
    for (const c of r) {
      const j = t.names.indexOf(c.name);
      let contribution = 0, spend = 0;
      for (let i = 0; i < 32; i++) { contribution += t.contributions[j][i]; spend += input.columns[c.name][i]; }
      expect(c.contribution).toBeCloseTo(contribution, 8);
      expect(c.spend).toBe(spend);
      expect(c.roas).toBeCloseTo(contribution / spend, 12);
    }
    expect(r.reduce((a, c) => a + c.share_of_spend, 0)).toBeCloseTo(1, 12);
    expect(r.reduce((a, c) => a + c.share_of_effect, 0)).toBeCloseTo(1, 12);
  });

  it("channelReturns(…) marginal ROAS equals β·hill'(x)·x/Σx summed by hand for a model without adstock", () => {
    // One channel, no adstock, Hill k = 100, s = 2, β = 500: contribution_t = β·x²/(x²+k²),
    // d/dλ Σ β·h(λ x_t) at λ = 1 is Σ β·h'(x_t)·x_t with h'(x) = 2k²x/(x²+k²)²; mROAS = that / Σ x_t.
    const spend = Float64Array.from([50, 100, 150, 80]);
    const days = Int32Array.from([0, 7, 14, 21]);
    const spec = defaultSpec({ target: "y", channels: ["tv"], controls: [], frequency: "weekly", trend: "none", seasonality: 0, holidays: "none", bootstrap: { resamples: 0 } });
    const m: FittedModel = {
      spec, transforms: { tv: { adstock: { type: "none" }, saturation: { type: "hill", halfSaturation: 100, shape: 2 } } },
      terms: ["tv"], coefficients: [500], intercept: 10, trendStart: 0, trendEnd: 21, periodDays: 7, controlDefaults: {},
      history: { dates: ["1970-01-01", "1970-01-08", "1970-01-15", "1970-01-22"], spend: { tv: Array.from(spend) } }, draws: [],
      summary: null as never,
    };
    const [r] = channelReturns(m, { days, columns: { tv: spend } }, { from: 0, to: 4 });
    let slope = 0;
    for (const x of spend) slope += 500 * ((2 * 100 * 100 * x) / (x * x + 100 * 100) ** 2) * x;
    expect(r.mroas).toBeCloseTo(slope / 380, 6);
    expect(r.roas).toBeCloseTo(Array.from(spend).reduce((a, x) => a + (500 * x * x) / (x * x + 10000), 0) / 380, 12);
  });
});
