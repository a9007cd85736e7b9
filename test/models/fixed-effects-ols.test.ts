/**
 * fitFixedEffectsOls against statsmodels OLS with one dummy per group
 * (test/fixtures/models/make_fixed_effects_reference.py writes the JSON): slopes, group intercepts,
 * standard errors, t, p, intervals, SSR and degrees of freedom to 1e-8.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fitFixedEffectsOls } from "../../src/models/fixed-effects-ols";
import { fitOls } from "../../src/models/ols";
import { expectClose } from "../helpers/expect-close";

interface Case {
  sizes: number[]; X: number[]; k: number; y: number[];
  group_effects: number[]; group_se: number[]; coefficients: number[]; std_errors: number[];
  t_values: number[]; p_values: number[]; conf_int: [number, number][]; ssr: number; df_resid: number; r2: number;
}
const reference = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "models", "fixed-effects-reference.json"), "utf8")) as Record<"two" | "three", Case>;

/** The fixture's design, target and offsets. */
function problem(c: Case) {
  const n = c.y.length;
  const offsets = [0];
  for (const s of c.sizes) offsets.push(offsets[offsets.length - 1] + s);
  return { X: { rows: n, cols: c.k, data: Float64Array.from(c.X) }, y: c.y, offsets };
}

describe.each(["two", "three"] as const)("fitFixedEffectsOls on the %s-group fixture", (name) => {
  const c = reference[name];
  const { X, y, offsets } = problem(c);
  const fit = fitFixedEffectsOls(X, y, offsets);

  it("slopes and their standard errors equal statsmodels with dummies to 1e-8", () => {
    expectClose(fit.coefficients, c.coefficients, { rel: 1e-8 });
    expectClose(fit.standardErrors, c.std_errors, { rel: 1e-8 });
  });

  it("group intercepts and their standard errors equal the dummies' coefficients to 1e-8", () => {
    expectClose(fit.groupEffects, c.group_effects, { rel: 1e-8, abs: 1e-10 });
    expectClose(fit.groupStandardErrors, c.group_se, { rel: 1e-8 });
  });

  it("t, p, 95 % intervals, SSR, residual df and R² equal statsmodels", () => {
    expectClose(fit.tValues, c.t_values, { rel: 1e-8 });
    expectClose(fit.pValues, c.p_values, { rel: 1e-6, abs: 1e-15 });
    expectClose(fit.ciLower, c.conf_int.map((ci) => ci[0]), { rel: 1e-8 });
    expectClose(fit.ciUpper, c.conf_int.map((ci) => ci[1]), { rel: 1e-8 });
    expectClose(fit.ssr, c.ssr, { rel: 1e-10 });
    expect(fit.dfResidual).toBe(c.df_resid);
    expectClose(fit.rSquared, c.r2, { rel: 1e-10 });
  });

  it("fitted values plus residuals give back y, and residuals sum to 0 within each group", () => {
    expectClose(Array.from(fit.fitted, (v, i) => v + fit.residuals[i]), y, { rel: 1e-12 });
    for (let g = 0; g + 1 < offsets.length; g++) {
      let s = 0;
      for (let i = offsets[g]; i < offsets[g + 1]; i++) s += fit.residuals[i];
      expect(Math.abs(s)).toBeLessThan(1e-9);
    }
  });
});

describe("fitFixedEffectsOls identities and errors", () => {
  it("with one group it is OLS with one intercept", () => {
    const { X, y } = problem(reference.three);
    const fe = fitFixedEffectsOls(X, y, [0, y.length]);
    const ols = fitOls(X, y);
    expectClose(fe.coefficients, ols.coefficients, { rel: 1e-10 });
    expectClose(fe.standardErrors, ols.standardErrors.slice(1), { rel: 1e-10 });
    expectClose(fe.groupEffects[0], ols.intercept, { rel: 1e-10 });
    expectClose(fe.groupStandardErrors[0], ols.standardErrors[0], { rel: 1e-10 });
  });

  it("a column constant within every group is refused: the intercepts absorb it", () => {
    const { X, y, offsets } = problem(reference.two);
    const data = new Float64Array(X.rows * 3);
    for (let i = 0; i < X.rows; i++) {
      data.set(X.data.subarray(i * 2, i * 2 + 2), i * 3);
      data[i * 3 + 2] = i < offsets[1] ? 1000 : 2500;
    }
    expect(() => fitFixedEffectsOls({ rows: X.rows, cols: 3, data }, y, offsets, { names: ["a", "b", "population"] }))
      .toThrow('column "population" is constant within every group, so the group intercepts absorb it');
  });

  it("too few rows for the slopes and intercepts is refused", () => {
    const X = { rows: 3, cols: 1, data: Float64Array.of(1, 2, 3) };
    expect(() => fitFixedEffectsOls(X, [1, 2, 5], [0, 1, 3])).toThrow("3 rows, 1 slopes and 2 group intercepts");
  });
});
