/**
 * groupColumnOf(csv, dateHeader): in a wide file whose dates repeat systematically (most dates on
 * several rows), the column that tells those rows apart — a region or geo — so that reading the file
 * without `--group` can stop with a message naming it instead of keeping one row per date.
 */
import type { CsvColumns } from "./source";

/** Header words of the usual group columns, preferred when two columns would do. */
const GROUP_WORDS = /(^|_)(geo|region|group|market|dma|state|country|store|city|area|territory|zone)s?($|_)/i;

/**
 * valueCodes(values, bad) → each row's value as a small integer code (equal cells, equal codes: the
 * number, or the raw text of a cell that is not one; empty cells share one code) and the number of codes.
 */
function valueCodes(values: Float64Array, bad: readonly { index: number; text: string }[]): { codes: Int32Array; distinct: number } {
  const codes = new Int32Array(values.length);
  const numbers = new Map<number, number>();
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    let code = numbers.get(v);
    if (code === undefined) { code = numbers.size; numbers.set(v, code); }
    codes[r] = code;
  }
  const texts = new Map<string, number>();
  for (const b of bad) {
    const text = b.text.trim();
    let code = texts.get(text);
    if (code === undefined) { code = numbers.size + texts.size; texts.set(text, code); }
    codes[b.index] = code;
  }
  return { codes, distinct: numbers.size + texts.size };
}

/**
 * repeatsSystematically(dates) → true when at least two dates, and at least half of the distinct
 * dates, are on more than one row (a panel, not a stray duplicate).
 */
export function repeatsSystematically(dates: readonly string[]): boolean {
  if (ascending(dates)) return false; // the usual national file: no date repeats, no map needed
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  let repeated = 0;
  for (const c of counts.values()) if (c > 1) repeated++;
  return repeated >= 2 && 2 * repeated >= counts.size;
}

/** ascending(dates) → true when every date sorts after the one before (so none repeats). O(n), no allocation. */
function ascending(dates: readonly string[]): boolean {
  for (let i = 1; i < dates.length; i++) if (!(dates[i] > dates[i - 1])) return false;
  return true;
}

/**
 * groupColumnOf(csv, dateHeader) → the header of the column that tells apart the rows sharing a
 * date, or null when the dates do not repeat systematically or no column does. A column qualifies
 * when it has between 2 and rows/2 distinct values and (date, value) is unique on ≥ 95 % of the
 * rows; text columns come before numeric codes, then group-like names, then fewer distinct values
 * (columns are tried in that order, the first that qualifies wins). O(rows · columns).
 */
export function groupColumnOf(csv: CsvColumns, dateHeader: string): string | null {
  const dates = csv.text.get(dateHeader);
  if (dates === undefined || !repeatsSystematically(dates)) return null;
  const rows = dates.length;
  const dateIndex = new Map<string, number>();
  const dateCodes = new Int32Array(rows);
  dates.forEach((d, r) => {
    let code = dateIndex.get(d);
    if (code === undefined) { code = dateIndex.size; dateIndex.set(d, code); }
    dateCodes[r] = code;
  });
  const candidates: { header: string; codes: Int32Array; distinct: number; rank: number[] }[] = [];
  for (const header of csv.header) {
    const parsed = csv.numbers.get(header);
    if (header === dateHeader || parsed === undefined) continue;
    const { codes, distinct } = valueCodes(parsed.values, parsed.bad);
    if (distinct < 2 || distinct > rows / 2) continue;
    candidates.push({ header, codes, distinct, rank: [parsed.bad.length > rows / 2 ? 0 : 1, GROUP_WORDS.test(header) ? 0 : 1, distinct] });
  }
  candidates.sort((a, b) => compareRanks(a.rank, b.rank));
  for (const c of candidates) {
    const pairs = new Set<number>();
    for (let r = 0; r < rows; r++) pairs.add(dateCodes[r] * c.distinct + c.codes[r]);
    if (pairs.size >= 0.95 * rows) return c.header;
  }
  return null;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
