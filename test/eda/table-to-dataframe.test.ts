import { describe, expect, it } from "vitest";
import { makeTable } from "../../src/data/table";
import { dataFrameRecords, recordsToDataFrame, tableToDataFrame } from "../../src/eda/table-to-dataframe";

const table = makeTable({
  days: Int32Array.of(18631, 18638), frequency: "weekly", target: "revenue", channels: ["tv"], controls: ["price"],
  columns: { revenue: Float64Array.of(10, 12), tv: Float64Array.of(0, 5), price: Float64Array.of(9, NaN) },
});

describe("tableToDataFrame", () => {
  it("tableToDataFrame(table) has a date column, then the target, channels and controls, one row per period", () => {
    const df = tableToDataFrame(table);
    expect(df.shape).toEqual([2, 4]);
    expect(df.columns).toEqual(["date", "revenue", "tv", "price"]);
    expect(df.date.values).toEqual(["2021-01-04", "2021-01-11"]);
    expect(df.tv.values).toEqual([0, 5]);
  }, 30_000);
});

describe("recordsToDataFrame", () => {
  it("recordsToDataFrame(rows, columns) keeps the column order and writes null and objects as text", () => {
    const df = recordsToDataFrame([{ a: 1, b: null, c: { x: 1 } }, { a: 2, b: "y", c: [1] }], ["c", "a", "b"]);
    expect(df.columns).toEqual(["c", "a", "b"]);
    expect(df.c.values).toEqual(['{"x":1}', "[1]"]);
    expect(df.b.values).toEqual(["", "y"]);
  }, 30_000);
});

describe("dataFrameRecords", () => {
  it("dataFrameRecords(tableToDataFrame(table)) gives back one record per period, NaN kept", () => {
    const rows = dataFrameRecords(tableToDataFrame(table));
    expect(rows.length).toBe(2);
    expect(rows[0]).toEqual({ date: "2021-01-04", revenue: 10, tv: 0, price: 9 });
    expect(rows[1].price).toBeNaN();
  }, 30_000);
});
