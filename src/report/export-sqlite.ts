/**
 * writeSqlite(path, tables) / exportSqlite(path, model, input): the export tables as one SQLite
 * database (better-sqlite3) that BI tools open directly — one table per export table, indexes on
 * date, all rows inserted in one transaction into a temporary file beside the target that is
 * renamed over it, so a reader never sees a half-written database.
 */
import Database from "better-sqlite3";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { FittedModel } from "../models/fitted-model";
import type { ExportInput } from "./export-input";
import { exportData, exportTables, type ExportOptions, type ExportTable } from "./export-tables";

/** quoteIdentifier(name) → "name" with inner quotes doubled (every identifier is quoted: `window` is an SQL keyword). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, "\"\"")}"`;
}

/** createStatements(table) → CREATE TABLE and CREATE INDEX statements of one export table. */
export function createStatements(table: ExportTable): string[] {
  const q = quoteIdentifier;
  return [
    `CREATE TABLE ${q(table.name)} (${table.columns.map((c) => `${q(c.name)} ${c.type}`).join(", ")})`,
    ...table.indexes.map((cols) => `CREATE INDEX ${q(`idx_${table.name}_${cols.join("_")}`)} ON ${q(table.name)} (${cols.map(q).join(", ")})`),
  ];
}

/**
 * writeSqlite(path, tables) writes the tables to a new SQLite database at `path` (replacing any file
 * there) atomically: temp file, one transaction, rename. Creates parent folders.
 * @throws the better-sqlite3 or file-system error; the temp file is removed and `path` is untouched
 */
export function writeSqlite(path: string, tables: readonly ExportTable[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}-${Date.now()}`;
  let db: Database.Database | null = null;
  try {
    db = new Database(temp);
    const open = db;
    open.transaction(() => {
      for (const table of tables) {
        for (const sql of createStatements(table)) open.prepare(sql).run();
        const insert = open.prepare(`INSERT INTO ${quoteIdentifier(table.name)} VALUES (${table.columns.map(() => "?").join(", ")})`);
        for (const row of table.rows) insert.run(row);
      }
    })();
    open.close();
    db = null;
    renameSync(temp, path);
  } catch (err) {
    if (db !== null) db.close();
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
    throw err;
  }
}

/**
 * exportSqlite(path, model, input, options) → the tables written to `path` (see export-tables.ts
 * for their columns).
 * @example exportSqlite("out/mmm.db", loadModel("model.json"), loadExportInput("data.csv", model))
 */
export function exportSqlite(path: string, model: FittedModel, input: ExportInput, options: ExportOptions = {}): ExportTable[] {
  const tables = exportTables(exportData(model, input, options));
  writeSqlite(path, tables);
  return tables;
}
