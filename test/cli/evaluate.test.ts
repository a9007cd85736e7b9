import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mape } from "../../src/analysis/metrics";
import type { Evaluation } from "../../src/analysis/recovery";
import { loadArtifact } from "../../src/artifact/load";
import { generate } from "../../src/generate/generate";
import { writeGenerated } from "../../src/generate/write-generated";
import type { Backtest } from "../../src/cli/evaluate/backtest";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-evaluate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** args(command) → the arguments of a reported `mixlab …` command line (the test's paths need no quoting). */
function args(command: string): string[] {
  expect(command).not.toMatch(/'/);
  const words = command.split(" ");
  expect(words[0]).toBe("mixlab");
  return words.slice(1);
}

describe("mixlab evaluate (synthetic suite)", () => {
  const keep = join(dir, "suite");
  const report = join(dir, "evaluation.html");
  let run: { code: number; out: string; err: string };
  let e: Evaluation;
  beforeAll(async () => {
    // The generator's true structure fixed for both models, so the two differ in the adstock alone (the
    // structure step on 150 trials adds noise of its own to four small sets).
    run = await runCli("evaluate", "--datasets", "4", "--models", "ridge,ridge:adstock=none", "--trials", "150", "--bootstrap", "20",
      "--saturation", "hill", "--trend", "linear", "--seasonality", "2", "--holidays", "US",
      "--seed", "3", "--workers", "2", "--keep", keep, "--report", report, "--json");
    e = JSON.parse(run.out);
  }, 300_000);

  it("prints the contract's shape: data sets across the scenarios, each model's fit and recovery, the per-model summary", () => {
    expect(run.code).toBe(0);
    expect(e.datasets.map((d) => d.id)).toEqual(["01-easy", "02-season-correlated", "03-always-on", "04-collinear"]);
    const fit = e.datasets[0].models.ridge;
    expect(Object.keys(fit)).toEqual(["command", "holdout_mape", "seconds", "share_error_max", "roas"]);
    expect(Object.keys(fit.roas)).toEqual(["tv", "radio", "social_media", "search", "outdoor"]);
    expect(Object.keys(fit.roas.tv)).toEqual(["true", "estimate", "low", "high"]);
    expect(Object.keys(e.models)).toEqual(["ridge", "ridge:adstock=none"]);
    expect(Object.keys(e.models.ridge)).toEqual(["coverage", "roas_ape_median", "share_error_median", "holdout_mape_median", "seconds_median"]);
    expect(Object.keys(e.scenarios)).toEqual(["easy", "season-correlated", "always-on", "collinear"]);
    expect(run.err).toMatch(/fits 8\/8 \(100%\)/);
  });

  it("ranks the broken model (adstock ignored on adstocked truth) worse than the real one", () => {
    const real = e.models.ridge;
    const broken = e.models["ridge:adstock=none"];
    expect(broken.roas_ape_median).toBeGreaterThan(real.roas_ape_median);
    expect(broken.share_error_median).toBeGreaterThan(real.share_error_median);
    expect(broken.coverage).toBeLessThan(real.coverage);
  });

  it("keeps each data set as `mixlab generate` writes it, and rerunning two reported commands reproduces their numbers exactly", async () => {
    for (const d of e.datasets.slice(0, 2)) {
      expect(existsSync(join(keep, d.id, "truth.json"))).toBe(true);
      const fit = d.models.ridge;
      const argv = args(fit.command);
      const out = argv[argv.indexOf("--out") + 1];
      rmSync(out);
      expect((await runCli(...argv)).code).toBe(0);
      const summary = loadArtifact(out).summary;
      expect(summary.holdout?.mape).toBe(fit.holdout_mape);
      for (const c of summary.channels) {
        expect({ estimate: c.roas, low: c.roas_low, high: c.roas_high }).toEqual({ estimate: fit.roas[c.name].estimate, low: fit.roas[c.name].low, high: fit.roas[c.name].high });
      }
    }
  }, 120_000);

  it("--report writes a page with the tables and the two charts", () => {
    const html = readFileSync(report, "utf8");
    expect(html).toContain('id="coverage-by-scenario"');
    expect(html).toContain('id="roas-recovery"');
    expect(html).toContain("ridge:adstock=none");
    expect(html).toContain(e.datasets[3].models.ridge.command);
  });
});

describe("mixlab evaluate INPUT --backtest K", () => {
  const data = join(dir, "data");
  const keep = join(dir, "backtest");
  let b: Backtest;
  let input: string;
  beforeAll(async () => {
    const generated = generate({ seed: 11, periods: 104 });
    writeGenerated(data, generated);
    input = join(data, generated.files[0].path);
    const run = await runCli("evaluate", input, "--backtest", "2", "--trials", "120", "--bootstrap", "20", "--seed", "5", "--workers", "2", "--keep", keep, "--json");
    expect(run.code).toBe(0);
    b = JSON.parse(run.out);
  }, 240_000);

  it("cuts K consecutive blocks of round(n / 10) periods ending at the last period", () => {
    // 104 weekly periods from 2021-01-04 (last 2022-12-26); h = round(104 / 10) = 10: rows 84 … 93 and 94 … 103
    expect(b.backtest.map((k) => [k.train_end, k.test_start, k.test_end])).toEqual([
      ["2022-08-08", "2022-08-15", "2022-10-17"],
      ["2022-10-17", "2022-10-24", "2022-12-26"],
    ]);
  });

  it("block 1 is exactly the `fit --split-date` and `predict` it names, scored over its window", async () => {
    const block = b.backtest[0];
    const argv = args(block.command);
    expect(argv).toContain("--split-date");
    expect(argv[argv.indexOf("--split-date") + 1]).toBe(block.test_start);
    const out = argv[argv.indexOf("--out") + 1];
    rmSync(out);
    expect((await runCli(...argv)).code).toBe(0);
    const csv = join(dir, "block-1.csv");
    expect((await runCli(...args(block.predict), "--out", csv)).code).toBe(0);
    const predicted = readFileSync(csv, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const rows = readFileSync(input, "utf8").trim().split("\n");
    const header = rows[0].split(",");
    const actual = rows.slice(1).map((l) => l.split(","));
    const first = actual.findIndex((r) => r[0] === block.test_start);
    const last = actual.findIndex((r) => r[0] === block.test_end);
    const y = actual.slice(first, last + 1).map((r) => Number(r[header.indexOf("revenue")]));
    const yhat = predicted.slice(first, last + 1).map((r) => Number(r[1]));
    expect(predicted[first][0]).toBe(block.test_start);
    expect(mape(y, yhat)).toBe(block.mape);
    const channels = loadArtifact(out).summary.channels;
    expect(channels.map((c) => c.roas)).toEqual(Object.values(block.roas).map((r) => r.estimate));
  }, 120_000);

  it("reports each channel's ROAS stability across the blocks", () => {
    expect(Object.keys(b.stability)).toEqual(Object.keys(b.backtest[0].roas));
    for (const s of Object.values(b.stability)) expect(s.flagged).toBe(s.cv > 0.5 || s.intervals_overlap === false);
  });
});

describe("mixlab evaluate usage", () => {
  it.each([
    [["evaluate", "--model", "ridge"], /--model: not for the synthetic suite \(use --models\)/],
    [["evaluate", "--models", "ridge,xgboost"], /"xgboost" is not a model/],
    [["evaluate", "--models", "ridge:adstock"], /must be flag=value/],
    [["evaluate", "--models", "ridge:seed=3"], /cannot set --seed/],
    [["evaluate", "some.csv"], /give --backtest K/],
    [["evaluate", "--backtest", "3"], /needs the INPUT/],
    [["evaluate", "x.csv", "--backtest", "3", "--split-date", "2022-01-03"], /--split-date: not for --backtest/],
    [["evaluate", "--datasets", "0"], /--datasets/],
  ])("mixlab %j exits 2 with a one-line reason", async (argv, message) => {
    const r = await runCli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("--backtest that would leave the first fit less than half the data exits 2", async () => {
    const r = await runCli("evaluate", join(dir, "data", "mmm_weekly.csv"), "--backtest", "3", "--horizon", "30");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/fewer than half of the 104 periods/);
  });
});
