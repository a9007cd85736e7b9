import { describe, expect, it } from "vitest";
import { flatResponse } from "../../src/analysis/flat-response";
import { adstockWeights } from "../../src/features/adstock";
import type { ChannelTransform } from "../../src/spec/transform-params";
import { mediaColumn } from "../../src/features/design";
import { expectClose } from "../helpers/expect-close";
import { seededModel, syntheticModel } from "../helpers/synthetic-model";

const history = [400, 0, 1200, 800, 0, 650, 300, 900, 1000, 0];
const transforms: Record<string, ChannelTransform> = {
  geo: { adstock: { type: "geometric", decay: 0.6 }, saturation: { type: "hill", halfSaturation: 1500, shape: 2.2 } },
  wpdf: { adstock: { type: "weibull_pdf", shape: 2, scale: 0.3, window: 6 }, saturation: { type: "log", scale: 700 } },
  delayed: { adstock: { type: "delayed", decay: 0.5, peakLag: 1, maxLag: 4 }, saturation: { type: "logistic", lambda: 1 / 900 } },
  wcdf: { adstock: { type: "weibull_cdf", shape: 1.2, scale: 0.2 }, saturation: { type: "hill", halfSaturation: 800, shape: 0.7 } },
  plain: { adstock: { type: "none" }, saturation: { type: "none" } },
};
const model = syntheticModel(Object.entries(transforms).map(([name, transform], i) => ({ name, transform, coefficient: 1000 + 250 * i, history })));

/** The plan's response by its definition: β·Σ_t [mediaColumn(u·1, T, h) − mediaColumn(0, T, h)]. */
function byDefinition(name: string, u: number, K: number): number {
  const beta = model.coefficients[model.terms.indexOf(name)];
  const h = Float64Array.from(history);
  const planned = mediaColumn(new Float64Array(K).fill(u), transforms[name], h);
  const zero = mediaColumn(new Float64Array(K), transforms[name], h);
  let s = 0;
  for (let t = 0; t < K; t++) s += beta * (planned[t] - zero[t]);
  return s;
}

describe("flatResponse", () => {
  for (const name of Object.keys(transforms)) {
    it(`flatResponse(model, "${name}", K).value(u) equals β·Σ mediaColumn(plan) − mediaColumn(zero plan) (${transforms[name].adstock.type} + ${transforms[name].saturation.type})`, () => {
      for (const K of [1, 5, 13]) {
        const r = flatResponse(model, name, K);
        for (const u of [0, 1, 250, 1000, 5000]) expectClose(r.value(u), byDefinition(name, u, K), { rel: 1e-11, abs: 1e-9 });
      }
    });

    it(`flatResponse(model, "${name}", K).slope(u) is the derivative of value(u) (central difference)`, () => {
      const r = flatResponse(model, name, 13);
      for (const u of [50, 700, 3000]) {
        const h = 1e-4 * u;
        expectClose(r.slope(u), (r.value(u + h) - r.value(u - h)) / (2 * h), { rel: 1e-6 });
      }
    });
  }

  it("flatResponse(model, c, K).unit is the cumulative sum of the adstock weights (geometric)", () => {
    const r = flatResponse(model, "geo", 6);
    const w = adstockWeights(transforms.geo.adstock, 6);
    let c = 0;
    expectClose(r.unit, Array.from(w, (v) => (c += v)), { rel: 1e-15 });
  });

  it("flatResponse(model, c, K).carried decays geometrically from the last observed adstock", () => {
    const r = flatResponse(model, "geo", 4);
    let a = 0;
    for (const x of history) a = x + 0.6 * a;
    expectClose(r.carried, [0.6 * a, 0.36 * a, 0.216 * a, 0.1296 * a], { rel: 1e-14 });
  });

  it("flatResponse(model, c, K).concave holds for log, logistic, Hill with shape ≤ 1 and none, not for Hill with shape > 1", () => {
    expect(Object.keys(transforms).map((c) => flatResponse(model, c, 3).concave)).toEqual([false, true, true, true, true]);
  });

  it("flatResponse(model, c, K, draw) uses the draw's transform and coefficient", () => {
    const m = seededModel(3, 5);
    const draw = { transforms: { ...m.transforms, ch1: transforms.geo }, coefficients: { ch0: 1, ch1: 2, ch2: 3 } };
    const viaDraw = flatResponse(m, "ch1", 5, draw);
    const same = syntheticModel([{ name: "ch1", transform: transforms.geo, coefficient: 2, history: m.history.spend.ch1 }]);
    expect(viaDraw.value(1234)).toBe(flatResponse(same, "ch1", 5).value(1234));
  });

  it("flatResponse(model, c, K) rejects a channel the model does not have", () => {
    expect(() => flatResponse(model, "cinema", 4)).toThrow(/cinema/);
  });
});
