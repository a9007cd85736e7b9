/**
 * `mixlab fit --model ols` with the textbook flags (CONTRACTS: no transforms, trend, seasonality,
 * day of week or holidays) is plain OLS of the target on the channels: on daily data it equals
 * statsmodels (test/fixtures/cli/make_ols_daily_reference.py) in coefficients, standard errors,
 * t, p, 95 % intervals, F and the residual standard error.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sig } from "../../src/cli/fit";
import { expectClose } from "../helpers/expect-close";
import { runCli } from "./run-cli";

const root = join(__dirname, "..", "..");
const daily = join(root, "test", "fixtures", "golden", "daily-clean.csv");
const reference = JSON.parse(readFileSync(join(root, "test", "fixtures", "cli", "ols-daily-reference.json"), "utf8"));
const dir = mkdtempSync(join(tmpdir(), "mixlab-ols-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TEXTBOOK = ["--model", "ols", "--adstock", "none", "--saturation", "none", "--trend", "none", "--seasonality", "0", "--holidays", "none", "--holdout-fraction", "0"];

/** The parts of `fit --json` these tests read. */
interface OlsSummary {
  intercept: number;
  coefficients: Record<string, number>;
  std_errors: Record<string, number>;
  t_values: Record<string, number>;
  p_values: Record<string, number>;
  conf_int: Record<string, [number, number]>;
  f_statistic: number;
  residual_std_error: number;
  df_residual: number;
}

async function fitSummary(...extra: string[]): Promise<OlsSummary> {
  const out = join(dir, `model-${extra.join("-") || "default"}.json`);
  const result = await runCli("fit", daily, ...TEXTBOOK, ...extra, "--no-progress", "--json", "--out", out);
  expect(result.code).toBe(0);
  return JSON.parse(result.out);
}

/** values(record, names) → the record's values in the order of names. */
const values = (record: Record<string, number>, names: string[]) => names.map((n) => record[n]);

describe("mixlab fit --model ols with the textbook flags on daily data", () => {
  const terms = Object.keys(reference.params);
  const slopes = terms.filter((t) => t !== "intercept");

  it("with --day-of-week off equals statsmodels OLS: coefficients, SE, t, p, 95 % CI, F, residual SE", async () => {
    const s = await fitSummary("--day-of-week", "off");
    expect(Object.keys(s.coefficients).sort()).toEqual([...slopes].sort());
    expectClose([s.intercept, ...values(s.coefficients, slopes)], values(reference.params, terms), { rel: 1e-8 });
    expectClose(values(s.std_errors, terms), values(reference.bse, terms), { rel: 1e-8 });
    expectClose(values(s.t_values, terms), values(reference.tvalues, terms), { rel: 1e-8 });
    expectClose(values(s.p_values, terms), values(reference.pvalues, terms), { rel: 1e-8 });
    expectClose(terms.flatMap((t) => s.conf_int[t]), terms.flatMap((t) => reference.conf_int[t]), { rel: 1e-8 });
    expectClose([s.f_statistic, s.residual_std_error, s.df_residual], [reference.fvalue, reference.residual_std_error, reference.df_resid], { rel: 1e-8 });
  });

  it("--day-of-week on adds six day-of-week terms (daily data), so it is not textbook OLS", async () => {
    const s = await fitSummary("--day-of-week", "on");
    expect(Object.keys(s.coefficients).length).toBe(slopes.length + 6);
    expect(Math.abs(s.coefficients.tv / reference.params.tv - 1)).toBeGreaterThan(1e-8);
  });

  it("without --day-of-week the fit chooses day-of-week on or off from the data (the only part left free)", async () => {
    const s = (await fitSummary()) as OlsSummary & { structure: { chosen: { day_of_week: boolean }; candidates: unknown[] } };
    expect(s.structure.candidates.length).toBe(2);
    expect(Object.keys(s.coefficients).length).toBe(slopes.length + (s.structure.chosen.day_of_week ? 6 : 0));
  });

  it("--day-of-week takes on or off only", async () => {
    const result = await runCli("fit", daily, "--day-of-week", "maybe", "--out", join(dir, "x.json"));
    expect(result.code).toBe(2);
    expect(result.err).toContain('--day-of-week must be one of on, off, not "maybe"');
  });

  it("prints a coefficient table with estimate, std error, t, p and the 95 % interval, and the residual standard error", async () => {
    const result = await runCli("fit", daily, ...TEXTBOOK, "--day-of-week", "off", "--no-progress", "--out", join(dir, "text.json"));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/term\s+estimate\s+std error\s+t\s+p\s+95 % interval/);
    // statsmodels: print 1.0507, se 0.35785, p 0.0034271 (test/fixtures/cli/ols-daily-reference.json)
    expect(result.out).toMatch(/\n {2}print\s+1\.051\s+0\.3578\s+2\.936\s+0\.003427\s+\[0\.3482, 1\.753\]\n/);
    expect(result.out).toContain(`residual standard error ${sig(reference.residual_std_error)} on 723 df`);
  });
});

describe("sig(v)", () => {
  it("sig(v) keeps 4 significant digits below 1,000 and whole numbers with separators above", () => {
    expect([sig(1.67), sig(0.012345), sig(999.94), sig(4711.2), sig(-1234567.8), sig(NaN), sig(null)]).toEqual(["1.67", "0.01235", "999.9", "4,711", "-1,234,568", "–", "–"]);
  });
});
