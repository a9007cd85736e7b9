/**
 * rowsInput(rows, model, field): JSON rows, already checked by the row schema, as the design input
 * predict() takes — the same DesignInput a CSV of those periods gives the CLI, so the library, the
 * CLI and the server predict identically. Rows are consecutive periods, oldest first; a control a
 * row leaves out takes the model's fit-window mean.
 */
import { parseIsoDate } from "../data/parse-date";
import type { DesignInput } from "../features/design";
import type { FittedModel } from "../models/fitted-model";
import { HttpError } from "./errors";

/** A row as the row schema passes it: `date` plus numbers. */
export type JsonRow = Record<string, string | number | undefined> & { date: string };

/**
 * dayOf(date, where) → the day number of a schema-checked ISO date. Years are limited to
 * 1900–2199: the calendar of marketing data, and parseIsoDate reads years 0000–0099 as 1900–1999.
 * @throws HttpError 422 when the year is outside 1900–2199
 */
export function dayOf(date: string, where: string): number {
  const day = servedDay(date);
  if (Number.isNaN(day)) throw outOfRange(where);
  return day;
}

/** outOfRange(where) → dayOf's 422 for the date at `where`. */
const outOfRange = (where: string) => new HttpError(422, `${where} must be a date from 1900-01-01 to 2199-12-31`);

/** servedDay(date) → dayOf's day number, or NaN where dayOf throws (rowsInput builds no message per row). */
function servedDay(date: string): number {
  const year = Number(date.slice(0, 4));
  const day = parseIsoDate(date);
  return year >= 1900 && year <= 2199 ? day : NaN;
}

/**
 * rowsInput(rows, model, field) → the rows' design input and dates; `field` names the rows in
 * messages ("rows").
 * @throws HttpError 422 when the dates are not consecutive periods of the model's frequency, oldest first
 */
export function rowsInput(rows: readonly JsonRow[], model: FittedModel, field = "rows"): DesignInput & { dates: string[] } {
  const n = rows.length;
  const step = model.periodDays;
  const days = new Int32Array(n);
  const dates = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const date = rows[i].date;
    const day = servedDay(date);
    if (Number.isNaN(day)) throw outOfRange(`${field}[${i}].date`);
    if (i > 0 && day !== days[i - 1] + step) {
      const unit = step === 7 ? "7 days (weekly model)" : `${step} day(s)`;
      throw new HttpError(422, `${field}[${i}].date must be ${unit} after ${field}[${i - 1}].date: rows are consecutive periods, oldest first`);
    }
    days[i] = day;
    dates[i] = date;
  }
  const columns: Record<string, Float64Array> = {};
  for (const c of model.spec.channels) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = rows[i][c] as number;
    columns[c] = values;
  }
  for (const c of model.spec.controls) {
    let present = 0;
    for (let i = 0; i < n; i++) if (rows[i][c] !== undefined) present++;
    const fallback = model.controlDefaults[c];
    if (present < n && fallback === undefined) {
      throw new HttpError(422, `${field}[${rows.findIndex((r) => r[c] === undefined)}].${c} is missing (the model has no default for this control)`);
    }
    if (present === 0) continue; // design() fills the fit-window mean
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = rows[i][c];
      values[i] = v === undefined ? fallback : (v as number);
    }
    columns[c] = values;
  }
  return { days, dates, columns };
}
