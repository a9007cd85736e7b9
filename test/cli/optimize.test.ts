import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { budgetScenarios } from "../../src/analysis/budget-scenarios";
import { optimizeBudget, type OptimizeResult } from "../../src/analysis/optimize-budget";
import { asJson, fitWeeklyModelOnce } from "../helpers/cli-fitted-model";
import { expectClose } from "../helpers/expect-close";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-optimize-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("mixlab optimize", () => {
  const fitted = fitWeeklyModelOnce(dir);
  const { modelPath } = fitted;

  it("mixlab optimize model.json --budget B --json is optimizeBudget(); the allocation sums to B within 1e-9", async () => {
    const r = await runCli("optimize", modelPath, "--budget", "700000", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as OptimizeResult;
    for (const key of ["budget", "allocation", "current_response", "optimal_response", "lift_pct"]) expect(out).toHaveProperty(key);
    expect(out).toEqual(asJson(optimizeBudget(fitted.model, { budget: 700000, periods: 13 })));
    expect(Object.keys(out.allocation[0]).slice(0, 5)).toEqual(["name", "current", "optimal", "response", "mroas"]);
    expect(Math.abs(out.allocation.reduce((a, c) => a + c.optimal, 0) - 700000)).toBeLessThanOrEqual(1e-9 * 700000);
    expect(out.kkt.ok).toBe(true);
  });

  it("mixlab optimize … optimal_response is what `mixlab whatif --spend optimal/K --periods K` answers", async () => {
    const opt = JSON.parse((await runCli("optimize", modelPath, "--budget", "650000", "--periods", "10", "--json")).out) as OptimizeResult;
    const spend = opt.allocation.map((c) => `${c.name}=${c.optimal / 10}`).join(",");
    const plan = JSON.parse((await runCli("whatif", modelPath, "--spend", spend, "--periods", "10", "--json")).out) as { response: number };
    expectClose(plan.response, opt.optimal_response, { rel: 1e-12 });
  });

  it("mixlab optimize … --min --max --min-share --max-share --locked respects every bound", async () => {
    const r = await runCli("optimize", modelPath, "--budget", "600000", "--min", "radio=60000", "--max", "search=250000", "--min-share", "0.05", "--max-share", "0.6", "--locked", "tv", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as OptimizeResult;
    const by = Object.fromEntries(out.allocation.map((c) => [c.name, c]));
    expect(by.radio.optimal).toBeGreaterThanOrEqual(60000);
    expect(by.search.optimal).toBeLessThanOrEqual(250000);
    expect(by.tv.optimal).toBe(by.tv.current);
    for (const c of out.allocation.filter((a) => a.name !== "tv")) {
      expect(c.optimal).toBeGreaterThanOrEqual(0.05 * 600000 * (1 - 1e-12));
      expect(c.optimal).toBeLessThanOrEqual(0.6 * 600000 * (1 + 1e-12));
    }
    expect(Math.abs(out.allocation.reduce((a, c) => a + c.optimal, 0) - 600000)).toBeLessThanOrEqual(1e-9 * 600000);
  });

  it("mixlab optimize … --budgets 0.9,1,1.1,1.2,1.5 --json returns the scenario table of budgetScenarios()", async () => {
    const r = await runCli("optimize", modelPath, "--budgets", "0.9,1,1.1,1.2,1.5", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { current_budget: number; scenarios: { multiplier: number; budget: number; response: number; roas: number; mroas: number }[] };
    expect(out).toEqual(asJson(budgetScenarios(fitted.model, { periods: 13, multipliers: [0.9, 1, 1.1, 1.2, 1.5] })));
    expect(out.scenarios.map((s) => s.multiplier)).toEqual([0.9, 1, 1.1, 1.2, 1.5]);
    for (const s of out.scenarios) expectClose(s.budget, s.multiplier * out.current_budget, { rel: 1e-15 });
  });

  it("mixlab optimize … --target-roas 2 --json finds a budget whose marginal ROAS is the target", async () => {
    const r = await runCli("optimize", modelPath, "--target-roas", "2", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as OptimizeResult;
    expect(out.target_roas).toBe(2);
    expect(out.kkt.lambda).toBeGreaterThanOrEqual(2);
  });

  it("mixlab optimize model.json without --budget splits the current budget and says so on stderr", async () => {
    const r = await runCli("optimize", modelPath);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/no --budget: splitting the current budget/);
    expect(r.out).toMatch(/optimal split of/);
    expect(r.out).toMatch(/KKT: marginal ROAS/);
  });

  it("mixlab optimize … names unknown channels and refuses infeasible bounds or clashing flags with exit 2", async () => {
    const unknown = await runCli("optimize", modelPath, "--budget", "1000", "--max", "cinema=5", "--locked", "print");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown channel\(s\) "cinema", "print"/);
    for (const args of [["--budget", "1000", "--min", "tv=5000"], ["--budgets", "1,2", "--budget", "5"], ["--budget", "x"], ["--budget", "1000", "--share-rule", "--min-share", "0.1"], ["--budget", "1000", "--max-share", "1.5"]]) {
      const r = await runCli("optimize", modelPath, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(/^mixlab: /);
    }
  });
});
