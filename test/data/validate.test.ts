import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInput } from "../../src/data/load";
import { wideFromText } from "../../src/data/load-wide";
import { validate } from "../../src/data/validate";

const bad = join(__dirname, "..", "fixtures", "data", "bad");

function errorsOf(path: string) {
  const report = validate(loadInput(path));
  return { report, errors: report.issues.filter((i) => i.severity === "error") };
}

describe("validate errors name file, row and column", () => {
  it("validate(dataset) reports an unparseable date with its file, line and date column", () => {
    const file = join(bad, "invalid-date.csv");
    const { report, errors } = errorsOf(file);
    expect(report.ok).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ file, row: 3, column: "date", kind: "invalid_date", value: "2024-13-08", date: null })]);
    expect(errors[0].message).toContain("2024-13-08");
  });

  it("validate(dataset) reports a non-numeric cell with its file, line, column, date and text", () => {
    const file = join(bad, "non-numeric.csv");
    const { report, errors } = errorsOf(file);
    expect(report.ok).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ file, row: 3, column: "tv_spend", kind: "non_numeric", value: "abc", date: "2024-01-08" })]);
  });

  it("validate(dataset) reports a duplicate date on the line that repeats it and names the first line", () => {
    const file = join(bad, "duplicate-date.csv");
    const { report, errors } = errorsOf(file);
    expect(report.ok).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ file, row: 4, column: "date", kind: "duplicate_date", date: "2024-01-08" })]);
    expect(errors[0].message).toContain("line 3");
  });

  it("validate(dataset) reports a missing target column on the header line", () => {
    const file = join(bad, "missing-column.csv");
    const { report, errors } = errorsOf(file);
    expect(report.ok).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ file, row: 1, column: "revenue", kind: "missing_column" })]);
    expect(errors[0].message).toContain("date, tv_spend");
  });

  it("validate(dataset) reports an empty file", () => {
    const file = join(bad, "empty.csv");
    const { errors } = errorsOf(file);
    expect(errors.map((e) => [e.file, e.kind])).toEqual([[file, "empty_file"]]);
  });

  it("validate(dataset) reports a channel-dir folder without sales_data.csv as a missing file", () => {
    const { errors } = errorsOf(join(__dirname, "..", "fixtures", "data", "bad"));
    expect(errors.map((e) => e.kind)).toEqual(["missing_file", "missing_file"]);
    expect(errors.map((e) => e.file.slice(e.file.lastIndexOf("/") + 1)).sort()).toEqual(["<channel>_spend.csv", "sales_data.csv"]);
  });
});

describe("validate warnings", () => {
  const rows = ["date,tv_spend,revenue"];
  const tv = [10, 12, -4, 11, 13, 9, 10, 12, 11, 10, 12, 11, 13, 9, 10, 11, 12, 10, 11, 12, 9999, 10, 11, 12];
  tv.forEach((v, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10);
    if (i === 5) return; // a gap
    rows.push(`${day},${v},${i === 8 ? 0 : 100 + i}`);
  });
  const report = validate(wideFromText(rows.join("\n"), "w.csv"));

  it("validate(dataset) keeps ok true when there are only warnings", () => {
    expect(report.ok).toBe(true);
    expect(report.rows).toBe(24);
    expect(report.frequency).toBe("weekly");
  });

  it("validate(dataset) warns of negative spend, outliers, zero target and gaps, each on its line", () => {
    const got = report.issues.map((i) => [i.kind, i.column, i.date, i.row, i.value]);
    expect(got).toEqual([
      ["negative", "tv_spend", "2024-01-15", 4, -4],
      ["zero_target", "revenue", "2024-02-26", 9, 0],
      ["outlier", "tv_spend", "2024-05-20", 21, 9999],
      ["missing", "revenue", "2024-02-05", null, null],
      ["missing", "tv_spend", "2024-02-05", null, null],
    ]);
  });
});
