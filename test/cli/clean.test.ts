import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-clean-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = join(__dirname, "..", "..", "data");

describe("mixlab clean", () => {
  it("mixlab clean data/daily writes a wide CSV and a report listing all 63 injected faults", async () => {
    const out = join(dir, "daily.csv");
    const report = join(dir, "daily.json");
    const { code } = await runCli("clean", join(data, "daily"), "--out", out, "--report", report);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(report, "utf8"));
    const truth = JSON.parse(readFileSync(join(data, "daily", "truth.json"), "utf8"));
    expect(json.changes).toHaveLength(truth.dirt.faults.length);
    expect(readFileSync(out, "utf8").split("\n")[0]).toBe("date,outdoor_spend,print_spend,radio_spend,search_spend,social_media_spend,tv_spend,sales");
    // The cleaned file validates with no issue at all.
    const again = await runCli("validate", out, "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).issues).toEqual([]);
  });

  it("mixlab clean --strategy with an unknown kind or strategy exits 2", async () => {
    const out = join(dir, "x.csv");
    expect((await runCli("clean", join(data, "daily"), "--out", out, "--strategy", "weird=zero")).code).toBe(2);
    expect((await runCli("clean", join(data, "daily"), "--out", out, "--strategy", "outlier=median")).code).toBe(2);
  });

  it("mixlab clean --json prints the report with a summary per kind", async () => {
    const { code, out } = await runCli("clean", join(data, "daily"), "--out", join(dir, "y.csv"), "--json", "--strategy", "outlier=keep");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.summary.outlier).toBeUndefined();
    expect(report.kept.every((k: { kind: string }) => k.kind === "outlier")).toBe(true);
    expect(report.kept.length).toBeGreaterThan(0);
  });
});
