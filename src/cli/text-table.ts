/** textTable(header, rows): the aligned plain-text tables of the readable command output. */

/** A row of cells; null prints as "–". */
export type Row = (string | number | null)[];

/**
 * textTable(header, rows) → aligned text, two spaces of indent: the first column left-aligned, the
 * others right-aligned, each as wide as its widest cell, one line per row.
 * @example textTable(["channel", "roas"], [["tv", "1.20"]]) // => "  channel  roas\n  tv       1.20\n"
 */
export function textTable(header: string[], rows: Row[]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null ? "–" : String(c))))];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? "").length)));
  return `${cells.map((r) => `  ${r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ").trimEnd()}`).join("\n")}\n`;
}
