/**
 * The outer join of a Dataset's files onto one regular date grid, shared by `validate`, `clean` and
 * `toTable` so that all three see the same rows: records with invalid dates and repeated dates are
 * set aside (and reported), the frequency is detected from the dates that remain, and every series is
 * laid on the grid from the first to the last date, with the reason for each hole (no row for that
 * date, an empty cell, a cell that is not a number).
 */
import { makeIssue, type Issue } from "./issue";
import { formatDay } from "./parse-date";
import type { Dataset, Role, SourceColumn, SourceFile } from "./source";
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

/**
 * The grid a panel's groups share: its frequency, step (days) and a day on it. Each group's grid runs
 * from its own first to its own last date on these steps.
 */
export interface GridAnchor {
  frequency: Frequency;
  step: number;
  /** A day number on the grid (the panel's first date). */
  start: number;
}

/**
 * assemble(dataset, anchor) lays every series on the detected grid (see the module comment), or,
 * given an anchor (one group of a panel), on the anchor's steps from the first to the last date of
 * this dataset that is on them. O(cells).
 */
export function assemble(dataset: Dataset, anchor?: GridAnchor): Assembled {
  const issues: Issue[] = [...dataset.issues];
  const setAside: SetAside[] = [];
  const cellsOf = recordCells();
  // 1. Invalid and repeated dates, per file.
  const kept = dataset.files.map((f) => keepFirstValidDates(f, cellsOf, issues, setAside));
  // 2. Frequency and grid from the union of kept dates.
  const sorted = keptDays(dataset.files, kept);
  const detected = anchor === undefined ? detectFrequency(sorted) : { ...anchor, reason: "" };
  const result: Assembled = { frequency: detected.frequency, days: [], series: [], setAside, issues };
  if (dataset.files.length === 0 || (anchor !== undefined && sorted.length === 0)) return result;
  if (detected.frequency === null) {
    issues.push(makeIssue({ file: dataset.input, row: null, column: null, date: null, kind: "unknown_frequency", value: detected.step || null, message: `cannot tell the frequency: ${detected.reason}` }));
    return result;
  }
  const step = detected.step;
  const gridStart = anchor === undefined ? sorted[0] : anchor.start;
  dataset.files.forEach((f, k) => { setAsideOffGrid(f, kept[k], gridStart, step, cellsOf, issues, setAside); });
  const onGrid = anchor === undefined ? sorted : sorted.filter((d) => (d - anchor.start) % step === 0);
  if (onGrid.length === 0) return result;
  const grid = makeGrid(dataset.files, kept, onGrid[0], onGrid[onGrid.length - 1], step, detected.frequency);
  result.days = grid.days;
  // 3. Series on the grid, with the reason for each hole.
  dataset.files.forEach((f, k) => { result.series.push(...fileSeries(f, kept[k], grid, issues)); });
  return result;
}

/** The date grid: first day number, step (days), length (periods), day numbers, ISO dates, and which periods any file has a row for. */
interface Grid {
  start: number;
  step: number;
  n: number;
  frequency: Frequency;
  days: number[];
  dates: string[];
  presentAnywhere: Uint8Array;
}

/** makeGrid(files, kept, start, end, step, frequency) → the grid from day `start` to `end` (day numbers) every `step` days. */
function makeGrid(
  files: readonly SourceFile[], kept: readonly Uint8Array[], start: number, end: number, step: number, frequency: Frequency,
): Grid {
  const n = (end - start) / step + 1;
  const days: number[] = [];
  for (let i = 0; i < n; i++) days.push(start + i * step);
  const presentAnywhere = new Uint8Array(n);
  files.forEach((f, k) => { for (let r = 0; r < f.days.length; r++) if (kept[k][r]) presentAnywhere[(f.days[r] - start) / step] = 1; });
  return { start, step, n, frequency, days, dates: days.map(formatDay), presentAnywhere };
}

/** A function giving the series cells of record r of a file (values, raw text of non-numbers, null for empty). */
type CellsOf = (f: SourceFile, r: number) => SetAside["cells"];

/** recordCells() → a CellsOf that indexes each column's non-numeric cells once (not searched per record). */
function recordCells(): CellsOf {
  const badText = new Map<object, Map<number, string>>();
  return (f, r) =>
    f.columns.map((col) => {
      const v = col.values[r];
      if (!Number.isNaN(v)) return { name: col.name, value: v };
      let texts = badText.get(col);
      if (texts === undefined) {
        texts = new Map(col.bad.map((b) => [b.index, b.text]));
        badText.set(col, texts);
      }
      return { name: col.name, value: texts.get(r) ?? null };
    });
}

/**
 * keepFirstValidDates(f, …) → 1 per record of `f` whose date is valid and first seen, 0 otherwise;
 * invalid and repeated dates are reported in `issues` and set aside in `setAside`.
 */
function keepFirstValidDates(f: SourceFile, cellsOf: CellsOf, issues: Issue[], setAside: SetAside[]): Uint8Array {
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
  return keep;
}

/** The distinct day numbers of the kept records of all files, ascending. */
function keptDays(files: readonly SourceFile[], kept: readonly Uint8Array[]): number[] {
  const unique = new Set<number>();
  files.forEach((f, k) => { for (let r = 0; r < f.days.length; r++) if (kept[k][r]) unique.add(f.days[r]); });
  return [...unique].sort((a, b) => a - b);
}

/** Off-grid dates (weekly data with a date on another weekday than day `start`) are un-kept, reported and set aside. */
function setAsideOffGrid(
  f: SourceFile, keep: Uint8Array, start: number, step: number, cellsOf: CellsOf, issues: Issue[], setAside: SetAside[],
): void {
  for (let r = 0; r < f.days.length; r++) {
    if (!keep[r] || (f.days[r] - start) % step === 0) continue;
    keep[r] = 0;
    const date = formatDay(f.days[r]);
    issues.push(makeIssue({
      file: f.path, row: f.lines[r], column: f.dateHeader, date, kind: "off_grid", value: f.dateText[r],
      message: `${date} is not on the weekly grid that starts ${formatDay(start)} (every 7 days)`,
    }));
    setAside.push({ file: f.path, line: f.lines[r], dateText: f.dateText[r], date, kind: "off_grid", cells: cellsOf(f, r) });
  }
}

/** Every column of `f` laid on the grid, each hole reported in `issues` with its reason. */
function fileSeries(f: SourceFile, keep: Uint8Array, grid: Grid, issues: Issue[]): GridSeries[] {
  const rowAt = new Int32Array(grid.n).fill(-1);
  for (let r = 0; r < f.days.length; r++) if (keep[r]) rowAt[(f.days[r] - grid.start) / grid.step] = r;
  return f.columns.map((col) => columnSeries(f, col, rowAt, grid, issues));
}

/** One column of `f` on the grid; rowAt maps a grid period to the file's record (−1: no row). */
function columnSeries(f: SourceFile, col: SourceColumn, rowAt: Int32Array, grid: Grid, issues: Issue[]): GridSeries {
  const n = grid.n;
  const s: GridSeries = {
    name: col.name, role: col.role, file: f.path, header: col.header,
    values: new Float64Array(n), hole: new Uint8Array(n), raw: new Map(), lines: new Int32Array(n),
  };
  const badAt = new Map(col.bad.map((b) => [b.index, b]));
  for (let i = 0; i < n; i++) {
    const r = rowAt[i];
    const date = grid.dates[i];
    if (r < 0) {
      s.values[i] = NaN;
      s.hole[i] = HOLE_GAP;
      issues.push(makeIssue({
        file: f.path, row: null, column: col.header, date, kind: "missing", value: null,
        message: grid.presentAnywhere[i] ? `no row for ${date} in this file (other files have it)` : `no row for ${date}: the ${grid.frequency} dates jump over it`,
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
  return s;
}
