/**
 * writeSqlite(path, tables) / exportSqlite(path, model, input): the export tables as one SQLite
 * database (better-sqlite3) that BI tools open directly — one table per export table, indexes on
 * date. A new database is written into a temporary file beside the target and renamed over it, so
 * a reader never sees a half-written file. An existing database keeps every table that is not
 * mixlab's: mixlab replaces only its own tables (those listed in its `mixlab_export` table, or in a
 * database written before that list, a table with exactly the export table's columns), in one
 * transaction; a file that is not SQLite is refused.
 */
import Database from "better-sqlite3";
import { closeSync, openSync, readSync, renameSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { FittedModel } from "../models/fitted-model";
import { FileError, fileError } from "../util/file-error";
import { makeFolders, removeQuietly } from "../util/write-file-atomic";
import type { ExportInput } from "./export-input";
import { exportData, exportTables, type ExportOptions, type ExportTable } from "./export-tables";

/** The table that lists, one row per name, the tables mixlab wrote into a database (and may replace). */
export const OWNED_TABLES = "mixlab_export";

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

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
 * isSqliteFile(path) → true for an empty file or one that starts with the SQLite 3 header, false
 * for any other file; null when there is no file.
 */
export function isSqliteFile(path: string): boolean | null {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return false;
    size = st.size;
  } catch {
    return null;
  }
  if (size === 0) return true;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_HEADER);
}

/**
 * checkSqliteTarget(path): is `path` new, empty or a SQLite database? (Whether it can be written is
 * for the caller to check, e.g. with the CLI's probeWritable.)
 * @throws FileError naming `path` when it is a file that is not SQLite
 */
export function checkSqliteTarget(path: string): void {
  if (isSqliteFile(path) === false) {
    throw new FileError(path, "not_sqlite", `${path} is not a SQLite database; mixlab writes its tables into a new or an existing SQLite file and leaves other files alone`);
  }
}

/** insertTables(db, tables) creates each table with its indexes and inserts its rows (inside the caller's transaction). */
function insertTables(db: Database.Database, tables: readonly ExportTable[]): void {
  db.prepare(`CREATE TABLE IF NOT EXISTS ${quoteIdentifier(OWNED_TABLES)} ("name" TEXT PRIMARY KEY)`).run();
  const own = db.prepare(`INSERT OR IGNORE INTO ${quoteIdentifier(OWNED_TABLES)} VALUES (?)`);
  for (const table of tables) {
    for (const sql of createStatements(table)) db.prepare(sql).run();
    const insert = db.prepare(`INSERT INTO ${quoteIdentifier(table.name)} VALUES (${table.columns.map(() => "?").join(", ")})`);
    for (const row of table.rows) insert.run(row);
    own.run(table.name);
  }
}

/** ownedTables(db) → the names listed in mixlab_export, or null when the database has no such list. */
function ownedTables(db: Database.Database): Set<string> | null {
  const list = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(OWNED_TABLES);
  if (list === undefined) return null;
  return new Set((db.prepare(`SELECT "name" FROM ${quoteIdentifier(OWNED_TABLES)}`).all() as { name: string }[]).map((r) => r.name));
}

/**
 * isOwned(db, owned, table) → may mixlab replace the existing table of this name? When it is listed
 * in mixlab_export; in a database without that list (one written by an earlier mixlab), only when
 * its columns are exactly the export table's.
 */
function isOwned(db: Database.Database, owned: Set<string> | null, table: ExportTable): boolean {
  if (owned !== null) return owned.has(table.name);
  const columns = (db.prepare(`PRAGMA table_info(${quoteIdentifier(table.name)})`).all() as { name: string }[]).map((c) => c.name);
  return columns.length === table.columns.length && columns.every((c, i) => c === table.columns[i].name);
}

/**
 * replaceTables(path, db, tables): drop mixlab's previous tables of these names and write the new
 * ones, in one transaction; any other object of one of these names stops it (nothing changes).
 */
function replaceTables(path: string, db: Database.Database, tables: readonly ExportTable[]): void {
  db.transaction(() => {
    const owned = ownedTables(db);
    const lookup = db.prepare("SELECT type FROM sqlite_master WHERE name = ?");
    for (const table of tables) {
      const found = lookup.get(table.name) as { type: string } | undefined;
      if (found === undefined) continue;
      if (found.type !== "table" || !isOwned(db, owned, table)) {
        throw new FileError(path, "foreign_table", `${path} already has a ${found.type} "${table.name}" that mixlab did not write; mixlab leaves it alone: rename it or export into another file`);
      }
      db.prepare(`DROP TABLE ${quoteIdentifier(table.name)}`).run();
    }
    insertTables(db, tables);
  })();
}

/** sqliteError(path, err) → a FileError naming `path` for SQLite's own failures (full disk, read-only, locked, corrupt). */
function sqliteError(path: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (err instanceof Error && err.constructor.name === "SqliteError" && typeof code === "string") {
    return new FileError(path, code, `cannot write ${path}: ${err.message} (${code})`);
  }
  return fileError("write", path, err);
}

/** writeNew(path, tables): a new database, written to a temporary file and renamed over `path`. */
function writeNew(path: string, tables: readonly ExportTable[]): void {
  const temp = `${path}.tmp-${process.pid}-${Date.now()}`;
  let db: Database.Database | null = null;
  try {
    makeFolders(dirname(path));
    db = new Database(temp);
    const open = db;
    open.transaction(() => insertTables(open, tables))();
    open.close();
    db = null;
    renameSync(temp, path);
  } catch (err) {
    if (db !== null) db.close();
    removeQuietly(temp);
    removeQuietly(`${temp}-journal`);
    throw sqliteError(path, err);
  }
}

/**
 * writeSqlite(path, tables) writes the tables to the SQLite database at `path`: a new file
 * (atomically: temp file, one transaction, rename; parent folders created), or an existing
 * database whose other tables, views and rows are kept — mixlab's own tables of these names are
 * dropped and written again in one transaction.
 * @throws FileError naming `path` when it is not a SQLite file, holds a table of one of these names
 *   that mixlab did not write, or cannot be written; `path` is then unchanged
 * @example writeSqlite("out/mmm.db", exportTables(exportData(model, input)))
 */
export function writeSqlite(path: string, tables: readonly ExportTable[]): void {
  const kind = isSqliteFile(path);
  if (kind === null) {
    writeNew(path, tables);
    return;
  }
  checkSqliteTarget(path);
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { fileMustExist: true });
    replaceTables(path, db, tables);
  } catch (err) {
    throw sqliteError(path, err);
  } finally {
    db?.close();
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
