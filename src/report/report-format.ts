/**
 * The report's number and table formatting, shared by its headline and its detail sections: numbers
 * with thousands separators ("–" for a missing one), a precision that suits the size, percentages,
 * and htmlTable in the page's styling.
 */
import { htmlTable, type CellAlign } from "./html-table";

/** fmt(v, digits) → a number with thousands separators, or "–" for null/NaN. @example fmt(1234.5, 1) // => "1,234.5" */
export function fmt(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** percent(share) → 100 × share; null stays null. */
export function percent(share: number | null): number | null {
  return share === null ? null : 100 * share;
}

/** fmtSmart(v) → few digits for large numbers, more for small ones. @example fmtSmart(0.1234567) // => "0.1235" */
export function fmtSmart(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  return fmt(v, a >= 1000 ? 0 : a >= 10 ? 2 : a >= 0.01 || a === 0 ? 4 : 6);
}

/** signedPct(v, digits) → a signed percentage: 4.2 → "+4.2 %", −3 → "−3.0 %"; "–" when not a number. */
export function signedPct(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return `${v > 0 ? "+" : v < 0 ? "−" : ""}${fmt(Math.abs(v), digits)} %`;
}

/**
 * table(columns, rows, align) → htmlTable of records whose cells are already formatted (strings),
 * in the report's page styling (HTML_TABLE_CSS): the first column left, the others right unless
 * `align` names them.
 */
export function table(columns: readonly string[], rows: readonly Record<string, string>[], align: Readonly<Record<string, CellAlign>> = {}): string {
  const aligns: Record<string, CellAlign> = Object.fromEntries(columns.map((c, j) => [c, align[c] ?? (j === 0 ? "left" : "right")]));
  return htmlTable(rows, { columns, align: aligns, styling: "classes" });
}

/** sum(values) → the sum of the finite values. */
export function sum(values: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) t += values[i];
  return t;
}
