import Database from "better-sqlite3";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FittedModel } from "../../src/models/fitted-model";
import type { ExportInput } from "../../src/report/export-input";
import { exportSqlite, OWNED_TABLES, writeSqlite } from "../../src/report/export-sqlite";
import { FileError } from "../../src/util/file-error";
import type { ExportTable } from "../../src/report/export-tables";
import { expectClose } from "../helpers/expect-close";
import { weeklyModel } from "./weekly-model";

const dir = mkdtempSync(join(tmpdir(), "mixlab-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, "mmm.db");
let model: FittedModel;
let input: ExportInput;
let tables: ExportTable[];
let db: Database.Database;
beforeAll(async () => {
  ({ model, input } = await weeklyModel());
  tables = exportSqlite(path, model, input);
  db = new Database(path, { readonly: true });
}, 60_000);
afterAll(() => db?.close());

describe("exportSqlite", () => {
  it("exportSqlite(path, model, input): plain SQL over the fit window gives the model's channel contributions", () => {
    const meta = Object.fromEntries((db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    expect([meta.fit_start, meta.fit_end]).toEqual([model.summary.fit_window.start, model.summary.fit_window.end]);
    const rows = db.prepare("SELECT channel, SUM(contribution) AS total FROM contributions WHERE date BETWEEN ? AND ? GROUP BY channel")
      .all(meta.fit_start, meta.fit_end) as { channel: string; total: number }[];
    const totals = new Map(rows.map((r) => [r.channel, r.total]));
    for (const c of model.summary.channels) expectClose(totals.get(c.name)!, c.contribution ?? NaN, { rel: 1e-9 });
    const periods = db.prepare("SELECT COUNT(DISTINCT date) AS n FROM contributions WHERE date BETWEEN ? AND ?").get(meta.fit_start, meta.fit_end) as { n: number };
    expect(periods.n).toBe(model.summary.fit_window.rows);
  });

  it("exportSqlite(…): contributions add up to predictions on every date, and every input row is there", () => {
    const rows = db.prepare(`SELECT p.date, p.predicted, SUM(c.contribution) AS total FROM predictions p JOIN contributions c ON c.date = p.date GROUP BY p.date ORDER BY p.date`).all() as { date: string; predicted: number; total: number }[];
    expect(rows.map((r) => r.date)).toEqual(input.dates);
    for (const r of rows) expectClose(r.total, r.predicted, { rel: 1e-12 });
    const channels = db.prepare("SELECT DISTINCT channel FROM contributions WHERE kind = 'media'").all().map((r) => (r as { channel: string }).channel);
    expect(channels.sort()).toEqual([...model.spec.channels].sort());
  });

  it("exportSqlite(…) has the contract's tables and columns, with indexes on date", () => {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual([OWNED_TABLES, ...tables.map((t) => t.name)]);
    expect((db.prepare(`SELECT name FROM ${OWNED_TABLES}`).all() as { name: string }[]).map((r) => r.name).sort()).toEqual(tables.map((t) => t.name).sort());
    const columns = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns("actuals")).toEqual(["date", "actual"]);
    expect(columns("predictions").slice(0, 2)).toEqual(["date", "predicted"]);
    expect(columns("contributions")).toEqual(["date", "channel", "kind", "contribution"]);
    expect(columns("channels")).toEqual(expect.arrayContaining(["name", "spend", "contribution", "roas", "roas_low", "roas_high", "mroas", "share_of_spend", "share_of_effect"]));
    expect(columns("response_curves").slice(0, 4)).toEqual(["channel", "spend", "total_spend", "response"]);
    expect(columns("budget_scenarios")).toEqual(["multiplier", "budget", "channel", "spend", "response", "roas", "mroas"]);
    expect(columns("metrics")).toEqual(["window", "metric", "value"]);
    for (const t of ["actuals", "predictions", "contributions"]) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM ${t} WHERE date = '2022-01-03'`).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(" ")).toContain(`USING INDEX idx_${t}_date`);
    }
  });

  it("exportSqlite(…) rows equal the export tables, and `window` works unquoted", () => {
    for (const t of tables) {
      const rows = db.prepare(`SELECT * FROM "${t.name}"`).raw().all();
      expect(rows).toEqual(t.rows);
    }
    const train = db.prepare("SELECT value FROM metrics WHERE window = 'train' AND metric = 'mape'").get() as { value: number };
    expect(train.value).toBe(model.summary.train.mape);
  });
});

describe("writeSqlite", () => {
  const t = (rows: (number | null)[][]): ExportTable => ({ name: "t", columns: [{ name: "a", type: "REAL" }], rows: rows, indexes: [["a"]] });

  it("writeSqlite(path, tables) refuses a file that is not SQLite, with a FileError naming it, and leaves it as it was", () => {
    const target = join(dir, "notes.db");
    writeFileSync(target, "not a database");
    expect(() => writeSqlite(target, [t([[1.5]])])).toThrow(FileError);
    expect(() => writeSqlite(target, [t([[1.5]])])).toThrow(`${target} is not a SQLite database`);
    expect(readFileSync(target, "utf8")).toBe("not a database");
  });

  it("writeSqlite(path, tables) into an existing database keeps its other tables and their rows, and replaces its own tables on the next export", () => {
    const target = join(dir, "shared.db");
    const setup = new Database(target);
    setup.exec("CREATE TABLE crm (id INTEGER, name TEXT); INSERT INTO crm VALUES (1, 'a'), (2, 'b'); CREATE VIEW crm_names AS SELECT name FROM crm");
    setup.close();
    writeSqlite(target, [t([[1.5], [null]])]);
    writeSqlite(target, [t([[2.5]])]);
    const d = new Database(target, { readonly: true });
    expect(d.prepare("SELECT id, name FROM crm ORDER BY id").raw().all()).toEqual([[1, "a"], [2, "b"]]);
    expect(d.prepare("SELECT name FROM crm_names ORDER BY name").raw().all()).toEqual([["a"], ["b"]]);
    expect(d.prepare("SELECT a FROM t").raw().all()).toEqual([[2.5]]);
    expect(d.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 't'").raw().all()).toEqual([["idx_t_a"]]);
    d.close();
  });

  it("writeSqlite(path, tables) refuses to replace a table of one of its names that it did not write, and changes nothing", () => {
    const target = join(dir, "theirs.db");
    const setup = new Database(target);
    setup.exec("CREATE TABLE other (x INTEGER); CREATE TABLE t (a REAL, note TEXT); INSERT INTO t VALUES (7, 'theirs')");
    setup.close();
    const other = { name: "other2", columns: [{ name: "x", type: "INTEGER" as const }], rows: [[1]], indexes: [] };
    expect(() => writeSqlite(target, [other, t([[1]])])).toThrow(/already has a table "t" that mixlab did not write/);
    const d = new Database(target, { readonly: true });
    expect(d.prepare("SELECT a, note FROM t").raw().all()).toEqual([[7, "theirs"]]);
    expect(d.prepare("SELECT name FROM sqlite_master ORDER BY name").raw().all()).toEqual([["other"], ["t"]]);
    d.close();
  });

  it("writeSqlite(path, tables) replaces a table with exactly its columns in a database without mixlab_export (written by an earlier mixlab)", () => {
    const target = join(dir, "older.db");
    const setup = new Database(target);
    setup.exec("CREATE TABLE t (a REAL); INSERT INTO t VALUES (1)");
    setup.close();
    writeSqlite(target, [t([[3]])]);
    const d = new Database(target, { readonly: true });
    expect(d.prepare("SELECT a FROM t").raw().all()).toEqual([[3]]);
    d.close();
  });

  it("writeSqlite(path, tables) that fails leaves the previous file untouched and no temporary file", () => {
    const folder = mkdtempSync(join(dir, "atomic-"));
    const target = join(folder, "keep.db");
    writeFileSync(target, "previous");
    const bad: ExportTable[] = [
      { name: "ok", columns: [{ name: "a", type: "REAL" }], rows: [[1]], indexes: [] },
      { name: "broken", columns: [{ name: "a", type: "REAL" }], rows: [[1, 2]], indexes: [] },
    ];
    expect(() => writeSqlite(target, bad)).toThrow();
    expect(readFileSync(target, "utf8")).toBe("previous");
    expect(readdirSync(folder)).toEqual(["keep.db"]);
  });

  it("writeSqlite(path, tables) writes nothing at all when a table fails in the one transaction", () => {
    const target = join(dir, "never.db");
    expect(() => writeSqlite(target, [{ name: "x", columns: [{ name: "a", type: "TEXT" }], rows: [["a"], ["b", "c"]], indexes: [] }])).toThrow();
    expect(existsSync(target)).toBe(false);
  });
});
