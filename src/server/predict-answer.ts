/**
 * The one handler of POST /predict, shared by the Hono route (app.ts) and the Node fast path
 * (node-listener.ts): predictRows checks a parsed body against the model's schema, predictAnswer
 * turns the rows into the design input, predicts and writes the JSON answer.
 */
import { predict } from "../models/predict";
import { HttpError, issuesError } from "./errors";
import { rowsInput, type JsonRow } from "./rows-input";
import { allowedFields, type ServedModel } from "./served-model";

/**
 * predictRows(s, body) → the rows of a POST /predict body the model's schema accepts: the hand
 * check first (predict-body-check.ts), zod when it says no (to accept what it missed, or to word
 * the error).
 * @throws HttpError 422 (or 413 over the row cap) naming the field
 */
export function predictRows(s: ServedModel, body: unknown): JsonRow[] {
  if (s.predictCheck(body)) return body.rows;
  const parsed = s.schemas.predict.safeParse(body);
  if (!parsed.success) throw issuesError(parsed.error, body, allowedFields(s.schemas.predict));
  return parsed.data.rows as JsonRow[];
}

/** predictionsText(dates, predicted) → `{"predictions":[{"date","predicted"}…]}` written directly (dates are checked ISO strings). */
function predictionsText(dates: readonly string[], predicted: Float64Array): string {
  let out = '{"predictions":[';
  for (let i = 0; i < dates.length; i++) {
    out += `${i === 0 ? "" : ","}{"date":"${dates[i]}","predicted":${predicted[i]}}`;
  }
  return `${out}]}`;
}

/**
 * checkFinite(values) passes when every prediction is a finite number.
 * @throws HttpError 422 naming the first row that is not
 */
export function checkFinite(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new HttpError(422, `the prediction of row ${i} is not a finite number: the spend or control values are too large`);
  }
}

/**
 * predictAnswer(s, rows) → the 200 text of POST /predict for rows predictRows accepted: the design
 * input of the rows, predicted with the model's prepared context.
 * @throws HttpError 422 for dates that are not consecutive periods, or a non-finite prediction
 */
export function predictAnswer(s: ServedModel, rows: readonly JsonRow[]): string {
  const input = rowsInput(rows, s.model);
  const predicted = predict(s.model, input, s.context);
  checkFinite(predicted);
  return predictionsText(input.dates, predicted);
}
