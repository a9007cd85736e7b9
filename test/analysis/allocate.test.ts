import { describe, expect, it } from "vitest";
import { allocate, kktReport, type AllocationCurve } from "../../src/analysis/allocate";
import { expectClose } from "../helpers/expect-close";

const log = (beta: number, s: number, lower = 0, upper = Infinity): AllocationCurve => ({
  value: (x) => beta * Math.log1p(x / s), slope: (x) => beta / (s + x), lower, upper, concave: true,
});
/** Hill curve β·x^n/(x^n + k^n), S-shaped for n > 1 (not flagged concave: the scan must find its pieces). */
const hill = (beta: number, k: number, n: number, lower = 0, upper = Infinity): AllocationCurve => ({
  value: (x) => (x > 0 ? beta / (1 + (k / x) ** n) : 0),
  slope: (x) => {
    if (x === 0) return n > 1 ? 0 : n === 1 ? beta / k : Infinity;
    const h = 1 / (1 + (k / x) ** n);
    return (beta * n * h * (1 - h)) / x;
  },
  lower, upper,
});

/** bruteForce(curves, budget, step) → the best Σ f over a grid of allocations (three curves). */
function bruteForce(curves: AllocationCurve[], budget: number, step: number): number {
  let best = -Infinity;
  for (let a = 0; a <= budget; a += step) {
    for (let b = 0; a + b <= budget; b += step) {
      const v = curves[0].value(a) + curves[1].value(b) + curves[2].value(budget - a - b);
      if (v > best) best = v;
    }
  }
  return best;
}

describe("allocate", () => {
  it("allocate(two log curves, B) matches the closed form x1 = β1(B + s1 + s2)/(β1 + β2) − s1 (equal β/(s + x))", () => {
    // β1/(s1 + x1) = β2/(s2 + x2), x1 + x2 = B: x1 = 3·(1000 + 50 + 120)/5 − 50 = 652.
    const r = allocate([log(3, 50), log(2, 120)], 1000);
    expectClose(r.x, [652, 348], { rel: 1e-12 });
    expect(r.certified).toBe(true);
    expect(r.kktOk).toBe(true);
    expect(r.status).toEqual(["free", "free"]);
  });

  it("allocate(curves, B) stops a curve at its bound and equalises the others' marginal returns", () => {
    const r = allocate([log(3, 50, 0, 400), log(2, 120), log(1, 10, 100)], 1000);
    expect(r.status).toEqual(["upper", "free", "free"]);
    expect(r.x[0]).toBe(400);
    expectClose(r.slopes[1], r.slopes[2], { rel: 1e-12 });
    expect(r.slopes[0]).toBeGreaterThanOrEqual(r.lambda);
    expect(r.x.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
  });

  it("allocate(S-shaped Hill curves, B) is at least as good as a fine grid search, and its dual bound holds", () => {
    const curves = [hill(100, 300, 2.5), hill(80, 200, 2), hill(50, 100, 1.5)];
    for (const budget of [150, 400, 600, 1000]) {
      const r = allocate(curves, budget);
      const grid = bruteForce(curves, budget, budget / 400);
      expect(r.value, `budget ${budget}`).toBeGreaterThanOrEqual(grid * (1 - 1e-12));
      expect(r.dualBound).toBeGreaterThanOrEqual(r.value * (1 - 1e-12));
      expect(r.kktOk, `budget ${budget}`).toBe(true);
      expectClose(r.x.reduce((a, b) => a + b, 0), budget, { rel: 1e-12 });
    }
  });

  it("allocate(curves, B) with a linear curve gives it exactly the remainder the concave ones leave", () => {
    const linear: AllocationCurve = { value: (x) => 0.5 * x, slope: () => 0.5, lower: 0, upper: Infinity, concave: true };
    // The log curve takes spend while 300/(50 + x) ≥ 0.5, i.e. up to x = 550.
    const r = allocate([log(300, 50), linear], 1000);
    expectClose(r.x, [550, 450], { rel: 1e-9 });
    expect(r.certified).toBe(true);
  });

  it("allocate(curves, B) refuses bounds that cannot meet the budget", () => {
    expect(() => allocate([log(1, 1, 600), log(1, 1, 600)], 1000)).toThrow(/lower bounds sum to 1200/);
    expect(() => allocate([log(1, 1, 0, 100), log(1, 1, 0, 100)], 1000)).toThrow(/upper bounds sum to 200/);
  });
});

describe("kktReport", () => {
  it("kktReport(slopes, status) takes λ from the free slopes and checks the bounds' slopes against it", () => {
    expect(kktReport([2, 2, 1, 3], ["free", "free", "lower", "upper"])).toEqual({ lambda: 2, maxRelGap: 0, ok: true });
    expect(kktReport([2, 2.01, 1], ["free", "free", "lower"]).ok).toBe(false);
    expect(kktReport([2, 2, 2.5], ["free", "free", "lower"]).ok).toBe(false);
  });
});
