/**
 * tableToWideCsv(table) writes a Table as a wide CSV that `loadInput` reads back with the default
 * roles: `date`, `<channel>_spend`…, the target, then the controls; panelToWideCsv(panel) writes a
 * Panel the same way with the group column after the date and the population column last, group
 * after group, which `loadInput` reads back with `--group` (and `--population`). Numbers are written
 * in their shortest round-trip form; missing values as empty cells.
 */
import type { Panel } from "./panel";
import { spendColumn, type Table } from "./table";

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The value series of a table in column order: channels, target, controls. */
function seriesOf(table: Table): Float64Array[] {
  return [...table.channels, table.target, ...table.controls].map((n) => table.columns[n]);
}

/** The header fields after the date (and group): `<channel>_spend`…, target, controls. */
function seriesHeader(roles: Pick<Table, "channels" | "target" | "controls">): string[] {
  return [...roles.channels.map(spendColumn), roles.target, ...roles.controls];
}

/** rowLines(table, prefix, suffix) → one line per date: date, `prefix`, the series, `suffix` (the last two as written, may be ""). */
function rowLines(table: Table, prefix: string, suffix: string): string[] {
  const cols = seriesOf(table);
  const lines: string[] = [];
  for (let i = 0; i < table.dates.length; i++) {
    let line = table.dates[i] + prefix;
    for (const col of cols) {
      const v = col[i];
      line += `,${Number.isNaN(v) ? "" : String(v)}`;
    }
    lines.push(line + suffix);
  }
  return lines;
}

/** tableToWideCsv(table) → CSV text with a header line and "\n" line ends. O(cells). */
export function tableToWideCsv(table: Table): string {
  const header = ["date", ...seriesHeader(table)].map(csvField).join(",");
  return `${[header, ...rowLines(table, "", "")].join("\n")}\n`;
}

/** panelToWideCsv(panel) → CSV text: `date,<group>,…series…[,<population>]`, group after group. O(cells). */
export function panelToWideCsv(panel: Panel): string {
  const population = panel.populationColumn;
  const header = ["date", panel.groupColumn, ...seriesHeader(panel), ...(population === null ? [] : [population])].map(csvField).join(",");
  const lines = [header];
  for (const g of panel.groups) {
    const suffix = population === null ? "" : `,${g.population === null ? "" : String(g.population)}`;
    lines.push(...rowLines(g.table, `,${csvField(g.name)}`, suffix));
  }
  return `${lines.join("\n")}\n`;
}
