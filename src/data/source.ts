/**
 * What a loader hands to validation and cleaning: each input file as read, record by record, with
 * the line each record came from, the raw date text, and numeric columns that keep the raw text of
 * every cell that was not a number. Nothing is repaired here; `validate` reports, `clean` repairs.
 */
import { readFileSync, statSync } from "node:fs";
import { countLines, parseCsv } from "./csv";
import { DataError, makeIssue, type Issue } from "./issue";
import { parseIsoDate } from "./parse-date";
import { NumberColumnParser, type BadCell } from "./parse-number";

export type Role = "channel" | "target" | "control";
export type InputFormat = "wide" | "channel-dir" | "campaigns";

/** One logical series (a channel, the target or a control) as it stands in one file. */
export interface SourceColumn {
  /** Logical name: channel name (`tv`), target name (`revenue`) or control name (`price`). */
  name: string;
  role: Role;
  /** Header text in the file (`tv_spend`, `spend`). */
  header: string;
  /** Value per record; NaN where the cell is empty or not a number. */
  values: Float64Array;
  /** Non-empty cells that are not numbers, by record index, with the raw text. */
  bad: BadCell[];
  /** Line per record when it differs from the record's line (pivoted campaign data). */
  cellLines?: Int32Array;
  /** Where a NaN means "no row for this series in this record" rather than an empty cell. */
  absent?: Uint8Array;
}

export interface SourceFile {
  path: string;
  dateHeader: string;
  /** Line in the file of each record (header = line 1). */
  lines: Int32Array;
  /** Date text of each record, trimmed. */
  dateText: string[];
  /** Day number of each record (days since 1970-01-01), NaN when the date is not a valid ISO date. */
  days: Float64Array;
  columns: SourceColumn[];
  /** Panels (`--group`): the group of each record, trimmed text. */
  groups?: string[];
  /** Panels with `--population`: the population column as read (constant per group when valid). */
  population?: { header: string; values: Float64Array; bad: BadCell[] };
}

/** Per-campaign totals and ratios for the campaigns shape. */
export interface CampaignKpi {
  campaign: string;
  channel: string;
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenue: number;
  /** clicks / impressions; null when there were no impressions */
  ctr: number | null;
  /** conversions / clicks; null when there were no clicks */
  cvr: number | null;
  /** spend / conversions, currency per conversion; null when there were no conversions */
  cpa: number | null;
  /** revenue / spend; null when there was no spend */
  roas: number | null;
}

/** A loaded input: its files, the roles of its series and the problems met while reading. */
export interface Dataset {
  format: InputFormat;
  /** The path the user gave (file or folder). */
  input: string;
  target: string;
  channels: string[];
  controls: string[];
  files: SourceFile[];
  /** Structural problems: missing files or columns, empty files, ragged rows, ignored columns. */
  issues: Issue[];
  campaigns?: CampaignKpi[];
  /** Panels: the group column's header and the population column's header (null when not given). */
  panel?: { group: string; population: string | null };
}

/** The raw columns of one CSV file, before roles are assigned. */
export interface CsvColumns {
  path: string;
  header: string[];
  lines: Int32Array;
  rows: number;
  /** Text of the text columns asked for, per record. */
  text: Map<string, string[]>;
  /** Every other column parsed as numbers. */
  numbers: Map<string, { values: Float64Array; bad: BadCell[] }>;
  issues: Issue[];
}

/**
 * readText(path) reads a UTF-8 file, turning "not found", "is a folder" and permission failures into
 * a DataError that names the file.
 */
export function readText(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new DataError(`${path} is a folder, not a CSV file`, [makeIssue({ file: path, row: null, column: null, date: null, kind: "missing_file", value: null, message: `${path} is a folder, not a CSV file` })]);
    size = st.size;
  } catch (err) {
    if (err instanceof DataError) throw err;
    const message = `cannot read ${path}: file not found`;
    throw new DataError(message, [makeIssue({ file: path, row: null, column: null, date: null, kind: "missing_file", value: null, message })]);
  }
  void size;
  return readFileSync(path, "utf8");
}

/**
 * The most cells of one file that are neither empty nor numbers before reading stops: a file that
 * is garbage throughout would otherwise cost an issue per cell (hundreds of bytes each) before a
 * word is printed. A legitimate file with a few text columns stays far below.
 */
export const MAX_BAD_CELLS = 1_000_000;

/** checkBadCells(path, header, parsers, lines) throws a DataError once the file has more than MAX_BAD_CELLS bad cells. */
function checkBadCells(path: string, header: readonly string[], parsers: readonly (NumberColumnParser | string[])[], lines: Int32Array): void {
  let count = 0;
  for (const p of parsers) if (!Array.isArray(p)) count += p.bad.length;
  if (count <= MAX_BAD_CELLS) return;
  let column = "";
  let cell: BadCell | undefined;
  for (let c = 0; c < parsers.length; c++) {
    const p = parsers[c];
    const head = Array.isArray(p) ? undefined : p.bad[0];
    if (head !== undefined && (cell === undefined || head.index < cell.index)) { cell = head; column = header[c]; }
  }
  const where = cell === undefined ? "" : ` (the first: line ${lines[cell.index]}, column "${column}": "${cell.text.slice(0, 40)}")`;
  throw new DataError(`${path} has more than ${MAX_BAD_CELLS.toLocaleString("en-US")} cells that are not numbers${where}; reading stopped: is it a CSV of dates and numbers?`);
}

/**
 * readCsvColumns(text, path, textColumns) tokenizes a CSV text into typed columns: the columns named
 * in `textColumns` are kept as text, every other column is parsed as numbers (NaN + raw text kept
 * for cells that are not numbers). Header names are trimmed. Records with the wrong number of fields
 * are reported as `ragged_row` (missing fields read as empty, extra fields ignored).
 */
export function readCsvColumns(text: string, path: string, textColumns: ReadonlySet<string>): CsvColumns {
  const capacity = countLines(text);
  const issues: Issue[] = [];
  let header: string[] | null = null;
  let parsers: (NumberColumnParser | string[])[] = [];
  const lines = new Int32Array(capacity);
  let rows = 0;
  const problems = parseCsv(text, (fields, line) => {
    if (header === null) {
      header = fields.map((f) => f.trim());
      parsers = header.map((h) => (textColumns.has(h.toLowerCase()) ? [] : new NumberColumnParser(capacity)));
      const seen = new Set<string>();
      for (const h of header) {
        if (seen.has(h)) {
          issues.push(makeIssue({ file: path, row: 1, column: h, date: null, kind: "missing_column", value: h, message: `the header names column "${h}" twice; rename one` }));
        }
        seen.add(h);
      }
      return;
    }
    if (fields.length !== header.length) {
      issues.push(makeIssue({
        file: path, row: line, column: null, date: null, kind: "ragged_row", value: fields.join(","),
        message: `line ${line} has ${fields.length} fields but the header has ${header.length}`,
      }));
    }
    lines[rows] = line;
    for (let c = 0; c < header.length; c++) {
      const parser = parsers[c];
      const cell = c < fields.length ? fields[c] : "";
      if (Array.isArray(parser)) parser.push(cell.trim());
      else parser.push(rows, cell);
    }
    rows++;
    if ((rows & 1023) === 0) checkBadCells(path, header, parsers, lines);
  });
  if (header !== null) checkBadCells(path, header, parsers, lines);
  for (const p of problems) {
    issues.push(makeIssue({ file: path, row: p.line, column: null, date: null, kind: "ragged_row", value: null, message: `CSV syntax: ${p.message}` }));
  }
  const finalHeader: string[] = header ?? [];
  const textOut = new Map<string, string[]>();
  const numbers = new Map<string, { values: Float64Array; bad: BadCell[] }>();
  finalHeader.forEach((h, c) => {
    const parser = parsers[c];
    if (Array.isArray(parser)) textOut.set(h, parser);
    else {
      const done = parser.finish();
      numbers.set(h, { values: done.values.subarray(0, rows), bad: done.bad });
    }
  });
  return { path, header: finalHeader, lines: lines.subarray(0, rows), rows, text: textOut, numbers, issues };
}

/** parseDates(texts) → day numbers (NaN for invalid dates). */
export function parseDates(texts: readonly string[]): Float64Array {
  const days = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) days[i] = parseIsoDate(texts[i]);
  return days;
}

/** findColumn(header, name) → the header entry equal to `name`, or equal ignoring case, or null. */
export function findColumn(header: readonly string[], name: string): string | null {
  if (header.includes(name)) return name;
  const lower = name.toLowerCase();
  return header.find((h) => h.toLowerCase() === lower) ?? null;
}

/** emptyFileIssue names a file with no header or no data rows. */
export function emptyFileIssue(path: string, hasHeader: boolean): Issue {
  const message = hasHeader ? `${path} has a header but no data rows` : `${path} is empty`;
  return makeIssue({ file: path, row: null, column: null, date: null, kind: "empty_file", value: null, message });
}

/** missingColumnIssue names a required column the header lacks, listing what it has. */
export function missingColumnIssue(path: string, column: string, header: readonly string[], why: string): Issue {
  return makeIssue({
    file: path, row: 1, column, date: null, kind: "missing_column", value: null,
    message: `${path} has no column "${column}" (${why}); its columns are: ${header.join(", ") || "(none)"}`,
  });
}
