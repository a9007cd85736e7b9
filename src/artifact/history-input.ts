/**
 * historyInput(model): the model's own observed periods (fit window and holdout) rebuilt from the
 * artifact — dates, spend per channel and, when the artifact keeps them (history.controls), the
 * observed value of each control — as the PredictionInput predict() takes. What-if over history
 * (CLI and server) and `mixlab export` without --input use it, so they predict the periods the
 * model was fitted on with the inputs it was fitted on. A model saved before history.controls
 * existed has no control values: those controls are listed in `defaultedControls` and predicted at
 * their fit-window mean (controlDefaults), as predict() does for any input that lacks a control.
 */
import { parseIsoDate } from "../data/parse-date";
import type { FittedModel } from "../models/fitted-model";
import type { PredictionInput } from "./prediction-input";

/**
 * historyInput(model) → the observed periods as prediction input (see the module comment).
 * @example historyInput(model).columns.tv // => the spend on tv per observed period
 */
export function historyInput(model: FittedModel): PredictionInput {
  const columns: Record<string, Float64Array> = {};
  for (const c of model.spec.channels) columns[c] = Float64Array.from(model.history.spend[c] ?? []);
  const defaultedControls: string[] = [];
  for (const c of model.spec.controls) {
    const values = model.history.controls?.[c];
    if (values === undefined) defaultedControls.push(c);
    else columns[c] = Float64Array.from(values);
  }
  return {
    days: Int32Array.from(model.history.dates, (d) => parseIsoDate(d)),
    dates: [...model.history.dates],
    columns,
    defaultedControls,
  };
}
