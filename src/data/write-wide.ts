/**
 * tableToWideCsv(table) writes a Table as a wide CSV that `loadInput` reads back with the default
 * roles: `date`, `<channel>_spend`…, the target, then the controls. Numbers are written in their
 * shortest round-trip form; missing values as empty cells.
 */
import { spendColumn, type Table } from "./table";

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** tableToWideCsv(table) → CSV text with a header line and "\n" line ends. O(cells). */
export function tableToWideCsv(table: Table): string {
  const names = [...table.channels, table.target, ...table.controls];
  const header = ["date", ...table.channels.map(spendColumn), table.target, ...table.controls].map(csvField).join(",");
  const cols = names.map((n) => table.columns[n]);
  const lines: string[] = [header];
  for (let i = 0; i < table.dates.length; i++) {
    let line = table.dates[i];
    for (const col of cols) {
      const v = col[i];
      line += `,${Number.isNaN(v) ? "" : String(v)}`;
    }
    lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}
