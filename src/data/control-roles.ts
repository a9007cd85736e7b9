/**
 * Which columns of a wide CSV become controls when the user names none (CONTRACTS, wide input):
 * every other numeric column, except a channel's own exposure (impressions, clicks, GRPs… by name,
 * or |r| ≥ 0.95 with a spend column) and unnamed or index columns, which are left out; a text
 * column with a few levels becomes indicator columns `<col>=<level>` (one per level but the most
 * frequent); any other text column is left out. Every such decision is a sentence naming the
 * column and why, for `summary.warnings` and the CLI.
 */
import { pairwisePearson } from "../util/pairwise-pearson";
import type { BadCell } from "./parse-number";
import type { CsvColumns } from "./source";

/** A control column chosen (or built) from the file. */
export interface ControlColumn {
  /** Control name: the header, or `<header>=<level>` for an indicator. */
  name: string;
  /** Header in the file it comes from. */
  header: string;
  values: Float64Array;
  bad: BadCell[];
}

/** A decision about a column the user did not name, as a sentence naming it. */
export interface RoleWarning {
  header: string;
  message: string;
  /** Why: an index column, a text column left out, a text column recoded as indicators, or a channel's exposure. */
  kind: "index" | "text" | "indicator" | "exposure";
  /** The decision in a few words, without the column's name (`is an unnamed or index column (row numbers)`). */
  why: string;
  /** For an exposure: the spend column of its channel, when one is known. */
  channel?: ChannelColumn;
}

/** A channel's name (`tv`) and its spend column (`tv_spend`). */
export interface ChannelColumn {
  name: string;
  header: string;
}

/** |Pearson r| with a spend column from which a column counts as that channel's exposure. */
export const EXPOSURE_CORRELATION = 0.95;

/** Name words of media exposure: `tv_impressions`, `search_clicks`, `facebook_impr`, `tv_grps`. */
const EXPOSURE_WORDS = new Set([
  "impressions", "impression", "impr", "imps", "clicks", "click", "grp", "grps", "trp", "trps",
  "views", "view", "reach", "exposure", "exposures",
]);

/** The most levels a text column may have to become indicator columns. */
export const MAX_LEVELS = 20;

/** Header names of unnamed or index columns (pandas' `to_csv`, R's `write.csv`). */
const INDEX_NAME = /^(|unnamed:\s*\d+|index)$/i;

/**
 * defaultControls(csv, candidates, channels) → the controls among `candidates` (headers in file
 * order, not date, target or channel) and the warnings for every column left out or recoded.
 */
export function defaultControls(csv: CsvColumns, candidates: readonly string[], channels: readonly ChannelColumn[]): { controls: ControlColumn[]; warnings: RoleWarning[] } {
  const controls: ControlColumn[] = [];
  const warnings: RoleWarning[] = [];
  for (const header of candidates) {
    const parsed = csv.numbers.get(header);
    if (parsed === undefined) continue;
    const label = columnLabel(csv, header);
    const leftOut = (kind: RoleWarning["kind"], why: string, channel?: ChannelColumn) =>
      warnings.push({ header, kind, why, ...(channel ? { channel } : {}), message: `${label} ${why}, so it is not used as a control (name it with --controls to use it)` });
    if (isIndexColumn(header, parsed.values)) { leftOut("index", "is an unnamed or index column (row numbers)"); continue; }
    if (textLevels(parsed.values, parsed.bad) !== null || mostlyText(parsed.values, parsed.bad)) {
      const built = indicatorColumns(header, parsed.values, parsed.bad);
      if (typeof built === "string") leftOut("text", built);
      else {
        controls.push(...built.columns);
        const why = `is text; it is used as indicator columns ${built.columns.map((c) => `"${c.name}"`).join(", ")} (the most frequent level "${built.baseline}" is the baseline)`;
        warnings.push({ header, kind: "indicator", why, message: `${label} ${why}` });
      }
      continue;
    }
    const exposure = exposureOf(header, parsed.values, csv, channels);
    if (exposure !== null) { leftOut("exposure", exposure.why, exposure.channel ?? undefined); continue; }
    controls.push({ name: header, header, values: parsed.values, bad: parsed.bad });
  }
  return { controls, warnings };
}

/** columnLabel → `column "price"`, or `column 1 (no header)` for an empty header. */
function columnLabel(csv: CsvColumns, header: string): string {
  return header === "" ? `column ${csv.header.indexOf(header) + 1} (no header)` : `column "${header}"`;
}

/** An index column: an unnamed/index header, or values exactly 0..n-1 or 1..n (n ≥ 3). */
export function isIndexColumn(header: string, values: Float64Array): boolean {
  if (INDEX_NAME.test(header.trim())) return true;
  if (values.length < 3) return false;
  const first = values[0];
  if (first !== 0 && first !== 1) return false;
  for (let i = 0; i < values.length; i++) if (values[i] !== first + i) return false;
  return true;
}

/**
 * exposureOf(header, values, csv, channels) → why the column is a channel's exposure (by name, or
 * by |r| ≥ EXPOSURE_CORRELATION with a spend column) and that channel (null: an exposure by name
 * whose channel the name does not tell), or null when it is not one.
 */
export function exposureOf(header: string, values: Float64Array, csv: CsvColumns, channels: readonly ChannelColumn[]): { why: string; channel: ChannelColumn | null } | null {
  const words = header.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
  const word = words.find((w) => EXPOSURE_WORDS.has(w));
  if (word !== undefined) {
    const lower = header.toLowerCase();
    const channel = channels.find((c) => lower.startsWith(c.name.toLowerCase()));
    return channel !== undefined
      ? { why: `is the exposure (${word}) of channel "${channel.name}"`, channel }
      : { why: `looks like a media exposure (${word})`, channel: null };
  }
  for (const c of channels) {
    const spend = csv.numbers.get(c.header);
    if (spend === undefined) continue;
    const r = correlation(values, spend.values);
    if (Math.abs(r) >= EXPOSURE_CORRELATION) {
      return { why: `moves with the spend of channel "${c.name}" (r = ${r.toFixed(3)}, |r| ≥ ${EXPOSURE_CORRELATION}), so it looks like that channel's exposure`, channel: c };
    }
  }
  return null;
}

/** Pearson r of x and y over the rows where both are numbers (pairwisePearson); NaN with < 3 rows or no variance. */
export function correlation(x: Float64Array, y: Float64Array): number {
  const { r, count } = pairwisePearson(x, y);
  return count < 3 ? NaN : r;
}

/** A column is text when more than half of its non-empty cells are not numbers. */
export function mostlyText(values: Float64Array, bad: readonly { index: number }[]): boolean {
  let numeric = 0;
  for (const v of values) if (!Number.isNaN(v)) numeric++;
  return bad.length > numeric;
}

/** The text of every row when every cell of the column is non-numeric text, else null. */
function textLevels(values: Float64Array, bad: readonly { index: number; text: string }[]): string[] | null {
  if (bad.length !== values.length || values.length === 0) return null;
  const texts = new Array<string>(values.length);
  for (const b of bad) texts[b.index] = b.text.trim();
  return texts.some((t) => t === undefined) ? null : texts;
}

/**
 * indicatorColumns(header, values, bad) → one 0/1 column per level but the most frequent (ties:
 * the first in sorted order), in sorted level order; or why the column is left out.
 */
export function indicatorColumns(header: string, values: Float64Array, bad: readonly { index: number; text: string }[]): { columns: ControlColumn[]; baseline: string } | string {
  const texts = textLevels(values, bad);
  if (texts === null) return "is mostly text mixed with numbers or empty cells";
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  const levels = [...counts.keys()].sort();
  if (levels.length < 2) return `is text with one value only ("${levels[0]}")`;
  if (levels.length > MAX_LEVELS) return `is text with ${levels.length} distinct values (more than ${MAX_LEVELS} for indicator columns)`;
  let baseline = levels[0];
  for (const l of levels) if (counts.get(l)! > counts.get(baseline)!) baseline = l;
  const columns = levels.filter((l) => l !== baseline).map((level) => ({
    name: `${header}=${level}`, header, values: Float64Array.from(texts, (t) => (t === level ? 1 : 0)), bad: [],
  }));
  return { columns, baseline };
}

/**
 * indicatorFor(csv, want) → the indicator column `<col>=<level>` asked for by name (a control of a
 * model fitted on the recoded text column), or null when `want` does not name one.
 */
export function indicatorFor(csv: CsvColumns, want: string, find: (name: string) => string | null): ControlColumn | null {
  for (let at = want.indexOf("="); at > 0; at = want.indexOf("=", at + 1)) {
    const header = find(want.slice(0, at));
    const parsed = header === null ? undefined : csv.numbers.get(header);
    if (header === null || parsed === undefined) continue;
    const level = want.slice(at + 1);
    const texts = new Array<string>(parsed.values.length).fill("");
    for (const b of parsed.bad) texts[b.index] = b.text.trim();
    return { name: want, header, values: Float64Array.from(texts, (t) => (t === level ? 1 : 0)), bad: [] };
  }
  return null;
}
