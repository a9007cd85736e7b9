import Database from "better-sqlite3";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/artifact/load";
import { expectClose } from "../helpers/expect-close";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const weekly = join(__dirname, "..", "..", "data", "weekly", "mmm_weekly.csv");
const modelPath = join(dir, "model.json");
const noControlsPath = join(dir, "no-controls.json");

describe("mixlab export", () => {
  beforeAll(async () => {
    expect((await runCli("fit", weekly, "--trials", "60", "--bootstrap", "5", "--seed", "4", "--out", modelPath, "--no-progress")).code).toBe(0);
    expect((await runCli("fit", weekly, "--controls", "", "--trials", "40", "--bootstrap", "0", "--out", noControlsPath, "--no-progress")).code).toBe(0);
  }, 120_000);

  it("mixlab export model.json --input INPUT --sqlite --csv --report writes all three and lists them", async () => {
    const db = join(dir, "out", "mmm.db");
    const csv = join(dir, "out", "csv");
    const report = join(dir, "out", "report.html");
    const r = await runCli("export", modelPath, "--input", weekly, "--sqlite", db, "--csv", csv, "--report", report, "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { sqlite: string; csv: string[]; report: string; rows: number; tables: Record<string, number> };
    expect(out.sqlite).toBe(db);
    expect(out.report).toBe(report);
    expect(out.rows).toBe(208);
    expect(out.tables.contributions).toBe(208 * 11);
    expect(readdirSync(csv)).toHaveLength(Object.keys(out.tables).length);
    expect(readFileSync(report, "utf8")).toContain("<h2>Budget scenarios</h2>");
    const model = loadModel(modelPath);
    const sql = new Database(db, { readonly: true });
    const rows = sql.prepare("SELECT channel, SUM(contribution) AS total FROM contributions WHERE date BETWEEN ? AND ? GROUP BY channel")
      .all(model.summary.fit_window.start, model.summary.fit_window.end) as { channel: string; total: number }[];
    for (const c of model.summary.channels) expectClose(rows.find((x) => x.channel === c.name)!.total, c.contribution ?? NaN, { rel: 1e-9 });
    sql.close();
  });

  it("mixlab export with one output writes only that one", async () => {
    const report = join(dir, "only", "report.html");
    const r = await runCli("export", modelPath, "--input", weekly, "--report", report, "--periods", "4", "--budgets", "0.5,1");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`report  ${report}`);
    expect(readdirSync(join(dir, "only"))).toEqual(["report.html"]);
    expect(readFileSync(report, "utf8")).toContain("Optimal split of 50 %, 100 % of the current budget");
  });

  it("mixlab export without an output is a usage error", async () => {
    const r = await runCli("export", modelPath, "--input", weekly);
    expect(r.code).toBe(2);
    expect(r.err).toContain("export needs at least one output: --sqlite FILE.db, --csv DIR or --report FILE.html");
  });

  it("mixlab export without --input of a model saved without control history asks for --input and names the controls", async () => {
    const old = JSON.parse(readFileSync(modelPath, "utf8"));
    delete old.history.controls;
    const oldPath = join(dir, "old.json");
    writeFileSync(oldPath, JSON.stringify(old));
    const r = await runCli("export", oldPath, "--sqlite", join(dir, "x.db"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("needs --input INPUT");
    expect(r.err).toContain("the model uses controls (price, promo) whose values this artifact does not keep (saved by an earlier mixlab)");
    expect(existsSync(join(dir, "x.db"))).toBe(false);
  });

  it("mixlab export without --input of a model with controls exports its own periods with the observed controls: the predictions of --input on its data", async () => {
    const own = join(dir, "own.db");
    const given = join(dir, "given.db");
    const r = await runCli("export", modelPath, "--sqlite", own);
    expect(r.code).toBe(0);
    expect(r.err).toContain("no --input; exporting the model's own 208 periods");
    expect((await runCli("export", modelPath, "--input", weekly, "--sqlite", given)).code).toBe(0);
    const read = (path: string) => {
      const sql = new Database(path, { readonly: true });
      const rows = sql.prepare("SELECT date, predicted FROM predictions ORDER BY date").all() as { date: string; predicted: number }[];
      sql.close();
      return rows;
    };
    const a = read(own);
    const b = read(given);
    expect(a).toHaveLength(208);
    expect(a.map((x) => x.date)).toEqual(b.map((x) => x.date));
    a.forEach((x, i) => {
      expectClose(x.predicted, b[i].predicted, { rel: 1e-12 });
    });
  });

  it("mixlab export without --input of a model without controls exports its own periods, without actuals", async () => {
    const db = join(dir, "history.db");
    const r = await runCli("export", noControlsPath, "--sqlite", db);
    expect(r.code).toBe(0);
    expect(r.err).toContain("no --input; exporting the model's own 208 periods");
    const sql = new Database(db, { readonly: true });
    expect((sql.prepare("SELECT COUNT(*) AS n FROM predictions").get() as { n: number }).n).toBe(208);
    expect((sql.prepare("SELECT COUNT(*) AS n FROM actuals").get() as { n: number }).n).toBe(0);
    sql.close();
  });

  it("mixlab export with a bad --periods or --budgets is a usage error, and a missing model is bad input", async () => {
    expect((await runCli("export", modelPath, "--input", weekly, "--csv", dir, "--periods", "0")).code).toBe(2);
    expect((await runCli("export", modelPath, "--input", weekly, "--csv", dir, "--budgets", "1,x")).code).toBe(2);
    const missing = await runCli("export", join(dir, "nope.json"), "--input", weekly, "--csv", dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("file not found");
  });
});
