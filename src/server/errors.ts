/**
 * How the server fails: every malformed request becomes a 4xx with one JSON object `{"error":
 * message}` whose message names the field (`rows[3].tv must be ≥ 0`), and never echoes the body
 * back — field names taken from the request are shown only when they are short and plain. A bug
 * becomes a 500 `{"error", "request_id"}` (app.ts), and the process stays up; a client that hangs
 * up is none of these (ClientGone, 499 in the access log).
 */
import type { z } from "zod";

/** The 4xx and 5xx statuses the server answers with. */
export type ErrorStatus = 400 | 404 | 408 | 413 | 415 | 422 | 500 | 503;

/** A request the server refuses: status, the sentence for `{"error": …}`, and headers of the answer (Retry-After). */
export class HttpError extends Error {
  readonly status: ErrorStatus;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: ErrorStatus, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.headers = headers;
  }
}

/**
 * The client went away before its answer (it closed the connection mid-body or while waiting): not
 * a server error. Logged as status 499 (nginx's "client closed request"), with no stack.
 */
export class ClientGone extends Error {
  constructor() {
    super("the client closed the connection before the answer");
    this.name = "ClientGone";
  }
}

/** CLIENT_GONE: the status of the access-log line of a request whose client went away. */
export const CLIENT_GONE = 499;

/** errorJson(message, requestId) → the text `{"error":message}` (plus `request_id` when given). */
export function errorJson(message: string, requestId?: string): string {
  return JSON.stringify(requestId === undefined ? { error: message } : { error: message, request_id: requestId });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * hasLoneSurrogate(s) → true when `s` is not well-formed UTF-16 (a JSON escape such as "\ud800"
 * with no partner): such a string cannot be written as UTF-8.
 * @example hasLoneSurrogate("\ud800") // => true
 */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_. -]{0,63}$/;

/**
 * shownName(name) → the name quoted when it is short and plain (letters, digits, `_ . -` and
 * spaces, at most 64 characters), else a placeholder: names from a request are never echoed raw.
 * @example shownName("tv") // => "\"tv\""
 */
export function shownName(name: string): string {
  return PLAIN.test(name) ? JSON.stringify(name) : "(a name with unusual characters, not shown)";
}

/** fieldPath(["rows", 3, "tv"]) → "rows[3].tv"; [] → "the body". Keys that are not plain are replaced by "?". */
export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "the body";
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else {
      const key = typeof p === "string" && PLAIN.test(p) ? p : "?";
      out += out === "" ? key : `.${key}`;
    }
  }
  return out;
}

/** jsonType(v) → the JSON type of a parsed value: "null", "array", "object", "string", "number", "boolean". */
export function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/**
 * describeIssue(issue, body, allowed) → one sentence naming the field of one zod issue on a parsed
 * JSON body; `allowed(path)` lists the field names accepted at an object path (for unknown fields).
 */
export function describeIssue(issue: z.core.$ZodIssue, body: unknown, allowed: (path: readonly PropertyKey[]) => readonly string[] | null): string {
  const where = fieldPath(issue.path);
  const value = valueAt(body, issue.path);
  if (typeof value === "string" && hasLoneSurrogate(value)) return `${where} holds invalid Unicode (a lone surrogate)`;
  switch (issue.code) {
    case "invalid_type": {
      if (value === undefined) return `${where} is missing`;
      if (typeof value === "number" && !Number.isFinite(value)) return `${where} is not a finite number (it overflows a double)`;
      return `${where} must be ${article(issue.expected === "int" ? "integer" : issue.expected)}, not ${article(jsonType(value))}`;
    }
    case "too_small":
      if (issue.origin === "array") return `${where} must hold at least ${issue.minimum} item(s)`;
      if (issue.origin === "string") return `${where} must not be empty`;
      return `${where} must be ${issue.inclusive ? "≥" : ">"} ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `${where} holds more than ${issue.maximum} item(s)`;
      if (issue.origin === "string") return `${where} is longer than ${issue.maximum} characters`;
      return `${where} must be ${issue.inclusive ? "≤" : "<"} ${issue.maximum}`;
    case "invalid_format":
      return issue.format === "date" ? `${where} must be an ISO date YYYY-MM-DD` : `${where} must be in the ${issue.format} format`;
    case "unrecognized_keys": {
      const inside = issue.path.length === 0 ? "the body" : where;
      const names = issue.keys.map((k) => (!hasLoneSurrogate(k) ? shownName(k) : "(a name with invalid Unicode: a lone surrogate)"));
      const known = allowed(issue.path);
      const hint = known === null ? "" : `; the fields it takes are ${known.join(", ")}`;
      return `${inside} has unknown field(s) ${names.slice(0, 5).join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""}${hint}`;
    }
    case "invalid_value":
      return `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "not_multiple_of":
      return `${where} must be a multiple of ${issue.divisor}`;
    case "custom":
      return issue.message.includes(where) ? issue.message : `${where} ${issue.message}`;
    default:
      return `${where} is not valid`;
  }
}

/**
 * issuesError(error, body, allowed) → the HttpError of a failed zod parse: 413 when an array is over
 * its cap (the row and scenario limits), else 422; the message describes the first issue and counts
 * the others.
 */
export function issuesError(error: z.ZodError, body: unknown, allowed: (path: readonly PropertyKey[]) => readonly string[] | null): HttpError {
  const issues = error.issues;
  const over = issues.find((i) => i.code === "too_big" && i.origin === "array");
  const first = over ?? issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : "";
  return new HttpError(over ? 413 : 422, describeIssue(first, body, allowed) + more);
}
