import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plan, planScenarios } from "../../src/analysis/plan";
import { whatIf } from "../../src/analysis/what-if";
import { loadPredictionInput } from "../../src/artifact/prediction-input";
import { parseIsoDate } from "../../src/data/parse-date";
import { asJson, fitWeeklyModelOnce } from "../helpers/cli-fitted-model";
import { WEEKLY_CSV } from "../helpers/fitted-models";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-whatif-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const weekly = WEEKLY_CSV;

describe("mixlab whatif", () => {
  const fitted = fitWeeklyModelOnce(dir);
  const { modelPath } = fitted;

  it("mixlab whatif model.json --input INPUT --scale tv=1 --json gives zero change exactly", async () => {
    const r = await runCli("whatif", modelPath, "--input", weekly, "--scale", "tv=1", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { baseline: number; scenario: number; change: number; change_pct: number; channels: unknown[] };
    expect(Object.keys(out).slice(0, 5)).toEqual(["baseline", "scenario", "change", "change_pct", "channels"]);
    expect(out.change).toBe(0);
    expect(out.scenario).toBe(out.baseline);
  });

  it("mixlab whatif … --input INPUT --scale tv=1.3,search=0.8 --from --to --json is the library's whatIf()", async () => {
    const r = await runCli("whatif", modelPath, "--input", weekly, "--scale", "tv=1.3,search=0.8", "--from", "2023-01-02", "--to", "2023-06-26", "--json");
    expect(r.code).toBe(0);
    const input = loadPredictionInput(weekly, fitted.model);
    expect(JSON.parse(r.out)).toEqual(asJson(whatIf(fitted.model, input, { scale: { tv: 1.3, search: 0.8 }, from: "2023-01-02", to: "2023-06-26" })));
  });

  it("mixlab whatif model.json --scale search=1.3 without --input replays the model's observed periods with their observed controls: the answer of --input on its data", async () => {
    const r = await runCli("whatif", modelPath, "--scale", "search=1.3", "--json");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const input = loadPredictionInput(weekly, fitted.model);
    expect(JSON.parse(r.out)).toEqual(asJson(whatIf(fitted.model, input, { scale: { search: 1.3 } })));
  });

  it("mixlab whatif --scale without --input on a model saved without control history holds the controls at their fit-window means and says so", async () => {
    const old = JSON.parse(readFileSync(modelPath, "utf8"));
    delete old.history.controls;
    const oldPath = join(dir, "old.json");
    writeFileSync(oldPath, JSON.stringify(old));
    const r = await runCli("whatif", oldPath, "--scale", "search=1.3", "--json");
    expect(r.code).toBe(0);
    const days = Int32Array.from(fitted.model.history.dates, (d) => parseIsoDate(d));
    const columns = Object.fromEntries(fitted.model.spec.channels.map((c) => [c, Float64Array.from(fitted.model.history.spend[c])]));
    expect(JSON.parse(r.out)).toEqual(asJson(whatIf(fitted.model, { days, columns }, { scale: { search: 1.3 } })));
    expect(r.err).toMatch(/price, promo at their fit-window means \(this model keeps no control history/);
  });

  it("mixlab whatif model.json --spend tv=1000,radio=500 --periods 8 --json is plan() of those spends", async () => {
    const r = await runCli("whatif", modelPath, "--spend", "tv=1000,radio=500", "--periods", "8", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { response: number; channels: { name: string; spend: number; response: number }[] };
    expect(out).toEqual(asJson(plan(fitted.model, { spend: { tv: 1000, radio: 500 }, periods: 8 })));
    expect(out.channels.map((c) => c.name)).toEqual(fitted.model.spec.channels);
    expect(out.channels[0].spend).toBe(8000);
    expect(out.response).toBe(out.channels.reduce((a, c) => a + c.response, 0));
  });

  it("mixlab whatif model.json --scenarios FILE.json --json answers every plan in order", async () => {
    const file = join(dir, "scenarios.json");
    const scenarios = [{ tv: 1000 }, { tv: 2000, radio: [100, 200, 300, 400] }, {}];
    writeFileSync(file, JSON.stringify(scenarios));
    const r = await runCli("whatif", modelPath, "--scenarios", file, "--periods", "4", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(asJson({ scenarios: planScenarios(fitted.model, scenarios, { periods: 4 }) }));
  });

  it("mixlab whatif … prints a readable table without --json", async () => {
    const r = await runCli("whatif", modelPath, "--spend", "search=30000", "--periods", "12");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^plan of 12 periods/);
    expect(r.out).toMatch(/search\s+360,000/);
  });

  it("mixlab whatif … --spend holds the controls at their average over the last K observed weeks, kept in model.json, and says so", async () => {
    const model = fitted.model;
    const input = loadPredictionInput(weekly, model);
    expect(model.spec.controls).toEqual(["price", "promo"]);
    for (const c of model.spec.controls) expect(model.history.controls?.[c]).toEqual(Array.from(input.columns[c]));
    const r = await runCli("whatif", modelPath, "--spend", "search=30000", "--periods", "12", "--json");
    const out = JSON.parse(r.out) as { controls: { name: string; value: number; source: string }[]; controls_window: { start: string; end: string; periods: number } };
    const n = model.history.dates.length;
    for (const c of out.controls) {
      const last = model.history.controls![c.name].slice(n - 12);
      expect(c).toEqual({ name: c.name, value: last.reduce((a, b) => a + b, 0) / 12, source: "recent" });
    }
    expect(out.controls_window).toEqual({ start: model.history.dates[n - 12], end: model.history.dates[n - 1], periods: 12 });
    const text = await runCli("whatif", modelPath, "--spend", "search=30000", "--periods", "12");
    expect(text.out).toContain(`controls held at their average over the last 12 observed periods (${model.history.dates[n - 12]} … ${model.history.dates[n - 1]}): price `);
  });

  it("mixlab whatif … names unknown channels: exit 2 for flags, exit 1 for a scenarios file", async () => {
    const flag = await runCli("whatif", modelPath, "--scale", "cinema=2,tv=1");
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/"cinema"/);
    const file = join(dir, "bad-scenarios.json");
    writeFileSync(file, JSON.stringify([{ tv: 1 }, { print: 5 }]));
    const bad = await runCli("whatif", modelPath, "--scenarios", file);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/scenario 2 names unknown channel\(s\) "print"/);
  });

  it("mixlab whatif … refuses mixed or missing modes, bad dates and empty windows with exit 2", async () => {
    for (const args of [[], ["--scale", "tv=1.2", "--periods", "4"], ["--scenarios", "x.json", "--spend", "tv=1"], ["--from", "2023-01-02"], ["--scale", "tv=1.2", "--from", "2023-02-30x"], ["--scale", "tv=1.2", "--from", "2030-01-01", "--to", "2030-02-01"], ["--spend", "tv=-5"]]) {
      const r = await runCli("whatif", modelPath, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(/^mixlab: /);
    }
  });
});
