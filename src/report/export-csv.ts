/**
 * writeCsvTables(dir, tables) / exportCsv(dir, model, input): one CSV per export table
 * (`<table>.csv`, header row, RFC 4180 quoting) in a folder — the same rows as the SQLite export.
 * Numbers are written in their shortest exact form, so they read back to the same doubles; NULL is
 * an empty cell. Each file is written atomically.
 */
import { join } from "node:path";
import type { FittedModel } from "../models/fitted-model";
import { writeFileAtomic } from "../util/write-file-atomic";
import type { ExportInput } from "./export-input";
import { exportData, exportTables, type Cell, type ExportOptions, type ExportTable } from "./export-tables";

/**
 * csvCell(value) → the CSV text of one cell: empty for null (and non-finite numbers), the shortest
 * round-trip form for numbers, strings quoted when they hold a comma, quote, CR or LF or start or
 * end with a space.
 * @example csvCell('say "hi", then') // => '"say ""hi"", then"'
 */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, "\"\"")}"` : value;
}

/** tableCsv(table) → the CSV text of a table: header line, one line per row, "\n" line ends. */
export function tableCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => csvCell(c.name)).join(",")];
  for (const row of table.rows) lines.push(row.map(csvCell).join(","));
  return `${lines.join("\n")}\n`;
}

/**
 * writeCsvTables(dir, tables) writes `<dir>/<table>.csv` for each table (creating the folder) and
 * returns the paths written.
 */
export function writeCsvTables(dir: string, tables: readonly ExportTable[]): string[] {
  return tables.map((table) => {
    const path = join(dir, `${table.name}.csv`);
    writeFileAtomic(path, tableCsv(table));
    return path;
  });
}

/**
 * exportCsv(dir, model, input, options) → the tables written as CSV files into `dir`.
 * @example exportCsv("out/csv", model, loadExportInput("data.csv", model))
 */
export function exportCsv(dir: string, model: FittedModel, input: ExportInput, options: ExportOptions = {}): ExportTable[] {
  const tables = exportTables(exportData(model, input, options));
  writeCsvTables(dir, tables);
  return tables;
}
