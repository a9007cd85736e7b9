/**
 * The access log and request ids: every request gets an id (the handlers send it back as
 * `X-Request-Id`, and in the body of a 500) and, when logging is on, one JSON line on stderr once answered:
 * `{"time","method","path","status","ms","request_id"}`. Lines are batched per event-loop turn so
 * logging costs one write per burst, not one per request. Tests leave logging off (silent).
 */
import { randomBytes } from "node:crypto";
import type { MiddlewareHandler } from "hono";

/** Context variables the middleware sets. */
export type LogVariables = { requestId: string };

/** makeRequestIds() → a function giving `<8 random hex>-<counter>` ids, unique per process run. */
export function makeRequestIds(): () => string {
  const prefix = randomBytes(4).toString("hex");
  let next = 0;
  return () => `${prefix}-${(++next).toString(36)}`;
}

const PLAIN_PATH = /^[A-Za-z0-9/._~%+-]*$/;
const METHODS: Record<string, string> = Object.fromEntries(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map((m) => [m, `"${m}"`]));

/** A clock that formats the ISO time once per millisecond, however many lines share it. */
function isoClock(): () => string {
  let last = 0;
  let text = "";
  return () => {
    const now = Date.now();
    if (now !== last) {
      last = now;
      text = new Date(now).toISOString();
    }
    return text;
  };
}

/**
 * accessLog(write) → the middleware: a request id for every request, and one log line per request
 * through `write` (none when `write` is undefined). The path is logged without the query string,
 * JSON-escaped unless it is plain.
 */
export function accessLog(write?: (line: string) => void): MiddlewareHandler<{ Variables: LogVariables }> {
  const nextId = makeRequestIds();
  if (write === undefined) {
    return async function requestId(c, next) {
      c.set("requestId", nextId());
      await next();
    };
  }
  const clock = isoClock();
  return async function accessLog(c, next) {
    const id = nextId();
    c.set("requestId", id);
    const start = performance.now();
    await next();
    const ms = Math.round((performance.now() - start) * 1000) / 1000;
    const method = METHODS[c.req.method] ?? JSON.stringify(c.req.method);
    const path = c.req.path;
    const shownPath = PLAIN_PATH.test(path) ? `"${path}"` : JSON.stringify(path);
    write(`{"time":"${clock()}","method":${method},"path":${shownPath},"status":${c.res.status},"ms":${ms},"request_id":"${id}"}\n`);
  };
}

/**
 * batchedWriter(stream) → a write function that queues lines and writes them together at the end
 * of the current event-loop turn (and whatever is queued when the process exits).
 */
export function batchedWriter(stream: NodeJS.WritableStream & { fd?: number }): (line: string) => void {
  let queued = "";
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (queued === "") return;
    const text = queued;
    queued = "";
    stream.write(text);
  };
  process.on("exit", flush);
  return (line: string) => {
    queued += line;
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
