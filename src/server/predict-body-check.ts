/**
 * predictBodyCheck(fields, limits): a hand-written test that a POST /predict body is one the
 * model's zod schema (schemas.ts predictBody) accepts as it is. The server runs it first and runs
 * zod only when it says no — to accept what it missed, or to word the 422.
 *
 * Why by hand, beside zod: on the route a deployed model answers thousands of times a second, zod's
 * safeParse of a 1-row body costs ~1 µs in a warm loop but several times that under load (a parse
 * allocates its context, issue lists and a copy of every row). Measured with
 * scratch servers running the app's /predict with and without zod, loaded in alternating turns:
 * 30.1 and 25.6 µs of server CPU per request without it, 33.4 and 40.5 µs with it (two runs). This
 * test allocates nothing.
 *
 * It only ever says yes to a body zod accepts with the same values; test/server/predict-body-check
 * .test.ts checks this on random bodies. Bodies come from JSON.parse: plain objects whose keys are
 * all own and enumerable (another prototype goes to zod). It asks for:
 *   - exactly the key `rows`, holding 1 to maxRows rows;
 *   - each row a plain object with no key outside date, the channels and the controls (counted,
 *     not looked up: the keys of a JSON row are all its own);
 *   - `date` a string matching zod's own ISO-date pattern (z.regexes.date, real days only);
 *   - every channel a finite number ≥ 0, every control absent or a finite number.
 * Anything else goes to zod, and so does every body of a model whose field names are not distinct.
 */
import { z } from "zod";
import type { ServerLimits } from "./limits";
import type { JsonRow } from "./rows-input";
import type { ModelFields } from "./schemas";

/** zod's pattern of z.iso.date() (the IsoDate of schemas.ts): YYYY-MM-DD, real days only. */
const ISO_DATE = z.regexes.date;

/** An object as JSON.parse makes it: prototype Object.prototype (so not null, not an array). */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** A finite number (zod's z.number() refuses NaN and ±Infinity; JSON.parse gives Infinity for 1e309). */
function isFiniteNumber(value: unknown): value is number {
  return Number.isFinite(value);
}

/**
 * predictBodyCheck(fields, limits) → a test `(body) => boolean` that is true only for a body the
 * predict schema of these fields and limits accepts unchanged (see the module comment); false means
 * "ask zod", not "invalid".
 */
export function predictBodyCheck(fields: ModelFields, limits: ServerLimits): (body: unknown) => body is { rows: JsonRow[] } {
  const channels = [...fields.channels];
  const controls = [...fields.controls];
  const maxRows = limits.maxRows;
  // the key count below needs distinct names; a model whose names repeat (or name a field "date") is left to zod
  if (new Set(["date", ...channels, ...controls]).size !== 1 + channels.length + controls.length) {
    return (_body: unknown): _body is { rows: JsonRow[] } => false;
  }

  const rowOk = (row: unknown): boolean => {
    if (!isJsonObject(row)) return false;
    const date = row.date;
    if (typeof date !== "string" || !ISO_DATE.test(date)) return false;
    for (let j = 0; j < channels.length; j++) {
      const spend = row[channels[j]];
      if (!isFiniteNumber(spend) || !(spend >= 0)) return false;
    }
    let expected = 1 + channels.length;
    for (let j = 0; j < controls.length; j++) {
      const value = row[controls[j]];
      if (value === undefined) continue;
      if (!isFiniteNumber(value)) return false;
      expected++;
    }
    // date, every channel and the controls given are keys of the row; any more is an unknown field
    let keys = 0;
    for (const _key in row) keys++;
    return keys === expected;
  };

  return (body: unknown): body is { rows: JsonRow[] } => {
    if (!isJsonObject(body)) return false;
    for (const key in body) if (key !== "rows") return false;
    const rows = body.rows;
    if (!Array.isArray(rows) || rows.length < 1 || rows.length > maxRows) return false;
    for (let i = 0; i < rows.length; i++) if (!rowOk(rows[i])) return false;
    return true;
  };
}
