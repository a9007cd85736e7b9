import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/artifact/load";
import { predict } from "../../src/models/predict";
import { loadInput, toTable } from "../../src/data/load";
import { BAYES_CHAINS } from "../../src/models/fit/sample";
import { fitOls } from "../../src/models/ols";
import { designMatrixFromColumns } from "../../src/models/standardize";
import { expectClose } from "../helpers/expect-close";
import { maskRunTimes } from "../helpers/mask-run-times";
import { describeStructure } from "../../src/cli/fit";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-fit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const weekly = join(__dirname, "..", "..", "data", "weekly", "mmm_weekly.csv");
const fitArgs = (out: string) => ["fit", weekly, "--trials", "200", "--bootstrap", "20", "--seed", "3", "--out", out, "--json"];

/** The artifact JSON without the fields that may vary between runs (timestamps and durations). */
function stable(text: string): Record<string, unknown> {
  const json = JSON.parse(text);
  delete json.created_at;
  delete json.fit_seconds;
  if (json.summary.search) {
    delete json.summary.search.seconds;
    delete json.summary.search.candidates_per_second;
  }
  if (json.summary.bootstrap) delete json.summary.bootstrap.seconds;
  return json;
}

describe("mixlab fit", () => {
  const first = join(dir, "model.json");
  let run: { code: number; out: string; err: string };
  beforeAll(async () => {
    run = await runCli(...fitArgs(first));
  }, 120_000);

  it("mixlab fit data/weekly/mmm_weekly.csv --trials 200 --bootstrap 20 --seed 3 --json prints the contract's summary", () => {
    expect(run.code).toBe(0);
    const s = JSON.parse(run.out);
    expect(s).toMatchObject({ model_type: "ridge", rows: 208, frequency: "weekly", sampler: null });
    for (const key of ["r2", "adj_r2", "rmse", "mae", "mape", "nrmse"]) expect(typeof s.train[key]).toBe("number");
    for (const key of ["r2", "rmse", "mae", "mape", "nrmse"]) expect(typeof s.holdout[key]).toBe("number");
    expect(typeof s.intercept).toBe("number");
    expect(Object.keys(s.coefficients).slice(0, 5)).toEqual(["tv", "radio", "social_media", "search", "outdoor"]);
    expect(typeof s.std_errors).toBe("object");
    expect(s.channels.map((c: { name: string }) => c.name)).toEqual(["tv", "radio", "social_media", "search", "outdoor"]);
    for (const c of s.channels) {
      for (const key of ["spend", "contribution", "roas", "roas_low", "roas_high", "mroas", "share_of_spend", "share_of_effect"]) expect(typeof c[key]).toBe("number");
      expect(c.adstock.type).toBe("geometric");
      expect(c.saturation.type).toBe(s.structure.chosen.saturation);
      expectClose(c.roas, c.contribution / c.spend, { rel: 1e-12 });
      expect(c.roas_low).toBeLessThanOrEqual(c.roas_high);
    }
    expectClose(s.channels.reduce((a: number, c: { share_of_spend: number }) => a + c.share_of_spend, 0), 1, { rel: 1e-12 });
    expect(s.diagnostics).toHaveProperty("vif");
    expect(s.diagnostics).toHaveProperty("durbin_watson");
    expect(s.diagnostics).toHaveProperty("jarque_bera_p");
    expect(s.search).toMatchObject({ candidates: 200, seed: 3 });
    expect(typeof s.search.seconds).toBe("number");
    // No structure flag: saturation, trend, Fourier order and holidays are chosen from the data.
    expect(s.structure.candidates.length).toBe(3 * 3 * 4 * 2);
    expect(s.structure.criterion).toMatch(/^the best evidence among the candidates within 1.1 × the lowest rolling-origin WMAPE/);
    type Scored = { score: number; evidence: number };
    const lowest = Math.min(...s.structure.candidates.map((c: Scored) => c.score));
    const near = s.structure.candidates.filter((c: Scored) => c.score <= 1.1 * lowest);
    const evidence = Math.min(...near.map((c: Scored) => c.evidence));
    const tied = near.filter((c: Scored) => c.evidence === evidence);
    expect(tied.reduce((m: Scored, c: Scored) => (c.score < m.score ? c : m))).toMatchObject(s.structure.chosen);
  });

  it("mixlab fit reports each phase on stderr under its own label, each reaching its total: search, sampler, bootstrap", () => {
    const labels = run.err.split("\n").filter((l) => l.length > 0).map((l) => l.split(" ")[0]);
    expect(labels.filter((l, i) => i === 0 || labels[i - 1] !== l)).toEqual(["search", "sampler", "bootstrap"]);
    expect(run.err).toMatch(/^search 200\/200 \(100%\)/m);
    expect(run.err).toMatch(/^sampler (\d+)\/\1 \(100%\)/m);
    expect(run.err).toMatch(/^bootstrap 20\/20 \(100%\)$/m);
  });

  it("mixlab fit --json prints the summary stored in model.json", () => {
    const artifact = JSON.parse(readFileSync(first, "utf8"));
    expect(artifact).toMatchObject({ format: "mixlab-model", version: 1 });
    expect(JSON.parse(run.out)).toEqual(artifact.summary);
  });

  it("mixlab fit … with the same seed twice writes the same model.json, timestamps and durations aside", async () => {
    const second = join(dir, "model-2.json");
    const again = await runCli(...fitArgs(second));
    expect(again.code).toBe(0);
    const a = readFileSync(first, "utf8");
    const b = readFileSync(second, "utf8");
    expect(JSON.stringify(stable(b), null, 2)).toBe(JSON.stringify(stable(a), null, 2));
    expect(maskRunTimes(b)).toBe(maskRunTimes(a));
  }, 120_000);

  it("mixlab fit reports the candidates scored per second of the search and sampler (more evaluations than search candidates)", () => {
    const search = JSON.parse(readFileSync(first, "utf8")).summary.search;
    expect(search.candidates).toBe(200);
    expect(Number.isInteger(search.candidates_per_second)).toBe(true);
    // rate × seconds = the search's 200 candidates plus the sampler's evaluations (rounding aside)
    expect(search.candidates_per_second * Math.max(search.seconds, 1e-3)).toBeGreaterThan(1.5 * search.candidates);
  });

  it("mixlab fit's model predicts its own training data as the summary says (train RMSE from predict())", () => {
    const model = loadModel(first);
    const table = toTable(loadInput(weekly));
    const predicted = predict(model, table);
    const k = model.summary.fit_window.rows;
    const y = table.columns.revenue;
    let ss = 0;
    for (let i = 0; i < k; i++) ss += (y[i] - predicted[i]) ** 2;
    expectClose(Math.sqrt(ss / k), model.summary.train.rmse ?? NaN, { rel: 1e-9 });
  });

  it("mixlab fit without --json prints a readable summary with the channel table and where the model went", async () => {
    const out = join(dir, "readable.json");
    const r = await runCli("fit", weekly, "--trials", "40", "--bootstrap", "0", "--seed", "1", "--out", out, "--no-progress");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ridge model of .*mmm_weekly\.csv: 208 weekly periods; fit window 2021-01-04 … /);
    expect(r.out).toMatch(/channel +spend +contribution +roas +90 % interval +mroas +spend share +effect share/);
    expect(r.out).toContain(`model → ${out}`);
    expect(r.out).toMatch(/^ {2}structure: saturation, trend, seasonality, holidays chosen from the data among 72 candidates \(score [0-9.]+; the best evidence among/m);
    expect(r.err).toBe("");
    const fixed = await runCli("fit", weekly, "--trials", "40", "--bootstrap", "0", "--saturation", "log", "--trend", "damped", "--seasonality", "1", "--holidays", "none", "--out", out, "--no-progress");
    expect(fixed.out).toContain("log saturation, damped trend, seasonality 1, holidays none");
    expect(fixed.out).not.toContain("structure:");
    expect(JSON.parse(readFileSync(out, "utf8")).summary.structure).toEqual({
      chosen: { saturation: "log", trend: "damped", seasonality: 1, holidays: "none", day_of_week: false },
      candidates: [],
      criterion: "none: every part fixed by the flags or the config",
    });
  }, 120_000);
});

/**
 * smallWeeklyCsv(name) writes 30 weekly rows with tv, radio, price and sales = 500 + 2.5·tv +
 * 4·radio − 30·price + a deterministic wiggle into dir/name, for the fits with every transform off.
 */
function smallWeeklyCsv(name: string): { csv: string; tv: number[]; radio: number[]; price: number[]; sales: number[] } {
  const n = 30;
  const rows = ["date,tv_spend,radio_spend,sales,price"];
  const tv: number[] = [], radio: number[] = [], price: number[] = [], sales: number[] = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2023, 0, 2 + 7 * i)).toISOString().slice(0, 10);
    tv.push(100 + ((i * 37) % 50)); radio.push(40 + ((i * 11) % 17)); price.push(10 + ((i * 3) % 5) / 4);
    sales.push(Math.round(500 + 2.5 * tv[i] + 4 * radio[i] - 30 * price[i] + 20 * Math.sin(i * 1.7)));
    rows.push(`${date},${tv[i]},${radio[i]},${sales[i]},${price[i]}`);
  }
  const csv = join(dir, name);
  writeFileSync(csv, `${rows.join("\n")}\n`);
  return { csv, tv, radio, price, sales };
}

describe("describeStructure", () => {
  it("names the free parts as the flags do (day-of-week, not the spec's dayOfWeek), with the chosen candidate's score", () => {
    const chosen = { saturation: "hill", trend: "none", seasonality: 1, holidays: "none", day_of_week: true };
    const line = describeStructure({ chosen, candidates: [{ ...chosen, score: 2.5, evidence: 10 }, { ...chosen, trend: "linear", score: 2, evidence: 12 }], criterion: "the rule" }, ["trend", "dayOfWeek"]);
    expect(line).toBe("  structure: trend, day-of-week chosen from the data among 2 candidates (score 2.500; the rule)");
  });
});

describe("mixlab fit --model ols with every transform off", () => {
  it("mixlab fit --adstock none --saturation none --trend none --seasonality 0 --holidays none --model ols is textbook OLS of the target on channels and controls", async () => {
    const { csv, tv, radio, price, sales } = smallWeeklyCsv("small.csv");
    const out = join(dir, "ols.json");
    const r = await runCli("fit", csv, "--adstock", "none", "--saturation", "none", "--trend", "none", "--seasonality", "0", "--holidays", "none", "--model", "ols", "--holdout-fraction", "0", "--out", out, "--json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    const ref = fitOls(designMatrixFromColumns([tv, radio, price]), sales, { names: ["tv", "radio", "price"] });
    expect(Object.keys(s.coefficients)).toEqual(["tv", "radio", "price"]);
    expectClose([s.coefficients.tv, s.coefficients.radio, s.coefficients.price], ref.coefficients, { rel: 1e-10 });
    expectClose([s.std_errors.tv, s.std_errors.radio, s.std_errors.price], ref.standardErrors.subarray(1), { rel: 1e-10 });
    expectClose(s.intercept, ref.intercept, { rel: 1e-10 });
    expect(s.holdout).toBeNull();
    expectClose(s.train.r2, ref.rSquared, { rel: 1e-10 });
  }, 60_000);
});

describe("mixlab fit --model bayes", () => {
  it("with every transform off and a vanishing fixed penalty, its coefficients are OLS and its sds the OLS standard errors × √((n − p)/(n − 2)), within Monte Carlo error", async () => {
    // The conjugate posterior under a flat prior and p(σ²) ∝ 1/σ²: β | y ~ t_n(β̂, RSS/n·(XᵀX)⁻¹), so
    // sd = √(RSS/(n − 2)·(XᵀX)⁻¹_jj) = SE_OLS·√((n − p)/(n − 2)); 1,000 draws estimate the mean to
    // about SE/30 and the sd to about 2 %.
    const { csv, tv, radio, price, sales } = smallWeeklyCsv("small-bayes.csv");
    const n = tv.length;
    const out = join(dir, "bayes-flat.json");
    const r = await runCli("fit", csv, "--adstock", "none", "--saturation", "none", "--trend", "none", "--seasonality", "0", "--holidays", "none", "--model", "bayes", "--alpha", "1e-9", "--holdout-fraction", "0", "--out", out, "--json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    const ref = fitOls(designMatrixFromColumns([tv, radio, price]), sales, { names: ["tv", "radio", "price"] });
    const factor = Math.sqrt((n - 4) / (n - 2));
    expect(s.model_type).toBe("bayes");
    ["tv", "radio", "price"].forEach((t, j) => {
      const se = ref.standardErrors[j + 1];
      expect(Math.abs(s.coefficients[t] - ref.coefficients[j]), t).toBeLessThan(0.15 * se);
      expectClose(s.std_errors[t], se * factor, { rel: 0.08 });
    });
    expect(Math.abs(s.intercept - ref.intercept)).toBeLessThan(0.15 * ref.standardErrors[0]);
    expectClose(s.std_errors.intercept, ref.standardErrors[0] * factor, { rel: 0.08 });
    expect(s.sampler).toMatchObject({ chains: 1, draws: 1000, divergences: 0, rhat_max: null, ess_min: null });
    expect(s.bootstrap).toBeNull();
  }, 60_000);

  it("on the weekly set: posterior intervals around each ROAS, a sampler summary, a warning when the chains have not mixed, and the same model for the same seed", async () => {
    const a = join(dir, "bayes-a.json");
    const b = join(dir, "bayes-b.json");
    const r = await runCli("fit", weekly, "--model", "bayes", "--trials", "100", "--seed", "3", "--out", a, "--json", "--no-progress");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.model_type).toBe("bayes");
    expect(s.bootstrap).toBeNull();
    expect(s.sampler.chains).toBe(BAYES_CHAINS);
    expect(s.sampler.draws).toBe(1000);
    expect(s.sampler.divergences).toBe(0);
    expect(s.sampler.rhat_max).toBeGreaterThanOrEqual(1);
    expect(s.sampler.ess_min).toBeGreaterThan(0);
    for (const c of s.channels) {
      expect(c.roas_low, c.name).toBeLessThanOrEqual(c.roas);
      expect(c.roas, c.name).toBeLessThanOrEqual(c.roas_high);
      expect(c.roas_low, c.name).toBeGreaterThanOrEqual(0);
    }
    expect(Object.keys(s.std_errors).sort()).toEqual([...Object.keys(s.coefficients), "intercept"].sort());
    for (const v of Object.values(s.std_errors) as number[]) expect(v).toBeGreaterThan(0);
    expect(r.err.includes("the posterior chains have not mixed")).toBe(s.sampler.rhat_max > 1.05);
    expect((await runCli("fit", weekly, "--model", "bayes", "--trials", "100", "--seed", "3", "--out", b, "--json", "--no-progress")).code).toBe(0);
    const strip = (path: string) => JSON.parse(readFileSync(path, "utf8"), (key, value) => (["created_at", "seconds", "fit_seconds", "candidates_per_second"].includes(key) ? undefined : value));
    expect(strip(b)).toEqual(strip(a));
  }, 120_000);
});

describe("mixlab fit failures", () => {
  it("mixlab fit with a bad flag exits 2 and names the flag", async () => {
    const out = join(dir, "never.json");
    const cases: [string[], RegExp][] = [
      [["--adstock", "exponential"], /--adstock must be one of/],
      [["--seasonality", "-1"], /--seasonality must be at least 0/],
      [["--trials", "lots"], /--trials must be a number/],
      [["--holdout-fraction", "1"], /--holdout-fraction must be below 1/],
      [["--holdout-fraction", "0.2", "--split-date", "2024-01-01"], /not both/],
      [["--split-date", "01/02/2024"], /--split-date must be a date/],
      [["--holidays", "Atlantis"], /--holidays must be a country code/],
      [["--frobnicate"], /unknown option/],
    ];
    for (const [flags, message] of cases) {
      const r = await runCli("fit", weekly, "--out", out, ...flags);
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect((await runCli("fit", weekly)).code).toBe(2); // --out is required
    expect(() => readFileSync(out)).toThrow();
  });

  it("mixlab fit on a dirty input exits 1 and says to run `mixlab clean`", async () => {
    const r = await runCli("fit", join(__dirname, "..", "..", "data", "daily"), "--out", join(dir, "dirty.json"));
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[0]).toMatch(/^mixlab: .*daily has \d+ error\(s\); fix them or run `mixlab clean` first$/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("mixlab fit with a missing input exits 1", async () => {
    const r = await runCli("fit", join(dir, "nope.csv"), "--out", join(dir, "x.json"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/file not found/);
  });
});
