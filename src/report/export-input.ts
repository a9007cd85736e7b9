/**
 * The rows an export describes: loadExportInput(path, model) reads an input in any shape as the
 * model's prediction input plus its observed target (when the input has one), and
 * exportHistoryInput(model) rebuilds the model's own observed periods from the artifact (dates,
 * spend and controls: src/artifact/history-input.ts).
 */
import { assemble } from "../data/assemble";
import { loadInput, type LoadOptions } from "../data/load";
import type { DesignInput } from "../features/design";
import { historyInput } from "../artifact/history-input";
import { predictionInput } from "../artifact/prediction-input";
import type { FittedModel } from "../models/fitted-model";

/** The rows to export: the model's design input, their ISO dates and, when known, the observed target. */
export interface ExportInput extends DesignInput {
  dates: readonly string[];
  /** Observed target per row (NaN where the input has none), or null when the input has no target. */
  actual?: ArrayLike<number> | null;
  /** Where the rows come from (a path, or "model history"), for the report. */
  source?: string;
  /** Controls the input lacks, predicted at the model's fit-window mean. */
  defaultedControls?: readonly string[];
}

/**
 * loadExportInput(path, model, options) → the input at `path` as the model's prediction input
 * (predictionInput: the same rows `mixlab predict` uses) with the observed target per row when the
 * input has a target column (NaN in its holes), read with the model's roles unless `options` name
 * others.
 * @throws DataError as loadPredictionInput does
 */
export function loadExportInput(path: string, model: FittedModel, options: LoadOptions = {}): ExportInput {
  const dataset = loadInput(path, {
    ...options,
    target: options.target ?? model.spec.target,
    channels: options.channels ?? model.spec.channels,
    controls: options.controls ?? model.spec.controls,
  });
  const rows = predictionInput(dataset, model);
  const assembled = assemble(dataset);
  const target = assembled.series.find((s) => s.role === "target");
  let actual: Float64Array | null = null;
  if (target !== undefined) {
    const byDay = new Map<number, number>();
    assembled.days.forEach((day, i) => { byDay.set(day, target.values[i]); });
    actual = Float64Array.from(rows.days, (day) => byDay.get(day) ?? NaN);
  }
  return { ...rows, actual, source: path };
}

/**
 * historyModelGaps(model) → why the model's own history cannot be exported without an input, or
 * null when it can: an artifact without observed periods, or one saved before it kept control
 * values (history.controls) for a model with controls.
 * @example historyModelGaps(oldModel) // => 'the model uses controls (price, promo) whose values this artifact does not keep (saved by an earlier mixlab)'
 */
export function historyModelGaps(model: FittedModel): string | null {
  if (model.history.dates.length === 0) return "the artifact keeps no observed periods";
  const missing = historyInput(model).defaultedControls;
  if (missing.length > 0) return `the model uses controls (${missing.join(", ")}) whose values this artifact does not keep (saved by an earlier mixlab)`;
  return null;
}

/**
 * exportHistoryInput(model) → the model's observed periods (fit window and holdout) with their
 * spend and controls as stored in the artifact (historyInput); there is no observed target
 * (`actual` is null).
 * @throws RangeError when historyModelGaps(model) names a gap
 */
export function exportHistoryInput(model: FittedModel): ExportInput {
  const gap = historyModelGaps(model);
  if (gap !== null) throw new RangeError(`exportHistoryInput requires a model whose artifact holds every input: ${gap}`);
  return { ...historyInput(model), actual: null, source: "model history" };
}
