/**
 * The outer join of a Dataset's files onto one regular date grid, shared by `validate`, `clean` and
 * `toTable` so that all three see the same rows: records with invalid dates and repeated dates are
 * set aside (and reported), the frequency is detected from the dates that remain, and every series is
 * laid on the grid from the first to the last date, with the reason for each hole (no row for that
 * date, an empty cell, a cell that is not a number).
 */
import { makeIssue, type Issue } from "./issue";
import { formatDay } from "./parse-date";
import type { Dataset, Role } from "./source";
import type { Frequency } from "./table";

/** Why a grid cell has no value. */
export const HOLE_NONE = 0;
export const HOLE_GAP = 1; // the file has no row for this date
export const HOLE_EMPTY = 2; // the row is there, the cell is empty
export const HOLE_NON_NUMERIC = 3; // the cell is not a number

/** One series laid on the grid. */
export interface GridSeries {
  name: string;
  role: Role;
  file: string;
  header: string;
  /** Value per grid period (NaN in holes). */
  values: Float64Array;
  /** HOLE_* per grid period. */
  hole: Uint8Array;
  /** Raw text of non-numeric cells by grid index. */
  raw: Map<number, string>;
  /** File line per grid period, 0 where the file has no row. */
  lines: Int32Array;
}

/** A record set aside before the grid was built. */
export interface SetAside {
  file: string;
  line: number;
  dateText: string;
  /** The record's ISO date when valid. */
  date: string | null;
  kind: "invalid_date" | "duplicate_date" | "off_grid";
  /** The series values of the record (raw text for non-numbers, null for empty or absent cells). */
  cells: { name: string; value: number | string | null }[];
}

export interface Assembled {
  frequency: Frequency | null;
  /** Day numbers of the grid, ascending. */
  days: number[];
  series: GridSeries[];
  setAside: SetAside[];
  /** Every problem met here: structural ones from loading plus dates, duplicates, holes. */
  issues: Issue[];
}

/**
 * detectFrequency(days) → the grid step of ascending unique day numbers: the most common gap between
 * consecutive dates, 1 → daily, 7 → weekly; null with a reason otherwise.
 */
export function detectFrequency(days: readonly number[]): { frequency: Frequency | null; step: number; reason: string } {
  if (days.length < 2) return { frequency: null, step: 0, reason: `needs at least two distinct valid dates, found ${days.length}` };
  const counts = new Map<number, number>();
  for (let i = 1; i < days.length; i++) {
    const gap = days[i] - days[i - 1];
    counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let step = 0, best = -1;
  for (const [gap, count] of counts) if (count > best || (count === best && gap < step)) { step = gap; best = count; }
  if (step === 1) return { frequency: "daily", step, reason: "" };
  if (step === 7) return { frequency: "weekly", step, reason: "" };
  return { frequency: null, step, reason: `the dates are mostly ${step} days apart; mixlab models daily (1) or weekly (7) data` };
}

/** assemble(dataset) lays every series on the detected grid (see the module comment). O(cells). */
export function assemble(dataset: Dataset): Assembled {
  const issues: Issue[] = [...dataset.issues];
  const setAside: SetAside[] = [];
  const kept: Uint8Array[] = [];
  const cellsOf = (f: (typeof dataset.files)[number], r: number): SetAside["cells"] =>
    f.columns.map((col) => {
      const v = col.values[r];
      if (!Number.isNaN(v)) return { name: col.name, value: v };
      const bad = col.bad.find((b) => b.index === r);
      return { name: col.name, value: bad ? bad.text : null };
    });

  // 1. Invalid and repeated dates, per file.
  for (const f of dataset.files) {
    const keep = new Uint8Array(f.days.length);
    const firstLine = new Map<number, number>();
    for (let r = 0; r < f.days.length; r++) {
      const day = f.days[r];
      if (Number.isNaN(day)) {
        const text = f.dateText[r];
        issues.push(makeIssue({
          file: f.path, row: f.lines[r], column: f.dateHeader, date: null, kind: "invalid_date", value: text,
          message: text === "" ? "the date is empty" : `"${text}" is not a valid date (expected YYYY-MM-DD)`,
        }));
        setAside.push({ file: f.path, line: f.lines[r], dateText: text, date: null, kind: "invalid_date", cells: cellsOf(f, r) });
        continue;
      }
      const first = firstLine.get(day);
      if (first !== undefined) {
        issues.push(makeIssue({
          file: f.path, row: f.lines[r], column: f.dateHeader, date: formatDay(day), kind: "duplicate_date", value: f.dateText[r],
          message: `date ${formatDay(day)} already appears on line ${first}`,
        }));
        setAside.push({
          file: f.path, line: f.lines[r], dateText: f.dateText[r], date: formatDay(day), kind: "duplicate_date",
          cells: cellsOf(f, r).filter((_c, i) => !(f.columns[i].absent?.[r] === 1)),
        });
        continue;
      }
      firstLine.set(day, f.lines[r]);
      keep[r] = 1;
    }
    kept.push(keep);
  }

  // 2. Frequency and grid from the union of kept dates.
  const unique = new Set<number>();
  dataset.files.forEach((f, k) => { for (let r = 0; r < f.days.length; r++) if (kept[k][r]) unique.add(f.days[r]); });
  const sorted = [...unique].sort((a, b) => a - b);
  const detected = detectFrequency(sorted);
  const result: Assembled = { frequency: detected.frequency, days: [], series: [], setAside, issues };
  if (dataset.files.length === 0) return result;
  if (detected.frequency === null) {
    issues.push(makeIssue({ file: dataset.input, row: null, column: null, date: null, kind: "unknown_frequency", value: detected.step || null, message: `cannot tell the frequency: ${detected.reason}` }));
    return result;
  }
  const step = detected.step;
  const start = sorted[0], end = sorted[sorted.length - 1];
  // Off-grid dates (weekly data with a date on another weekday) are set aside.
  dataset.files.forEach((f, k) => {
    for (let r = 0; r < f.days.length; r++) {
      if (!kept[k][r] || (f.days[r] - start) % step === 0) continue;
      kept[k][r] = 0;
      const date = formatDay(f.days[r]);
      issues.push(makeIssue({
        file: f.path, row: f.lines[r], column: f.dateHeader, date, kind: "off_grid", value: f.dateText[r],
        message: `${date} is not on the weekly grid that starts ${formatDay(start)} (every 7 days)`,
      }));
      setAside.push({ file: f.path, line: f.lines[r], dateText: f.dateText[r], date, kind: "off_grid", cells: cellsOf(f, r) });
    }
  });
  const n = (end - start) / step + 1;
  for (let i = 0; i < n; i++) result.days.push(start + i * step);
  const gridDates = result.days.map(formatDay);
  const presentAnywhere = new Uint8Array(n);
  dataset.files.forEach((f, k) => { for (let r = 0; r < f.days.length; r++) if (kept[k][r]) presentAnywhere[(f.days[r] - start) / step] = 1; });

  // 3. Series on the grid, with the reason for each hole.
  dataset.files.forEach((f, k) => {
    const rowAt = new Int32Array(n).fill(-1);
    for (let r = 0; r < f.days.length; r++) if (kept[k][r]) rowAt[(f.days[r] - start) / step] = r;
    for (const col of f.columns) {
      const s: GridSeries = {
        name: col.name, role: col.role, file: f.path, header: col.header,
        values: new Float64Array(n), hole: new Uint8Array(n), raw: new Map(), lines: new Int32Array(n),
      };
      const badAt = new Map(col.bad.map((b) => [b.index, b]));
      for (let i = 0; i < n; i++) {
        const r = rowAt[i];
        const date = gridDates[i];
        if (r < 0) {
          s.values[i] = NaN;
          s.hole[i] = HOLE_GAP;
          issues.push(makeIssue({
            file: f.path, row: null, column: col.header, date, kind: "missing", value: null,
            message: presentAnywhere[i] ? `no row for ${date} in this file (other files have it)` : `no row for ${date}: the ${detected.frequency} dates jump over it`,
          }));
          continue;
        }
        const line = col.cellLines ? col.cellLines[r] : f.lines[r];
        s.lines[i] = line;
        const v = col.values[r];
        s.values[i] = v;
        if (!Number.isNaN(v)) continue;
        const bad = badAt.get(r);
        if (bad !== undefined) {
          s.hole[i] = HOLE_NON_NUMERIC;
          s.raw.set(i, bad.text);
          issues.push(makeIssue({ file: f.path, row: line, column: col.header, date, kind: "non_numeric", value: bad.text, message: bad.reason }));
        } else {
          s.hole[i] = HOLE_EMPTY;
          issues.push(makeIssue({ file: f.path, row: line, column: col.header, date, kind: "missing", value: null, message: "the cell is empty" }));
        }
      }
      result.series.push(s);
    }
  });
  return result;
}
