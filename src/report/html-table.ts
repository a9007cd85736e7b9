/**
 * htmlTable(rows, options): plain records (issues, change reports, summary statistics, metrics,
 * channel figures) as a small HTML table — the one table renderer of mixlab, used by the notebooks
 * (tslab.display.html) and by the HTML report. Numbers are formatted with thousands separators;
 * strings are shown as they are, so a caller may pass pre-formatted figures ("1,234.00", "12.5 %");
 * every text is escaped. Columns are aligned right when they hold numbers and left otherwise,
 * unless `align` says otherwise.
 *
 * Two stylings: "inline" (default) puts the style on every element, for notebooks where no
 * stylesheet applies; "classes" writes no style attribute and leaves the look to a page
 * stylesheet that includes HTML_TABLE_CSS (the report does).
 */
import { escapeHtml } from "./html-escape";

/** How a column's cells are aligned. */
export type CellAlign = "left" | "right";

export interface HtmlTableOptions {
  /** Columns to show, in order (default: the keys of the first row). */
  columns?: readonly string[];
  /** Decimals shown for numbers: one count for all, or per column (default 2; integers show none). */
  digits?: number | Readonly<Record<string, number>>;
  /** Show at most this many rows, then a line "… N more rows" (default all). */
  maxRows?: number;
  /** Caption above the table. */
  caption?: string;
  /**
   * Alignment: one for every column, or per column; a column not named is aligned right when its
   * first value that is not null or undefined is a number, left otherwise.
   */
  align?: CellAlign | Readonly<Record<string, CellAlign>>;
  /** "inline" (default): style attributes on every element; "classes": class names only, styled by HTML_TABLE_CSS. */
  styling?: "inline" | "classes";
}

/**
 * The stylesheet of tables written with `styling: "classes"`, for a page's `<style>` element.
 * Cells are right-aligned except the first column; class "text" aligns a cell left and class
 * "num" right (htmlTable sets them where a column differs from that rule).
 */
export const HTML_TABLE_CSS = [
  "table.mixlab-table{border-collapse:collapse;margin:8px 0 16px;font-size:.92em}",
  ".mixlab-table th,.mixlab-table td{padding:4px 10px;border-bottom:1px solid #e5e5e5;text-align:right}",
  ".mixlab-table th{background:#f6f6f6}",
  ".mixlab-table th:first-child,.mixlab-table td:first-child{text-align:left}",
  ".mixlab-table th.text,.mixlab-table td.text{text-align:left}.mixlab-table th.num,.mixlab-table td.num{text-align:right}",
  ".mixlab-table caption{caption-side:top;text-align:left;font-weight:bold;padding:4px 0}",
  ".mixlab-table td.more{color:#666;text-align:left}",
].join("\n");

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

/** columnAlign(rows, column, align) → the alignment of a column (see HtmlTableOptions.align). */
function columnAlign(rows: readonly object[], column: string, align: HtmlTableOptions["align"]): CellAlign {
  const given = typeof align === "string" ? align : align?.[column];
  if (given !== undefined) {
    if (given !== "left" && given !== "right") throw new RangeError(`htmlTable requires align to be "left" or "right" (column "${column}")`);
    return given;
  }
  for (const row of rows) {
    const v = (row as Record<string, unknown>)[column];
    if (v !== null && v !== undefined) return typeof v === "number" ? "right" : "left";
  }
  return "left";
}

/**
 * htmlTable(rows, options) → `<table class="mixlab-table">` HTML with a header row and one row per
 * record (see HtmlTableOptions). Headers are aligned as their column. O(rows · columns).
 * @throws RangeError if maxRows is given and is not an integer ≥ 0, a digits count is not an
 *   integer in [0, 20], an alignment is not "left" or "right", or styling is unknown
 * @example htmlTable([{ channel: "tv", roas: 2.345 }]) // => '<table …><thead><tr><th …>channel</th>…'
 */
export function htmlTable(rows: readonly object[], options: HtmlTableOptions = {}): string {
  const columns = options.columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const maxRows = options.maxRows ?? rows.length;
  if (!(Number.isInteger(maxRows) && maxRows >= 0)) throw new RangeError("htmlTable requires maxRows to be an integer >= 0");
  const styling = options.styling ?? "inline";
  if (styling !== "inline" && styling !== "classes") throw new RangeError(`htmlTable requires styling to be "inline" or "classes", got "${String(styling)}"`);
  const digitsOf = (column: string): number => {
    const d = typeof options.digits === "number" ? options.digits : options.digits?.[column] ?? 2;
    if (!(Number.isInteger(d) && d >= 0 && d <= 20)) throw new RangeError(`htmlTable requires digits to be an integer in [0, 20] (column "${column}")`);
    return d;
  };
  const digits = columns.map(digitsOf);
  const aligns = columns.map((c) => columnAlign(rows, c, options.align));
  const inline = styling === "inline";
  const cellStyle = "padding:2px 10px;border-bottom:1px solid #ddd;";
  // "classes": a class only where the column differs from HTML_TABLE_CSS's rule (first column left, the rest right).
  const classOf = (j: number): string => (aligns[j] === "left" ? (j > 0 ? ' class="text"' : "") : j === 0 ? ' class="num"' : "");
  const head = columns.map((c, j) => (inline
    ? `<th style="${cellStyle}text-align:${aligns[j]};border-bottom:2px solid #999">${escapeHtml(c)}</th>`
    : `<th${classOf(j)}>${escapeHtml(c)}</th>`)).join("");
  const body = rows.slice(0, maxRows).map((row) => {
    const cells = columns.map((c, j) => {
      const shown = formatCell((row as Record<string, unknown>)[c], digits[j]);
      if (!inline) return `<td${classOf(j)}>${escapeHtml(shown)}</td>`;
      const wrap = shown.length > 24 ? "" : "white-space:nowrap;";   // keep dates and numbers on one line
      return `<td style="${cellStyle}${wrap}text-align:${aligns[j]}">${escapeHtml(shown)}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  }).join("\n");
  const moreText = `… ${rows.length - maxRows} more rows`;
  const more = rows.length <= maxRows ? ""
    : inline ? `<tr><td colspan="${columns.length}" style="${cellStyle}color:#666">${moreText}</td></tr>`
    : `<tr><td colspan="${columns.length}" class="more">${moreText}</td></tr>`;
  const caption = !options.caption ? ""
    : inline ? `<caption style="caption-side:top;text-align:left;font-weight:bold;padding:4px 0;white-space:nowrap">${escapeHtml(options.caption)}</caption>`
    : `<caption>${escapeHtml(options.caption)}</caption>`;
  const table = inline ? '<table class="mixlab-table" style="border-collapse:collapse;font-size:13px;font-family:sans-serif">' : '<table class="mixlab-table">';
  return `${table}${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}${more}\n</tbody></table>`;
}
