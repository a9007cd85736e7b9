import { describe, expect, it } from "vitest";
import { cleaningChanges, type CleaningChange } from "../../../src/report/charts/cleaning-changes";

const dates = ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05"];
// as read: 10, a refund of -40, "n/a", no row, 14; cleaned by linear interpolation between 10 and 14
const before = Float64Array.of(10, -40, NaN, NaN, 14);
const after = Float64Array.of(10, 11, 12, 13, 14);
const changes: CleaningChange[] = [
  { date: "2024-03-02", kind: "negative", before: -40, after: 11 },
  { date: "2024-03-03", kind: "non_numeric", before: "n/a", after: 12 },
  { date: "2024-03-04", kind: "missing", before: null, after: 13 },
];

describe("cleaningChanges", () => {
  it("cleaningChanges(dates, before, after, changes) draws the values as read, the cleaned line and one marker trace per kind", () => {
    const fig = cleaningChanges(dates, before, after, changes, { name: "tv", yTitle: "spend per day" });
    expect(fig.data.map((t) => [t.name, t.mode])).toEqual([
      ["tv as read", "lines+markers"], ["tv cleaned", "lines"], ["changed: negative", "markers"], ["changed: non_numeric", "markers"], ["changed: missing", "markers"],
    ]);
    expect(fig.data[0].y).toEqual([10, -40, null, null, 14]); // raw values where present, gaps elsewhere
    expect(fig.data[1].y).toEqual([10, 11, 12, 13, 14]);
    expect(fig.data.slice(2).map((t) => [t.x, t.y])).toEqual([[["2024-03-02"], [11]], [["2024-03-03"], [12]], [["2024-03-04"], [13]]]);
    expect((fig.layout.yaxis as { title: { text: string } }).title.text).toBe("spend per day");
  });

  it("cleaningChanges(…) hover shows the kind and the value before and after", () => {
    const fig = cleaningChanges(dates, before, after, changes);
    expect(fig.data.slice(2).map((t) => t.hovertext)).toEqual([
      ["2024-03-02 · negative: -40 → 11"],
      ['2024-03-03 · non_numeric: "n/a" → 12'],
      ["2024-03-04 · missing: no value → 13"],
    ]);
    for (const t of fig.data.slice(2)) expect(t.hovertemplate).toBe("%{hovertext}<extra></extra>");
  });

  it("cleaningChanges(…) on a window leaves out the changes outside it and those without a date", () => {
    const fig = cleaningChanges(dates.slice(1, 3), before.subarray(1, 3), after.subarray(1, 3), [
      ...changes,
      { date: "2024-02-20", kind: "outlier", before: 900, after: 12 },
      { date: null, kind: "invalid_date", before: 5, after: null },
    ]);
    expect(fig.data.map((t) => t.name)).toEqual(["as read", "cleaned", "changed: negative", "changed: non_numeric"]);
    expect(fig.data[0].x).toEqual(["2024-03-02", "2024-03-03"]);
    expect(fig.data[0].y).toEqual([-40, null]);
  });

  it("cleaningChanges(…) puts several changes of one kind on one date on one marker, and escapes raw text", () => {
    const fig = cleaningChanges(dates, before, after, [
      { date: "2024-03-03", kind: "duplicate_date", before: 7, after: 12 },
      { date: "2024-03-03", kind: "duplicate_date", before: "<b>", after: 12 },
      { date: "2024-03-05", kind: "duplicate_date", before: 15, after: null },
    ]);
    const marks = fig.data[2];
    expect([marks.x, marks.y]).toEqual([["2024-03-03", "2024-03-05"], [12, 14]]);
    expect(marks.hovertext).toEqual([
      '2024-03-03 · duplicate_date: 7 → 12<br>2024-03-03 · duplicate_date: "&lt;b&gt;" → 12',
      "2024-03-05 · duplicate_date: 15 → dropped",
    ]);
  });

  it("cleaningChanges(dates, before, after, changes) requires one value per date", () => {
    expect(() => cleaningChanges(dates, [1, 2], after, [])).toThrow("cleaningChanges requires before to have 5 values, not 2");
    expect(() => cleaningChanges(dates, before, [1], [])).toThrow("cleaningChanges requires after to have 5 values, not 1");
  });

  it("cleaningChanges(…) is plain JSON (no typed arrays)", () => {
    const fig = cleaningChanges(dates, before, after, changes);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });
});
