/**
 * Recovery on generated data with known truth (bench/recovery.bench.ts prints the full table, and
 * with further seeds the aggregate). Five weekly sets (4 years, 5 channels): an easy one and the
 * hard cases issue #4 names — spend that follows the season, every channel always on, a confounder
 * given as a control — plus the bundled weekly set. What the default fit achieves today (search
 * seed 7, 2,000 trials, 50 resamples), and must keep achieving:
 * - its 90 % intervals cover the true ROAS for at least 4 of 5 channels in every set, the issue's
 *   aim (today 24 of 25; on 25 sets, five seeds per scenario, 116 of 125 and every set ≥ 4). The
 *   miss: social media with spend following the season, which the Fourier terms can absorb — its
 *   interval is wide, [0, 3.4], but the true 4.3 lies above it (the plain search says 0.69);
 * - ROAS within 15 % of the truth for 10 of the 25 channels and a median error of 16 % (the plain
 *   search: 4 of 25, 35 %; the previous default fit: 6, 33 %);
 * - the share of effect within 0.05 of the truth for 16 of the 25 channels (the plain search: 9;
 *   the previous default fit: 15);
 * - where its interval is narrow (high ≤ 1.5 × low: the data identify the channel), ROAS within
 *   15 % (no channel here; 14 of 14 over the 25 sets);
 * - it predicts every holdout at least as well as a plain random search that keeps the lowest CV
 *   error, with none of the safeguards.
 * The bounds on the totals leave one channel of room, so a harmless change of rounding (which
 * moves the sampler's chains) does not fail the test.
 *
 * Why not ROAS within 15 % everywhere: an oracle that knows the true transforms and fits only the
 * coefficients by OLS gets 94 of 125 channels within 15 % (median error 5 %) on the bench's 25
 * sets; the fit, which must also learn the transforms, 56 (17 %). The gap is the always-on
 * channels (85 of the 125: the generator makes ⌈channels/2⌉ always on by default, the "easy" set
 * included): with known transforms 61 of 85 within 15 %, learnt 25 — their spend varies by ±30 %
 * around its mean, so the Hill curve's level trades against the intercept and the data hardly tell
 * the level; even a search restricted to the generator's own parameter ranges gets 54 of 125. For
 * flighted channels the fit is close to the oracle (31 against 33 of 40). So the honest aim is the
 * one the second test pins: where the fit's interval is narrow it is right; elsewhere it is wide.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate/generate";
import type { GenerateOptions } from "../../src/generate/options";
import { generatedTable, trueReturns } from "../../src/generate/generated-table";
import { fitModel } from "../../src/analysis/fit";
import type { Table } from "../../src/data/table";
import { defaultSpec, type ModelSpec, type SpecInput } from "../../src/spec/model-spec";

const SETS: Array<[string, GenerateOptions]> = [
  ["easy", { seed: 101, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.2 }],
  ["spend correlated with the season", { seed: 102, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.9 }],
  ["all channels always on", { seed: 103, periods: 208, channels: 5, snr: 8, alwaysOn: 5 }],
  ["a confounder given as a control", { seed: 104, periods: 208, channels: 5, snr: 8, confounder: true }],
  ["the bundled weekly set", { seed: 42, periods: 208, channels: ["tv", "radio", "social_media", "search", "outdoor"], seasonCorrelation: 0.4, alwaysOn: 3 }],
];

/**
 * The generator's structure (Hill saturation, a linear trend, Fourier order 2, US holidays), fixed:
 * these tests are about the transforms, the intervals and the recovery they allow, not about the
 * structure, which the fit otherwise chooses from the data (tested in models/fit/structure.test.ts
 * and studied by bench/structure-study.ts).
 */
const TRUE_STRUCTURE: Partial<SpecInput> = { saturation: "hill", trend: "linear", seasonality: 2, holidays: "US" };

/**
 * fitSet(options, extra) fits one generated weekly set with search seed 7, 2,000 trials, the true
 * structure and the spec choices `extra`, and returns the fit, the true returns over its fit window
 * and how many of the 90 % ROAS intervals cover them.
 */
async function fitSet(options: GenerateOptions, extra: Partial<SpecInput>) {
  const data = generate({ shape: "wide", frequency: "weekly", ...options });
  const table = generatedTable(data);
  const spec = defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly", search: { trials: 2000, seed: 7 }, ...TRUE_STRUCTURE, ...extra });
  const model = await fitModel(table, spec);
  const truth = trueReturns(data, model.summary.fit_window.rows);
  const inSet = model.summary.channels.filter((c, i) => c.roas_low! <= truth[i].roas && truth[i].roas <= c.roas_high!).length;
  return { table, spec, model, truth, inSet };
}

/** plainHoldoutMape(table, spec) → the holdout MAPE of a plain random search keeping the lowest CV error: ridge, no safeguards, no bootstrap. */
async function plainHoldoutMape(table: Table, spec: ModelSpec): Promise<number> {
  const plain = await fitModel(table, { ...spec, model: "ridge", search: { ...spec.search, method: "random" }, bootstrap: { ...spec.bootstrap, resamples: 0 } }, { selection: "lowest-cv" });
  return plain.summary.holdout?.mape ?? NaN;
}

describe("recovery of known ROAS", () => {
  it("fitModel(table, spec) covers ≥ 4 of 5 true ROAS per set, recovers ROAS and shares where the data allow, and beats a plain lowest-CV search on every holdout", async () => {
    let covered = 0;
    const errors: number[] = [];
    const shareErrors: number[] = [];
    for (const [name, options] of SETS) {
      const { table, spec, model, truth, inSet } = await fitSet(options, { bootstrap: { resamples: 50 } });
      expect(inSet, name).toBeGreaterThanOrEqual(4);
      covered += inSet;
      model.summary.channels.forEach((c, i) => {
        const error = Math.abs((c.roas ?? NaN) / truth[i].roas - 1);
        errors.push(error);
        shareErrors.push(Math.abs((c.share_of_effect ?? NaN) - truth[i].share_of_effect));
        if (c.roas_high! <= 1.5 * c.roas_low!) expect(error, `${name}: ${c.name}, a narrow interval`).toBeLessThanOrEqual(0.15);
      });
      expect(model.summary.holdout!.mape, name).toBeLessThanOrEqual(await plainHoldoutMape(table, spec));
    }
    expect(covered).toBeGreaterThanOrEqual(23);
    expect(errors.filter((e) => e <= 0.15).length).toBeGreaterThanOrEqual(9);
    expect([...errors].sort((a, b) => a - b)[12]).toBeLessThanOrEqual(0.2);
    expect(shareErrors.filter((e) => e <= 0.05).length).toBeGreaterThanOrEqual(15);
  }, 180_000);

  // model "bayes" on the same five sets (bench/recovery.bench.ts 2000 50 0,…,4000 --bayes, search
  // seed 7): today its posterior intervals cover 25 of 25 true ROAS here (117 of 125 over the 25
  // bench sets, ≥ 4 of 5 in 24 of them; 16 narrow intervals, all within 15 %), its holdout MAPE is
  // below the plain search's in all five (22 of 25), and its chains mix: R̂ max 1.012–1.021.
  it("fitModel(table, { model: \"bayes\" }): posterior intervals cover ≥ 4 of 5 true ROAS per set, narrow ones are right, the chains mix and the holdout beats a plain search", async () => {
    let covered = 0;
    const rhats: number[] = [];
    for (const [name, options] of SETS) {
      const { table, spec, model, truth, inSet } = await fitSet(options, { model: "bayes" });
      expect(inSet, name).toBeGreaterThanOrEqual(4);
      covered += inSet;
      model.summary.channels.forEach((c, i) => {
        if (c.roas_low! > 0 && c.roas_high! <= 1.5 * c.roas_low!) expect(Math.abs((c.roas ?? NaN) / truth[i].roas - 1), `${name}: ${c.name}, a narrow interval`).toBeLessThanOrEqual(0.15);
      });
      rhats.push(model.summary.sampler!.rhat_max!);
      expect(model.summary.holdout!.mape, name).toBeLessThanOrEqual(await plainHoldoutMape(table, spec));
    }
    expect(covered).toBeGreaterThanOrEqual(24);
    for (const r of rhats) expect(r).toBeLessThanOrEqual(1.05);
  }, 240_000);

  // The claims the fit makes on 15 further sets (the five scenarios at seed offsets 1000, 2000,
  // 3000; bench/recovery.bench.ts 2000 50 1000,2000,3000, search seed 7): a channel whose 90 %
  // interval is narrow (0 < low, high ≤ 1.5 × low) is one the fit says the data identify. Today 11
  // such channels, all within 15 % of the true ROAS (largest error 10 %: bundled weekly, seed 2042,
  // tv) and all covering it. Over 75 sets (offsets 0–14000 by 1000), 56 narrow channels, all
  // within 15 % (largest error 14 %); 4 of their intervals miss the truth, by 1–5 % of it — as
  // calibrated 90 % intervals should about one time in ten — so the test allows one miss.
  it("fitModel(table, spec): where a 90 % ROAS interval is narrow (high ≤ 1.5 × low) the ROAS is within 15 % — no confident wrong numbers", async () => {
    const narrow: Array<{ where: string; error: number; covered: boolean }> = [];
    for (const offset of [1000, 2000, 3000]) {
      for (const [name, options] of SETS) {
        const { model, truth } = await fitSet({ ...options, seed: options.seed! + offset }, { bootstrap: { resamples: 50 } });
        model.summary.channels.forEach((c, i) => {
          if (!(c.roas_low! > 0 && c.roas_high! <= 1.5 * c.roas_low!)) return;
          narrow.push({ where: `${name} (seed ${options.seed! + offset}): ${c.name}`, error: Math.abs((c.roas ?? NaN) / truth[i].roas - 1), covered: c.roas_low! <= truth[i].roas && truth[i].roas <= c.roas_high! });
        });
      }
    }
    expect(narrow.length).toBeGreaterThanOrEqual(9);
    for (const n of narrow) expect(n.error, n.where).toBeLessThanOrEqual(0.15);
    expect(narrow.filter((n) => !n.covered).length).toBeLessThanOrEqual(1);
  }, 300_000);
});
