/**
 * weeklyModel(): a real model of the bundled weekly set (the default spec with a short search and a
 * small bootstrap, seeded), the input loaded the way `mixlab export --input` loads it, and the
 * table it was fitted on. Shared by the export tests.
 */
import { join } from "node:path";
import { loadInput, toTable } from "../../src/data/load";
import type { Table } from "../../src/data/table";
import { fitModel } from "../../src/analysis/fit";
import type { FittedModel } from "../../src/models/fitted-model";
import { defaultSpec } from "../../src/spec/model-spec";
import { loadExportInput, type ExportInput } from "../../src/report/export-input";

export const WEEKLY_CSV = join(__dirname, "..", "..", "data", "weekly", "mmm_weekly.csv");

/** weeklyModel() → the fitted model, its export input (with actuals) and its table. */
export async function weeklyModel(): Promise<{ model: FittedModel; input: ExportInput; table: Table }> {
  const table = toTable(loadInput(WEEKLY_CSV));
  const spec = defaultSpec({
    target: table.target, channels: table.channels, controls: table.controls, frequency: table.frequency,
    search: { trials: 60, seed: 5 }, bootstrap: { resamples: 5, trials: 20 },
  });
  const model = await fitModel(table, spec);
  return { model, input: loadExportInput(WEEKLY_CSV, model), table };
}
