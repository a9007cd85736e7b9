/**
 * describeTable(table) → the few facts an analyst checks first about a dataset, as plain data, and
 * formatTableSummary(summary) → the same as aligned text for the terminal.
 */
import type { Table } from "../data/table";

export interface TableSummary {
  rows: number;
  frequency: string;
  start: string;
  end: string;
  target: string;
  target_total: number;
  channels: { name: string; spend: number; share_of_spend: number; active_periods: number }[];
  controls: string[];
}

function sum(values: Float64Array): number {
  let s = 0;
  for (const v of values) if (!Number.isNaN(v)) s += v;
  return s;
}

/** describeTable(table) → rows, date range, frequency, target total, spend and share per channel. */
export function describeTable(table: Table): TableSummary {
  const spends = table.channels.map((c) => sum(table.columns[c]));
  const total = spends.reduce((a, b) => a + b, 0);
  return {
    rows: table.dates.length,
    frequency: table.frequency,
    start: table.dates[0] ?? "",
    end: table.dates[table.dates.length - 1] ?? "",
    target: table.target,
    target_total: sum(table.columns[table.target]),
    channels: table.channels.map((name, i) => ({
      name,
      spend: spends[i],
      share_of_spend: total > 0 ? spends[i] / total : 0,
      active_periods: table.columns[name].reduce((n, v) => (v > 0 ? n + 1 : n), 0),
    })),
    controls: [...table.controls],
  };
}

const money = (x: number): string => x.toLocaleString("en-US", { maximumFractionDigits: 0 });

/** formatTableSummary(summary) → a header line and one aligned line per channel. */
export function formatTableSummary(s: TableSummary): string {
  const width = Math.max(7, ...s.channels.map((c) => c.name.length));
  const lines = [
    `${s.rows} ${s.frequency} periods, ${s.start} … ${s.end}; target ${s.target} total ${money(s.target_total)}` +
      (s.controls.length ? `; controls ${s.controls.join(", ")}` : ""),
    `  ${"channel".padEnd(width)}  ${"spend".padStart(14)}  ${"share".padStart(6)}  ${"active".padStart(6)}`,
    ...s.channels.map((c) =>
      `  ${c.name.padEnd(width)}  ${money(c.spend).padStart(14)}  ${(100 * c.share_of_spend).toFixed(1).padStart(5)}%  ${String(c.active_periods).padStart(6)}`),
  ];
  return `${lines.join("\n")}\n`;
}
