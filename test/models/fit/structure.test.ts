/**
 * The structure step (models/fit/structure.ts) against independent facts: truths with no trend and
 * no season, or a strong season, generated with those structures; a rolling-origin score equal to a
 * hand computation; the holdout never read; fixed parts never searched.
 */
import { describe, expect, it } from "vitest";
import type { Table } from "../../../src/data/table";
import { generate } from "../../../src/generate/generate";
import { generatedTable } from "../../../src/generate/generated-table";
import { FIXED_CRITERION, chooseCandidate, chooseStructure, rollingOriginWmape, structureCandidates } from "../../../src/models/fit/structure";
import { defaultSpec, type ModelSpec, type SpecInput } from "../../../src/spec/model-spec";

function specOf(table: Table, input: Partial<SpecInput> = {}): ModelSpec {
  return defaultSpec({ target: table.target, channels: table.channels, controls: table.controls, frequency: table.frequency, ...input });
}

describe("structureCandidates", () => {
  it("structureCandidates(spec) crosses 3 saturations × 3 trends × Fourier 0–3 × holidays off/on on weekly data", () => {
    const s = defaultSpec({ target: "y", channels: ["tv"], controls: [], frequency: "weekly" });
    expect(s.auto).toEqual(["saturation", "trend", "seasonality", "holidays"]);
    expect(structureCandidates(s).length).toBe(72);
    expect(structureCandidates(s)[0]).toEqual({ saturation: "hill", trend: "none", seasonality: 0, holidays: "none", day_of_week: false });
  });

  it("structureCandidates(spec) adds day-of-week off/on on daily data, and keeps a fixed part's value", () => {
    const daily = defaultSpec({ target: "y", channels: ["tv"], controls: [], frequency: "daily" });
    expect(structureCandidates(daily).length).toBe(144);
    const fixed = defaultSpec({ target: "y", channels: ["tv"], controls: [], frequency: "daily", trend: "damped", holidays: "GB" });
    const candidates = structureCandidates(fixed);
    expect(candidates.length).toBe(3 * 4 * 2);
    for (const c of candidates) expect([c.trend, c.holidays]).toEqual(["damped", "GB"]);
  });
});

describe("rollingOriginWmape", () => {
  it("rollingOriginWmape(y, [x], folds, ≈0, …) equals least squares fitted by hand on each fold's rows before its origin", () => {
    const y = Float64Array.of(3, 5, 4, 8, 9, 7, 12, 10);
    const x = Float64Array.of(1, 2, 1.5, 3, 3.5, 2.5, 4, 5);
    const folds = [{ origin: 5, end: 7 }, { origin: 6, end: 8 }];
    // By hand: slope b = Σ(x − x̄)(y − ȳ)/Σ(x − x̄)², intercept ȳ − b·x̄ on rows [0, origin).
    let absError = 0;
    let absY = 0;
    for (const { origin, end } of folds) {
      const xm = x.slice(0, origin).reduce((a, b) => a + b) / origin;
      const ym = y.slice(0, origin).reduce((a, b) => a + b) / origin;
      let sxy = 0;
      let sxx = 0;
      for (let i = 0; i < origin; i++) { sxy += (x[i] - xm) * (y[i] - ym); sxx += (x[i] - xm) ** 2; }
      const b = sxy / sxx;
      for (let i = origin; i < end; i++) { absError += Math.abs(y[i] - (ym - b * xm) - b * x[i]); absY += Math.abs(y[i]); }
    }
    const score = rollingOriginWmape(y, [x], folds, 1e-10, { mediaFactor: 1, nonNegative: true, mediaScale: "sd" }, () => []);
    expect(score).toBeCloseTo((100 * absError) / absY, 6);
  });
});

describe("chooseCandidate", () => {
  it("chooseCandidate(scored) takes the best evidence among the scores within 1.1 × the lowest", () => {
    const scored = [
      { score: 1.0, evidence: 120 },
      { score: 1.12, evidence: 90 }, // outside 1.1 × 1.0
      { score: 1.09, evidence: 100 },
      { score: 1.05, evidence: 104 },
    ];
    expect(chooseCandidate(scored)).toBe(2);
  });

  it("chooseCandidate(scored) breaks an evidence tie by the lower score, skips non-finite figures, and is −1 when nothing is finite", () => {
    expect(chooseCandidate([{ score: 1.05, evidence: 7 }, { score: 1.0, evidence: 7 }, { score: NaN, evidence: 1 }])).toBe(1);
    expect(chooseCandidate([{ score: 0.5, evidence: NaN }, { score: 2, evidence: 5 }, { score: 2, evidence: 5 }])).toBe(1);
    expect(chooseCandidate([{ score: NaN, evidence: 1 }])).toBe(-1);
  });
});

describe("chooseStructure", () => {
  it("chooseStructure on a truth with no trend and no season chooses trend none and Fourier order 0", async () => {
    const table = generatedTable(generate({ seed: 4, trend: false, seasonal: false, channels: 3 }));
    const { spec, report } = await chooseStructure(table, specOf(table));
    expect([spec.trend, spec.seasonality]).toEqual(["none", 0]);
    expect(report?.chosen.trend).toBe("none");
    expect(report?.candidates.length).toBe(72);
  });

  it("chooseStructure on a strongly seasonal truth chooses a Fourier order ≥ 1", async () => {
    const table = generatedTable(generate({ seed: 3, trend: false, seasonal: true, channels: 3 }));
    const { spec } = await chooseStructure(table, specOf(table));
    expect(spec.seasonality).toBeGreaterThanOrEqual(1);
  });

  it("chooseStructure never reads the holdout: changing the held-out target changes nothing", async () => {
    const table = generatedTable(generate({ seed: 2, periods: 100, channels: 2 }));
    const s = specOf(table, { search: { trials: 200 } });
    const before = await chooseStructure(table, s);
    const y = Float64Array.from(table.columns[table.target]);
    for (let i = 80; i < y.length; i++) y[i] *= 3;
    const after = await chooseStructure({ ...table, columns: { ...table.columns, [table.target]: y } }, s);
    expect(after.report).toEqual(before.report);
  });

  it("chooseStructure searches only the free parts, and with none free returns the spec as given", async () => {
    const table = generatedTable(generate({ seed: 2, periods: 100, channels: 2 }));
    const some = await chooseStructure(table, specOf(table, { saturation: "log", seasonality: 1, holidays: "none", search: { trials: 200 } }));
    expect(some.report?.candidates.map((c) => c.trend)).toEqual(["none", "linear", "damped"]);
    expect([some.spec.saturation, some.spec.seasonality, some.spec.holidays]).toEqual(["log", 1, "none"]);
    const fixed = specOf(table, { saturation: "log", trend: "none", seasonality: 1, holidays: "none" });
    expect(fixed.auto).toEqual([]);
    const none = await chooseStructure(table, fixed);
    expect(none.report).toEqual({ chosen: { saturation: "log", trend: "none", seasonality: 1, holidays: "none", day_of_week: false }, candidates: [], criterion: FIXED_CRITERION });
    expect(none.spec).toBe(fixed);
  });
});
