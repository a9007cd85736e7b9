/**
 * The access log and request ids: every request gets an id (sent back as `X-Request-Id` by Hono's
 * requestId middleware, and in the body of a 500) and, when logging is on, one JSON line once
 * answered, written by the accessLog middleware: `{"time","method","path","status","ms","request_id"}`
 * (status 499: the client went away first). Lines are batched (batchedWriter: up to
 * 32 KiB or 100 ms) so logging costs one write per burst, not one per request, and access lines are
 * formatted when the batch is written. Tests leave logging off (silent) or take each line at once.
 */
import { randomBytes } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { CLIENT_GONE } from "./errors";
/** makeRequestIds() → a function giving `<8 random hex>-<decimal counter>` ids, unique per process run. */
export function makeRequestIds(): () => string {
  const prefix = `${randomBytes(4).toString("hex")}-`;
  let next = 0;
  return () => prefix + ++next;
}

/**
 * msText(us) → a duration given in whole microseconds (an integer ≥ 0), written in milliseconds as
 * JSON writes `us / 1000`: "12", "1.5", "0.026". Built from integers, which V8 turns into text from
 * a cache, instead of printing a fraction (a per-request cost on the hot route).
 * @example msText(26) // => "0.026"
 */
export function msText(us: number): string {
  const whole = Math.floor(us / 1000);
  let fraction = us - whole * 1000;
  if (fraction === 0) return String(whole);
  let digits = 3;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${whole}.${String(fraction).padStart(digits, "0")}`;
}

const PLAIN_PATH = /^[A-Za-z0-9/._~%+-]*$/;
const METHODS: Record<string, string> = Object.fromEntries(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"].map((m) => [m, `"${m}"`]));

/** isoClock() → a function writing an epoch time in ms as ISO text, formatting once per distinct millisecond however many lines share it. */
function isoClock(): (time: number) => string {
  let last = NaN;
  let text = "";
  return (time) => {
    if (time !== last) {
      last = time;
      text = new Date(time).toISOString();
    }
    return text;
  };
}

/**
 * lineWriter() → accessLine(method, path, status, time, micros, id): one access-log line,
 * `{"time","method","path","status","ms","request_id"}\n`, with `time` in epoch ms and the duration
 * in whole microseconds (written as ms), `path` JSON-escaped unless plain. The time text is made
 * once per millisecond and the method-path-status part once per run of lines that share it.
 */
function lineWriter(): (method: string, path: string, status: number, time: number, micros: number, id: string) => string {
  const clock = isoClock();
  let lastMethod = "";
  let lastPath = "";
  let lastStatus = -1;
  let middle = "";
  return (method, path, status, time, micros, id) => {
    if (method !== lastMethod || path !== lastPath || status !== lastStatus) {
      lastMethod = method;
      lastPath = path;
      lastStatus = status;
      const shownMethod = METHODS[method] ?? JSON.stringify(method);
      const shownPath = PLAIN_PATH.test(path) ? `"${path}"` : JSON.stringify(path);
      middle = `","method":${shownMethod},"path":${shownPath},"status":${status},"ms":`;
    }
    return `{"time":"${clock(time)}${middle}${msText(micros)},"request_id":"${id}"}\n`;
  };
}

/**
 * What both request paths share (the Hono app and the Node fast path of POST /predict): one id
 * sequence, so ids stay unique per process, and one access-log line format.
 */
export interface RequestLog {
  /** nextId() → the id of a new request: `<8 random hex>-<decimal counter>`. */
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

/**
 * requestLog(write) → the id sequence and access-log writer; no `write` → ids only, silent. A plain
 * `write` gets each line as the request is answered; a BatchedWriter gets the line's fields and
 * formats the lines when it writes them (see batchedWriter).
 */
export function requestLog(write?: ((line: string) => void) | BatchedWriter): RequestLog {
  const nextId = makeRequestIds();
  const accessLine = lineWriter();
  const batched = write !== undefined && "access" in write ? write : null;
  return {
    nextId,
    on: write !== undefined,
    answered(method, path, status, start, id) {
      if (write === undefined) return;
      const micros = Math.round((performance.now() - start) * 1000);
      if (batched !== null) batched.access(method, path, status, Date.now(), micros, id);
      else write(accessLine(method, path, status, Date.now(), micros, id));
    },
  };
}

/**
 * accessLog(log, gone) → the Hono middleware that writes a request's access-log line once it is
 * answered (after the error handler, so a 4xx or 500 is logged with its status), with status 499
 * when `gone(c)` says the client went away before its answer. It sets `arrived` (performance.now()
 * when the request reached the app: the start of its deadline, work-queue.ts) and reads the id
 * Hono's requestId middleware set.
 */
export function accessLog(log: RequestLog, gone: (c: Context) => boolean): MiddlewareHandler<{ Variables: AccessLogVariables }> {
  return async function accessLog(c, next) {
    const start = performance.now();
    c.set("arrived", start);
    await next();
    if (log.on) log.answered(c.req.method, c.req.path, gone(c) ? CLIENT_GONE : c.res.status, start, c.get("requestId"));
  };
}

/** What accessLog reads and sets in Hono's `c.var`. */
export interface AccessLogVariables {
  requestId: string;
  /** performance.now() when the request reached the app. */
  arrived: number;
}

/** A request id a client may send in X-Request-Id and get back (the rule of Hono's requestId middleware). */
const CLIENT_ID = /^[\w\-=]{1,255}$/;

/** clientRequestId(header) → the client's X-Request-Id when Hono's requestId middleware would keep it, else undefined. */
export function clientRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === "string" && CLIENT_ID.test(header) ? header : undefined;
}

/**
 * A line writer that batches, with flush() to write what is queued now, and access(…) to queue an
 * access-log line as its fields, formatted when written.
 */
export type BatchedWriter = ((line: string) => void) & {
  flush(): void;
  /** access(method, path, status, time, micros, id) queues the access line of an answered request (time in epoch ms, duration in whole µs). */
  access(method: string, path: string, status: number, time: number, micros: number, id: string): void;
};

/** What a queued access line counts toward maxBytes, besides its path: about the length of the rest. */
const ACCESS_LINE_CHARS = 120;

/**
 * batchedWriter(stream, options) → a write function that queues lines and writes them together:
 * when `maxBytes` characters are queued (default 32 KiB, about 250 access-log lines), else
 * `maxDelayMs` after the first queued line (default 100 ms), and whatever is queued when the process
 * exits; flush() writes at once (the ready line). Lines keep their order.
 *
 * Why: process.stderr writes synchronously to files and pipes; measured on POST /predict, a write
 * per event-loop turn cost ~20 µs of server CPU per request, and formatting each access line as
 * the request is answered ~2 µs (bench/server.bench.ts, scratch servers with and without the log).
 * Access lines are therefore queued as their fields (access()) and formatted together at write
 * time, in one loop that runs warm: the same text, for a fraction of the cost.
 */
export function batchedWriter(stream: NodeJS.WritableStream, options: { maxBytes?: number; maxDelayMs?: number } = {}): BatchedWriter {
  const maxBytes = options.maxBytes ?? 32 * 1024;
  const maxDelayMs = options.maxDelayMs ?? 100;
  const accessLine = lineWriter();
  // the queue, in order: a line, or null for the next access line, whose six fields
  // (method, path, status, time, micros, id) are the next six entries of `fields`
  const items: (string | null)[] = [];
  const fields: (string | number)[] = [];
  let queuedChars = 0;
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (items.length === 0) return;
    // empty the queue first, so that nothing is written twice whatever happens below
    const lines = items.splice(0);
    const queued = fields.splice(0);
    queuedChars = 0;
    let text = "";
    let f = 0;
    for (let i = 0; i < lines.length; i++) {
      const item = lines[i];
      if (item !== null) text += item;
      else {
        text += accessLine(queued[f] as string, queued[f + 1] as string, queued[f + 2] as number, queued[f + 3] as number, queued[f + 4] as number, queued[f + 5] as string);
        f += 6;
      }
    }
    stream.write(text);
  };
  process.on("exit", flush);
  const added = (chars: number) => {
    queuedChars += chars;
    if (queuedChars >= maxBytes) flush();
    else if (timer === null) {
      timer = setTimeout(flush, maxDelayMs);
      timer.unref();
    }
  };
  const write = (line: string) => {
    items.push(line);
    added(line.length);
  };
  const access = (method: string, path: string, status: number, time: number, micros: number, id: string) => {
    items.push(null);
    fields.push(method, path, status, time, micros, id);
    added(ACCESS_LINE_CHARS + path.length);
  };
  return Object.assign(write, { flush, access });
}
