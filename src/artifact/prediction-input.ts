/**
 * predictionInput(dataset, model): the rows a stored model predicts for, read from any input shape.
 * Unlike toTable, the target is optional (future periods have no sales yet): its column, its file
 * (channel-dir `sales_data.csv`) and its problems are left out. A control the input lacks takes the
 * model's fit-window mean. Everything else must be clean: errors and holes in the spend or controls
 * give a DataError that says to run `mixlab clean`.
 */
import { basename } from "node:path";
import { assemble } from "../data/assemble";
import { DataError, makeIssue, type Issue } from "../data/issue";
import { SALES_FILE } from "../data/load-channel-dir";
import { loadInput, type LoadOptions } from "../data/load";
import { formatDay } from "../data/parse-date";
import type { Dataset } from "../data/source";
import type { DesignInput } from "../features/design";
import type { FittedModel } from "../models/fitted-model";

/** The rows to predict: a DesignInput plus their ISO dates and the controls filled with defaults. */
export interface PredictionInput extends DesignInput {
  dates: string[];
  /** Controls of the model the input lacks (predicted with the fit-window mean). */
  defaultedControls: string[];
}

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/**
 * predictionInput(dataset, model) → the rows of a loaded input as the model's design input (see
 * the module comment).
 * @throws DataError when the input has errors or holes outside the target, lacks a channel of the
 *   model, or has another frequency than the model
 */
export function predictionInput(dataset: Dataset, model: FittedModel): PredictionInput {
  const spec = model.spec;
  const defaultable = (name: string) => spec.controls.some((c) => same(name, c)) && Object.keys(model.controlDefaults).some((c) => same(name, c));
  const isTargetIssue = (i: Issue) =>
    (i.kind === "missing_column" && i.column !== null && (same(i.column, spec.target) || same(i.column, dataset.target) || (dataset.format === "channel-dir" && same(i.column, "sales")))) ||
    (i.kind === "missing_file" && dataset.format === "channel-dir" && same(basename(i.file), SALES_FILE));
  const isDefaultedControl = (i: Issue) => i.kind === "missing_column" && i.column !== null && defaultable(i.column);
  const unreadable = dataset.issues.some((i) => (i.kind === "missing_file" || i.kind === "empty_file") && !isTargetIssue(i));
  const lacking = spec.channels.filter((c) => !dataset.channels.some((d) => same(d, c)));
  if (!unreadable && lacking.length > 0) {
    const message = `${dataset.input} has no spend for ${lacking.map((c) => `"${c}"`).join(", ")}; the model needs every channel it was fitted on (${spec.channels.join(", ")})`;
    throw new DataError(message, lacking.map((c) => makeIssue({ file: dataset.input, row: null, column: c, date: null, kind: "missing_column", value: null, message })));
  }
  const files = dataset.files
    .map((f) => ({ ...f, columns: f.columns.filter((c) => c.role !== "target") }))
    .filter((f) => f.columns.length > 0);
  const withoutTarget: Dataset = { ...dataset, files, issues: dataset.issues.filter((i) => !isTargetIssue(i) && !isDefaultedControl(i)) };
  const assembled = assemble(withoutTarget);
  const errors = assembled.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw new DataError(`${dataset.input} has ${errors.length} error(s); fix them or run \`mixlab clean\` first`, errors);
  }
  const holes = assembled.issues.filter((i) => i.kind === "missing");
  if (holes.length > 0) {
    throw new DataError(`${dataset.input} has ${holes.length} missing value(s) in the spend or controls; run \`mixlab clean\` first`, holes);
  }
  if (assembled.frequency !== spec.frequency) {
    const message = `${dataset.input} has ${assembled.frequency} data but the model was fitted on ${spec.frequency} data`;
    throw new DataError(message, [makeIssue({ file: dataset.input, row: null, column: null, date: null, kind: "unknown_frequency", value: null, message })]);
  }
  const columns: Record<string, Float64Array> = {};
  for (const s of assembled.series) columns[s.name] = s.values;
  const unnamed = spec.channels.filter((c) => columns[c] === undefined);
  if (unnamed.length > 0) {
    throw new DataError(`${dataset.input} names no channel exactly ${unnamed.map((c) => `"${c}"`).join(", ")} (names are case-sensitive); the model needs every channel it was fitted on (${spec.channels.join(", ")})`);
  }
  const defaultedControls = spec.controls.filter((c) => columns[c] === undefined);
  return { days: Int32Array.from(assembled.days), dates: assembled.days.map(formatDay), columns, defaultedControls };
}

/**
 * loadPredictionInput(path, model, options) → predictionInput of the input at `path`, read in any
 * shape; a wide file is read with the model's roles (target, channels, controls) unless `options`
 * name others.
 * @throws DataError (see predictionInput)
 */
export function loadPredictionInput(path: string, model: FittedModel, options: LoadOptions = {}): PredictionInput {
  const load: LoadOptions = {
    ...options,
    target: options.target ?? model.spec.target,
    channels: options.channels ?? model.spec.channels,
    controls: options.controls ?? model.spec.controls,
  };
  return predictionInput(loadInput(path, load), model);
}
