import { describe, expect, it } from "vitest";
import { budgetScenarios } from "../../src/analysis/budget-scenarios";
import { optimizeBudget } from "../../src/analysis/optimize-budget";
import { plan } from "../../src/analysis/plan";
import { recentSpend } from "../../src/analysis/recent-spend";
import { expectClose } from "../helpers/expect-close";
import { seededModel } from "../helpers/synthetic-model";

describe("budgetScenarios", () => {
  const model = seededModel(5, 8);
  const table = budgetScenarios(model, { periods: 13 });

  it("budgetScenarios(model, { periods }) has one row per default multiplier 0.9, 1, 1.1, 1.2, 1.5 of the current budget", () => {
    const recent = recentSpend(model, 13).perPeriod;
    expectClose(table.current_budget, Object.values(recent).reduce((a, b) => a + b, 0) * 13, { rel: 1e-14 });
    expect(table.scenarios.map((s) => s.multiplier)).toEqual([0.9, 1, 1.1, 1.2, 1.5]);
    for (const s of table.scenarios) expect(s.budget).toBe(s.multiplier * table.current_budget);
  });

  it("budgetScenarios rows are optimizeBudget at each budget, with ROAS = response / budget", () => {
    for (const s of table.scenarios) {
      const opt = optimizeBudget(model, { budget: s.budget, periods: 13 });
      expect(s.response).toBe(opt.optimal_response);
      expect(s.mroas).toBe(opt.kkt.lambda);
      expect(s.roas).toBe(s.response / s.budget);
      expect(s.channels.map((c) => c.spend)).toEqual(opt.allocation.map((a) => a.optimal));
    }
  });

  it("budgetScenarios: the optimal split never returns less than the current mix scaled to the same budget, and more budget never returns less", () => {
    for (const s of table.scenarios) {
      expect(s.response).toBeGreaterThanOrEqual(s.current_mix_response * (1 - 1e-12));
      const recent = recentSpend(model, 13).perPeriod;
      expectClose(s.current_mix_response, plan(model, { spend: Object.fromEntries(Object.entries(recent).map(([c, v]) => [c, s.multiplier * v])), periods: 13 }).response, { rel: 1e-12 });
    }
    for (let i = 1; i < table.scenarios.length; i++) expect(table.scenarios[i].response).toBeGreaterThan(table.scenarios[i - 1].response);
  });

  it("budgetScenarios(model, { multipliers: [0] }) is refused", () => {
    expect(() => budgetScenarios(model, { periods: 13, multipliers: [0] })).toThrow(/multipliers/);
  });
});
