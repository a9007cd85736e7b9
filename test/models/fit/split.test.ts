import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../../src/data/parse-date";
import { makeTable, type Table } from "../../../src/data/table";
import { holdoutSplit, isConstant, splitIndexOf, splitWindow } from "../../../src/models/fit/split";
import { defaultSpec, type ModelSpec } from "../../../src/spec/model-spec";

/** Ten weeks from Monday 2024-01-01: sales, tv and radio spend, a price fixed at 5 for eight weeks then 6. */
function table(): Table {
  const first = parseIsoDate("2024-01-01");
  return makeTable({
    days: Int32Array.from({ length: 10 }, (_, i) => first + 7 * i),
    frequency: "weekly", target: "sales", channels: ["tv", "radio"], controls: ["price", "promo"],
    columns: {
      sales: Float64Array.from([10, 12, 11, 15, 14, 13, 16, 18, 17, 19]),
      tv: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      radio: Float64Array.from([3, 3, 3, 3, 3, 3, 3, 3, 0, 0]),
      price: Float64Array.from([5, 5, 5, 5, 5, 5, 5, 5, 6, 6]),
      promo: Float64Array.from([0, 1, 0, 1, 0, 0, 1, 0, 0, 1]),
    },
  });
}

function spec(holdout: ModelSpec["holdout"]): ModelSpec {
  return defaultSpec({
    target: "sales", channels: ["tv", "radio"], controls: ["price", "promo"], frequency: "weekly",
    seasonality: 0, holidays: "none", holdout,
  });
}

describe("splitIndexOf", () => {
  it("splitIndexOf(spec, table) with a split date on a period is that period's row", () => {
    expect(splitIndexOf(spec({ splitDate: "2024-02-05" }), table())).toBe(5);
  });

  it("splitIndexOf(spec, table) with a split date between periods is the first row after it", () => {
    expect(splitIndexOf(spec({ splitDate: "2024-02-06" }), table())).toBe(6);
  });

  it("splitIndexOf(spec, table) with a fraction holds out round(fraction · n) rows", () => {
    expect(splitIndexOf(spec({ fraction: 0.2 }), table())).toBe(8);
    expect(splitIndexOf(spec({ fraction: 0.25 }), table())).toBe(7);
    expect(splitIndexOf(spec({ fraction: 0 }), table())).toBe(10);
  });

  it("splitIndexOf(spec, table) refuses a split date leaving fewer than 2 rows or not a date", () => {
    expect(() => splitIndexOf(spec({ splitDate: "2024-01-08" }), table())).toThrow("leaves fewer than 2 periods");
    expect(() => splitIndexOf(spec({ splitDate: "2024-13-01" }), table())).toThrow("fit requires --split-date as YYYY-MM-DD");
  });
});

describe("splitWindow", () => {
  it("splitWindow(table, spec) drops a baseline term constant over the fit window and keeps the trend", () => {
    const w = splitWindow(table(), spec({ fraction: 0.2 }));
    expect(w.k).toBe(8);
    expect(w.n).toBe(10);
    expect(w.fixedNames).toEqual(["trend", "promo"]);
    expect(w.fixed.map((c) => c.length)).toEqual([10, 10]);
    expect(w.fixedK.map((c) => c.length)).toEqual([8, 8]);
    expect(Array.from(w.fixed[1])).toEqual([0, 1, 0, 1, 0, 0, 1, 0, 0, 1]);
    // The trend runs 0 → 1 over the fit window: row 7 (the last fitted) is 1, row 9 is 9/7.
    expect(w.fixed[0][0]).toBe(0);
    expect(w.fixed[0][7]).toBeCloseTo(1, 14);
    expect(w.fixed[0][9]).toBeCloseTo(9 / 7, 14);
  });

  it("splitWindow(table, spec) keeps a term that varies only in the holdout out, and one that varies in the fit window in", () => {
    const w = splitWindow(table(), spec({ fraction: 0 }));
    expect(w.fixedNames).toEqual(["trend", "price", "promo"]);
  });

  it("splitWindow(table, spec) gives each control's fit-window mean and the spend shares over the fit window", () => {
    const w = splitWindow(table(), spec({ fraction: 0.2 }));
    expect(w.controlDefaults).toEqual({ price: 5, promo: 3 / 8 });
    // tv spends 1+…+8 = 36, radio 8 × 3 = 24 in the fit window.
    expect(w.spendTrain).toEqual([36, 24]);
    expect(w.spendShares).toEqual([0.6, 0.4]);
    expect(Array.from(w.yK)).toEqual([10, 12, 11, 15, 14, 13, 16, 18]);
    expect(w.context.trendStart).toBe(parseIsoDate("2024-01-01"));
    expect(w.context.trendEnd).toBe(parseIsoDate("2024-02-19"));
  });

  it("splitWindow(table, spec) names a column the table lacks", () => {
    const s = { ...spec({ fraction: 0.2 }), controls: ["weather"] };
    expect(() => splitWindow(table(), s)).toThrow('fit: the data has no column "weather"');
  });
});

describe("isConstant", () => {
  it("isConstant(x, from, to) looks only at x[from..to)", () => {
    const x = Float64Array.from([2, 2, 2, 3]);
    expect(isConstant(x, 0, 3)).toBe(true);
    expect(isConstant(x, 0, 4)).toBe(false);
    expect(isConstant(x, 3, 4)).toBe(true);
  });
});

describe("holdoutSplit", () => {
  it("holdoutSplit(n) holds out the last 20 % of periods by default, in time order", () => {
    expect(holdoutSplit(156)).toEqual({ splitIndex: 125, train: [0, 125], test: [125, 156] });
    expect(holdoutSplit(10)).toEqual({ splitIndex: 8, train: [0, 8], test: [8, 10] });
  });

  it("holdoutSplit(n, { fraction: 0 }) holds out nothing", () => {
    expect(holdoutSplit(52, { fraction: 0 })).toEqual({ splitIndex: 52, train: [0, 52], test: [52, 52] });
  });

  it("holdoutSplit(n, { splitIndex }) splits at that index", () => {
    expect(holdoutSplit(100, { splitIndex: 90 })).toEqual({ splitIndex: 90, train: [0, 90], test: [90, 100] });
    expect(holdoutSplit(100, { splitIndex: 100 }).test).toEqual([100, 100]);
  });

  it("holdoutSplit ranges slice a series into train and test without reordering", () => {
    const series = [10, 11, 12, 13, 14];
    const split = holdoutSplit(series.length, { fraction: 0.4 });
    expect(series.slice(...split.train)).toEqual([10, 11, 12]);
    expect(series.slice(...split.test)).toEqual([13, 14]);
  });

  it("holdoutSplit rejects a fraction outside [0, 1) with a clear RangeError", () => {
    expect(() => holdoutSplit(10, { fraction: 1 })).toThrow("holdoutSplit requires fraction in [0, 1)");
    expect(() => holdoutSplit(10, { fraction: -0.1 })).toThrow(RangeError);
    expect(() => holdoutSplit(10, { fraction: NaN })).toThrow(RangeError);
  });

  it("holdoutSplit rejects a bad n, a bad splitIndex, both options, or no training period", () => {
    expect(() => holdoutSplit(0)).toThrow("holdoutSplit requires an integer n >= 1");
    expect(() => holdoutSplit(2.5)).toThrow(RangeError);
    expect(() => holdoutSplit(10, { splitIndex: 0 })).toThrow("holdoutSplit requires splitIndex to be an integer in [1, 10]");
    expect(() => holdoutSplit(10, { splitIndex: 11 })).toThrow(RangeError);
    expect(() => holdoutSplit(10, { splitIndex: 4.5 })).toThrow(RangeError);
    expect(() => holdoutSplit(10, { fraction: 0.2, splitIndex: 5 })).toThrow("holdoutSplit requires either fraction or splitIndex, not both");
    expect(() => holdoutSplit(1, { fraction: 0.6 })).toThrow("holdoutSplit leaves no training periods (n = 1, fraction = 0.6)");
  });
});
