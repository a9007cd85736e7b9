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
  const states: RowState[][] = sheets.map((sheet) =>
    sheet.rows.map((row) => ({ removed: false, duplicate: false, dateText: row.date, cells: [...row.cells] })));
  const faults: Fault[] = [];
  const dropped: Array<{ file: string; date: string }> = [];
  const sheetOf = (column: string): [number, number] => {
    for (let s = 0; s < sheets.length; s++) {
      const j = sheets[s].columns.indexOf(column);
      if (j >= 0) return [s, j];
    }
    throw new Error(`generate: no file has column ${column}`);
  };
  const columnMax = spendCents.map((col) => col.reduce((m, v) => Math.max(m, v), 0));

  const cells = n * (channels.length + 1);
  const total = Math.min(n - 2, Math.max(BASE_EVENTS.length, Math.round(0.01 * cells)));
  const events: EventKind[] = [...BASE_EVENTS];
  for (let i = 0; events.length < total; i++) events.push(EXTRA_EVENTS[i % EXTRA_EVENTS.length]);
  const pool = shuffle(r, Array.from({ length: n - 2 }, (_, i) => i + 1));
  const spending = (t: number): number[] => channels.flatMap((_, c) => (spendCents[c][t] > 0 ? [c] : []));

  const setCell = (column: string, t: number, kind: FaultKind, value: string): void => {
    const [s, j] = sheetOf(column);
    states[s][t].cells[j] = value;
    faults.push({ file: sheets[s].path, column, date: sheets[s].rows[t].date, kind, value });
  };
  const rowFaults = (s: number, t: number, kind: FaultKind, value: (j: number) => string | null): void => {
    sheets[s].columns.forEach((column, j) => {
      faults.push({ file: sheets[s].path, column, date: sheets[s].rows[t].date, kind, value: value(j) });
    });
  };

  for (const kind of events) {
    const needsSpend = kind === "negative";
    const at = pool.findIndex((t) => !needsSpend || spending(t).length > 0);
    if (at < 0) continue;
    const t = pool.splice(at, 1)[0];
    const date = sheets[0].rows[t].date;
    const anyColumn = (): string => {
      const all = [...channels, target];
      return all[r.int(all.length)];
    };
    switch (kind) {
      case "negative": {
        const options = spending(t);
        const c = options[r.int(options.length)];
        setCell(channels[c], t, "negative", `-${centsText(spendCents[c][t])}`);
        break;
      }
      case "outlier": {
        const c = r.int(channels.length);
        setCell(channels[c], t, "outlier", centsText(50 * columnMax[c]));
        break;
      }
      case "zero_target":
        setCell(target, t, "zero_target", "0");
        break;
      case "missing_cell":
        setCell(anyColumn(), t, "missing", "");
        break;
      case "non_numeric":
        setCell(anyColumn(), t, "non_numeric", "n/a");
        break;
      case "missing_row": {
        const s = r.int(sheets.length);
        states[s][t].removed = true;
        dropped.push({ file: sheets[s].path, date });
        rowFaults(s, t, "missing", () => null);
        break;
      }
      case "missing_date":
        sheets.forEach((sheet, s) => {
          states[s][t].removed = true;
          dropped.push({ file: sheet.path, date });
          rowFaults(s, t, "missing", () => null);
        });
        break;
      case "duplicate_date": {
        const s = r.int(sheets.length);
        states[s][t].duplicate = true;
        rowFaults(s, t, "duplicate_date", (j) => states[s][t].cells[j]);
        break;
      }
      case "invalid_date": {
        const s = r.int(sheets.length);
        const text = `${date.slice(0, 4)}-13-${date.slice(8, 10)}`;
        states[s][t].dateText = text;
        rowFaults(s, t, "invalid_date", () => text);
        rowFaults(s, t, "missing", () => null);
        break;
      }
    }
  }
  faults.sort((x, y) =>
    x.date !== y.date ? (x.date < y.date ? -1 : 1)
      : x.file !== y.file ? (x.file < y.file ? -1 : 1)
        : x.column !== y.column ? (x.column < y.column ? -1 : 1)
          : x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0);
  dropped.sort((x, y) => (x.date !== y.date ? (x.date < y.date ? -1 : 1) : x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  return { states, faults, dropped };
}
