/**
 * fitModel(table, spec, options): the fit a user calls — models/fit/fit.ts (split, search, sample,
 * intervals, refit: fitSteps), then the summary (summary.ts). Same seed, same data → the same model.
 */
import type { Table } from "../data/table";
import { fitSteps, type FitOptions } from "../models/fit/fit";
import type { FittedModel } from "../models/fitted-model";
import type { ModelSpec } from "../spec/model-spec";
import { summarise } from "./summary";

/**
 * fitModel(table, spec, options) → the fitted model with its summary.
 * @throws RangeError as fitSteps does (a missing column, too few rows to fit on, a failed search)
 * @example (await fitModel(table, defaultSpec({ target: "revenue", channels: ["tv"], controls: [], frequency: "weekly" }))).summary.channels[0].roas
 */
export async function fitModel(table: Table, spec: ModelSpec, options: FitOptions = {}): Promise<FittedModel> {
  const { model, report } = await fitSteps(table, spec, options);
  return { ...model, summary: summarise(model, table, report) };
}
