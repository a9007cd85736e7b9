/**
 * startServer(options): `mixlab serve` — loads the models once, predicts one period with each
 * (warm-up), starts a node:http server on host:port whose listener answers POST /predict directly
 * and hands every other request to the Hono app through @hono/node-server (node-listener.ts), and
 * logs one JSON line on stderr when ready (`{"msg":"ready","url",…}`), then one access-log line per
 * request. Resolves with the running server and a close() for tests, benches and signal handlers.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { predict } from "../models/predict";
import { parseIsoDate } from "../data/parse-date";
import type { FittedModel } from "../models/fitted-model";
import { batchedWriter, type BatchedWriter } from "./access-log";
import { createApp } from "./app";
import type { ServerLimits } from "./limits";
import { loadModels } from "./models";
import { nodeListener } from "./node-listener";

export interface ServeOptions {
  /** One model file, or a folder of them (give exactly one). */
  model?: string;
  models?: string;
  port?: number;
  host?: string;
  limits?: Partial<ServerLimits>;
  /** Write the access log (default true); the ready line is always written. */
  accessLog?: boolean;
  /** Where log lines go (default: stderr, batched). */
  log?: (line: string) => void;
  /** Answer POST /predict on Node's request (node-listener.ts; default true); false: every request through Hono (benches). */
  fastPath?: boolean;
}

/** Longest a client may take to send one request (headers and body), ms; slower → Node answers 408. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * warmUp(model) predicts the period after the model's history once, so the first request does not
 * pay for the holiday tables of that year or cold code. Bad models fail later, per request, not here.
 */
function warmUp(model: FittedModel): void {
  try {
    const last = model.history.dates[model.history.dates.length - 1];
    const day = parseIsoDate(last) + model.periodDays;
    const columns = Object.fromEntries(model.spec.channels.map((c) => [c, new Float64Array(1)]));
    predict(model, { days: Int32Array.of(day), columns });
  } catch {
    // a model that cannot predict answers 500 per request, with a request id
  }
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * startServer(options) → the running server once it listens (see the module comment).
 * @throws DataError when a model file is missing or invalid; the listen error (EADDRINUSE, …) as is
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const t0 = performance.now();
  const log = options.log ?? batchedWriter(process.stderr);
  const flush = "flush" in log ? (log as BatchedWriter).flush : () => undefined;
  const { models, meta } = loadModels({ model: options.model, models: options.models });
  const app = createApp({ models, meta, limits: options.limits, log: options.accessLog === false ? undefined : log });
  for (const model of models.values()) warmUp(model);
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 8080;
  return new Promise((resolve, reject) => {
    const honoListener = getRequestListener(app.fetch, { hostname: host });
    const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, options.fastPath === false ? honoListener : nodeListener(app, honoListener));
    server.listen(port, host, () => {
      const info = server.address() as AddressInfo;
      const shownHost = info.family === "IPv6" ? `[${info.address}]` : info.address;
      const url = `http://${shownHost}:${info.port}`;
      log(`${JSON.stringify({ time: new Date().toISOString(), msg: "ready", url, models: [...models.keys()], pid: process.pid, startup_ms: Math.round(performance.now() - t0) })}\n`);
      flush();
      server.off("error", reject);
      resolve({
        server,
        url,
        close: () => new Promise<void>((done) => {
          void app.close();
          server.close(() => { flush(); done(); });
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
    server.once("error", reject);
  });
}
