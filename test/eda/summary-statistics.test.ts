import { describe, expect, it } from "vitest";
import { makeTable } from "../../src/data/table";
import { seriesSummary, summaryStatistics } from "../../src/eda/summary-statistics";
import { expectClose } from "../helpers/expect-close";

describe("seriesSummary", () => {
  it("seriesSummary(name, values) matches numpy's mean, std(ddof=1) and quantiles", () => {
    // numpy 1.24 on v = [4, 1, 0, 7.5, 3.25, 0, 10, 2.5]: mean 3.53125, std(ddof=1) 3.5917502199982034,
    // quantile([0.25, 0.5, 0.75]) = [0.75, 2.875, 4.875]
    const s = seriesSummary("v", [4, 1, 0, 7.5, 3.25, 0, 10, 2.5]);
    expect(s.mean).toBe(3.53125);
    expectClose(s.std, 3.5917502199982034, { rel: 1e-14 });
    expect([s.min, s.p25, s.median, s.p75, s.max]).toEqual([0, 0.75, 2.875, 4.875, 10]);
    expect(s.zero_share).toBe(0.25);
    expect(s.count).toBe(8);
    expect(s.missing).toBe(0);
  });

  it("seriesSummary(name, values) skips and counts NaN", () => {
    const s = seriesSummary("x", [1, 2, NaN, 3, 4]);
    expect(s.count).toBe(4);
    expect(s.missing).toBe(1);
    expect(s.median).toBe(2.5);
    expect(s.mean).toBe(2.5);
  });

  it("seriesSummary(name, values) of no value gives NaN statistics, and one value no sd", () => {
    const none = seriesSummary("x", [NaN]);
    expect([none.mean, none.std, none.min, none.median, none.max, none.zero_share].every(Number.isNaN)).toBe(true);
    const one = seriesSummary("x", [7]);
    expect(one.mean).toBe(7);
    expect(one.std).toBeNaN();
  });

  it("seriesSummary(name, values) keeps its digits at a large offset (Welford's update)", () => {
    const s = seriesSummary("x", [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(s.mean).toBe(1e9 + 10);
    expectClose(s.std, Math.sqrt(30), { rel: 1e-12 });
  });
});

describe("summaryStatistics", () => {
  it("summaryStatistics(table) lists the target, then the channels, then the controls, with their roles", () => {
    const table = makeTable({
      days: Int32Array.of(0, 7, 14), frequency: "weekly", target: "revenue", channels: ["tv"], controls: ["price"],
      columns: { revenue: Float64Array.of(10, 12, 11), tv: Float64Array.of(0, 5, 0), price: Float64Array.of(9, 9, 8) },
    });
    const rows = summaryStatistics(table);
    expect(rows.map((r) => [r.name, r.role])).toEqual([["revenue", "target"], ["tv", "channel"], ["price", "control"]]);
    expect(rows[1].zero_share).toBeCloseTo(2 / 3, 15);
  });
});
