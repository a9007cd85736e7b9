/**
 * Recovery on generated data with known truth (see bench/recovery.bench.ts for the full table).
 * These sets are hard in the ways issue #4 names: spend that follows the season, every channel
 * always on, a confounder given as a control, and the bundled weekly set. The default fit must
 * cover the true ROAS with its 90 % intervals for at least 4 of 5 channels, and predict the holdout
 * at least as well as a plain random search that keeps the lowest CV error.
 */
import { describe, expect, it } from "vitest";
import { generate, type GenerateOptions } from "../../src/data/generate";
import { generatedTable, trueReturns } from "../../src/data/generated-table";
import { fitModel } from "../../src/models/fit-model";
import { defaultSpec } from "../../src/models/model-spec";

const SETS: Array<[string, GenerateOptions]> = [
  ["spend correlated with the season", { seed: 102, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.9 }],
  ["all channels always on", { seed: 103, periods: 208, channels: 5, snr: 8, alwaysOn: 5 }],
  ["a confounder given as a control", { seed: 104, periods: 208, channels: 5, snr: 8, confounder: true }],
  ["the bundled weekly set", { seed: 42, periods: 208, channels: ["tv", "radio", "social_media", "search", "outdoor"], seasonCorrelation: 0.4, alwaysOn: 3 }],
];

describe.each(SETS)("recovery: %s", (_name, options) => {
  it("fitModel(table, spec) covers the true ROAS for at least 4 of 5 channels and predicts the holdout no worse than a plain lowest-CV search (5 % slack)", async () => {
    const data = generate({ shape: "wide", frequency: "weekly", ...options });
    const table = generatedTable(data);
    const spec = defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly", search: { trials: 2000, seed: 7 }, bootstrap: { resamples: 50 } });
    const model = await fitModel(table, spec);
    const truth = trueReturns(data, model.summary.fit_window.rows);
    const covered = model.summary.channels.filter((c, i) => c.roas_low! <= truth[i].roas && truth[i].roas <= c.roas_high!).length;
    expect(covered).toBeGreaterThanOrEqual(4);
    const plain = await fitModel(table, { ...spec, search: { ...spec.search, method: "random" }, bootstrap: { ...spec.bootstrap, resamples: 0 } }, { selection: "lowest-cv" });
    expect(model.summary.holdout!.mape).toBeLessThanOrEqual(plain.summary.holdout!.mape * 1.05);
  }, 60_000);
});
