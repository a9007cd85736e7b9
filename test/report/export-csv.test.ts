import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell, exportCsv, tableCsv } from "../../src/report/export-csv";
import { writeSqlite } from "../../src/report/export-sqlite";
import type { Cell, ExportTable } from "../../src/report/export-tables";
import { weeklyModel } from "./weekly-model";

/** parseCsv(text) → rows of cells (RFC 4180: quoted cells, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === "\"" && text[i + 1] === "\"") { cell += "\""; i++; } else if (ch === "\"") quoted = false; else cell += ch;
    } else if (ch === "\"") quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; } else if (ch === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; } else cell += ch;
  }
  if (cell !== "" || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** typed(table, rows) → CSV text cells as SQLite gives them back: numbers for REAL/INTEGER, NULL for empty cells. */
function typed(table: ExportTable, rows: string[][]): Cell[][] {
  return rows.map((r) => r.map((text, j) => (text === "" ? null : table.columns[j].type === "TEXT" ? text : Number(text))));
}

const dir = mkdtempSync(join(tmpdir(), "mixlab-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("exportCsv", () => {
  let tables: ExportTable[];
  beforeAll(async () => {
    const { model, input } = await weeklyModel();
    tables = exportCsv(join(dir, "csv"), model, input);
    writeSqlite(join(dir, "mmm.db"), tables);
  }, 60_000);

  it("exportCsv(dir, model, input) writes one CSV per table", () => {
    expect(readdirSync(join(dir, "csv")).sort()).toEqual(tables.map((t) => `${t.name}.csv`).sort());
  });

  it("exportCsv(…) files read back equal the SQLite rows, number for number", () => {
    const db = new Database(join(dir, "mmm.db"), { readonly: true });
    for (const t of tables) {
      const [header, ...body] = parseCsv(readFileSync(join(dir, "csv", `${t.name}.csv`), "utf8"));
      expect(header).toEqual(t.columns.map((c) => c.name));
      // SQLite keeps NULL and "" apart; a CSV cannot, so empty text in SQLite compares as NULL.
      const fromDb = (db.prepare(`SELECT * FROM "${t.name}"`).raw().all() as Cell[][]).map((r) => r.map((v) => (v === "" ? null : v)));
      expect(typed(t, body)).toEqual(fromDb);
      expect(body.length).toBe(t.rows.length);
    }
    db.close();
  });
});

describe("csvCell", () => {
  it("csvCell(value) quotes text with commas, quotes, line breaks or outer spaces, and writes numbers exactly", () => {
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell("tv")).toBe("tv");
    expect(csvCell(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvCell(-1e-300)).toBe("-1e-300");
    expect([csvCell(null), csvCell(NaN), csvCell(Infinity)]).toEqual(["", "", ""]);
  });

  it("tableCsv(table) reads back to the same cells", () => {
    const t: ExportTable = { name: "t", columns: [{ name: "name", type: "TEXT" }, { name: "v", type: "REAL" }], rows: [['a,"b"\nc', 1 / 3], ["d", null]], indexes: [] };
    const [header, ...body] = parseCsv(tableCsv(t));
    expect(header).toEqual(["name", "v"]);
    expect(typed(t, body)).toEqual(t.rows);
  });
});
