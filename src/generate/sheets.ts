/**
 * The wide and channel-dir shapes as sheets (a grid of cell texts per file) and their rendering to
 * CSV text; numbers are written from whole cents, so the texts are exact.
 *
 * Output shapes: `wide` (one file, `date,<ch>_spend…,revenue,price,promo[,demand_index]`),
 * `channel-dir` (`<ch>_spend.csv` with `date,spend`, and `sales_data.csv` with `date,sales`),
 * `campaigns` (`campaigns.csv`, `date,campaign_name,spend,impressions,clicks,conversions,revenue`,
 * one row per campaign live that date; a campaign with no row on a date spent nothing that date —
 * absent = zero spend; revenue rows sum exactly, to the cent, to the date's total revenue).
 */
import { centsText, money } from "./cents-text";
import type { ResolvedGenerateOptions } from "./options";
import type { SimulatedProcess } from "./process";

/** A file as a grid of cell texts, so dirt can edit cells before it is written. */
export interface Sheet {
  path: string;
  header: string[];
  /** Fault column name of each value cell (channel, target or control name). */
  columns: string[];
  rows: Array<{ date: string; cells: string[] }>;
}

/** What dirt did to one row: removed, written twice, its date text and its cells. */
export interface RowState {
  removed: boolean;
  duplicate: boolean;
  dateText: string;
  cells: string[];
}

/** render(sheet, states) → the CSV text of a sheet (header first, "\n" line ends), with the rows as dirt left them. */
export function render(sheet: Sheet, states?: RowState[]): string {
  const lines = [sheet.header.join(",")];
  sheet.rows.forEach((row, i) => {
    const st = states?.[i];
    if (st?.removed) return;
    const line = [st?.dateText ?? row.date, ...(st?.cells ?? row.cells)].join(",");
    lines.push(line);
    if (st?.duplicate) lines.push(line);
  });
  return `${lines.join("\n")}\n`;
}

/**
 * shapeSheets(opt, process) → the sheets of the wide shape (one file) or the channel-dir shape (one
 * file per channel and sales_data.csv); none for the campaigns shape (campaigns.ts). O(n · channels).
 */
export function shapeSheets(opt: ResolvedGenerateOptions, process: SimulatedProcess): Sheet[] {
  const { dates, spendCents, targetCents } = process;
  const { price, promo, demand_index: demand } = process.controlSeries;
  const spendTexts = spendCents.map((col) => Array.from(col, (v) => centsText(v)));
  if (opt.shape === "wide") {
    const controlNames = ["price", "promo", ...(opt.confounder ? ["demand_index"] : [])];
    return [{
      path: opt.fileName as string,
      header: ["date", ...opt.channels.map((c) => `${c}_spend`), "revenue", ...controlNames],
      columns: [...opt.channels, "revenue", ...controlNames],
      rows: dates.map((date, t) => ({
        date,
        cells: [
          ...spendTexts.map((col) => col[t]),
          centsText(targetCents[t]),
          money(price[t]),
          String(promo[t]),
          ...(opt.confounder ? [money(demand[t])] : []),
        ],
      })),
    }];
  }
  if (opt.shape === "channel-dir") {
    const sheets: Sheet[] = opt.channels.map((c, i) => ({
      path: `${c}_spend.csv`,
      header: ["date", "spend"],
      columns: [c],
      rows: dates.map((date, t) => ({ date, cells: [spendTexts[i][t]] })),
    }));
    sheets.push({
      path: "sales_data.csv",
      header: ["date", "sales"],
      columns: ["sales"],
      rows: dates.map((date, t) => ({ date, cells: [centsText(targetCents[t])] })),
    });
    return sheets;
  }
  return [];
}
