/**
 * Default roles through the CLI (issue #13 item 2): a CSV saved by pandas' `to_csv` (an unnamed
 * index column first) that `validate` passes also fits, and the columns left out or recoded are
 * named in `summary.warnings`, on stderr, and by `validate` as `ignored_column` warnings.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { wideCsv } from "../helpers/wide-csv";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-roles-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const QUICK = ["--model", "ols", "--adstock", "none", "--saturation", "none", "--trend", "none", "--seasonality", "0", "--holidays", "none", "--no-progress", "--json"];

const pandas = join(dir, "pandas.csv");
writeFileSync(pandas, wideCsv(52, 11, { event: (i) => (i % 8 === 5 ? "event1" : "na") }, true));

describe("mixlab on a pandas-style wide CSV with an exposure and a text column", () => {
  it("validate passes and lists the index and exposure columns as ignored_column warnings", async () => {
    const r = await runCli("validate", pandas, "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { issues: { kind: string; column: string | null }[] };
    const ignored = report.issues.filter((i) => i.kind === "ignored_column").map((i) => i.column);
    expect(ignored).toEqual(["", "tv_impressions", "event"]);
  });

  it("fit exits 0; summary.warnings names the index column, the exposure and the indicator; stderr prints them", async () => {
    const out = join(dir, "model.json");
    const r = await runCli("fit", pandas, ...QUICK, "--out", out);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { coefficients: Record<string, number>; warnings: string[] };
    expect(Object.keys(summary.coefficients).sort()).toEqual(["event=event1", "price", "radio", "tv"]);
    expect(summary.warnings).toHaveLength(3);
    expect(summary.warnings[0]).toContain("column 1 (no header) is an unnamed or index column");
    expect(summary.warnings[1]).toContain('column "tv_impressions" is the exposure (impressions) of channel "tv"');
    expect(summary.warnings[2]).toContain('"event=event1"');
    for (const w of summary.warnings) expect(r.err).toContain(`mixlab: warning: ${w}`);
    // The artifact stores them, and the price effect (−300 per unit in the data) is recovered.
    const artifact = JSON.parse(readFileSync(out, "utf8")) as { summary: { warnings: string[] } };
    expect(artifact.summary.warnings).toEqual(summary.warnings);
    expect(summary.coefficients.price).toBeGreaterThan(-400);
    expect(summary.coefficients.price).toBeLessThan(-200);
  });

  it("an explicit --controls tv_impressions keeps the exposure column and warns of nothing", async () => {
    const out = join(dir, "explicit.json");
    const r = await runCli("fit", pandas, ...QUICK, "--controls", "tv_impressions", "--out", out);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { coefficients: Record<string, number>; warnings?: string[] };
    expect(Object.keys(summary.coefficients).sort()).toEqual(["radio", "tv", "tv_impressions"]);
    expect(summary.warnings).toBeUndefined();
    expect(r.err).not.toContain("warning");
  });
});
