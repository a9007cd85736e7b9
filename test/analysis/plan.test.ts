import { beforeAll, describe, expect, it } from "vitest";
import { futurePeriods } from "../../src/analysis/future-periods";
import { plan, planChangeInterval, planScenarios } from "../../src/analysis/plan";
import { recentSpend } from "../../src/analysis/recent-spend";
import { predict } from "../../src/models/predict";
import { hillValue } from "../../src/features/saturation";
import type { FittedModel } from "../../src/models/fitted-model";
import { fixtureModel } from "../artifact/fixture-model";
import { expectClose } from "../helpers/expect-close";
import { fitWeekly } from "../helpers/fitted-models";
import { syntheticModel } from "../helpers/synthetic-model";

const geometricHalf = { type: "geometric", decay: 0.5 } as const;

describe("plan: carry-over and the response by hand", () => {
  // Observed tv spend 40, 0, 100: adstock 40, 20, 110 at the last observed week.
  const model = syntheticModel([
    { name: "tv", transform: { adstock: geometricHalf, saturation: { type: "none" } }, coefficient: 2, history: [40, 0, 100] },
    { name: "radio", transform: { adstock: geometricHalf, saturation: { type: "hill", halfSaturation: 50, shape: 2 } }, coefficient: 3, history: [40, 0, 100] },
  ], { intercept: 1000 });

  it("plan(model, zero spend) decays the media contribution exactly as geometric carry-over: β·110·0.5^t", () => {
    const r = plan(model, { spend: { tv: 0, radio: 0 }, periods: 5 });
    const tv = [110, 55, 27.5, 13.75, 6.875]; // 2 · 110 · 0.5^t
    const radio = [1, 2, 3, 4, 5].map((t) => 3 * hillValue(110 * 0.5 ** t, 50, 2));
    r.timeline.forEach((p, t) => {
      expect(p.response).toBe(0);
      expectClose(p.carryover, tv[t] + radio[t], { rel: 1e-15 });
      expectClose(p.predicted, 1000 + tv[t] + radio[t], { rel: 1e-15 });
    });
    expect(r.channels[0].carryover).toBe(tv.reduce((a, b) => a + b, 0));
    expect(r.response).toBe(0);
  });

  it("plan(model, { tv: 100 }, 3) responds 2·(100 + 150 + 175) = 850 whatever the carried-over state (linear channel)", () => {
    const r = plan(model, { spend: { tv: 100, radio: 0 }, periods: 3 });
    expect(r.channels[0].response).toBe(850);
    expect(r.channels[0].spend).toBe(300);
    expect(r.channels[0].roas).toBe(850 / 300);
    expect(r.channels[1]).toMatchObject({ name: "radio", spend: 0, response: 0 });
    expect(r.response).toBe(850);
    expect([r.start, r.end]).toEqual(["2024-01-22", "2024-02-05"]);
  });

  it("plan(model, { radio: u }) responds 3·Σ_t [hill(a0_t + u·W_t) − hill(a0_t)] with a0 = 110·0.5^t and W = 1, 1.5, 1.75", () => {
    const r = plan(model, { spend: { tv: 0, radio: 40 }, periods: 3 });
    const a0 = [55, 27.5, 13.75];
    const w = [1, 1.5, 1.75];
    const expected = a0.reduce((s, a, t) => s + 3 * (hillValue(a + 40 * w[t], 50, 2) - hillValue(a, 50, 2)), 0);
    expectClose(r.response, expected, { rel: 1e-14 });
  });

  it("plan(model, per-period table) with equal values equals the flat plan exactly", () => {
    const flat = plan(model, { spend: { tv: 70, radio: 30 }, periods: 4 });
    const table = plan(model, { spend: { tv: [70, 70, 70, 70], radio: new Float64Array([30, 30, 30, 30]) }, periods: 4 });
    expect(table).toEqual(flat);
  });

  it("plan(model, { tv: [100, 0, 0] }) is the impulse response 2·(100, 50, 25)", () => {
    const r = plan(model, { spend: { tv: [100, 0, 0], radio: 0 }, periods: 3 });
    expect(r.timeline.map((p) => p.response)).toEqual([200, 100, 50]);
  });

  it("plan(model, { tv: 100 }, 2) keeps radio at its current spend, (0 + 100) / 2 = 50 a period, and responds 3·Σ_t [hill(a0_t + 50·W_t) − hill(a0_t)]", () => {
    const r = plan(model, { spend: { tv: 100 }, periods: 2 });
    const a0 = [55, 27.5];
    const w = [1, 1.5];
    const radio = a0.reduce((s, a, t) => s + 3 * (hillValue(a + 50 * w[t], 50, 2) - hillValue(a, 50, 2)), 0);
    expect(r.channels.map((c) => [c.name, c.spend, c.spend_source])).toEqual([["tv", 200, "given"], ["radio", 100, "current"]]);
    expect(r.channels[0].response).toBe(2 * (100 + 150));
    expectClose(r.channels[1].response, radio, { rel: 1e-14 });
    expectClose(r.response, 500 + radio, { rel: 1e-14 });
    expect(r.spend_window).toEqual({ start: "2024-01-08", end: "2024-01-15", periods: 2 });
    expect(plan(model, { spend: { tv: 100, radio: 0 }, periods: 2 }).spend_window).toBeNull();
  });

  it("plan(model, …) names unknown channels and refuses negative spend or a table of the wrong length", () => {
    expect(() => plan(model, { spend: { tv: 1, cinema: 2, print: 3 }, periods: 2 })).toThrow(/"cinema", "print"/);
    expect(() => plan(model, { spend: { tv: -1 }, periods: 2 })).toThrow(/>= 0/);
    expect(() => plan(model, { spend: { tv: [1, 2, 3] }, periods: 2 })).toThrow(/2 values/);
    expect(() => plan(model, { spend: { tv: 1 }, periods: 0 })).toThrow(/periods/);
  });

  it("plan(model, …) with draws reports the type-7 5th and 95th percentiles over the draws", () => {
    const draws = [0.5, 1, 2].map((f) => ({ transforms: model.transforms, coefficients: { tv: 2 * f, radio: 3 * f } }));
    const withDraws = { ...model, draws };
    const r = plan(withDraws, { spend: { tv: 100, radio: 40 }, periods: 3 });
    // Sorted responses 0.5r, r, 2r: p = 0.05 → 0.5r + 0.1·0.5r = 0.55r; p = 0.95 → r + 0.9·r = 1.9r.
    expectClose(r.response_low!, 0.55 * r.response, { rel: 1e-14 });
    expectClose(r.response_high!, 1.9 * r.response, { rel: 1e-14 });
    expectClose(r.channels[1].response_low!, 0.55 * r.channels[1].response, { rel: 1e-14 });
  });
});

describe("planChangeInterval: the lift's interval over the draws", () => {
  const model = syntheticModel([
    { name: "tv", transform: { adstock: geometricHalf, saturation: { type: "none" } }, coefficient: 2, history: [40, 0, 100] },
    { name: "radio", transform: { adstock: geometricHalf, saturation: { type: "hill", halfSaturation: 50, shape: 2 } }, coefficient: 3, history: [40, 0, 100] },
  ], { intercept: 1000 });
  const from = { tv: 100, radio: 40 };
  const to = { tv: 60, radio: 80 };

  it("planChangeInterval(model, from, to, K) is null without draws", () => {
    expect(planChangeInterval(model, from, to, 4)).toBeNull();
  });

  it("planChangeInterval with draws that scale every coefficient alike is the point lift, twice (a common factor cancels)", () => {
    const draws = [0.5, 1, 2].map((f) => ({ transforms: model.transforms, coefficients: { tv: 2 * f, radio: 3 * f } }));
    const lift = 100 * (plan(model, { spend: to, periods: 4 }).response - plan(model, { spend: from, periods: 4 }).response) / plan(model, { spend: from, periods: 4 }).response;
    const [low, high] = planChangeInterval({ ...model, draws }, from, to, 4)!;
    expectClose(low, lift, { rel: 1e-12 });
    expectClose(high, lift, { rel: 1e-12 });
  });

  it("planChangeInterval is the type-7 5th/95th percentile of each draw's lift, each draw's plan computed as a model of its own", () => {
    const draws = [0.5, 1, 2, 4].map((f) => ({ transforms: model.transforms, coefficients: { tv: 2 * f, radio: 3 } }));
    const lifts = draws.map((d) => {
      const own = { ...model, coefficients: model.terms.map((t, j) => d.coefficients[t as "tv" | "radio"] ?? model.coefficients[j]) };
      const before = plan(own, { spend: from, periods: 4 }).response;
      return (100 * (plan(own, { spend: to, periods: 4 }).response - before)) / Math.abs(before);
    }).sort((a, b) => a - b);
    // Type 7 with n = 4: p = 0.05 → h = 0.15 between the first two; p = 0.95 → h = 2.85 between the last two.
    const [low, high] = planChangeInterval({ ...model, draws }, from, to, 4)!;
    expectClose(low, lifts[0] + 0.15 * (lifts[1] - lifts[0]), { rel: 1e-12 });
    expectClose(high, lifts[2] + 0.85 * (lifts[3] - lifts[2]), { rel: 1e-12 });
    expect(low).toBeLessThan(high);
  });
});

describe("plan: controls held at their recent average", () => {
  const none = { adstock: { type: "none" }, saturation: { type: "none" } } as const;
  const tv = { name: "tv", transform: none, coefficient: 2, history: [10, 20, 30, 40] };
  // sales = 2000 + 2·tv − 100·price. Price observed 8, 8, 10, 12; its fit-window mean is 8.
  const model = syntheticModel([tv], { intercept: 2000, controls: [{ name: "price", coefficient: -100, defaultValue: 8, history: [8, 8, 10, 12] }] });
  const old = syntheticModel([tv], { intercept: 2000, controls: [{ name: "price", coefficient: -100, defaultValue: 8 }] });

  it("plan(model, { tv: 50 }, 2) predicts 2000 + 2·50 − 100·11 = 1000 a period: price at the mean of the last 2 weeks (11), not the fit-window mean (8)", () => {
    const r = plan(model, { spend: { tv: 50 }, periods: 2 });
    expect(r.timeline.map((p) => p.predicted)).toEqual([1000, 1000]);
    expect(r.predicted).toBe(2000);
    expect(r.response).toBe(200);
    expect(r.controls).toEqual([{ name: "price", value: 11, source: "recent" }]);
    expect(r.controls_window).toEqual({ start: "2024-01-15", end: "2024-01-22", periods: 2 });
  });

  it("plan(model, …, 3) holds the price at the mean of the last 3 weeks, (8 + 10 + 12) / 3 = 10: the window of the current spend", () => {
    const r = plan(model, { spend: { tv: 0 }, periods: 3 });
    expect(r.timeline.map((p) => p.predicted)).toEqual([1000, 1000, 1000]);
    expect(r.controls_window).toEqual({ start: recentSpend(model, 3).start, end: recentSpend(model, 3).end, periods: 3 });
  });

  it("plan(model saved without control history, …) holds the price at the fit-window mean, as before: 2000 + 100 − 800 = 1300", () => {
    const r = plan(old, { spend: { tv: 50 }, periods: 2 });
    expect(r.timeline.map((p) => p.predicted)).toEqual([1300, 1300]);
    expect(r.response).toBe(200);
    expect(r.controls).toEqual([{ name: "price", value: 8, source: "fit_window_mean" }]);
    expect(r.controls_window).toBeNull();
  });

  it("plan(model, { controls }) uses the given values over the recent average", () => {
    const r = plan(model, { spend: { tv: 0 }, periods: 2, controls: { price: [9, 13] } });
    expect(r.timeline.map((p) => p.predicted)).toEqual([1100, 700]);
    expect(r.controls).toEqual([{ name: "price", value: 11, source: "given" }]);
    expect(r.controls_window).toBeNull();
  });
});

describe("plan: the same path as predict()", () => {
  const model = fixtureModel();
  const K = 4;
  const { days } = futurePeriods(model, K);

  it("plan(model, …).timeline.predicted equals predict() of the future periods, controls at their defaults (a model without control history)", () => {
    const spend = { tv: 1200, radio: [300, 400, 500, 600] };
    const r = plan(model, { spend, periods: K });
    const direct = predict(model, { days, columns: { tv: new Float64Array(K).fill(1200), radio: Float64Array.from(spend.radio) } });
    expectClose(r.timeline.map((p) => p.predicted), direct, { rel: 1e-12 });
  });

  it("plan(model, …).timeline.predicted equals predict() with the price at its mean over the last K observed weeks (a model with control history)", () => {
    // The fixture's price repeats every 4 weeks, so 3 weeks are needed for the recent average to differ.
    const current = fixtureModel({ controlHistory: true });
    const k3 = 3;
    const last = current.history.controls!.price.slice(-k3);
    const price = (last[0] + last[1] + last[2]) / 3;
    expect(price).toBe((9.25 + 9.5 + 9.75) / 3);
    expect(current.controlDefaults.price).toBe(9.375);
    const spend = { tv: 1200, radio: [300, 400, 500] };
    const r = plan(current, { spend, periods: k3 });
    const columns = { tv: new Float64Array(k3).fill(1200), radio: Float64Array.from(spend.radio), price: new Float64Array(k3).fill(price) };
    expectClose(r.timeline.map((p) => p.predicted), predict(current, { days: futurePeriods(current, k3).days, columns }), { rel: 1e-12 });
    const before = plan(model, { spend, periods: k3 });
    expect(r.response).toBe(before.response); // the controls move the prediction, not the response
    const beta = current.coefficients[current.terms.indexOf("price")];
    expectClose(r.predicted - before.predicted, k3 * beta * (price - 9.375), { rel: 1e-9 });
  });

  it("plan(model, …).response equals Σ predict(with the plan) − Σ predict(with zero spend)", () => {
    const r = plan(model, { spend: { tv: 900, radio: 450 }, periods: K });
    const sum = (x: Float64Array) => x.reduce((a, b) => a + b, 0);
    const withPlan = sum(predict(model, { days, columns: { tv: new Float64Array(K).fill(900), radio: new Float64Array(K).fill(450) } }));
    const zero = sum(predict(model, { days, columns: { tv: new Float64Array(K), radio: new Float64Array(K) } }));
    expectClose(r.response, withPlan - zero, { rel: 1e-9 });
  });

  it("plan(model, { controls }) moves the prediction by β_price · Δprice per period and leaves the response alone", () => {
    const base = plan(model, { spend: { tv: 900 }, periods: K });
    const dear = plan(model, { spend: { tv: 900 }, periods: K, controls: { price: model.controlDefaults.price + 1 } });
    const beta = model.coefficients[model.terms.indexOf("price")];
    expect(dear.response).toBe(base.response);
    expectClose(dear.predicted - base.predicted, K * beta, { rel: 1e-9 });
    expect(() => plan(model, { spend: {}, periods: K, controls: { weather: 1 } })).toThrow(/weather/);
  });

  it("planScenarios(model, list, { periods }) answers each scenario as plan() does, in order", () => {
    const list = [{ tv: 1000 }, { radio: [100, 200, 300, 400] }, {}];
    const batch = planScenarios(model, list, { periods: K });
    expect(batch).toEqual(list.map((spend) => plan(model, { spend, periods: K })));
    expect(() => planScenarios(model, [{ tv: 1 }, { cinema: 1 }], { periods: K })).toThrow(/scenario 2.*"cinema"/);
  });
});

describe("plan on a fitted model with bootstrap draws", () => {
  let model: FittedModel;
  beforeAll(async () => { model = (await fitWeekly()).model; }, 120_000);

  it("plan(model, …) intervals bracket the point response, in total and per channel", () => {
    expect(model.draws.length).toBeGreaterThan(0);
    const current = recentSpend(model, 13).perPeriod;
    for (const factor of [0.5, 1, 1.3, 2]) {
      const r = plan(model, { spend: Object.fromEntries(Object.entries(current).map(([c, v]) => [c, factor * v])), periods: 13 });
      expect(r.response_low!).toBeLessThanOrEqual(r.response);
      expect(r.response_high!).toBeGreaterThanOrEqual(r.response);
      for (const ch of r.channels) {
        expect(ch.response_low!, `${ch.name} × ${factor}`).toBeLessThanOrEqual(ch.response);
        expect(ch.response_high!, `${ch.name} × ${factor}`).toBeGreaterThanOrEqual(ch.response);
      }
    }
  });
});
