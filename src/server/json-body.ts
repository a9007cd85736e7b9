/**
 * Request bodies under the limits, for the Hono routes and the /predict fast path. The size is
 * limitBody (Hono's bodyLimit for streamed bodies); then, before any validation: the content type (415), emptiness,
 * nesting depth (400; json-depth.ts) and one JSON.parse (400 with the position, never the text) —
 * jsonBody() — or the multipart form (400 when it does not parse) — formBody(). Each leaves what
 * it parsed in Hono's body cache, where Hono's validator('json' | 'form') takes it.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { jsonErrorPosition } from "../artifact/json-error-position";
import { HttpError } from "./errors";
import { nestingDepthExceeds, valueDepthExceeds } from "./json-depth";
import type { ServerLimits } from "./limits";

/** Hono validator's JSON media types: application/json and application/…+json. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;
const MULTIPART_TYPE = /^multipart\/form-data\s*;.*boundary=/i;

/** tooLarge(limits) → the 413 of a body over the size limit. */
export function tooLarge(limits: ServerLimits): HttpError {
  return new HttpError(413, `the request body is larger than ${limits.maxBodyBytes} bytes (the server's body-size limit)`);
}

/**
 * limitBody(limits) → the size limit of a route (413 naming it): a body with a Content-Length is
 * judged by it (Node's HTTP parser delivers exactly that many bytes), any other goes through Hono's
 * bodyLimit, which counts it while streaming.
 *
 * Why not bodyLimit for every body: it reads `c.req.raw.body`, and on @hono/node-server that
 * builds a web ReadableStream over Node's request and makes the body be read through it; measured
 * on 1-row POST /predict through Hono, 279 µs of server CPU per request with it, 86 µs without
 * (/tmp trimmed variant of bench/server.bench.ts, shared 2-core machine).
 */
export function limitBody(limits: ServerLimits): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize: limits.maxBodyBytes, onError: () => { throw tooLarge(limits); } });
  return async function limitBody(c, next) {
    const declared = c.req.header("content-length");
    if (declared === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
    if (declaredTooLarge(declared, limits)) throw tooLarge(limits);
    await next();
  };
}

/** isBlank(text) → true when the text is empty or only JSON white space (no copy, unlike trim). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

/**
 * checkJsonType(type) passes when the Content-Type is JSON (`application/json` or `…+json`).
 * @throws HttpError 415 otherwise (or when absent)
 */
export function checkJsonType(type: string | undefined): void {
  if (type !== "application/json" && (type === undefined || !JSON_TYPE.test(type.split(";")[0].trim().toLowerCase()))) {
    throw new HttpError(415, "send the body as JSON with the header Content-Type: application/json");
  }
}

/** declaredTooLarge(contentLength, limits) → true when a declared Content-Length is over the body-size limit (or not a number). */
export function declaredTooLarge(contentLength: string, limits: ServerLimits): boolean {
  return !(Number(contentLength) <= limits.maxBodyBytes);
}

/**
 * Bodies up to this many characters are parsed first and their depth checked on the parsed value
 * (json-depth.ts valueDepthExceeds): a short text parses fast however deep it is (16 K nested
 * brackets: ~6 ms), and walking a request's value costs less than scanning its text. Longer bodies
 * are scanned before parsing. So is every body when the depth limit is over MAX_WALKED_DEPTH, which
 * keeps the walk's recursion shallow.
 */
const PARSE_FIRST_CHARS = 16 * 1024;
const MAX_WALKED_DEPTH = 256;

/**
 * parseJsonText(text, limits) → the parsed JSON body, checked in order: not empty, nested at most
 * limits.maxDepth levels (a deep body gets that answer even when it is also invalid JSON), valid JSON.
 * The depth of a short body is that of its parsed value, in which a repeated key counts only with
 * its last value (the one the server reads).
 * @throws HttpError 400 naming what is wrong — the position of a syntax error and a hint for NaN
 *   and Infinity, never the text itself
 */
export function parseJsonText(text: string, limits: ServerLimits): unknown {
  if (isBlank(text)) throw new HttpError(400, "the request body is empty; send a JSON object");
  const max = limits.maxDepth;
  const scanFirst = text.length > PARSE_FIRST_CHARS || max > MAX_WALKED_DEPTH;
  if (scanFirst && nestingDepthExceeds(text, max)) throw tooDeep(limits);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if (!scanFirst && nestingDepthExceeds(text, max)) throw tooDeep(limits);
    const at = Math.max(0, jsonErrorPosition(text));
    const rest = text.slice(at, at + 9);
    const hint = /^-?(?:NaN|Infinity)/.test(rest) ? ": NaN and Infinity are not JSON numbers" : at >= text.length ? ": it ends too early" : "";
    throw new HttpError(400, `the body is not valid JSON (at position ${at})${hint}`);
  }
  if (!scanFirst && valueDepthExceeds(value, max)) throw tooDeep(limits);
  return value;
}

/** tooDeep(limits) → the 400 of a body nested deeper than limits.maxDepth. */
function tooDeep(limits: ServerLimits): HttpError {
  return new HttpError(400, `the JSON body is nested more than ${limits.maxDepth} levels deep; the request bodies need at most 4`);
}

/**
 * jsonBody(limits) → the middleware that reads a JSON body (checkJsonType, then parseJsonText) and
 * leaves the value in Hono's body cache for validator('json').
 * @throws HttpError 415 (not JSON), 400 (see parseJsonText)
 */
export function jsonBody(limits: ServerLimits): MiddlewareHandler {
  return async function jsonBody(c, next) {
    checkJsonType(c.req.header("content-type"));
    const value = parseJsonText(await c.req.text(), limits);
    c.req.bodyCache.json = Promise.resolve(value);
    await next();
  };
}

/**
 * formBody() → the middleware that reads a multipart/form-data body and leaves the FormData in
 * Hono's body cache for validator('form').
 * @throws HttpError 415 (not multipart/form-data with a boundary), 400 (empty or malformed)
 */
export function formBody(): MiddlewareHandler {
  return async function formBody(c: Context, next) {
    const type = c.req.header("content-type");
    if (type === undefined || !MULTIPART_TYPE.test(type)) {
      throw new HttpError(415, "send the files as multipart/form-data (a form with one or more `files` fields)");
    }
    const bytes = await c.req.arrayBuffer();
    if (bytes.byteLength === 0) throw new HttpError(400, "the request body is empty; send the channel-dir CSV files as `files`");
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "content-type": type } }).formData();
    } catch {
      throw new HttpError(400, "the multipart body is malformed (boundary or part headers do not parse)");
    }
    c.req.bodyCache.formData = form; // Hono's validator awaits what it finds there
    await next();
  };
}
