/**
 * Reading a request body under the limits: the content type (415) and the size (413, from
 * Content-Length before reading, or counted while streaming a chunked body) before any parsing;
 * then emptiness, nesting depth (400; json-depth.ts) and one JSON.parse (400 with the position,
 * never the text). The usual request — JSON with a Content-Length — takes the adapter's fast text
 * path.
 */
import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { jsonErrorPosition } from "../artifact/json-error-position";
import { HttpError } from "./errors";
import { nestingDepthExceeds, valueDepthExceeds } from "./json-depth";
import type { ServerLimits } from "./limits";

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;
const MULTIPART_TYPE = /^multipart\/form-data\s*;.*boundary=/i;

/**
 * headerOf(c, name) → a request header (lower-case name): straight from Node's parsed headers when
 * the app runs on @hono/node-server (no Headers object is built), else from the Request.
 */
export function headerOf(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming !== undefined) {
    const v = incoming.headers[name];
    return Array.isArray(v) ? v.join(", ") : v;
  }
  return c.req.header(name);
}

/** tooLarge(limits) → the 413 of a body over the size limit. */
export function tooLarge(limits: ServerLimits): HttpError {
  return new HttpError(413, `the request body is larger than ${limits.maxBodyBytes} bytes (the server's body-size limit)`);
}

/**
 * readBodyText(c, limits) → the body as text, or bytes when `asBytes`: 413 as soon as the size is
 * over the limit (declared or counted).
 */
async function readBody(c: Context, limits: ServerLimits, asBytes: boolean): Promise<string | Uint8Array> {
  const declared = headerOf(c, "content-length");
  const chunked = headerOf(c, "transfer-encoding") !== undefined;
  if (declared !== undefined && !chunked) {
    if (declaredTooLarge(declared, limits)) throw tooLarge(limits);
    if (!asBytes) return c.req.text();
    return new Uint8Array(await c.req.arrayBuffer());
  }
  const stream = c.req.raw.body;
  if (stream === null) return asBytes ? new Uint8Array(0) : "";
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxBodyBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(limits);
    }
    chunks.push(value);
  }
  const bytes = chunks.length === 1 ? chunks[0] : new Uint8Array(size);
  if (chunks.length !== 1) {
    let at = 0;
    for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.byteLength; }
  }
  return asBytes ? bytes : new TextDecoder().decode(bytes);
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
  if (type !== "application/json" && (type === undefined || !JSON_TYPE.test(type))) {
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
 * readJson(c, limits) → the parsed JSON body: checkJsonType, the size limits while reading, then
 * parseJsonText.
 * @throws HttpError 415 (not application/json), 413 (too large), 400 (see parseJsonText)
 */
export async function readJson(c: Context, limits: ServerLimits): Promise<unknown> {
  checkJsonType(headerOf(c, "content-type"));
  const text = (await readBody(c, limits, false)) as string;
  return parseJsonText(text, limits);
}

/**
 * readForm(c, limits) → the multipart/form-data body as FormData.
 * @throws HttpError 415 (not multipart/form-data with a boundary), 413 (too large), 400 (malformed)
 */
export async function readForm(c: Context, limits: ServerLimits): Promise<FormData> {
  const type = headerOf(c, "content-type");
  if (type === undefined || !MULTIPART_TYPE.test(type)) {
    throw new HttpError(415, "send the files as multipart/form-data (a form with one or more `files` fields)");
  }
  const bytes = (await readBody(c, limits, true)) as Uint8Array;
  if (bytes.byteLength === 0) throw new HttpError(400, "the request body is empty; send the channel-dir CSV files as `files`");
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new HttpError(400, "the multipart body is malformed (boundary or part headers do not parse)");
  }
}
