import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clean, type Change } from "../../src/data/clean";
import type { Fault } from "../../src/generate/dirt";
import { generate } from "../../src/generate/generate";
import { loadInput } from "../../src/data/load";
import { writeGenerated } from "../../src/generate/write-generated";

const root = mkdtempSync(join(tmpdir(), "mixlab-clean-gen-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The key a fault and its report entry share: kind, column and the date (or the invalid date text). */
const faultKey = (f: Fault): string => `${f.kind}|${f.column}|${f.kind === "invalid_date" ? f.value : f.date}`;
const changeKey = (c: Change): string => `${c.kind}|${c.column}|${c.kind === "invalid_date" ? c.date_text : c.date}`;

describe.each([
  ["channel-dir", "daily", 365, 7],
  ["channel-dir", "weekly", 156, 8],
  ["wide", "weekly", 208, 9],
  ["wide", "daily", 400, 10],
] as const)("clean on a generated dirty %s %s set", (shape, frequency, periods, seed) => {
  const dir = join(root, `${shape}-${frequency}`);
  const data = generate({ shape, frequency, periods, seed, channels: 6, dirt: true });
  writeGenerated(dir, data);
  const input = shape === "channel-dir" ? dir : join(dir, data.truth.files[0]);
  const { table, report } = clean(loadInput(input));
  const faults = data.truth.dirt!.faults;

  it("clean(dataset) reports exactly the injected faults, each with its kind, column and date", () => {
    expect(faults.length).toBeGreaterThan(10);
    expect(report.changes.map(changeKey).sort()).toEqual(faults.map(faultKey).sort());
  });

  it("clean(dataset) fills every removed row and every value of it is reported as missing with a number", () => {
    for (const dropped of data.truth.dirt!.dropped_rows) {
      const filled = report.changes.filter((c) => c.kind === "missing" && c.date === dropped.date && c.file.endsWith(dropped.file));
      expect(filled.length).toBeGreaterThan(0);
      for (const c of filled) {
        expect(c.before).toBeNull();
        expect(Number.isFinite(c.after)).toBe(true);
      }
    }
    expect(table.dates).toHaveLength(periods);
    for (const name of [...table.channels, table.target]) expect(table.columns[name].every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  it("clean(dataset) puts back the true date grid and leaves clean cells as generated", () => {
    expect(table.dates[0]).toBe(data.truth.start);
    expect(table.dates[table.dates.length - 1]).toBe(data.truth.end);
    const touched = new Set(report.changes.map((c) => `${c.column}|${c.date}`));
    const ch = data.truth.channels[0].name;
    data.series.dates.forEach((date, i) => {
      if (!touched.has(`${ch}|${date}`)) expect(table.columns[ch][i]).toBeCloseTo(data.series.spend[0][i], 2);
    });
  });
});
