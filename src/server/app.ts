/**
 * createApp({ models, limits }): the Hono app of `mixlab serve`, testable without a port through
 * app.request(). Routes:
 *
 *   GET  /health        {"status":"ok","models":n}
 *   GET  /models        [{"id","model_type","channels","created_at","metrics",…}]
 *   POST /predict       {"rows":[{"date","<channel>":spend,"<control>":v}]} → {"predictions":[{"date","predicted"}]}
 *   POST /predictions   multipart `files` (channel-dir CSVs), `?clean=false` optional → {"forecast","model_type","rows_processed","evaluation":{"mape"},"cleaning"}
 *   POST /whatif        the flags of `mixlab whatif` as JSON → its --json answer
 *   POST /optimize      the flags of `mixlab optimize` as JSON → its --json answer
 *   GET  /openapi.json  generated from the request schemas;  GET /docs  Swagger UI, offline
 *   GET  /              the planning page (plan-page.ts), which calls /whatif and /optimize; offline
 *
 * Hono's own middleware does the generic work: requestId (X-Request-Id), bodyLimit (413; for
 * bodies without a Content-Length, json-body.ts limitBody), and
 * validator('json' | 'form') with the model's zod schema (422 naming the field); accessLog writes
 * one line per request. /whatif, /optimize and /predictions run their work on worker threads
 * (work-queue.ts) under a deadline counted from the request's arrival, so GET /health answers
 * whatever else runs. `?model=id` picks a model (default: the only or first one). Every failure is
 * JSON `{"error"}`: 4xx naming the field (errors.ts), 503 when late or full, 500 with a request id
 * for bugs — the process stays up either way; a client that hangs up is logged as 499, not as an error.
 */
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { validator } from "hono/validator";
import type { z } from "zod";
import type { FittedModel } from "../models/fitted-model";
import { accessLog, requestLog, type AccessLogVariables, type RequestLog } from "./access-log";
import { checkScenarioPeriods } from "./analysis-answers";
import { clientGone, type NodeBindings } from "./client-gone";
import { registerDocs } from "./docs";
import { ClientGone, CLIENT_GONE, errorJson, HttpError, issuesError, shownName } from "./errors";
import { formBody, jsonBody, limitBody as bodyLimit } from "./json-body";
import { resolveLimits, type ServerLimits } from "./limits";
import { openApiDocument } from "./openapi";
import { PLAN_PAGE_ROUTES, registerPlanPage } from "./plan-page";
import { predictAnswer, predictRows } from "./predict-answer";
import { allowedFields, serveModel, type ServedModel } from "./served-model";
import { workQueue } from "./work-queue";

export interface AppOptions {
  /** The models to serve, by id (the first is the default). */
  models: ReadonlyMap<string, FittedModel>;
  /** What the artifacts say beyond the model (GET /models shows created_at). */
  meta?: ReadonlyMap<string, { created_at: string | null }>;
  limits?: Partial<ServerLimits>;
  /** Where the access log and error reports go, one JSON line each; absent → silent (tests). */
  log?: (line: string) => void;
  /** Run the heavy work on the main thread instead of workers (no deadline); for tests of the answers. */
  inlineWork?: boolean;
}

type Env = { Bindings: NodeBindings; Variables: AccessLogVariables & { served: ServedModel } };

/**
 * What the Node fast path of POST /predict (node-listener.ts) takes from the app, so that both
 * paths run the same handler: the default model's answer, the id sequence and access log, and the
 * report of a bug.
 */
export interface HotPath {
  /** predict(body) → the 200 text of POST /predict for a parsed JSON body, on the default model. @throws HttpError */
  predict(body: unknown): string;
  requests: RequestLog;
  /** bug(err, id, method, path) logs a thrown bug and returns the text of its 500 answer. */
  bug(err: unknown, id: string, method: string, path: string): string;
}

/** The app plus close(), which stops the worker threads, its limits and its hot path. */
export type MixlabApp = Hono<Env> & { close(): Promise<void>; limits: ServerLimits; hot: HotPath };

const UPLOAD_NAME = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]{0,95}_spend|sales_data)\.csv$/i;

const JSON_TYPE = { "content-type": "application/json" };

function json(c: Context<Env>, text: string, status: 200 | 400 | 404 | 405 | 413 | 415 | 422 | 499 | 500 | 503 = 200): Response {
  return c.body(text, status as 200, JSON_TYPE);
}

/** zodCheck(schema, value) → the value as the schema parses it. @throws HttpError 422 (413 over an array cap) naming the field */
function zodCheck<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw issuesError(parsed.error, value, allowedFields(schema as never));
  return parsed.data;
}

/** formFields(form) → Hono's form object (one value, or an array when a name repeats) with every field as an array. */
function formFields(form: Record<string, unknown>): Record<string, unknown[]> {
  const fields: Record<string, unknown[]> = Object.create(null); // field names come from the client ("__proto__")
  for (const key of Object.keys(form)) fields[key] = Array.isArray(form[key]) ? (form[key] as unknown[]) : [form[key]];
  return fields;
}

/** registerMethodErrors(app) answers the other methods of every route with 405 and Allow. */
/**
 * cleanQuery(value) → whether POST /predictions cleans the upload: `?clean=` absent or `true` → yes, `false` → no.
 * @throws HttpError 400 for any other value
 */
function cleanQuery(value: string | undefined): boolean {
  if (value === undefined || value === "true") return true;
  if (value === "false") return false;
  throw new HttpError(400, "the query parameter clean must be true or false");
}

function registerMethodErrors(app: Hono<Env>): void {
  const OTHER = ["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"];
  for (const path of ["/predict", "/predictions", "/whatif", "/optimize"]) {
    app.on(OTHER, path, (c) => c.body(errorJson(`${path} takes POST, not ${c.req.method}`), 405, { ...JSON_TYPE, allow: "POST" }));
  }
  for (const path of ["/health", "/models", "/openapi.json", "/docs", ...PLAN_PAGE_ROUTES]) {
    app.on(OTHER.filter((m) => m !== "GET" && m !== "HEAD").concat("POST"), path, (c) => c.body(errorJson(`${path} takes GET, not ${c.req.method}`), 405, { ...JSON_TYPE, allow: "GET" }));
  }
}

/** bugReporter(log) → bug(err, id, method, path): logs a thrown bug with its stack (one JSON line) and returns the text of its 500 answer. */
function bugReporter(log: ((line: string) => void) | undefined): HotPath["bug"] {
  return (err, id, method, path) => {
    const stack = err instanceof Error ? err.stack ?? err.message : String(err);
    log?.(`{"time":"${new Date().toISOString()}","level":"error","request_id":"${id}","method":${JSON.stringify(method)},"path":${JSON.stringify(path)},"error":${JSON.stringify(stack)}}\n`);
    return errorJson("internal server error; quote the request_id when reporting it", id);
  };
}

/**
 * errorAnswer(err, c, bug) → the answer of a request that threw: 499 (no report) when its client
 * has gone, the status and message of an HttpError or of Hono's HTTPException, else a 500 bug report.
 */
function errorAnswer(err: Error, c: Context<Env>, bug: HotPath["bug"]): Response {
  if (err instanceof ClientGone || clientGone(c)) return json(c, errorJson("the client closed the connection"), CLIENT_GONE);
  if (err instanceof HttpError) return c.body(errorJson(err.message), err.status, { ...err.headers, ...JSON_TYPE });
  if (err instanceof HTTPException && err.status < 500) return json(c, errorJson(err.message), err.status as 400);
  return json(c, bug(err, c.var.requestId ?? "none", c.req.method, c.req.path), 500);
}

/**
 * createApp(options) → the Hono app (see the module comment).
 * @throws RangeError when `models` is empty or a limit is not a positive integer
 */
export function createApp(options: AppOptions): MixlabApp {
  const limits = resolveLimits(options.limits);
  if (options.models.size === 0) throw new RangeError("createApp requires at least one model");
  const ids = [...options.models.keys()];
  const served = new Map<string, ServedModel>();
  ids.forEach((id, i) => {
    served.set(id, serveModel(id, options.models.get(id) as FittedModel, options.meta?.get(id)?.created_at ?? null, limits, i === 0));
  });
  const fallback = served.get(ids[0]) as ServedModel;
  const log = options.log;
  const work = workQueue(options.models, limits, options.inlineWork === true);
  const requests = requestLog(log);

  const healthText = JSON.stringify({ status: "ok", models: served.size });
  const modelsText = JSON.stringify([...served.values()].map((s) => s.info));
  const openApiTexts = new Map<string, string>();

  const pick = (c: Context<Env>): ServedModel => {
    const id = c.req.query("model");
    if (id === undefined) return fallback;
    const s = served.get(id);
    if (s === undefined) throw new HttpError(404, `no model ${shownName(id)} here; the models are ${ids.join(", ")} (GET /models)`);
    return s;
  };
  /** The model of `?model=`, in c.var.served (404 before the body is read). */
  const withModel = createMiddleware<Env>(async (c, next) => {
    c.set("served", pick(c));
    await next();
  });
  const limitBody = bodyLimit(limits);
  const job = (c: Context<Env>) => ({ arrived: c.var.arrived, signal: c.req.raw.signal });

  const app = new Hono<Env>();
  app.use(requestId({ generator: () => requests.nextId() }));
  app.use(accessLog(requests, clientGone));

  app.get("/health", (c) => json(c, healthText));
  app.get("/models", (c) => json(c, modelsText));

  app.post("/predict", withModel, limitBody, jsonBody(limits),
    validator("json", (value, c) => predictRows(c.var.served, value)),
    (c) => json(c, predictAnswer(c.var.served, c.req.valid("json"))));

  app.post("/predictions", withModel, limitBody, formBody(),
    validator("form", (value, c): { files: File[] } => zodCheck(c.var.served.schemas.predictions, formFields(value))),
    async (c) => {
      const s = c.var.served;
      const clean = cleanQuery(c.req.query("clean"));
      const files = c.req.valid("form").files;
      files.forEach((f, i) => {
        if (!UPLOAD_NAME.test(f.name)) throw new HttpError(422, `files[${i}] is named ${shownName(f.name)}; a channel-dir file is <channel>_spend.csv or sales_data.csv`);
      });
      const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      const body = { files: texts, modelType: String(s.info.model_type), maxRows: limits.maxRows, clean };
      return json(c, await work.run({ kind: "predictions", model: s.id, body }, job(c)));
    });

  app.post("/whatif", withModel, limitBody, jsonBody(limits),
    validator("json", (value, c) => zodCheck(c.var.served.schemas.whatIf, value)),
    async (c) => {
      const s = c.var.served;
      const body = c.req.valid("json");
      checkScenarioPeriods(s.model, "/whatif", body, limits.maxScenarioPeriods);
      return json(c, await work.run({ kind: "whatif", model: s.id, body }, job(c)));
    });

  app.post("/optimize", withModel, limitBody, jsonBody(limits),
    validator("json", (value, c) => zodCheck(c.var.served.schemas.optimize, value)),
    async (c) => {
      const s = c.var.served;
      const body = c.req.valid("json");
      checkScenarioPeriods(s.model, "/optimize", body, limits.maxScenarioPeriods);
      return json(c, await work.run({ kind: "optimize", model: s.id, body }, job(c)));
    });

  app.get("/openapi.json", (c) => {
    const s = pick(c);
    let text = openApiTexts.get(s.id);
    if (text === undefined) {
      text = JSON.stringify(openApiDocument(s, ids));
      openApiTexts.set(s.id, text);
    }
    return json(c, text);
  });
  registerDocs(app);
  registerPlanPage(app);

  registerMethodErrors(app);
  app.notFound((c) => json(c, errorJson("no such route; the routes are listed at /openapi.json and /docs"), 404));

  const bug = bugReporter(log);
  app.onError((err, c) => errorAnswer(err, c, bug));

  const hot: HotPath = { predict: (body) => predictAnswer(fallback, predictRows(fallback, body)), requests, bug };
  return Object.assign(app, { limits, hot, close: () => work.close() });
}
