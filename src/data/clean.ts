/**
 * clean(dataset) repairs what `validate` finds and reports every value it alters, fills or drops,
 * once, with before and after. Nothing changes silently and no row disappears unreported.
 *
 * What it does, in order:
 * 1. Records with an invalid date cannot be placed: they are dropped, each cell reported as
 *    `invalid_date` (after = null; `date_text` keeps the text).
 * 2. A repeated date keeps its first record; each cell of the later one is reported as
 *    `duplicate_date` (before = the dropped value, after = the value kept for that date).
 *    Weekly dates off the grid are dropped likewise as `off_grid`.
 * 3. Every series is laid on the full date grid; holes are `missing` (no row, or an empty cell) or
 *    `non_numeric`; spend and target values are checked for `negative`, `outlier` (above
 *    outlierFactor × the series' 95th percentile) and `zero_target`.
 * 4. Each flagged cell is repaired by the strategy of its kind: `interpolate` (default: linear in
 *    time between the nearest good values of the same series, the nearest good value at the ends —
 *    as the reference pipeline that inspired mixlab does), `zero`, `drop` (the whole date goes) or
 *    `keep` (left as it is, listed under `kept`). Filled values are rounded to the decimals the
 *    series uses (at least 2, at most 6).
 */
import { type Assembled, assemble, type GridAnchor, HOLE_GAP, HOLE_EMPTY, HOLE_NON_NUMERIC, type GridSeries } from "./assemble";
import { DataError, STRUCTURAL_KINDS, type Issue } from "./issue";
import { formatDay } from "./parse-date";
import type { Dataset, InputFormat } from "./source";
import { makeTable, type Table } from "./table";
import { checkValues, FLAG_NEGATIVE, FLAG_OUTLIER, FLAG_ZERO_TARGET, type ValueCheckOptions } from "./value-checks";

export type Strategy = "interpolate" | "zero" | "drop" | "keep";
export type RepairKind = "missing" | "non_numeric" | "negative" | "outlier" | "zero_target";
export type ChangeKind = RepairKind | "invalid_date" | "duplicate_date" | "off_grid" | "invalid_group";
export const REPAIR_KINDS: readonly RepairKind[] = ["missing", "non_numeric", "negative", "outlier", "zero_target"];

export interface CleanOptions extends ValueCheckOptions {
  /** Strategy per kind; every kind defaults to "interpolate". */
  strategies?: Partial<Record<RepairKind, Strategy>>;
}

/** One altered, filled or dropped value. */
export interface Change {
  /** Channel name or target name (or control name). */
  column: string;
  /** ISO date of the cell; null for a record whose date is invalid. */
  date: string | null;
  kind: ChangeKind;
  /** The value as read: a number, the raw text of a non-number, or null when there was none. */
  before: number | string | null;
  /** The value in the cleaned table, or null when the value was dropped. */
  after: number | null;
  file: string;
  /** Line in `file`, when the cell was on one. */
  row: number | null;
  /** The date text of an invalid-date record. */
  date_text?: string;
  /** Panels: the group of the cell. */
  group?: string;
}

export interface CleanReport {
  input: string;
  format: InputFormat;
  frequency: string;
  rows_in: number;
  rows_out: number;
  changes: Change[];
  /** Count of changes per kind. */
  summary: Record<string, number>;
  /** Dates removed by the `drop` strategy, with the kind that caused it. */
  dropped_rows: { date: string; kind: ChangeKind; column: string }[];
  /** Flagged values left unchanged by the `keep` strategy (not counted as changes). */
  kept: Change[];
  /** Warnings that need no repair (ignored columns, ragged rows that were read as best they could). */
  notes: Issue[];
  options: { outlier_factor: number; strategies: Record<RepairKind, Strategy> };
}

/**
 * clean(dataset, options, anchor) → the cleaned Table and the report described in the module
 * comment; `anchor` lays the dates on a panel's shared grid (one group of a panel: clean-panel.ts).
 */
export function clean(dataset: Dataset, options: CleanOptions = {}, anchor?: GridAnchor): { table: Table; report: CleanReport } {
  const assembled = assemble(dataset, anchor);
  const fatal = assembled.issues.filter((i) => STRUCTURAL_KINDS.has(i.kind));
  if (fatal.length > 0) {
    throw new DataError(`cannot clean ${dataset.input}: ${fatal.map((i) => i.message).join("; ")}`, fatal);
  }
  const { strategies } = resolvedCleanOptions(options);
  const n = assembled.days.length;
  const dates = assembled.days.map(formatDay);
  const kinds = assembled.series.map((s) => repairKinds(s, n, options));
  const plan: RepairPlan = { days: assembled.days, dates, kinds, strategies, ...rowsToDrop(assembled.series, kinds, strategies, dates) };
  const changes: Change[] = [];
  const kept: Change[] = [];
  const repaired = assembled.series.map((s, k) => repairSeries(s, k, plan, changes, kept));
  reportSetAside(assembled, repaired, plan, changes);
  changes.sort(byDateThenColumn);
  const keepIdx: number[] = [];
  for (let i = 0; i < n; i++) if (!plan.dropRow[i]) keepIdx.push(i);
  const table = cleanedTable(dataset, assembled, repaired, keepIdx);
  const summary: Record<string, number> = {};
  for (const c of changes) summary[c.kind] = (summary[c.kind] ?? 0) + 1;
  const notes = assembled.issues.filter((i) => i.kind === "ignored_column" || i.kind === "ragged_row");
  return {
    table,
    report: {
      input: dataset.input, format: dataset.format, frequency: assembled.frequency!,
      rows_in: n, rows_out: keepIdx.length, changes, summary, dropped_rows: plan.dropped_rows, kept, notes,
      options: resolvedCleanOptions(options),
    },
  };
}

/** resolvedCleanOptions(options) → the outlier factor and the strategy of every kind (default interpolate), as the report lists them. */
export function resolvedCleanOptions(options: CleanOptions): CleanReport["options"] {
  return {
    outlier_factor: options.outlierFactor ?? 20,
    strategies: {
      missing: "interpolate", non_numeric: "interpolate", negative: "interpolate", outlier: "interpolate", zero_target: "interpolate",
      ...options.strategies,
    },
  };
}

/** What clean() decided before repairing: the grid (day numbers, ISO dates), each cell's repair kind, the strategies and the dates to drop. */
interface RepairPlan {
  days: number[];
  dates: string[];
  /** Kind of repair per series and grid period (null = fine). */
  kinds: (RepairKind | null)[][];
  strategies: Record<RepairKind, Strategy>;
  /** 1 per grid period the `drop` strategy removes. */
  dropRow: Uint8Array;
  dropped_rows: CleanReport["dropped_rows"];
}

/** The kind of repair each of the n grid cells of `s` needs (null = fine): holes first, then value checks. */
function repairKinds(s: GridSeries, n: number, options: CleanOptions): (RepairKind | null)[] {
  const { flags } = checkValues(s, options);
  const out: (RepairKind | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const hole = s.hole[i];
    if (hole === HOLE_GAP || hole === HOLE_EMPTY) out[i] = "missing";
    else if (hole === HOLE_NON_NUMERIC) out[i] = "non_numeric";
    else if (flags[i] === FLAG_NEGATIVE) out[i] = "negative";
    else if (flags[i] === FLAG_OUTLIER) out[i] = "outlier";
    else if (flags[i] === FLAG_ZERO_TARGET) out[i] = "zero_target";
  }
  return out;
}

/** The grid periods whose flagged cell's strategy is `drop`, each listed once with the first kind and column that caused it. */
function rowsToDrop(
  series: GridSeries[], kinds: (RepairKind | null)[][], strategies: Record<RepairKind, Strategy>, dates: string[],
): { dropRow: Uint8Array; dropped_rows: CleanReport["dropped_rows"] } {
  const n = dates.length;
  const dropRow = new Uint8Array(n);
  const dropped_rows: CleanReport["dropped_rows"] = [];
  series.forEach((s, k) => {
    for (let i = 0; i < n; i++) {
      const kind = kinds[k][i];
      if (kind !== null && strategies[kind] === "drop" && !dropRow[i]) {
        dropRow[i] = 1;
        dropped_rows.push({ date: dates[i], kind, column: s.name });
      }
    }
  });
  return { dropRow, dropped_rows };
}

/**
 * repairSeries(s, k, plan, changes, kept) → the values of series s (index k) with each flagged cell
 * repaired by its strategy; every change goes to `changes`, every `keep` to `kept`.
 */
function repairSeries(s: GridSeries, k: number, plan: RepairPlan, changes: Change[], kept: Change[]): Float64Array {
  const { dates, kinds, strategies, dropRow } = plan;
  const values = Float64Array.from(s.values);
  const good = (i: number): boolean => !dropRow[i] && (kinds[k][i] === null || (strategies[kinds[k][i] as RepairKind] === "keep" && !Number.isNaN(s.values[i])));
  let decimals = -1; // decimalsOf reads every value as text: only when a value is filled
  const rounded = (x: number): number => {
    if (decimals < 0) decimals = Math.max(2, decimalsOf(s.values));
    return roundTo(x, decimals);
  };
  for (let i = 0; i < values.length; i++) {
    const kind = kinds[k][i];
    const before = beforeValue(s, i);
    if (dropRow[i]) {
      changes.push(change(s, dates[i], kind ?? plan.dropped_rows.find((d) => d.date === dates[i])!.kind, before, null, i));
      continue;
    }
    if (kind === null) continue;
    const strategy = strategies[kind];
    if (strategy === "keep") {
      kept.push(change(s, dates[i], kind, before, Number.isNaN(s.values[i]) ? null : s.values[i], i));
      continue;
    }
    const after = strategy === "zero" ? 0 : rounded(interpolateAt(plan.days, s.values, good, i));
    values[i] = after;
    changes.push(change(s, dates[i], kind, before, after, i));
  }
  return values;
}

/**
 * Reports each cell of the records set aside (invalid, repeated, off-grid dates) once in `changes`;
 * a repeated date's `after` is the value kept for that date.
 */
function reportSetAside(assembled: Assembled, repaired: Float64Array[], plan: RepairPlan, changes: Change[]): void {
  const finalValue = new Map<string, Float64Array>();
  assembled.series.forEach((s, k) => { finalValue.set(`${s.file}\u0000${s.name}`, repaired[k]); });
  for (const rec of assembled.setAside) {
    for (const cell of rec.cells) {
      let after: number | null = null;
      if (rec.kind === "duplicate_date" && rec.date !== null) {
        const at = plan.dates.indexOf(rec.date);
        const col = finalValue.get(`${rec.file}\u0000${cell.name}`);
        if (at >= 0 && col !== undefined && !plan.dropRow[at]) after = Number.isNaN(col[at]) ? null : col[at];
      }
      const entry: Change = { column: cell.name, date: rec.date, kind: rec.kind, before: cell.value, after, file: rec.file, row: rec.line };
      if (rec.kind === "invalid_date") entry.date_text = rec.dateText;
      changes.push(entry);
    }
  }
}

/** The cleaned Table: the repaired series at the kept grid periods `keepIdx`. */
function cleanedTable(dataset: Dataset, assembled: Assembled, repaired: Float64Array[], keepIdx: number[]): Table {
  const columns: Record<string, Float64Array> = {};
  // A panel group whose every date is off the shared grid has no series: its table is empty.
  for (const name of [dataset.target, ...dataset.channels, ...dataset.controls]) columns[name] = new Float64Array(0);
  assembled.series.forEach((s, k) => {
    const kept = new Float64Array(keepIdx.length);
    for (let j = 0; j < keepIdx.length; j++) kept[j] = repaired[k][keepIdx[j]];
    columns[s.name] = kept;
  });
  return makeTable({
    days: Int32Array.from(keepIdx, (i) => assembled.days[i]),
    frequency: assembled.frequency!,
    target: dataset.target, channels: [...dataset.channels], controls: [...dataset.controls], columns,
  });
}

/** The Change of cell i of series s (row = its file line, null when it had none). */
function change(s: GridSeries, date: string, kind: ChangeKind, before: number | string | null, after: number | null, i: number): Change {
  return { column: s.name, date, kind, before, after, file: s.file, row: s.lines[i] || null };
}

/** The value of cell i of s as read: the number, the raw text of a non-number, or null. */
function beforeValue(s: GridSeries, i: number): number | string | null {
  if (s.hole[i] === HOLE_NON_NUMERIC) return s.raw.get(i) ?? null;
  const v = s.values[i];
  return Number.isNaN(v) ? null : v;
}

/** Orders changes by date (invalid dates last), then column, then kind. */
function byDateThenColumn(a: Change, b: Change): number {
  const da = a.date ?? "~", db = b.date ?? "~";
  if (da !== db) return da < db ? -1 : 1;
  if (a.column !== b.column) return a.column < b.column ? -1 : 1;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

/**
 * interpolateAt(days, values, good, i) → the value at position i linearly interpolated in time
 * between the nearest good positions before and after it; the nearest good value when only one side
 * has one; 0 when the series has no good value at all.
 */
export function interpolateAt(days: readonly number[], values: Float64Array, good: (i: number) => boolean, i: number): number {
  let lo = i - 1;
  while (lo >= 0 && !good(lo)) lo--;
  let hi = i + 1;
  while (hi < values.length && !good(hi)) hi++;
  const hasLo = lo >= 0, hasHi = hi < values.length;
  if (hasLo && hasHi) {
    const w = (days[i] - days[lo]) / (days[hi] - days[lo]);
    return values[lo] + w * (values[hi] - values[lo]);
  }
  if (hasLo) return values[lo];
  if (hasHi) return values[hi];
  return 0;
}

/** The number of decimals the series' values are written with (at most 6). */
function decimalsOf(values: Float64Array): number {
  let most = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    const s = String(v);
    if (s.includes("e")) return 6;
    const dot = s.indexOf(".");
    if (dot >= 0) most = Math.max(most, s.length - dot - 1);
    if (most >= 6) return 6;
  }
  return most;
}

/** x rounded to `decimals` decimal places. */
function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
