/**
 * Dirt: recorded faults injected into the rendered sheets (`dirt: true`, wide and channel-dir
 * only). Faults go on interior dates (never the first or last), each injected event on its own date
 * (so never two events on one date in one file), and every affected cell is recorded as a Fault
 * {file, column, date, kind, value}; `column` is the channel name ("tv", written as tv_spend in the
 * wide file and as spend in tv_spend.csv), the target name or, for whole-row faults in the wide
 * file, a control name; `date` is the true ISO date of the cell.
 * Each Fault corresponds to exactly one expected cleaner report entry with the same kind, column and
 * date — the expected report is truth.dirt.faults projected to (kind, column, date):
 *   - negative      a non-zero spend cell written as its negative   → {negative, channel, date}
 *   - outlier       a spend cell written as 50 × the column maximum → {outlier, channel, date}
 *   - zero_target   a target cell written as "0"                    → {zero_target, target, date}
 *   - non_numeric   a spend or target cell written as "n/a"         → {non_numeric, column, date}
 *   - missing (a)   a spend or target cell left empty (value "")    → {missing, column, date}
 *   - missing (b)   a row removed from one file (value null; also in dropped_rows with that file)
 *                   → {missing, column, date} for each column of that file (channel-dir: the one
 *                   column; wide: every channel, target and control column)
 *   - missing (c)   one date removed from every file (value null; dropped_rows once per file)
 *                   → {missing, column, date} for every column of every file
 *   - duplicate_date  a row written twice (identical line right after the original; value = the cell
 *                   text) → {duplicate_date, column, date} for each column of that row
 *   - invalid_date  the row's date text replaced by the same year with month 13 (`2023-13-07`; value
 *                   = that text) → {invalid_date, column, date} for each column of that row (the
 *                   cleaner reports these with date null and date_text = value), AND, recorded as
 *                   separate Faults with value null, {missing, column, date} for each column of that
 *                   row, because the row is lost on load and the cleaner then fills the absent date.
 * Each kind is injected at least twice (missing (c) once); in total about 1 % of the spend and
 * target cells get an event. The truth is computed from the clean data, before dirt.
 */
import type { Random } from "../util/random";
import { centsText } from "./cents-text";
import { shuffle } from "./random-series";
import type { RowState, Sheet } from "./sheets";

export type FaultKind =
  | "negative"
  | "outlier"
  | "zero_target"
  | "missing"
  | "non_numeric"
  | "duplicate_date"
  | "invalid_date";

/** One injected fault on one cell (see the module comment for the expected report entry). */
export interface Fault {
  /** File path relative to the output folder. */
  file: string;
  /** Channel name, target name or (whole-row faults in the wide file) control name. */
  column: string;
  /** True ISO date of the cell. */
  date: string;
  kind: FaultKind;
  /** The text written in the cell (the date text for invalid_date), or null when the row is absent. */
  value: string | null;
}

type EventKind =
  | "negative" | "outlier" | "zero_target" | "missing_cell" | "non_numeric"
  | "missing_row" | "duplicate_date" | "invalid_date" | "missing_date";

const BASE_EVENTS: readonly EventKind[] = [
  "negative", "negative", "outlier", "outlier", "zero_target", "zero_target", "missing_cell", "missing_cell",
  "missing_row", "missing_row", "non_numeric", "non_numeric", "duplicate_date", "duplicate_date",
  "invalid_date", "invalid_date", "missing_date",
];
const EXTRA_EVENTS: readonly EventKind[] = [
  "negative", "outlier", "zero_target", "missing_cell", "non_numeric", "missing_row", "duplicate_date", "invalid_date",
];

/**
 * injectDirt(r, sheets, channels, target, spendCents, n) → the edited state of every row of every
 * sheet, the faults (sorted by date, file, column, kind) and the rows dropped, drawn from the
 * stream r (see the module comment). O(n · columns).
 */
export function injectDirt(
  r: Random,
  sheets: Sheet[],
  channels: string[],
  target: string,
  spendCents: Float64Array[],
  n: number,
): { states: RowState[][]; faults: Fault[]; dropped: Array<{ file: string; date: string }> } {
  const d: Dirt = {
    sheets, channels, target, spendCents,
    states: sheets.map((sheet) =>
      sheet.rows.map((row) => ({ removed: false, duplicate: false, dateText: row.date, cells: [...row.cells] }))),
    faults: [],
    dropped: [],
    columnMax: spendCents.map((col) => col.reduce((m, v) => Math.max(m, v), 0)),
  };
  const events = eventList(n, channels.length);
  const pool = shuffle(r, Array.from({ length: n - 2 }, (_, i) => i + 1));
  for (const kind of events) {
    const needsSpend = kind === "negative";
    const at = pool.findIndex((t) => !needsSpend || spending(d, t).length > 0);
    if (at < 0) continue;
    injectEvent(r, d, kind, pool.splice(at, 1)[0]);
  }
  sortFaults(d.faults);
  d.dropped.sort((x, y) => (x.date !== y.date ? (x.date < y.date ? -1 : 1) : x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  return { states: d.states, faults: d.faults, dropped: d.dropped };
}

/** The sheets being dirtied, their edited row states and what was recorded so far; spend in whole cents. */
interface Dirt {
  sheets: Sheet[];
  channels: string[];
  target: string;
  spendCents: Float64Array[];
  states: RowState[][];
  faults: Fault[];
  dropped: Array<{ file: string; date: string }>;
  /** Largest spend per channel (whole cents). */
  columnMax: number[];
}

/** The events to inject: the base list, then the extras in turn up to ~1 % of the n·(channels + 1) cells (at most n − 2). */
function eventList(n: number, nChannels: number): EventKind[] {
  const cells = n * (nChannels + 1);
  const total = Math.min(n - 2, Math.max(BASE_EVENTS.length, Math.round(0.01 * cells)));
  const events: EventKind[] = [...BASE_EVENTS];
  for (let i = 0; events.length < total; i++) events.push(EXTRA_EVENTS[i % EXTRA_EVENTS.length]);
  return events;
}

/** Indexes of the channels with non-zero spend in period t. */
function spending(d: Dirt, t: number): number[] {
  return d.channels.flatMap((_, c) => (d.spendCents[c][t] > 0 ? [c] : []));
}

/** [sheet index, column index] of the file that has `column`. */
function sheetOf(d: Dirt, column: string): [number, number] {
  for (let s = 0; s < d.sheets.length; s++) {
    const j = d.sheets[s].columns.indexOf(column);
    if (j >= 0) return [s, j];
  }
  throw new Error(`generate: no file has column ${column}`);
}

/** Writes `value` into one cell of period t and records the fault. */
function setCell(d: Dirt, column: string, t: number, kind: FaultKind, value: string): void {
  const [s, j] = sheetOf(d, column);
  d.states[s][t].cells[j] = value;
  d.faults.push({ file: d.sheets[s].path, column, date: d.sheets[s].rows[t].date, kind, value });
}

/** Records one fault per column of sheet s in period t, with the value value(j) for column j. */
function rowFaults(d: Dirt, s: number, t: number, kind: FaultKind, value: (j: number) => string | null): void {
  d.sheets[s].columns.forEach((column, j) => {
    d.faults.push({ file: d.sheets[s].path, column, date: d.sheets[s].rows[t].date, kind, value: value(j) });
  });
}

/** Injects one event of `kind` on period t, drawing its channel, column or file from r. */
function injectEvent(r: Random, d: Dirt, kind: EventKind, t: number): void {
  const { sheets, states, channels, target, spendCents } = d;
  const date = sheets[0].rows[t].date;
  const anyColumn = (): string => {
    const all = [...channels, target];
    return all[r.int(all.length)];
  };
  switch (kind) {
    case "negative": {
      const options = spending(d, t);
      const c = options[r.int(options.length)];
      setCell(d, channels[c], t, "negative", `-${centsText(spendCents[c][t])}`);
      break;
    }
    case "outlier": {
      const c = r.int(channels.length);
      setCell(d, channels[c], t, "outlier", centsText(50 * d.columnMax[c]));
      break;
    }
    case "zero_target":
      setCell(d, target, t, "zero_target", "0");
      break;
    case "missing_cell":
      setCell(d, anyColumn(), t, "missing", "");
      break;
    case "non_numeric":
      setCell(d, anyColumn(), t, "non_numeric", "n/a");
      break;
    case "missing_row":
      dropRow(d, r.int(sheets.length), t);
      break;
    case "missing_date":
      sheets.forEach((_sheet, s) => { dropRow(d, s, t); });
      break;
    case "duplicate_date": {
      const s = r.int(sheets.length);
      states[s][t].duplicate = true;
      rowFaults(d, s, t, "duplicate_date", (j) => states[s][t].cells[j]);
      break;
    }
    case "invalid_date": {
      const s = r.int(sheets.length);
      const text = `${date.slice(0, 4)}-13-${date.slice(8, 10)}`;
      states[s][t].dateText = text;
      rowFaults(d, s, t, "invalid_date", () => text);
      rowFaults(d, s, t, "missing", () => null);
      break;
    }
  }
}

/** Removes the row of period t from sheet s, recording it as dropped and each of its cells as missing. */
function dropRow(d: Dirt, s: number, t: number): void {
  d.states[s][t].removed = true;
  d.dropped.push({ file: d.sheets[s].path, date: d.sheets[0].rows[t].date });
  rowFaults(d, s, t, "missing", () => null);
}

/** Sorts faults in place by date, file, column, kind. */
function sortFaults(faults: Fault[]): void {
  faults.sort((x, y) =>
    x.date !== y.date ? (x.date < y.date ? -1 : 1)
      : x.file !== y.file ? (x.file < y.file ? -1 : 1)
        : x.column !== y.column ? (x.column < y.column ? -1 : 1)
          : x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0);
}
