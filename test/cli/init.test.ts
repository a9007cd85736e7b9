/**
 * `mixlab init INPUT` (issue #17 item 3, CONTRACTS): on each bundled shape and on exports named the
 * way other tools name them, the config it writes is accepted as is — the next commands it prints
 * are run here exactly as printed (fit with small search settings added) and succeed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/cli/read-config";
import { channelIndexStyle, costStyle, geoPanel, robynStyle } from "../helpers/export-csv-fixtures";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-init-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Added to the printed `mixlab fit` line: a short search, no bootstrap, a quiet run. */
const FAST = ["--trials", "50", "--bootstrap", "0", "--no-progress", "--json"];

interface InitAnswer {
  config: string;
  roles: Record<string, unknown>;
  reasons: Record<string, string>;
  problems: { errors: number; holes: number; blocking: boolean };
  next: string[];
}

/** init(input, name) runs `mixlab init INPUT --out <dir>/<name>/mixlab.config.json --json`. */
async function init(input: string, name: string): Promise<InitAnswer> {
  const r = await runCli("init", input, "--out", join(dir, name, "mixlab.config.json"), "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as InitAnswer;
}

/** runNext(line) runs one printed command line (no quoting needed: the paths have no spaces); fit gets FAST. */
async function runNext(line: string): Promise<{ code: number; out: string; err: string }> {
  const words = line.split(" ");
  expect(words[0]).toBe("mixlab");
  const args = words.slice(1);
  return runCli(...args, ...(args[0] === "fit" ? FAST : []));
}

describe("mixlab init on the bundled shapes", () => {
  it("data/weekly: the printed fit and export run as printed; the model has the five channels and both controls", async () => {
    const a = await init("data/weekly/mmm_weekly.csv", "weekly");
    expect(a.roles).toEqual({ date: "date", target: "revenue", channels: ["tv_spend", "radio_spend", "social_media_spend", "search_spend", "outdoor_spend"], controls: ["price", "promo"], frequency: "weekly" });
    expect(a.next.map((l) => l.split(" ")[1])).toEqual(["fit", "export", "serve"]);
    const fit = await runNext(a.next[0]);
    expect(fit.code).toBe(0);
    const summary = JSON.parse(fit.out) as { channels: { name: string }[]; coefficients: Record<string, number> };
    expect(summary.channels.map((c) => c.name)).toEqual(["tv", "radio", "social_media", "search", "outdoor"]);
    expect(Object.keys(summary.coefficients)).toEqual(expect.arrayContaining(["price", "promo"]));
    const exported = await runNext(a.next[1]);
    expect(exported.code).toBe(0);
    expect(readFileSync(join(dir, "weekly", "report.html"), "utf8")).toContain("<!DOCTYPE html>");
  });

  it("data/daily (dirty): init says to clean first; the printed clean and fit run as printed", async () => {
    const a = await init("data/daily", "daily");
    expect(a.roles).toEqual({ frequency: "daily" });
    expect(a.problems.blocking).toBe(true);
    expect(a.next.map((l) => l.split(" ")[1])).toEqual(["clean", "fit", "export"]);
    expect((await runNext(a.next[0])).code).toBe(0);
    const fit = await runNext(a.next[1]);
    expect(fit.code).toBe(0);
    expect((JSON.parse(fit.out) as { channels: unknown[] }).channels).toHaveLength(6);
  });

  it("data/campaigns: the printed fit runs as printed, one channel per campaign", async () => {
    const a = await init("data/campaigns/campaigns.csv", "campaigns");
    expect(a.problems.blocking).toBe(false);
    const fit = await runNext(a.next[0]);
    expect(fit.code).toBe(0);
    expect((JSON.parse(fit.out) as { channels: unknown[] }).channels).toHaveLength(8);
  });
});

describe("mixlab init on exports with other namings", () => {
  const cases = [
    { name: "robyn", fixture: robynStyle(), model: ["tv_S", "facebook_S"], controls: ["competitor_sales_B"] },
    { name: "cost", fixture: costStyle(), model: ["search_cost", "display_cost"], controls: ["price"] },
    { name: "channel-index", fixture: channelIndexStyle(), model: ["Channel0", "Channel1"], controls: ["temperature"] },
  ];
  for (const c of cases) {
    it(`${c.name}: the written config fits as is (channels ${c.model.join(", ")}, controls ${c.controls.join(", ")}; the exposure left out)`, async () => {
      const input = join(dir, `${c.name}.csv`);
      writeFileSync(input, c.fixture.text);
      const a = await init(input, c.name);
      expect(a.roles.channels).toEqual(c.fixture.channels);
      expect(a.roles.exposures).toEqual(c.fixture.exposures);
      const fit = await runNext(a.next[0]);
      expect(fit.err).not.toContain("error");
      expect(fit.code).toBe(0);
      const summary = JSON.parse(fit.out) as { channels: { name: string }[]; coefficients: Record<string, number> };
      expect(summary.channels.map((x) => x.name)).toEqual(c.model);
      const controls = Object.keys(summary.coefficients).filter((k) => !c.model.includes(k) && !/^(trend|sin|cos|holiday|fourier)/.test(k));
      expect(controls).toEqual(expect.arrayContaining(c.controls));
      for (const exposure of Object.values(c.fixture.exposures).flat()) expect(Object.keys(summary.coefficients)).not.toContain(exposure);
    });
  }

  it("a raw *_cost export with a bad date, an empty cell and a negative spend: init says to clean first, and the printed clean and fit run as printed", async () => {
    const input = join(dir, "raw-cost.csv");
    const lines = costStyle().text.split("\n");
    lines[5] = lines[5].replace(/^2022-\d\d-\d\d/, "2022-13-40");
    lines[9] = lines[9].replace(/,[^,]*,/, ",,");
    lines[12] = lines[12].replace(/,([^,]*),/, ",-$1,");
    writeFileSync(input, lines.join("\n"));
    const a = await init(input, "raw-cost");
    expect(a.roles).toMatchObject({ date: "week", target: "sales", channels: ["search_cost", "display_cost"], controls: ["price"] });
    expect(a.problems.blocking).toBe(true);
    const cleaned = await runNext(a.next[0]);
    expect(cleaned.code).toBe(0);
    expect(cleaned.out).toMatch(/invalid_date \d+/);
    const fit = await runNext(a.next[1]);
    expect(fit.code).toBe(0);
    expect((JSON.parse(fit.out) as { channels: { name: string }[] }).channels.map((c) => c.name)).toEqual(["search_cost", "display_cost"]);
  });

  it("geo panel: init finds the group column and writes a valid config with it (fit of panels is another helper's work: detection and validity only)", async () => {
    const input = join(dir, "geo.csv");
    writeFileSync(input, geoPanel().text);
    const a = await init(input, "geo");
    expect(a.roles).toEqual({ date: "date", target: "revenue", channels: ["tv_spend", "search_spend"], controls: ["price"], group: "geo", frequency: "weekly" });
    expect(readConfig(a.config).roles?.group).toBe("geo");
  });

  it("generated panel: init finds the group and the population column (one value per group), not a control, and validate reads the file with that config", async () => {
    const folder = join(dir, "panel");
    expect((await runCli("generate", "--groups", "4", "--seed", "5", "--out", folder)).code).toBe(0);
    const input = join(folder, "mmm_weekly.csv");
    const a = await init(input, "panel");
    expect(a.roles.group).toBe("geo");
    expect(a.roles.population).toBe("population");
    expect(a.roles.controls as string[]).not.toContain("population");
    const validated = await runCli("validate", input, "--config", a.config, "--json");
    expect(validated.code).toBe(0);
  });
});

describe("mixlab init: usage", () => {
  it("refuses to overwrite a config without --force (exit 2), and overwrites it with --force", async () => {
    const out = join(dir, "exists.json");
    writeFileSync(out, "{}");
    const refused = await runCli("init", "data/weekly/mmm_weekly.csv", "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("exists.json exists; pass --force");
    const forced = await runCli("init", "data/weekly/mmm_weekly.csv", "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("next:\n  mixlab fit data/weekly/mmm_weekly.csv --config");
    expect(readConfig(out).roles?.target).toBe("revenue");
  });

  it("a file with no spend-like column is exit 1 with a message naming its columns", async () => {
    const input = join(dir, "nospend.csv");
    writeFileSync(input, "date,tv,revenue\n2023-01-02,1,2\n2023-01-09,1,3\n");
    const r = await runCli("init", input, "--out", join(dir, "nospend.json"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("its columns are: date, tv, revenue");
  });

  it("a config whose frequency differs from the data's stops the fit with a message", async () => {
    const config = join(dir, "wrong-frequency.json");
    writeFileSync(config, JSON.stringify({ roles: { frequency: "daily" } }));
    const r = await runCli("fit", "data/weekly/mmm_weekly.csv", "--config", config, "--out", join(dir, "never.json"), ...FAST);
    expect(r.code).toBe(1);
    expect(r.err).toContain("roles.frequency is daily but the data's dates are weekly");
  });
});
