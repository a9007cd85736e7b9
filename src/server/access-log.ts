/**
 * The access log and request ids: every request gets an id (the handlers send it back as
 * `X-Request-Id`, and in the body of a 500) and, when logging is on, one JSON line once answered:
 * `{"time","method","path","status","ms","request_id"}`. Lines are batched (batchedWriter: up to
 * 32 KiB or 100 ms) so logging costs one write per burst, not one per request. Tests leave logging off (silent).
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
 * What both request paths share (the Hono app and the Node fast path of POST /predict): one id
 * sequence, so ids stay unique per process, and one access-log line format.
 */
export interface RequestLog {
  /** nextId() → the id of a new request: `<8 random hex>-<counter>`. */
  nextId(): string;
  /** True when lines are written; when false, `answered` does nothing and callers may skip timing. */
  readonly on: boolean;
  /**
   * answered(method, path, status, start, id) writes the access-log line of one answered request:
   * `{"time","method","path","status","ms","request_id"}`; `start` is performance.now() at arrival,
   * `path` the URL path without the query string (JSON-escaped unless plain).
   */
  answered(method: string, path: string, status: number, start: number, id: string): void;
}

/** requestLog(write) → the id sequence and access-log writer; no `write` → ids only, silent. */
export function requestLog(write?: (line: string) => void): RequestLog {
  const nextId = makeRequestIds();
  const clock = isoClock();
  return {
    nextId,
    on: write !== undefined,
    answered(method, path, status, start, id) {
      if (write === undefined) return;
      const ms = Math.round((performance.now() - start) * 1000) / 1000;
      const shownMethod = METHODS[method] ?? JSON.stringify(method);
      const shownPath = PLAIN_PATH.test(path) ? `"${path}"` : JSON.stringify(path);
      write(`{"time":"${clock()}","method":${shownMethod},"path":${shownPath},"status":${status},"ms":${ms},"request_id":"${id}"}\n`);
    },
  };
}

/**
 * withRequestIds(fetch, log) → `fetch` wrapped so that every request gets an id in `c.env`
 * (`requestId`) and, when the log is on, one access-log line once answered. A wrapper rather than
 * a middleware, so that a route with one handler keeps Hono's no-compose fast path. The env
 * object of @hono/node-server is fresh per request; without one (app.request in tests) a new
 * object is made.
 */
export function withRequestIds<F extends Fetch>(fetch: F, log: RequestLog): F {
  return ((request: Request, env?: unknown, executionCtx?: unknown) => {
    const bindings = (env === undefined || env === null ? {} : env) as RequestBindings;
    const id = log.nextId();
    bindings.requestId = id;
    if (!log.on) return fetch(request, bindings, executionCtx);
    const start = performance.now();
    const finish = (res: Response): Response => {
      log.answered(request.method, pathOf(request, bindings), res.status, start, id);
      return res;
    };
    const out = fetch(request, bindings, executionCtx);
    return out instanceof Promise ? out.then(finish) : finish(out);
  }) as F;
}

/** A line writer that batches, with flush() to write what is queued now. */
export type BatchedWriter = ((line: string) => void) & { flush(): void };

/**
 * batchedWriter(stream, options) → a write function that queues lines and writes them together:
 * when `maxBytes` characters are queued (default 32 KiB, about 250 access-log lines), else
 * `maxDelayMs` after the first queued line (default 100 ms), and whatever is queued when the process
 * exits; flush() writes at once (the ready line). process.stderr writes synchronously to files and
 * pipes, so one write per burst instead of one per request or event-loop turn is what keeps the
 * access log cheap: measured on POST /predict, a write per event-loop turn cost ~20 µs of server
 * CPU per request (bench/server.bench.ts).
 */
export function batchedWriter(stream: NodeJS.WritableStream, options: { maxBytes?: number; maxDelayMs?: number } = {}): BatchedWriter {
  const maxBytes = options.maxBytes ?? 32 * 1024;
  const maxDelayMs = options.maxDelayMs ?? 100;
  let queued = "";
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (queued === "") return;
    const text = queued;
    queued = "";
    stream.write(text);
  };
  process.on("exit", flush);
  const write = (line: string) => {
    queued += line;
    if (queued.length >= maxBytes) flush();
    else if (timer === null) {
      timer = setTimeout(flush, maxDelayMs);
      timer.unref();
    }
  };
  return Object.assign(write, { flush });
}
