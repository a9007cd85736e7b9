/**
 * Recovery on generated data with known truth (bench/recovery.bench.ts prints the full table).
 * Five weekly sets (4 years, 5 channels): an easy one and the hard cases issue #4 names — spend
 * that follows the season, every channel always on, a confounder given as a control — plus the
 * bundled weekly set. What the default fit achieves today, and must keep achieving:
 * - its 90 % intervals cover the true ROAS for at least 3 of 5 channels in every set and for at
 *   least 20 of the 25 channels overall (the aim, 4 of 5 in every set, is not met yet:
 *   see the note on issue #4);
 * - it predicts every holdout at least as well as a plain random search that keeps the lowest
 *   CV error, with none of the safeguards.
 */
import { describe, expect, it } from "vitest";
import { generate, type GenerateOptions } from "../../src/data/generate";
import { generatedTable, trueReturns } from "../../src/data/generated-table";
import { fitModel } from "../../src/models/fit-model";
import { defaultSpec } from "../../src/models/model-spec";

const SETS: Array<[string, GenerateOptions]> = [
  ["easy", { seed: 101, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.2 }],
  ["spend correlated with the season", { seed: 102, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.9 }],
  ["all channels always on", { seed: 103, periods: 208, channels: 5, snr: 8, alwaysOn: 5 }],
  ["a confounder given as a control", { seed: 104, periods: 208, channels: 5, snr: 8, confounder: true }],
  ["the bundled weekly set", { seed: 42, periods: 208, channels: ["tv", "radio", "social_media", "search", "outdoor"], seasonCorrelation: 0.4, alwaysOn: 3 }],
];

describe("recovery of known ROAS", () => {
  it("fitModel(table, spec) covers ≥ 3 of 5 true ROAS per set, ≥ 20 of 25 overall, and beats a plain lowest-CV search on every holdout", async () => {
    let total = 0;
    for (const [name, options] of SETS) {
      const data = generate({ shape: "wide", frequency: "weekly", ...options });
      const table = generatedTable(data);
      const spec = defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly", search: { trials: 2000, seed: 7 }, bootstrap: { resamples: 50 } });
      const model = await fitModel(table, spec);
      const truth = trueReturns(data, model.summary.fit_window.rows);
      const covered = model.summary.channels.filter((c, i) => c.roas_low! <= truth[i].roas && truth[i].roas <= c.roas_high!).length;
      expect(covered, name).toBeGreaterThanOrEqual(3);
      total += covered;
      const plain = await fitModel(table, { ...spec, search: { ...spec.search, method: "random" }, bootstrap: { ...spec.bootstrap, resamples: 0 } }, { selection: "lowest-cv" });
      expect(model.summary.holdout!.mape, name).toBeLessThanOrEqual(plain.summary.holdout!.mape);
    }
    expect(total).toBeGreaterThanOrEqual(20);
  }, 180_000);
});
