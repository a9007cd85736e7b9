/**
 * A small fitting problem for the step tests: 80 generated weekly periods, 2 channels, price and
 * promo controls; specs with few trials so each step runs in well under a second.
 */
import type { Table } from "../../../src/data/table";
import { generate } from "../../../src/generate/generate";
import { generatedTable } from "../../../src/generate/generated-table";
import { splitWindow, type FitWindow } from "../../../src/models/fit/split";
import { searchSetup, type SearchSetup } from "../../../src/models/fit/search";
import { defaultSpec, type ModelSpec, type SpecInput } from "../../../src/spec/model-spec";

export const table: Table = generatedTable(generate({ seed: 21, periods: 80, channels: 2 }));

/** spec(options) → a spec on the fixture table: seasonality 0, no holidays, 80 trials, seed 5. */
export function spec(options: Partial<SpecInput> = {}): ModelSpec {
  return defaultSpec({
    target: table.target, channels: table.channels, controls: table.controls, frequency: table.frequency,
    seasonality: 0, holidays: "none", ...options, search: { trials: 80, seed: 5, ...options.search },
    bootstrap: { resamples: 20, trials: 12, ...options.bootstrap },
  });
}

/** problem(spec, stable) → the fit window and search setup of a spec on the fixture table. */
export function problem(s: ModelSpec, stable = true): { window: FitWindow; setup: SearchSetup } {
  const window = splitWindow(table, s);
  return { window, setup: searchSetup(s, window, stable) };
}
