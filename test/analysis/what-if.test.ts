import { beforeAll, describe, expect, it } from "vitest";
import { whatIf } from "../../src/analysis/what-if";
import { predictTerms } from "../../src/models/predict";
import type { Table } from "../../src/data/table";
import type { FittedModel } from "../../src/models/fitted-model";
import { fixtureInput, fixtureModel } from "../artifact/fixture-model";
import { expectClose } from "../helpers/expect-close";
import { fitWeekly } from "../helpers/fitted-models";
import { syntheticModel } from "../helpers/synthetic-model";

describe("whatIf by hand", () => {
  // One linear channel with geometric decay 0.5, β = 2, intercept 10; four weeks of input.
  const model = syntheticModel([
    { name: "tv", transform: { adstock: { type: "geometric", decay: 0.5 }, saturation: { type: "none" } }, coefficient: 2, history: [0, 0, 0, 0] },
    { name: "radio", transform: { adstock: { type: "none" }, saturation: { type: "none" } }, coefficient: 1, history: [0, 0, 0, 0] },
  ], { intercept: 10 });
  const input = { days: Int32Array.from(model.history.dates.map((_, i) => 19723 + 7 * i)), columns: { tv: Float64Array.from([100, 0, 0, 0]), radio: Float64Array.from([5, 5, 5, 5]) } };

  it("whatIf(model, input, { scale: { tv: 1.5 } }) carries the extra spend into later weeks: 2·(150, 75, 37.5, 18.75) against 2·(100, 50, 25, 12.5)", () => {
    const r = whatIf(model, input, { scale: { tv: 1.5 } });
    expect(r.baseline).toBe(40 + 375 + 20);
    expect(r.scenario).toBe(40 + 562.5 + 20);
    expect(r.change).toBe(187.5);
    expect(r.change_pct).toBe((100 * 187.5) / 435);
    expect(r.channels[0]).toEqual({ name: "tv", baseline: 375, scenario: 562.5, spend_baseline: 100, spend_scenario: 150 });
    expect(r.channels[1]).toMatchObject({ baseline: 20, scenario: 20 });
  });

  it("whatIf(model, input, { scale, from, to }) changes only the window's rows; carry-over after it still counts", () => {
    const r = whatIf(model, { ...input, columns: { ...input.columns, tv: Float64Array.from([100, 100, 0, 0]) } }, { scale: { tv: 0 }, from: "2024-01-08", to: "2024-01-08" });
    // Week 2's 100 removed: its contribution 2·(100, 50, 25) over weeks 2–4 goes.
    expect(r.change).toBe(-350);
    expect([r.from, r.to, r.periods, r.rows]).toEqual(["2024-01-08", "2024-01-08", 1, 4]);
  });

  it("whatIf(model, input, { spend: { radio: 8 } }) replaces spend in the window, then scales it", () => {
    expect(whatIf(model, input, { spend: { radio: 8 } }).change).toBe(12);
    expect(whatIf(model, input, { spend: { radio: [1, 2, 3, 4] }, scale: { radio: 2 } }).change).toBe(0);
  });

  it("whatIf(model, input, …) names unknown channels and refuses bad factors, dates and empty windows", () => {
    expect(() => whatIf(model, input, { scale: { tv: 1, cinema: 2 } })).toThrow(/"cinema"/);
    expect(() => whatIf(model, input, { scale: { tv: -1 } })).toThrow(/scale/);
    expect(() => whatIf(model, input, { scale: { tv: 1 }, from: "2024-13-01" })).toThrow(/ISO date/);
    expect(() => whatIf(model, input, { scale: { tv: 1 }, from: "2025-01-01" })).toThrow(/from \(2025-01-01\) on or before to \(2024-01-22\)/);
    expect(() => whatIf(model, input, { scale: { tv: 1 }, from: "2025-01-01", to: "2025-02-01" })).toThrow(/no period/);
    expect(() => whatIf(model, input, { spend: { tv: [1, 2] } })).toThrow(/4 values/);
  });
});

describe("whatIf on the fixture model (trend, controls, Weibull adstock)", () => {
  const model = fixtureModel();
  const input = fixtureInput();

  it("whatIf(model, input, { scale: { tv: 1, radio: 1 } }) gives zero change exactly", () => {
    const r = whatIf(model, input, { scale: { tv: 1, radio: 1 } });
    expect(r.change).toBe(0);
    expect(r.change_pct).toBe(0);
    for (const c of r.channels) expect(c.scenario).toBe(c.baseline);
  });

  it("whatIf(model, input, …).baseline is Σ predict(model, input); the change is the sum of the channel changes", () => {
    const r = whatIf(model, input, { scale: { tv: 1.3, radio: 0.8 }, from: "2024-03-04", to: "2024-05-27" });
    expectClose(r.baseline, predictTerms(model, input).predicted.reduce((a, b) => a + b, 0), { rel: 1e-15 });
    expectClose(r.change, r.channels.reduce((a, c) => a + c.scenario - c.baseline, 0), { rel: 1e-9 });
  });
});

describe("whatIf on a fitted model", () => {
  let model: FittedModel;
  let table: Table;
  beforeAll(async () => { ({ model, table } = await fitWeekly()); }, 120_000);

  it("whatIf(model, table, { scale: { search: 1.0 } }) gives zero change exactly; +30 % search raises revenue", () => {
    expect(whatIf(model, table, { scale: { search: 1 } }).change).toBe(0);
    const up = whatIf(model, table, { scale: { search: 1.3 } });
    expect(up.change).toBeGreaterThan(0);
    const search = up.channels.find((c) => c.name === "search")!;
    expectClose(up.change, search.scenario - search.baseline, { rel: 1e-9 });
  });
});
