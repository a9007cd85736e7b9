/**
 * Panels and target expressions on the command line: a panel read without --group stops with one
 * line naming the group column, validate/clean read it per group with --group, the commands without
 * panel models refuse --group, and --target takes an expression wherever it is taken.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toPanel } from "../../src/data/load";
import { loadWide } from "../../src/data/load-wide";
import { wideCsv } from "../helpers/wide-csv";
import { expectClose } from "../helpers/expect-close";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-panel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "geo", "mmm_weekly.csv");
const NO_GROUP = `mixlab: ${file} has several rows per date, told apart by column "geo": read it as a panel with --group geo\n`;

beforeAll(async () => {
  const { code } = await runCli("generate", "--out", join(dir, "geo"), "--groups", "40", "--seed", "5");
  expect(code).toBe(0);
});

describe("a 40-group panel on the command line", () => {
  it.each([
    ["validate", [file]],
    ["clean", [file, "--out", join(dir, "x.csv")]],
    ["fit", [file, "--out", join(dir, "x.json")]],
  ])("mixlab %s without --group exits 1 with one line naming the group column and --group", async (command, args) => {
    const { code, out, err } = await runCli(command, ...args);
    expect(code).toBe(1);
    expect(err).toBe(NO_GROUP);
    expect(out).toBe("");
  });

  it("mixlab validate --group geo --population population --json is ok with no issue over 40 × 156 rows", async () => {
    const { code, out } = await runCli("validate", file, "--group", "geo", "--population", "population", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, rows: 6240, groups: 40, group: "geo", issues: [] });
  });

  it("mixlab clean of the clean panel changes nothing and keeps every row", async () => {
    const out = join(dir, "clean.csv");
    const { code, out: json } = await runCli("clean", file, "--group", "geo", "--population", "population", "--out", out, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(json);
    expect(report).toMatchObject({ changes: [], summary: {}, rows_in: 6240, rows_out: 6240, group: "geo" });
    expect(readFileSync(out, "utf8").trimEnd().split("\n")).toHaveLength(6241);
    const before = toPanel(loadWide(file, { group: "geo", population: "population" }));
    const after = toPanel(loadWide(out, { group: "geo", population: "population" }));
    expect(after.groups.map((g) => [g.name, g.population, g.table.dates.length])).toEqual(before.groups.map((g) => [g.name, g.population, 156]));
    after.groups.forEach((g, k) => {
      for (const name of [after.target, ...after.channels, ...after.controls]) {
        expect(Array.from(g.table.columns[name])).toEqual(Array.from(before.groups[k].table.columns[name]));
      }
    });
  });

  it.each(["fit", "predict"])("mixlab %s --group exits 2: panel models are not available yet", async (command) => {
    const args = command === "fit" ? [file, "--out", join(dir, "m.json")] : [join(dir, "m.json"), file];
    const { code, err } = await runCli(command, ...args, "--group", "geo");
    expect(code).toBe(2);
    expect(err).toBe(`mixlab: mixlab ${command} --group: panel models are not available yet (validate and clean read panels; panel fits come later)\n`);
  });
});

describe("--target expressions on the command line", () => {
  const wide = join(dir, "wide.csv");
  beforeAll(() => { writeFileSync(wide, wideCsv(60, 3)); });
  const TEXTBOOK = ["--model", "ols", "--adstock", "none", "--saturation", "none", "--trend", "none", "--seasonality", "0", "--holidays", "none", "--holdout-fraction", "0", "--controls", "price"];

  it("a syntax error exits 2 with one line naming its position", async () => {
    const { code, err } = await runCli("validate", wide, "--target", "revenue - (price");
    expect(code).toBe(2);
    expect(err).toBe('mixlab: cannot read the target expression "revenue - (price": expected ")", found the end at position 17\n');
  });

  it("an unknown column exits 1 naming it", async () => {
    const { code, out } = await runCli("validate", wide, "--target", "revenue - returns", "--json");
    expect(code).toBe(1);
    const issues = JSON.parse(out).issues.filter((i: { severity: string }) => i.severity === "error");
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('has no column "returns" (in the target expression "revenue - returns")');
  });

  it("mixlab fit --target \"revenue * 2\" (textbook OLS) has twice the coefficients of the fit on revenue, and predict uses it", async () => {
    const one = await runCli("fit", wide, ...TEXTBOOK, "--out", join(dir, "one.json"), "--json");
    const two = await runCli("fit", wide, ...TEXTBOOK, "--target", "revenue * 2", "--out", join(dir, "two.json"), "--json");
    expect([one.code, two.code]).toEqual([0, 0]);
    const a = JSON.parse(one.out), b = JSON.parse(two.out);
    expectClose(b.intercept, 2 * a.intercept, { rel: 1e-9 });
    for (const term of Object.keys(a.coefficients)) expectClose(b.coefficients[term], 2 * a.coefficients[term], { rel: 1e-9 });
    const p1 = await runCli("predict", join(dir, "one.json"), wide, "--json");
    const p2 = await runCli("predict", join(dir, "two.json"), wide, "--json");
    expect([p1.code, p2.code]).toEqual([0, 0]);
    const y1 = JSON.parse(p1.out).predictions.map((p: { predicted: number }) => 2 * p.predicted);
    const y2 = JSON.parse(p2.out).predictions.map((p: { predicted: number }) => p.predicted);
    expectClose(y2, y1, { rel: 1e-9 });
  });

  it("mixlab predict with an expression-target model reads new data that lacks the target's columns", async () => {
    const lines = readFileSync(wide, "utf8").trimEnd().split("\n").map((l) => l.split(",").slice(0, 5).join(","));
    const future = join(dir, "future.csv");
    writeFileSync(future, `${lines.join("\n")}\n`);
    const { code, out, err } = await runCli("predict", join(dir, "two.json"), future, "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(out).predictions).toHaveLength(60);
  });

  it("mixlab clean --target writes the expression as the target column (its columns are not controls), which --target reads back", async () => {
    const out = join(dir, "net.csv");
    const { code } = await runCli("clean", wide, "--target", "revenue - 100 * price", "--out", out);
    expect(code).toBe(0);
    const lines = readFileSync(out, "utf8").split("\n");
    expect(lines[0]).toBe("date,tv_spend,radio_spend,revenue - 100 * price");
    const source = readFileSync(wide, "utf8").split("\n")[1].split(",");
    // hand: revenue − 100 · price on the first row (columns date,tv_spend,tv_impressions,radio_spend,price,revenue)
    expectClose(Number(lines[1].split(",")[3]), Number(source[5]) - 100 * Number(source[4]), { rel: 1e-12 });
    const again = await runCli("validate", out, "--target", "revenue - 100 * price", "--json");
    expect(again.code).toBe(0);
  });
});

describe("a multi-region daily file with a net-revenue expression", () => {
  // 6 regions × 120 days; gross and discount columns instead of revenue (gross = revenue + discount).
  const path = join(dir, "regions.csv");
  beforeAll(async () => {
    const { code } = await runCli("generate", "--out", join(dir, "daily"), "--groups", "6", "--frequency", "daily", "--periods", "120", "--seed", "9");
    expect(code).toBe(0);
    const lines = readFileSync(join(dir, "daily", "mmm_daily.csv"), "utf8").trimEnd().split("\n");
    const header = lines[0].replace("geo", "region").replace(",revenue,", ",ORIGINAL_PRICE,GROSS_DISCOUNT,");
    const body = lines.slice(1).map((line, i) => {
      const cells = line.split(",");
      const discount = (i % 7) * 10;
      cells.splice(7, 1, (Number(cells[7]) + discount).toFixed(2), String(discount));
      return cells.join(",");
    });
    writeFileSync(path, `${[header, ...body].join("\n")}\n`);
  });
  const NET = ["--target", "ORIGINAL_PRICE - GROSS_DISCOUNT"];

  it("read without --group, it stops naming region", async () => {
    const { code, err } = await runCli("validate", path, ...NET);
    expect(code).toBe(1);
    expect(err).toContain('told apart by column "region": read it as a panel with --group region');
  });

  it("with --group region it validates clean, and cleaning writes the net revenue per region, equal to the generated revenue", async () => {
    const v = await runCli("validate", path, ...NET, "--group", "region", "--population", "population", "--json");
    expect(v.code).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({ ok: true, rows: 720, groups: 6, target: "ORIGINAL_PRICE - GROSS_DISCOUNT", controls: ["price", "promo"] });
    const out = join(dir, "regions-clean.csv");
    const c = await runCli("clean", path, ...NET, "--group", "region", "--population", "population", "--out", out, "--json");
    expect(c.code).toBe(0);
    expect(JSON.parse(c.out).changes).toEqual([]);
    const cleaned = toPanel(loadWide(out, { group: "region", population: "population", target: "ORIGINAL_PRICE - GROSS_DISCOUNT" }));
    const generated = toPanel(loadWide(join(dir, "daily", "mmm_daily.csv"), { group: "geo", population: "population" }));
    cleaned.groups.forEach((g, k) => { expectClose(g.table.columns[cleaned.target], generated.groups[k].table.columns.revenue, { abs: 1e-9 }); });
  });
});

