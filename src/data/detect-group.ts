/**
 * groupColumnOf(csv, dateHeader): in a wide file whose dates repeat systematically (most dates on
 * several rows), the column that tells those rows apart — a region or geo — so that reading the file
 * without `--group` can stop with a message naming it instead of keeping one row per date.
 */
import type { CsvColumns } from "./source";

/** Header words of the usual group columns, preferred when two columns would do. */
const GROUP_WORDS = /(^|_)(geo|region|group|market|dma|state|country|store|city|area|territory|zone)s?($|_)/i;

/** The text of cell r of a column parsed as numbers: its number, its raw text when it is not one, "" when empty. */
function cellKeys(values: Float64Array, bad: readonly { index: number; text: string }[]): string[] {
  const keys = Array.from(values, (v) => (Number.isNaN(v) ? "" : String(v)));
  for (const b of bad) keys[b.index] = b.text.trim();
  return keys;
}

/**
 * repeatsSystematically(dates) → true when at least two dates, and at least half of the distinct
 * dates, are on more than one row (a panel, not a stray duplicate).
 */
export function repeatsSystematically(dates: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  let repeated = 0;
  for (const c of counts.values()) if (c > 1) repeated++;
  return repeated >= 2 && 2 * repeated >= counts.size;
}

/**
 * groupColumnOf(csv, dateHeader) → the header of the column that tells apart the rows sharing a
 * date, or null when the dates do not repeat systematically or no column does. A column qualifies
 * when it has between 2 and rows/2 distinct values and (date, value) is unique on ≥ 95 % of the
 * rows; text columns come before numeric codes, then group-like names, then fewer distinct values.
 * O(rows · columns).
 */
export function groupColumnOf(csv: CsvColumns, dateHeader: string): string | null {
  const dates = csv.text.get(dateHeader);
  if (dates === undefined || !repeatsSystematically(dates)) return null;
  const rows = dates.length;
  let best: { header: string; rank: number[] } | null = null;
  for (const header of csv.header) {
    const parsed = csv.numbers.get(header);
    if (header === dateHeader || parsed === undefined) continue;
    const keys = cellKeys(parsed.values, parsed.bad);
    const distinct = new Set(keys).size;
    if (distinct < 2 || distinct > rows / 2) continue;
    const pairs = new Set<string>();
    for (let r = 0; r < rows; r++) pairs.add(`${dates[r]}\u0000${keys[r]}`);
    if (pairs.size < 0.95 * rows) continue;
    const rank = [parsed.bad.length > rows / 2 ? 0 : 1, GROUP_WORDS.test(header) ? 0 : 1, distinct];
    if (best === null || compareRanks(rank, best.rank) < 0) best = { header, rank };
  }
  return best?.header ?? null;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
