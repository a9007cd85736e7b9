/**
 * nodeListener(app, next): the Node request listener of `mixlab serve`. POST /predict with no
 * query string — the route a deployed model answers thousands of times a second — is answered
 * here on Node's own request and response; every other request goes on to `next`, the Hono app's
 * listener from @hono/node-server.
 *
 * Why a second entry to one route: through @hono/node-server and the app's middleware (a Fetch-API
 * Request, Headers and Response, requestId, the access log, the body limit, the validator) a
 * 1-row request costs about twice the server CPU: measured with bench/server.bench.ts, which loads
 * the same server with `startServer({ fastPath: false })` in alternating 1 s turns (30 rounds,
 * shared 2-core machine, load average ~6): 49 µs per request with this path and 98 µs without, with
 * the access log on (44 and 79 µs with it off; bare node:http 35 µs); req/s 84 % of bare node:http
 * with it, 49 % without (92 % and 56 % with the log off). Nothing else is duplicated: the steps are
 * the app's own — checkJsonType, the size limit, parseJsonText,
 * then app.hot.predict (predictRows and predictAnswer of predict-answer.ts, the handler of the Hono
 * route) — with the same statuses, messages, request ids (a client's X-Request-Id kept by Hono's
 * rule), access-log lines (499 for a client gone mid-body) and 500 reports, which
 * test/server/node-listener.test.ts checks answer for answer against app.request().
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { MixlabApp } from "./app";
import { clientRequestId } from "./access-log";
import { CLIENT_GONE, errorJson, HttpError } from "./errors";
import { checkJsonType, declaredTooLarge, parseJsonText, tooLarge } from "./json-body";

/** A Node request listener. */
export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * bodyText(bytes) → the body decoded as Request.text() (a TextDecoder) does: UTF-8 with invalid
 * bytes replaced by U+FFFD, a leading BOM dropped. Buffer's decoder replaces exactly as TextDecoder
 * does (test/server/node-listener.test.ts compares them on 20,000 random byte strings) and costs
 * less per call.
 */
export function bodyText(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * nodeListener(app, next) → the listener that answers POST /predict itself and passes every other
 * request to `next` (see the module comment).
 */
export function nodeListener(app: MixlabApp, next: Listener): Listener {
  const { hot, limits } = app;
  const { requests } = hot;

  return (req, res) => {
    if (req.url !== "/predict" || req.method !== "POST") {
      next(req, res);
      return;
    }
    const id = clientRequestId(req.headers["x-request-id"]) ?? requests.nextId();
    const start = requests.on ? performance.now() : 0;
    let answered = false;
    const send = (status: number, text: string): void => {
      if (answered) return;
      answered = true;
      res.writeHead(status, { "content-type": "application/json", "x-request-id": id, "content-length": Buffer.byteLength(text) });
      res.end(text);
      requests.answered("POST", "/predict", status, start, id);
    };
    const fail = (err: unknown): void => {
      if (err instanceof HttpError) send(err.status, errorJson(err.message));
      else send(500, hot.bug(err, id, "POST", "/predict"));
    };

    const headers = req.headers;
    try {
      checkJsonType(headers["content-type"]);
      const declared = headers["content-length"];
      if (declared !== undefined && headers["transfer-encoding"] === undefined && declaredTooLarge(declared, limits)) throw tooLarge(limits);
    } catch (err) {
      fail(err);
      return;
    }

    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        req.off("data", onData);
        req.off("end", onEnd);
        req.resume(); // discard the rest; Node keeps the connection usable
        fail(tooLarge(limits));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      try {
        const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
        send(200, hot.predict(parseJsonText(bodyText(bytes), limits)));
      } catch (err) {
        fail(err);
      }
    };
    // A client that goes away mid-body ends nothing: no 'end', no answer; Node destroys the socket
    // and emits 'close' (no 'error' without a listener for it). The access log says 499.
    req.on("data", onData);
    req.on("end", onEnd);
    req.once("close", () => {
      if (answered || req.complete) return;
      answered = true;
      requests.answered("POST", "/predict", CLIENT_GONE, start, id);
    });
  };
}
