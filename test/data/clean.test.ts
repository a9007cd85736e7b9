import { describe, expect, it } from "vitest";
import { clean } from "../../src/data/clean";
import { toTable } from "../../src/data/load";
import { wideFromText } from "../../src/data/load-wide";
import { tableToWideCsv } from "../../src/data/write-wide";

/** 24 weekly rows from 2024-01-01 with one fault of each kind (see the expected changes below). */
function dirtyText(): string {
  const tv: (number | string)[] = [10, 12, -4, 11, 13, "GAP", 9, 12, 11, 10, "", 11, "n/a", 9, 10, 11, 12, 10, 11, 12, 9999, 10, 11, 12];
  const lines = ["date,tv_spend,revenue"];
  tv.forEach((v, i) => {
    if (v === "GAP") return;
    const date = new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10);
    lines.push(`${date},${v},${i === 8 ? 0 : 100 + i}`);
    if (i === 14) lines.push(`${date},99,999`); // a repeated date with other values
  });
  lines.push("2024-13-01,5,5"); // an impossible date
  return `${lines.join("\n")}\n`;
}

describe("clean", () => {
  it("clean(dataset) reports every altered, filled and dropped value once with before and after", () => {
    const { report } = clean(wideFromText(dirtyText(), "dirty.csv"));
    const got = report.changes.map((c) => [c.date, c.column, c.kind, c.before, c.after, c.row]);
    expect(got).toEqual([
      ["2024-01-15", "tv", "negative", -4, 11.5, 4],
      ["2024-02-05", "revenue", "missing", null, 105, null],
      ["2024-02-05", "tv", "missing", null, 11, null],
      ["2024-02-26", "revenue", "zero_target", 0, 108, 9],
      ["2024-03-11", "tv", "missing", null, 10.5, 11],
      ["2024-03-25", "tv", "non_numeric", "n/a", 10, 13],
      ["2024-04-08", "revenue", "duplicate_date", 999, 114, 16],
      ["2024-04-08", "tv", "duplicate_date", 99, 10, 16],
      ["2024-05-20", "tv", "outlier", 9999, 11, 22],
      [null, "revenue", "invalid_date", 5, null, 26],
      [null, "tv", "invalid_date", 5, null, 26],
    ]);
    expect(report.changes.filter((c) => c.kind === "invalid_date").map((c) => c.date_text)).toEqual(["2024-13-01", "2024-13-01"]);
    expect(report.summary).toEqual({ negative: 1, missing: 3, zero_target: 1, non_numeric: 1, duplicate_date: 2, outlier: 1, invalid_date: 2 });
    expect(report.rows_in).toBe(24);
    expect(report.rows_out).toBe(24);
  });

  it("clean(dataset) output written as wide CSV reads back with no issue and the repaired values", () => {
    const { table } = clean(wideFromText(dirtyText(), "dirty.csv"));
    const again = wideFromText(tableToWideCsv(table), "clean.csv");
    expect(again.issues).toEqual([]);
    const t = toTable(again);
    expect(t.dates).toHaveLength(24);
    expect(t.columns.tv[2]).toBe(11.5);
    expect(t.columns.tv[20]).toBe(11);
    expect(t.columns.revenue[8]).toBe(108);
  });

  it("clean(dataset, {strategies}) sets to zero, keeps, or drops the row, and reports each", () => {
    const { table, report } = clean(wideFromText(dirtyText(), "dirty.csv"), {
      strategies: { negative: "zero", outlier: "keep", zero_target: "drop" },
    });
    expect(report.changes.find((c) => c.kind === "negative")).toMatchObject({ before: -4, after: 0 });
    expect(report.kept).toEqual([expect.objectContaining({ kind: "outlier", column: "tv", before: 9999, after: 9999 })]);
    expect(report.dropped_rows).toEqual([{ date: "2024-02-26", kind: "zero_target", column: "revenue" }]);
    // Every cell of the dropped date is reported with after = null.
    expect(report.changes.filter((c) => c.date === "2024-02-26").map((c) => [c.column, c.kind, c.before, c.after])).toEqual([
      ["revenue", "zero_target", 0, null],
      ["tv", "zero_target", 11, null],
    ]);
    expect(table.dates).toHaveLength(23);
    expect(table.dates.includes("2024-02-26")).toBe(false);
    expect(table.columns.tv[19]).toBe(9999);
  });

  it("clean(dataset, {outlierFactor}) moves the outlier threshold", () => {
    const { report } = clean(wideFromText(dirtyText(), "dirty.csv"), { outlierFactor: 1000 });
    expect(report.changes.some((c) => c.kind === "outlier")).toBe(false);
  });

  it("clean(dataset) refuses an input with a missing column and names it", () => {
    expect(() => clean(wideFromText("date,tv_spend\n2024-01-01,1\n2024-01-08,2\n", "x.csv"))).toThrow(/no column "revenue"/);
  });
});
