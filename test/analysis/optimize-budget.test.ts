import { beforeAll, describe, expect, it } from "vitest";
import { flatResponse } from "../../src/analysis/flat-response";
import { CAMPAIGN_SHARE_RULE, optimizeBudget, type OptimizeResult } from "../../src/analysis/optimize-budget";
import { plan } from "../../src/analysis/plan";
import type { FittedModel } from "../../src/models/fitted-model";
import { createRandom, type Random } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";
import { fitDaily } from "../helpers/fitted-models";
import { seededModel, syntheticModel } from "../helpers/synthetic-model";

const none = { type: "none" } as const;

/** Σ allocation = budget within 1e-9 relative, and every channel inside the bounds it reports. */
function expectFeasible(r: OptimizeResult): void {
  const total = r.allocation.reduce((a, c) => a + c.optimal, 0);
  expect(Math.abs(total - r.budget)).toBeLessThanOrEqual(1e-9 * r.budget);
  for (const c of r.allocation) {
    expect(c.optimal, c.name).toBeGreaterThanOrEqual(c.lower);
    expect(c.optimal, c.name).toBeLessThanOrEqual(c.upper);
  }
}

/** The largest relative gap between the marginal ROAS of channels strictly inside their bounds. */
function mroasSpread(r: OptimizeResult): number {
  const free = r.allocation.filter((c) => c.status === "free").map((c) => c.mroas);
  if (free.length < 2) return 0;
  return (Math.max(...free) - Math.min(...free)) / Math.abs(Math.max(...free));
}

/**
 * randomAllocation(random, lower, upper, budget) → a random feasible split: a random subset of
 * channels shares the slack with random exponential weights (raised to a random power, so some
 * splits are lopsided), clipped at the upper bounds with the excess passed on.
 */
function randomAllocation(random: Random, lower: number[], upper: number[], budget: number): number[] {
  const m = lower.length;
  const power = 3 * random.uniform();
  const w = lower.map(() => (random.uniform() < 0.3 ? 0 : (-Math.log(1 - random.uniform())) ** power));
  if (w.every((v) => v === 0)) w[random.int(m)] = 1;
  const x = lower.slice();
  let rest = budget - lower.reduce((a, b) => a + b, 0);
  for (let pass = 0; pass < m + 1 && rest > 1e-9 * budget; pass++) {
    let open = w.map((v, c) => (x[c] < upper[c] ? (v > 0 ? v : pass > 0 ? 1 : 0) : 0));
    const sumW = open.reduce((a, b) => a + b, 0);
    if (sumW === 0) open = w.map((_, c) => (x[c] < upper[c] ? 1 : 0));
    const total = open.reduce((a, b) => a + b, 0);
    let given = 0;
    for (let c = 0; c < m; c++) {
      if (open[c] === 0) continue;
      const add = Math.min(upper[c] - x[c], (rest * open[c]) / total);
      x[c] += add;
      given += add;
    }
    rest -= given;
  }
  return x;
}

function checkAgainstRandom(model: FittedModel, r: OptimizeResult, seed: number, draws: number): void {
  const K = r.periods;
  const curves = model.spec.channels.map((c) => flatResponse(model, c, K));
  const value = (x: number[]) => curves.reduce((a, cv, i) => a + cv.value(x[i] / K), 0);
  const optimum = value(r.allocation.map((c) => c.optimal));
  expectClose(optimum, r.optimal_response, { rel: 1e-10 });
  const random = createRandom(seed);
  const lower = r.allocation.map((c) => c.lower);
  const upper = r.allocation.map((c) => Math.min(c.upper, r.budget));
  let best = -Infinity;
  for (let i = 0; i < draws; i++) {
    const x = randomAllocation(random, lower, upper, r.budget);
    best = Math.max(best, value(x));
  }
  expect(best).toBeLessThanOrEqual(optimum * (1 + 1e-4));
}

describe("optimizeBudget: closed forms on two channels", () => {
  it("optimizeBudget on log saturation without adstock matches x1 = K(β1·μ − s1), μ = (B/K + s1 + s2)/(β1 + β2), to 1e-6", () => {
    // f_c(x) = K·β_c·log(1 + x/(K·s_c)), f′_c(x) = β_c/(s_c + x/K); equal marginal ROAS:
    // (s1 + x1/K)/β1 = (s2 + x2/K)/β2 = μ and x1 + x2 = B give μ = (5000 + 500 + 1200)/5000 = 1.34,
    // x1 = 4·(3000·1.34 − 500) = 14,080 and x2 = 4·(2000·1.34 − 1200) = 5,920.
    const model = syntheticModel([
      { name: "a", transform: { adstock: none, saturation: { type: "log", scale: 500 } }, coefficient: 3000, history: [700, 900, 800] },
      { name: "b", transform: { adstock: none, saturation: { type: "log", scale: 1200 } }, coefficient: 2000, history: [300, 200, 400] },
    ]);
    const r = optimizeBudget(model, { budget: 20000, periods: 4 });
    expectClose(r.allocation.map((c) => c.optimal), [14080, 5920], { rel: 1e-6 });
    expectClose(r.allocation.map((c) => c.mroas), [1 / 1.34, 1 / 1.34], { rel: 1e-9 });
    expect(r.kkt).toMatchObject({ ok: true, certified: true });
    expectFeasible(r);
  });

  it("optimizeBudget on Hill with shape 1 without adstock matches u_c = ν·√(β_c k_c) − k_c, ν = (B/K + k1 + k2)/(√(β1k1) + √(β2k2)), to 1e-6", () => {
    // f_c(x) = K·β_c·u/(u + k_c) with u = x/K, f′_c = β_c·k_c/(k_c + u)²; equal marginal ROAS:
    // (k_c + u_c)/√(β_c k_c) = ν and u1 + u2 = B/K.
    const [b1, k1, b2, k2, K, B] = [5000, 800, 3000, 1500, 5, 30000];
    const nu = (B / K + k1 + k2) / (Math.sqrt(b1 * k1) + Math.sqrt(b2 * k2));
    const expected = [K * (nu * Math.sqrt(b1 * k1) - k1), K * (nu * Math.sqrt(b2 * k2) - k2)];
    const model = syntheticModel([
      { name: "a", transform: { adstock: none, saturation: { type: "hill", halfSaturation: k1, shape: 1 } }, coefficient: b1 },
      { name: "b", transform: { adstock: none, saturation: { type: "hill", halfSaturation: k2, shape: 1 } }, coefficient: b2 },
    ]);
    const r = optimizeBudget(model, { budget: B, periods: K });
    expectClose(r.allocation.map((c) => c.optimal), expected, { rel: 1e-6 });
    expectFeasible(r);
  });

  it("optimizeBudget in target-ROAS mode on log saturation spends x_c = K·(β_c/target − s_c)⁺ in total", () => {
    // Target 2: a spends 4·(3000/2 − 500) = 4,000; b's best marginal ROAS 2000/1200 < 2, so b spends 0.
    const model = syntheticModel([
      { name: "a", transform: { adstock: none, saturation: { type: "log", scale: 500 } }, coefficient: 3000, history: [700, 900, 800, 600] },
      { name: "b", transform: { adstock: none, saturation: { type: "log", scale: 1200 } }, coefficient: 2000, history: [300, 200, 400, 500] },
    ]);
    const r = optimizeBudget(model, { targetRoas: 2, periods: 4 });
    expectClose(r.budget, 4000, { rel: 1e-6 });
    expectClose(r.allocation[0].optimal, 4000, { rel: 1e-6 });
    expect(r.allocation[1].optimal).toBe(0);
    expect(r.target_roas).toBe(2);
    expect(r.capped).toBe(false);
  });
});

describe("optimizeBudget on a seeded 6-channel model (S-curves, geometric and Weibull adstock)", () => {
  const model = seededModel(6, 11);
  const K = 13;
  const budget = 13 * 16000;

  it("optimizeBudget(model, { budget }) sums to the budget, equalises marginal ROAS and beats 10,000 random splits", () => {
    const r = optimizeBudget(model, { budget, periods: K });
    expectFeasible(r);
    expect(r.kkt.ok).toBe(true);
    expect(mroasSpread(r)).toBeLessThanOrEqual(1e-4);
    checkAgainstRandom(model, r, 1, 10_000);
  });

  it("optimizeBudget(model, { min, max, minShare, maxShare, locked }) respects every bound and beats 10,000 random feasible splits", () => {
    const r = optimizeBudget(model, {
      budget, periods: K, min: { ch0: 20000 }, max: { ch3: 30000, ch5: 25000 },
      minShare: CAMPAIGN_SHARE_RULE.minShare, maxShare: CAMPAIGN_SHARE_RULE.maxShare, locked: ["ch2"],
    });
    expectFeasible(r);
    const byName = Object.fromEntries(r.allocation.map((c) => [c.name, c]));
    expect(byName.ch0.optimal).toBeGreaterThanOrEqual(20000);
    expect(byName.ch3.optimal).toBeLessThanOrEqual(30000);
    expect(byName.ch5.optimal).toBeLessThanOrEqual(25000);
    expect(byName.ch2.optimal).toBe(byName.ch2.current);
    expect(byName.ch2.status).toBe("locked");
    for (const c of r.allocation.filter((a) => a.name !== "ch2")) {
      expect(c.optimal).toBeGreaterThanOrEqual(0.05 * budget * (1 - 1e-12));
      expect(c.optimal).toBeLessThanOrEqual(0.6 * budget * (1 + 1e-12));
    }
    expect(r.kkt.ok).toBe(true);
    checkAgainstRandom(model, r, 2, 10_000);
  });

  it("optimizeBudget(model, …).optimal_response is plan() of optimal/K per period; current is the last K periods' spend", () => {
    const r = optimizeBudget(model, { budget, periods: K });
    const p = plan(model, { spend: Object.fromEntries(r.allocation.map((c) => [c.name, c.optimal / K])), periods: K });
    expect(r.optimal_response).toBe(p.response);
    for (const c of r.allocation) {
      const spend = model.history.spend[c.name];
      expectClose(c.current, spend.slice(-K).reduce((a, b) => a + b, 0), { rel: 1e-12 });
    }
    expect(r.current_window).toEqual({ start: model.history.dates[model.history.dates.length - K], end: model.history.dates[model.history.dates.length - 1], periods: K });
    expectClose(r.lift_pct, (100 * (r.optimal_response - r.current_response)) / r.current_response, { rel: 1e-12 });
  });

  it("optimizeBudget(model, { targetRoas }) stops where the marginal ROAS reaches the target", () => {
    const target = 1.2;
    const r = optimizeBudget(model, { targetRoas: target, periods: K });
    expect(r.kkt.lambda).toBeGreaterThanOrEqual(target);
    expectClose(r.kkt.lambda, target, { rel: 1e-4 });
    const more = optimizeBudget(model, { budget: r.budget * 1.01, periods: K });
    expect(more.kkt.lambda).toBeLessThan(target);
  });

  it("optimizeBudget(model, …) names unknown channels and refuses bounds that cannot meet the budget", () => {
    expect(() => optimizeBudget(model, { budget, periods: K, min: { cinema: 1 }, locked: ["print"] })).toThrow(/"cinema", "print"/);
    expect(() => optimizeBudget(model, { budget, periods: K, min: { ch0: budget, ch1: 1 } })).toThrow(/lower bounds/);
    expect(() => optimizeBudget(model, { budget, periods: K, maxShare: 0.1 })).toThrow(/upper bounds/);
    expect(() => optimizeBudget(model, { periods: K })).toThrow(/budget/);
  });
});

describe("optimizeBudget against dynamic programming", () => {
  /** dpBest(values) → the best Σ_c values[c][k_c] over Σ k_c = N (exact on the grid; values[c][k] = f_c(lower_c + k·step)). */
  function dpBest(values: Float64Array[]): number {
    const N = values[0].length - 1;
    let best = Float64Array.from(values[0]);
    for (let c = 1; c < values.length; c++) {
      const next = new Float64Array(N + 1).fill(-Infinity);
      for (let j = 0; j <= N; j++) for (let k = 0; k <= j; k++) next[j] = Math.max(next[j], best[j - k] + values[c][k]);
      best = next;
    }
    return best[N];
  }

  it("optimizeBudget on 24 seeded models (3–6 channels, S-curves, budgets 0.2–2.2 × typical, half with the share rule) is never beaten by the best 300-step grid split", () => {
    const random = createRandom(77);
    for (let seed = 1; seed <= 24; seed++) {
      const m = 3 + (seed % 4);
      const K = [4, 13, 26][seed % 3];
      const model = seededModel(m, 500 + seed);
      const budget = K * 3000 * m * (0.2 + 2 * random.uniform());
      const r = optimizeBudget(model, { budget, periods: K, ...(seed % 2 === 0 ? CAMPAIGN_SHARE_RULE : {}) });
      const N = 300;
      const lower = r.allocation.map((c) => c.lower);
      const upper = r.allocation.map((c) => Math.min(c.upper, budget));
      const step = (budget - lower.reduce((a, b) => a + b, 0)) / N;
      const values = model.spec.channels.map((c, i) => {
        const curve = flatResponse(model, c, K);
        return Float64Array.from({ length: N + 1 }, (_, k) => (lower[i] + k * step <= upper[i] * (1 + 1e-12) ? curve.value((lower[i] + k * step) / K) : -Infinity));
      });
      expect(r.optimal_response, `seed ${seed}`).toBeGreaterThanOrEqual(dpBest(values) * (1 - 1e-12));
      expect(r.kkt.ok, `seed ${seed}`).toBe(true);
      expect(r.kkt.dual_bound).toBeGreaterThanOrEqual(r.optimal_response * (1 - 1e-12));
    }
  });
});

describe("optimizeBudget on the fitted 6-channel daily model", () => {
  let model: FittedModel;
  beforeAll(async () => { model = (await fitDaily()).model; }, 120_000);

  it("optimizeBudget(model, { budget: current }) beats 10,000 random splits, with equal marginal ROAS across free channels", () => {
    expect(model.spec.channels.length).toBe(6);
    const K = 28;
    const first = optimizeBudget(model, { budget: 1, periods: K });
    const r = optimizeBudget(model, { budget: first.current_budget, periods: K });
    expectFeasible(r);
    expect(r.kkt.ok).toBe(true);
    expect(mroasSpread(r)).toBeLessThanOrEqual(1e-4);
    expect(r.optimal_response).toBeGreaterThanOrEqual(r.current_response);
    checkAgainstRandom(model, r, 3, 10_000);
  });

  it("optimizeBudget(model, { budget, shares }) with the campaign share rule beats 10,000 random feasible splits", () => {
    const K = 28;
    const r = optimizeBudget(model, { budget: 400_000, periods: K, ...CAMPAIGN_SHARE_RULE });
    expectFeasible(r);
    expect(r.kkt.ok).toBe(true);
    checkAgainstRandom(model, r, 4, 10_000);
  });
});
