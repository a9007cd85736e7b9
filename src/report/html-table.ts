/**
 * htmlTable(rows, options): plain records (issues, change reports, summary statistics, metrics,
 * channel figures) as a small self-styled HTML table, for notebooks (tslab.display.html) and HTML
 * pages. Numbers are right-aligned and formatted with thousands separators; text is escaped.
 */
import { escapeHtml } from "./html-escape";

export interface HtmlTableOptions {
  /** Columns to show, in order (default: the keys of the first row). */
  columns?: readonly string[];
  /** Decimals shown for numbers: one count for all, or per column (default 2; integers show none). */
  digits?: number | Readonly<Record<string, number>>;
  /** Show at most this many rows, then a line "… N more rows" (default all). */
  maxRows?: number;
  /** Caption above the table. */
  caption?: string;
}

/**
 * formatCell(value, digits) → the text of one cell: numbers with en-US thousands separators and at
 * most `digits` decimals (integers none; NaN, ±Infinity, null and undefined as "–"), booleans and
 * strings as they are, objects as JSON.
 * @example formatCell(1234.5678, 2) // => "1,234.57"
 */
export function formatCell(value: unknown, digits: number): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "–";
    return value.toLocaleString("en-US", { maximumFractionDigits: Number.isInteger(value) ? 0 : digits });
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * htmlTable(rows, options) → `<table>` HTML with a header row and one row per record (see
 * HtmlTableOptions). O(rows · columns).
 * @throws RangeError if maxRows is given and is not an integer ≥ 0, or a digits count is not an integer in [0, 20]
 * @example htmlTable([{ channel: "tv", roas: 2.345 }]) // => '<table …><thead><tr><th …>channel</th>…'
 */
export function htmlTable(rows: readonly object[], options: HtmlTableOptions = {}): string {
  const columns = options.columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const maxRows = options.maxRows ?? rows.length;
  if (!(Number.isInteger(maxRows) && maxRows >= 0)) throw new RangeError("htmlTable requires maxRows to be an integer >= 0");
  const digitsOf = (column: string): number => {
    const d = typeof options.digits === "number" ? options.digits : options.digits?.[column] ?? 2;
    if (!(Number.isInteger(d) && d >= 0 && d <= 20)) throw new RangeError(`htmlTable requires digits to be an integer in [0, 20] (column "${column}")`);
    return d;
  };
  const digits = columns.map(digitsOf);
  const cellStyle = "padding:2px 10px;border-bottom:1px solid #ddd;";
  const head = columns.map((c) => `<th style="${cellStyle}text-align:left;border-bottom:2px solid #999">${escapeHtml(c)}</th>`).join("");
  const body = rows.slice(0, maxRows).map((row) => {
    const cells = columns.map((c, j) => {
      const v = (row as Record<string, unknown>)[c];
      const shown = formatCell(v, digits[j]);
      const align = typeof v === "number" ? "right" : "left";
      const wrap = shown.length > 24 ? "" : "white-space:nowrap;";   // keep dates and numbers on one line
      return `<td style="${cellStyle}${wrap}text-align:${align}">${escapeHtml(shown)}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  }).join("\n");
  const more = rows.length > maxRows ? `<tr><td colspan="${columns.length}" style="${cellStyle}color:#666">… ${rows.length - maxRows} more rows</td></tr>` : "";
  const caption = options.caption ? `<caption style="caption-side:top;text-align:left;font-weight:bold;padding:4px 0;white-space:nowrap">${escapeHtml(options.caption)}</caption>` : "";
  return `<table class="mixlab-table" style="border-collapse:collapse;font-size:13px;font-family:sans-serif">${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}${more}\n</tbody></table>`;
}
