/**
 * Real fitted models on the bundled data for planning tests, with a small search so they stay
 * fast: weekly (5 channels, data/weekly/mmm_weekly.csv) and daily (6 channels, data/daily cleaned).
 * Both carry bootstrap draws.
 */
import { join } from "node:path";
import { clean } from "../../src/data/clean";
import { loadInput, toTable } from "../../src/data/load";
import type { Table } from "../../src/data/table";
import { fitModel } from "../../src/analysis/fit";
import type { FittedModel } from "../../src/models/fitted-model";
import { defaultSpec } from "../../src/spec/model-spec";

export const WEEKLY_CSV = join(__dirname, "..", "..", "data", "weekly", "mmm_weekly.csv");
export const DAILY_DIR = join(__dirname, "..", "..", "data", "daily");

function fitSmall(table: Table, trials: number, resamples: number): Promise<FittedModel> {
  const spec = defaultSpec({
    target: table.target, channels: table.channels, controls: table.controls, frequency: table.frequency,
    search: { trials, seed: 3 }, bootstrap: { resamples, trials: 50 },
  });
  return fitModel(table, spec);
}

/** fitWeekly() → the bundled weekly set fitted with 200 trials and 20 bootstrap resamples. */
export async function fitWeekly(): Promise<{ model: FittedModel; table: Table }> {
  const table = toTable(loadInput(WEEKLY_CSV));
  return { model: await fitSmall(table, 200, 20), table };
}

/** fitDaily() → the bundled daily set, cleaned, fitted with 100 trials and 10 bootstrap resamples. */
export async function fitDaily(): Promise<{ model: FittedModel; table: Table }> {
  const table = clean(loadInput(DAILY_DIR)).table;
  return { model: await fitSmall(table, 100, 10), table };
}
