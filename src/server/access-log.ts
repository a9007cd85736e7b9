/**
 * The access log and request ids: every request gets an id (the handlers send it back as
 * `X-Request-Id`, and in the body of a 500) and, when logging is on, one JSON line once answered:
 * `{"time","method","path","status","ms","request_id"}`. Lines are batched per event-loop turn so
 * logging costs one write per burst, not one per request. Tests leave logging off (silent).
 */
import { randomBytes } from "node:crypto";
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

/** What every request carries in Hono's `c.env`: its id, and on @hono/node-server Node's request. */
export interface RequestBindings {
  requestId: string;
  incoming?: { url?: string; headers: Record<string, string | string[] | undefined> };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fetch = (request: Request, env?: any, executionCtx?: any) => Response | Promise<Response>;

function pathOf(request: Request, env: RequestBindings): string {
  const url = env.incoming?.url;
  if (url !== undefined) {
    const q = url.indexOf("?");
    return q === -1 ? url : url.slice(0, q);
  }
  return new URL(request.url).pathname;
}

/**
 * withRequestIds(fetch, write) → `fetch` wrapped so that every request gets an id in `c.env`
 * (`requestId`) and, when `write` is given, one access-log line once answered (the path without
 * the query string, JSON-escaped unless plain). A wrapper rather than a middleware, so that a route
 * with one handler keeps Hono's no-compose fast path. The env object of @hono/node-server is
 * fresh per request; without one (app.request in tests) a new object is made.
 */
export function withRequestIds<F extends Fetch>(fetch: F, write?: (line: string) => void): F {
  const nextId = makeRequestIds();
  const clock = isoClock();
  return ((request: Request, env?: unknown, executionCtx?: unknown) => {
    const bindings = (env === undefined || env === null ? {} : env) as RequestBindings;
    const id = nextId();
    bindings.requestId = id;
    if (write === undefined) return fetch(request, bindings, executionCtx);
    const start = performance.now();
    const finish = (res: Response): Response => {
      const ms = Math.round((performance.now() - start) * 1000) / 1000;
      const method = METHODS[request.method] ?? JSON.stringify(request.method);
      const path = pathOf(request, bindings);
      const shownPath = PLAIN_PATH.test(path) ? `"${path}"` : JSON.stringify(path);
      write(`{"time":"${clock()}","method":${method},"path":${shownPath},"status":${res.status},"ms":${ms},"request_id":"${id}"}\n`);
      return res;
    };
    const out = fetch(request, bindings, executionCtx);
    return out instanceof Promise ? out.then(finish) : finish(out);
  }) as F;
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
