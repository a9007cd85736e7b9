/**
 * writeExports(model, input, targets, options): the one call behind `mixlab export` and the demo —
 * compute the export data and tables once, then write whichever of the SQLite database, the CSV
 * folder and the HTML report are asked for.
 */
import type { FittedModel } from "../models/fitted-model";
import { writeCsvTables } from "./export-csv";
import type { ExportInput } from "./export-input";
import { writeSqlite } from "./export-sqlite";
import { exportData, exportTables, type ExportData, type ExportOptions, type ExportTable } from "./export-tables";
import { writeReportData } from "./html-report";

/** Where to write: any of a SQLite file, a CSV folder and an HTML file. */
export interface ExportTargets {
  sqlite?: string;
  csv?: string;
  report?: string;
}

/** What was written: the paths (every CSV file for the folder), plus the data and tables behind them. */
export interface ExportResult {
  data: ExportData;
  tables: ExportTable[];
  sqlite?: string;
  csv?: string[];
  report?: string;
}

/**
 * writeExports(model, input, targets, options) → the export data and tables, written to each
 * target given (each file atomically).
 * @throws RangeError when no target is given, or as exportData does
 * @example writeExports(model, loadExportInput("data.csv", model), { sqlite: "mmm.db", report: "report.html" })
 */
export function writeExports(model: FittedModel, input: ExportInput, targets: ExportTargets, options: ExportOptions = {}): ExportResult {
  if (targets.sqlite === undefined && targets.csv === undefined && targets.report === undefined) {
    throw new RangeError("writeExports requires at least one of sqlite, csv and report");
  }
  const data = exportData(model, input, options);
  const tables = exportTables(data);
  const result: ExportResult = { data, tables };
  if (targets.sqlite !== undefined) { writeSqlite(targets.sqlite, tables); result.sqlite = targets.sqlite; }
  if (targets.csv !== undefined) result.csv = writeCsvTables(targets.csv, tables);
  if (targets.report !== undefined) { writeReportData(targets.report, data, tables); result.report = targets.report; }
  return result;
}
