import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { plan, planScenarios } from "../../src/analysis/plan";
import { whatIf } from "../../src/analysis/what-if";
import { loadPredictionInput } from "../../src/artifact/prediction-input";
import { parseIsoDate } from "../../src/data/parse-date";
import { asJson, fitWeeklyModelOnce } from "../helpers/cli-fitted-model";
import { expectClose } from "../helpers/expect-close";
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

  it("mixlab whatif … prints a readable table without --json, every column labelled: spend per period (* = current), total spend, response, its 90 % interval, ROAS", async () => {
    const r = await runCli("whatif", modelPath, "--spend", "search=30000", "--periods", "12");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^plan of 12 periods/);
    const lines = r.out.split("\n");
    const header = lines.findIndex((l) => /^\s+channel\s/.test(l));
    expect(lines[header].trim().split(/\s{2,}/)).toEqual(["channel", "spend/period", "spend (12 periods)", "response", "response 90 %", "roas"]);
    const plan12 = plan(fitted.model, { spend: { search: 30000 }, periods: 12 });
    const money = (x: number) => Math.round(x).toLocaleString("en-US");
    plan12.channels.forEach((c, i) => {
      const cells = lines[header + 1 + i].trim().split(/\s{2,}/);
      expect(cells[0]).toBe(c.name);
      expect(cells[1]).toBe(money(c.spend / 12) + (c.name === "search" ? "" : "*"));
      expect(cells.slice(2, 4)).toEqual([money(c.spend), money(c.response)]);
      expect(cells[4]).toBe(`${money(c.response_low!)} – ${money(c.response_high!)}`);
      expect(cells[5]).toBe(c.roas.toFixed(2));
    });
    expect(r.out).toContain("* not named in --spend: kept at its current spend, the average over the last 12 observed periods");
  });

  it("mixlab whatif model.json --spend tv=1000 --periods 6 keeps every other channel at its current spend: the mean of its last 6 observed periods", async () => {
    const model = fitted.model;
    const r = await runCli("whatif", modelPath, "--spend", "tv=1000", "--periods", "6", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { response: number; channels: { name: string; spend: number; spend_source: string; response: number }[]; spend_window: { periods: number } };
    expect(out.channels.map((c) => c.name)).toEqual(model.spec.channels);
    const n = model.history.dates.length;
    const current: Record<string, number> = {};
    for (const c of model.spec.channels) {
      const last = model.history.spend[c].slice(n - 6);
      expect(last.length).toBe(6);
      current[c] = c === "tv" ? 1000 : (last[0] + last[1] + last[2] + last[3] + last[4] + last[5]) / 6;
    }
    for (const c of out.channels) {
      expect(c.spend_source).toBe(c.name === "tv" ? "given" : "current");
      expectClose(c.spend, 6 * current[c.name], { rel: 1e-12 });
      expect(c.spend).toBeGreaterThan(0);
    }
    // The same answer as the plan that names every channel at those spends, and not the plan with the others at zero.
    const named = plan(model, { spend: current, periods: 6 });
    expectClose(out.response, named.response, { rel: 1e-12 });
    out.channels.forEach((c, i) => {
      expectClose(c.response, named.channels[i].response, { rel: 1e-12 });
    });
    const zeros = plan(model, { spend: Object.fromEntries(model.spec.channels.map((c) => [c, c === "tv" ? 1000 : 0])), periods: 6 });
    expect(out.response).toBeGreaterThan(zeros.response);
    expect(out.spend_window.periods).toBe(6);
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
