import { describe, expect, it } from "vitest";
import { defaultPlanPeriods, futurePeriods } from "../../src/analysis/future-periods";
import { recentControls, recentSpend } from "../../src/analysis/recent-spend";
import { syntheticModel } from "../helpers/synthetic-model";

const model = syntheticModel([
  { name: "tv", transform: { adstock: { type: "none" }, saturation: { type: "none" } }, coefficient: 1, history: [10, 20, 30, 40] },
  { name: "radio", transform: { adstock: { type: "none" }, saturation: { type: "none" } }, coefficient: 1, history: [1, 2, 3, 5] },
]);

describe("recentSpend", () => {
  it("recentSpend(model, K) averages the last K observed periods", () => {
    const r = recentSpend(model, 2);
    expect(r.perPeriod).toEqual({ tv: 35, radio: 4 });
    expect([r.start, r.end, r.periods]).toEqual(["2024-01-15", "2024-01-22", 2]);
  });

  it("recentSpend(model, K) with K beyond the history averages every observed period", () => {
    const r = recentSpend(model, 10);
    expect(r.perPeriod).toEqual({ tv: 25, radio: 2.75 });
    expect(r.periods).toBe(4);
  });

  it("recentSpend(model, 0) is refused", () => {
    expect(() => recentSpend(model, 0)).toThrow(RangeError);
  });
});

describe("recentControls", () => {
  const none = { adstock: { type: "none" }, saturation: { type: "none" } } as const;
  // Price 8, 8, 10, 12: fit-window mean (first two weeks) 8; the last two weeks average 11.
  const withControls = syntheticModel([{ name: "tv", transform: none, coefficient: 1, history: [10, 20, 30, 40] }], {
    controls: [{ name: "price", coefficient: -100, defaultValue: 8, history: [8, 8, 10, 12] }],
  });

  it("recentControls(model, K) averages each control over the window recentSpend(model, K) uses", () => {
    const r = recentControls(withControls, 2);
    expect(r.values).toEqual({ price: 11 });
    expect(r.fitWindowMean).toEqual([]);
    const { perPeriod: _, ...spendWindow } = recentSpend(withControls, 2);
    const { values: _v, fitWindowMean: _f, ...controlWindow } = r;
    expect(controlWindow).toEqual(spendWindow);
    expect(recentControls(withControls, 3).values).toEqual({ price: 10 });
    expect(recentControls(withControls, 10)).toMatchObject({ values: { price: 9.5 }, periods: 4 });
  });

  it("recentControls(model, K) of a model saved without control history gives the fit-window mean and says so", () => {
    const old = syntheticModel([{ name: "tv", transform: none, coefficient: 1, history: [10, 20, 30, 40] }], {
      controls: [{ name: "price", coefficient: -100, defaultValue: 8 }],
    });
    expect(recentControls(old, 2)).toMatchObject({ values: { price: 8 }, fitWindowMean: ["price"] });
  });

  it("recentControls(model, 0) is refused", () => {
    expect(() => recentControls(withControls, 0)).toThrow(new RangeError("recentControls requires periods to be an integer >= 1"));
  });
});

describe("futurePeriods", () => {
  it("futurePeriods(model, K) continues the history one period apart", () => {
    expect(futurePeriods(model, 3).dates).toEqual(["2024-01-29", "2024-02-05", "2024-02-12"]);
  });

  it("defaultPlanPeriods(model) is a quarter: 13 weeks or 91 days", () => {
    expect(defaultPlanPeriods(model)).toBe(13);
    expect(defaultPlanPeriods({ ...model, periodDays: 1 })).toBe(91);
  });
});
