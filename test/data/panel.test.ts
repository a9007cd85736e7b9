import { describe, expect, it } from "vitest";
import { cleanPanel } from "../../src/data/clean-panel";
import { DataError } from "../../src/data/issue";
import { toPanel, toTable } from "../../src/data/load";
import { wideFromText } from "../../src/data/load-wide";
import { panelRows, stackPanel } from "../../src/data/panel";
import { validate } from "../../src/data/validate";
import { panelToWideCsv } from "../../src/data/write-wide";
import { generate } from "../../src/generate/generate";

const data = generate({ seed: 7, groups: 40, periods: 60 });
const text = data.files[0].content;
const lines = text.trimEnd().split("\n");
const ROLES = { group: "geo", population: "population" };

/** The file with line `line` (1 = header) replaced by `edit(cells)`, or removed when edit returns null. */
function editLine(line: number, edit: (cells: string[]) => string[] | null): string {
  const out = [...lines];
  const cells = edit(out[line - 1].split(","));
  if (cells === null) out.splice(line - 1, 1);
  else out[line - 1] = cells.join(",");
  return `${out.join("\n")}\n`;
}

/** The line (1 = header) of group g's period t in the generated file (group-major, 60 periods each). */
const lineOf = (g: number, t: number) => 2 + 60 * g + t;

describe("a panel file read without --group", () => {
  it("loading it throws one DataError that names the group column and the flag --group", () => {
    let error: unknown;
    try { wideFromText(text, "panel.csv"); } catch (err) { error = err; }
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toBe('panel.csv has several rows per date, told apart by column "geo": read it as a panel with --group geo');
  });

  it("a numeric group code is named when no text column tells the rows apart", () => {
    const coded = text.replace(/,Geo(\d+),/g, ",$1,");
    expect(() => wideFromText(coded, "coded.csv")).toThrow('told apart by column "geo"');
  });

  it("a file with one stray repeated date is not a panel: it keeps its duplicate_date error", () => {
    const national = "date,tv_spend,revenue\n2024-01-01,1,10\n2024-01-08,2,11\n2024-01-08,3,12\n2024-01-15,4,13\n";
    const report = validate(wideFromText(national, "n.csv"));
    expect(report.issues.map((i) => i.kind)).toEqual(["duplicate_date"]);
  });
});

describe("validate and clean of a clean panel", () => {
  const dataset = wideFromText(text, "panel.csv", ROLES);

  it("validate(panel) is ok with no issue, counting group × date rows and groups", () => {
    const report = validate(dataset);
    expect(report).toMatchObject({ ok: true, rows: 40 * 60, groups: 40, group: "geo", frequency: "weekly", issues: [] });
    expect(report.controls).toEqual(["price", "promo"]);
  });

  it("cleanPanel(panel) changes nothing and keeps every row; written and read back, every value is the same", () => {
    const { panel, report } = cleanPanel(dataset);
    expect(report.changes).toEqual([]);
    expect(report.kept).toEqual([]);
    expect([report.rows_in, report.rows_out]).toEqual([2400, 2400]);
    expect(report.groups).toHaveLength(40);
    const again = toPanel(wideFromText(panelToWideCsv(panel), "again.csv", ROLES));
    const original = toPanel(dataset);
    expect(panelRows(again)).toBe(2400);
    expect(again.groups.map((g) => [g.name, g.population])).toEqual(original.groups.map((g) => [g.name, g.population]));
    again.groups.forEach((g, k) => {
      expect(g.table.dates).toEqual(original.groups[k].table.dates);
      for (const name of ["revenue", "tv", "price", "promo"]) expect(Array.from(g.table.columns[name])).toEqual(Array.from(original.groups[k].table.columns[name]));
    });
  });

  it("toPanel(panel) has one Table per group in file order with its population; stackPanel stacks them group-major", () => {
    const panel = toPanel(dataset);
    expect(panel.groups.map((g) => g.name).slice(0, 3)).toEqual(["Geo0", "Geo1", "Geo2"]);
    expect(panel.groups.map((g) => g.population)).toEqual(data.truth.groups!.map((g) => g.population));
    const stacked = stackPanel(panel);
    expect(Array.from(stacked.offsets.subarray(0, 3))).toEqual([0, 60, 120]);
    expect(stacked.offsets[40]).toBe(2400);
    expect(stacked.groupOf[60]).toBe(1);
    // Row 61 of the stack is Geo1's first week: line lineOf(1, 0) of the file.
    const cells = lines[lineOf(1, 0) - 1].split(",");
    expect(stacked.columns.revenue[60]).toBe(Number(cells[7]));
    expect(stacked.days[60]).toBe(stacked.days[0]);
  });

  it("toTable refuses a panel dataset rather than reading one group", () => {
    expect(() => toTable(dataset)).toThrow("is a panel");
  });
});

describe("dirt in a panel is found per group", () => {
  // Geo3 repeats its week 10 (a second row with another revenue); Geo7 lacks its week 20; Geo5's week 30 revenue is 500 × its usual.
  const duplicate = lines[lineOf(3, 10) - 1].split(",");
  duplicate[7] = "12345.67";
  let dirty = editLine(lineOf(7, 20), () => null);
  dirty = dirty.replace(`${lines[lineOf(3, 10) - 1]}\n`, `${lines[lineOf(3, 10) - 1]}\n${duplicate.join(",")}\n`);
  const outlierLine = lines[lineOf(5, 30) - 1].split(",");
  const outlier = Math.round(Number(outlierLine[7]) * 500);
  dirty = dirty.replace(lines[lineOf(5, 30) - 1], [...outlierLine.slice(0, 7), String(outlier), ...outlierLine.slice(8)].join(","));
  const dataset = wideFromText(dirty, "dirty.csv", ROLES);
  const date = (t: number) => data.series.dates[t];

  it("validate names the group of each problem: a duplicate in Geo3, a gap in Geo7, an outlier in Geo5, nothing else", () => {
    const report = validate(dataset);
    expect(report.ok).toBe(false);
    const found = report.issues.filter((i) => i.column !== "price").map((i) => [i.group, i.kind, i.date, i.column]);
    expect(found).toEqual([
      ["Geo3", "duplicate_date", date(10), "date"],
      ["Geo5", "outlier", date(30), "revenue"],
      ...["revenue", "tv_spend", "radio_spend", "social_media_spend", "search_spend", "outdoor_spend", "promo"].map((c) => ["Geo7", "missing", date(20), c]),
    ]);
    expect(report.issues.find((i) => i.kind === "duplicate_date")!.message).toBe(`date ${date(10)} already appears on line ${lineOf(3, 10)}`);
  });

  it("cleanPanel repairs each group from its own series and names the group on every change", () => {
    const { panel, report } = cleanPanel(dataset);
    expect(report.rows_out).toBe(2400);
    // 8 series: revenue, five channels, price, promo.
    expect(report.summary).toEqual({ duplicate_date: 8, missing: 8, outlier: 1 });
    expect(new Set(report.changes.filter((c) => c.kind === "duplicate_date").map((c) => c.group))).toEqual(new Set(["Geo3"]));
    expect(new Set(report.changes.filter((c) => c.kind === "missing").map((c) => c.group))).toEqual(new Set(["Geo7"]));
    const fixed = report.changes.find((c) => c.kind === "outlier")!;
    expect(fixed).toMatchObject({ group: "Geo5", column: "revenue", date: date(30), before: outlier });
    // The filled revenue is the average of Geo5's own neighbours (weeks 29 and 31).
    const geo5 = panel.groups[5].table.columns.revenue;
    expect(fixed.after).toBeCloseTo((geo5[29] + geo5[31]) / 2, 2);
    // The gap in Geo7 is filled between Geo7's own weeks 19 and 21, not from another group.
    const geo7 = panel.groups[7].table.columns.revenue;
    expect(geo7[20]).toBeCloseTo((geo7[19] + geo7[21]) / 2, 2);
    expect(panel.groups.every((g) => g.table.days.length === 60)).toBe(true);
  });
});

describe("panel-level problems", () => {
  it("a population that changes within a group is an invalid_population error naming the group and line", () => {
    const bad = editLine(lineOf(2, 5), (cells) => [...cells.slice(0, -1), "123"]);
    const report = validate(wideFromText(bad, "pop.csv", ROLES));
    expect(report.issues).toEqual([expect.objectContaining({ kind: "invalid_population", group: "Geo2", row: lineOf(2, 5), value: 123 })]);
    expect(() => cleanPanel(wideFromText(bad, "pop.csv", ROLES))).toThrow("the population of group \"Geo2\" must be the same on every row of the group");
  });

  it("a row with an empty group is an invalid_group error; clean drops it and reports each of its cells", () => {
    const bad = editLine(lineOf(1, 3), (cells) => [cells[0], "", ...cells.slice(2)]);
    const dataset = wideFromText(bad, "g.csv", ROLES);
    expect(validate(dataset).issues.map((i) => [i.kind, i.row])).toEqual([
      ["invalid_group", lineOf(1, 3)], ...Array.from({ length: 8 }, () => ["missing", null]),
    ]);
    const { report } = cleanPanel(dataset);
    expect(report.summary.invalid_group).toBe(8);
    expect(report.rows_in).toBe(2400);
  });

  it("a group column the file lacks is a missing_column error", () => {
    const report = validate(wideFromText(text, "p.csv", { group: "region" }));
    expect(report.issues.filter((i) => i.severity === "error").map((i) => [i.kind, i.column])).toEqual([["missing_column", "region"]]);
  });
});

describe("unbalanced panels and the shared grid", () => {
  const header = "date,region,tv_spend,revenue";
  const rows = (region: string, start: number, count: number, weekday = 0) =>
    Array.from({ length: count }, (_, t) => `${new Date(Date.UTC(2024, 0, 1 + weekday + 7 * (start + t))).toISOString().slice(0, 10)},${region},${10 + t},${100 + t}`);

  it("a group that starts later and ends earlier has no gaps: each group's grid is its own span", () => {
    const csv = [header, ...rows("North", 0, 10), ...rows("South", 3, 5)].join("\n");
    const report = validate(wideFromText(csv, "u.csv", { group: "region" }));
    expect(report).toMatchObject({ ok: true, rows: 15, groups: 2, issues: [], start: "2024-01-01", end: "2024-03-04" });
    const panel = toPanel(wideFromText(csv, "u.csv", { group: "region" }));
    expect(panel.groups.map((g) => [g.name, g.table.dates[0], g.table.dates.length])).toEqual([["North", "2024-01-01", 10], ["South", "2024-01-22", 5]]);
  });

  it("a group whose weekly dates fall on another weekday than the panel's is off the shared grid", () => {
    const csv = [header, ...rows("North", 0, 10), ...rows("South", 0, 10, 2)].join("\n");
    const report = validate(wideFromText(csv, "w.csv", { group: "region" }));
    expect(new Set(report.issues.map((i) => `${i.group} ${i.kind}`))).toEqual(new Set(["South off_grid"]));
    expect(report.issues.filter((i) => i.kind === "off_grid")).toHaveLength(10);
    const { panel, report: cleaning } = cleanPanel(wideFromText(csv, "w.csv", { group: "region" }));
    expect(panel.groups.map((g) => [g.name, g.table.dates.length])).toEqual([["North", 10], ["South", 0]]);
    expect(cleaning.summary).toEqual({ off_grid: 20 });
    expect(new Set(cleaning.changes.map((c) => c.group))).toEqual(new Set(["South"]));
  });

  it("outliers are judged against each group's own series: a group 100 × larger is not one, a spike in the small group is", () => {
    const big = rows("Big", 0, 40).map((line) => line.replace(/,(\d+),(\d+)$/, (_m, tv, rev) => `,${Number(tv) * 100},${Number(rev) * 100}`));
    const csv = [header, ...rows("Small", 0, 40), ...big].join("\n");
    expect(validate(wideFromText(csv, "s.csv", { group: "region" })).issues).toEqual([]);
    // 100,000 is above 20 × Small's own 95th percentile (≈ 138) but below 20 × the pooled one (≈ 13,700): only a per-group check finds it.
    const spiked = csv.replace(/,Small,10,100$/m, ",Small,10,100000");
    expect(validate(wideFromText(spiked, "s.csv", { group: "region" })).issues.map((i) => [i.group, i.kind])).toEqual([["Small", "outlier"]]);
  });

  it("a date repeated in two groups is not a duplicate; repeated within one group it is", () => {
    const csv = [header, ...rows("North", 0, 4), ...rows("South", 0, 4), rows("South", 2, 1)[0]].join("\n");
    const report = validate(wideFromText(csv, "d.csv", { group: "region" }));
    expect(report.issues.map((i) => [i.group, i.kind, i.row])).toEqual([["South", "duplicate_date", 10]]);
    expect(report.issues[0].message).toBe("date 2024-01-15 already appears on line 8");
  });
});
