/**
 * createApp({ models, limits }): the Hono app of `mixlab serve`, testable without a port through
 * app.request(). Routes:
 *
 *   GET  /health        {"status":"ok","models":n}
 *   GET  /models        [{"id","model_type","channels","created_at","metrics",…}]
 *   POST /predict       {"rows":[{"date","<channel>":spend,"<control>":v}]} → {"predictions":[{"date","predicted"}]}
 *   POST /predictions   multipart `files` (channel-dir CSVs) → {"forecast","model_type","rows_processed","evaluation":{"mape"}}
 *   POST /whatif        the flags of `mixlab whatif` as JSON → its --json answer
 *   POST /optimize      the flags of `mixlab optimize` as JSON → its --json answer (in a worker, with a timeout)
 *   GET  /openapi.json  generated from the request schemas;  GET /docs  Swagger UI, offline
 *
 * `?model=id` picks a model (default: the only or first one). Every failure is JSON `{"error"}`:
 * 4xx naming the field for bad requests (errors.ts), 500 with a request id for bugs — the process
 * stays up either way. The hot path does no artifact work: the model, its design context and its
 * schemas are built once here; the JSON answer of /predict is written directly.
 */
import { Hono, type Context } from "hono";
import { predict } from "../models/predict";
import { predictionInput } from "../artifact/prediction-input";
import { countLines } from "../data/csv";
import { DataError, type Issue } from "../data/issue";
import { channelDirFromTexts } from "../data/load-channel-dir-texts";
import { mape } from "../analysis/metrics";
import type { FittedModel } from "../models/fitted-model";
import { requestLog, withRequestIds, type RequestBindings, type RequestLog } from "./access-log";
import { optimizeAnswer, whatIfAnswer } from "./analysis-answers";
import { registerDocs } from "./docs";
import { errorJson, HttpError, issuesError, shownName } from "./errors";
import { resolveLimits, type ServerLimits } from "./limits";
import { openApiDocument } from "./openapi";
import { optimizeRunner } from "./optimize-runner";
import { readForm, readJson } from "./read-body";
import { rowsInput, type JsonRow } from "./rows-input";
import { allowedFields, serveModel, type ServedModel } from "./served-model";

export interface AppOptions {
  /** The models to serve, by id (the first is the default). */
  models: ReadonlyMap<string, FittedModel>;
  /** What the artifacts say beyond the model (GET /models shows created_at). */
  meta?: ReadonlyMap<string, { created_at: string | null }>;
  limits?: Partial<ServerLimits>;
  /** Where the access log and error reports go, one JSON line each; absent → silent (tests). */
  log?: (line: string) => void;
  /** Run optimisations on the main thread instead of a worker (no timeout); for tests of the answers. */
  inlineOptimize?: boolean;
}

type Env = { Bindings: RequestBindings };

/**
 * What the Node fast path of POST /predict (node-listener.ts) takes from the app, so that both
 * paths run the same code: the default model's answer, the id sequence and access log, and the
 * report of a bug.
 */
export interface HotPath {
  /** predict(body) → the 200 text of POST /predict for a parsed JSON body, on the default model. @throws HttpError */
  predict(body: unknown): string;
  requests: RequestLog;
  /** bug(err, id, method, path) logs a thrown bug and returns the text of its 500 answer. */
  bug(err: unknown, id: string, method: string, path: string): string;
}

/** The app plus close(), which stops the optimisation worker if one was started, its limits and its hot path. */
export type MixlabApp = Hono<Env> & { close(): Promise<void>; limits: ServerLimits; hot: HotPath };

const UPLOAD_NAME = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]{0,95}_spend|sales_data)\.csv$/i;

function json(c: Context<Env>, text: string, status = 200): Response {
  return new Response(text, { status, headers: { "content-type": "application/json", "x-request-id": c.env.requestId } });
}

/** predictionsText(dates, predicted) → `{"predictions":[{"date","predicted"}…]}` written directly (dates are checked ISO strings). */
function predictionsText(dates: readonly string[], predicted: Float64Array): string {
  let out = '{"predictions":[';
  for (let i = 0; i < dates.length; i++) {
    out += `${i === 0 ? "" : ","}{"date":"${dates[i]}","predicted":${predicted[i]}}`;
  }
  return out + "]}";
}

function checkFinite(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new HttpError(422, `the prediction of row ${i} is not a finite number: the spend or control values are too large`);
  }
}

/**
 * predictAnswer(s, body) → the 200 text of POST /predict: the body checked by the model's schema
 * (the hand check first, zod when it says no: predict-body-check.ts), turned into the design input,
 * predicted, and written as JSON.
 * @throws HttpError 422/413 for a body the schema refuses, 422 for a non-finite prediction
 */
function predictAnswer(s: ServedModel, body: unknown): string {
  let rows: JsonRow[];
  if (s.predictCheck(body)) rows = body.rows;
  else {
    const parsed = s.schemas.predict.safeParse(body);
    if (!parsed.success) throw issuesError(parsed.error, body, allowedFields(s.schemas.predict));
    rows = parsed.data.rows as JsonRow[];
  }
  const input = rowsInput(rows, s.model);
  const predicted = predict(s.model, input, s.context);
  checkFinite(predicted);
  return predictionsText(input.dates, predicted);
}

const plainOrNull = (s: string | null) => (s !== null && /^[A-Za-z0-9_. -]{1,64}$/.test(s) ? s : null);

/** dataError(err) → a 422 whose message names the first problem's file, line and column (never its value). */
function dataError(err: DataError): HttpError {
  const first: Issue | undefined = err.issues.find((i) => i.severity === "error") ?? err.issues[0];
  const where = first === undefined ? "" : `; first problem: ${first.kind} in ${plainOrNull(first.file) ?? "a file"}${first.row === null ? "" : ` line ${first.row}`}${plainOrNull(first.column) === null ? "" : ` column ${plainOrNull(first.column)}`}${first.date === null ? "" : ` (${first.date})`}`;
  return new HttpError(422, err.message + where);
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
  ids.forEach((id, i) => served.set(id, serveModel(id, options.models.get(id) as FittedModel, options.meta?.get(id)?.created_at ?? null, limits, i === 0)));
  const fallback = served.get(ids[0]) as ServedModel;
  const log = options.log;
  const runner = options.inlineOptimize ? null : optimizeRunner(options.models, limits.optimizeTimeoutMs);

  const healthText = JSON.stringify({ status: "ok", models: served.size });
  const modelsText = JSON.stringify([...served.values()].map((s) => s.info));
  const openApiTexts = new Map<string, string>();

  const pick = (c: Context<Env>): ServedModel => {
    const url = c.env.incoming?.url ?? c.req.url;
    if (url.indexOf("?") === -1) return fallback;
    const id = c.req.query("model");
    if (id === undefined) return fallback;
    const s = served.get(id);
    if (s === undefined) throw new HttpError(404, `no model ${shownName(id)} here; the models are ${ids.join(", ")} (GET /models)`);
    return s;
  };

  const app = new Hono<Env>();

  app.get("/health", (c) => json(c, healthText));
  app.get("/models", (c) => json(c, modelsText));

  app.post("/predict", async (c) => {
    const s = pick(c);
    return json(c, predictAnswer(s, await readJson(c, limits)));
  });

  app.post("/predictions", async (c) => {
    const s = pick(c);
    const form = await readForm(c, limits);
    const fields: Record<string, unknown[]> = Object.create(null); // field names come from the client ("__proto__")
    for (const [key, value] of form.entries()) (fields[key] ??= []).push(value);
    const parsed = s.schemas.predictions.safeParse(fields);
    if (!parsed.success) throw issuesError(parsed.error, fields, allowedFields(s.schemas.predictions));
    const files = parsed.data.files;
    files.forEach((f, i) => {
      if (!UPLOAD_NAME.test(f.name)) throw new HttpError(422, `files[${i}] is named ${shownName(f.name)}; a channel-dir file is <channel>_spend.csv or sales_data.csv`);
    });
    const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    for (const t of texts) {
      if (countLines(t.text) - 1 > limits.maxRows) throw new HttpError(413, `${t.name} has more than ${limits.maxRows} rows (the server's row limit)`);
    }
    let dataset: ReturnType<typeof channelDirFromTexts>;
    let answer: { dates: string[]; predicted: Float64Array; days: Int32Array };
    try {
      dataset = channelDirFromTexts(texts);
      const input = predictionInput(dataset, s.model);
      answer = { dates: input.dates, days: input.days, predicted: predict(s.model, input, s.context) };
    } catch (err) {
      throw err instanceof DataError ? dataError(err) : err;
    }
    checkFinite(answer.predicted);
    // MAPE against the uploaded sales, over the periods that have a sales value.
    const sales = new Map<number, number>();
    for (const f of dataset.files) {
      const col = f.columns.find((x) => x.role === "target");
      if (col !== undefined) for (let r = 0; r < f.days.length; r++) if (Number.isFinite(col.values[r])) sales.set(f.days[r], col.values[r]);
    }
    const actual: number[] = [];
    const fitted: number[] = [];
    answer.days.forEach((d, i) => { const y = sales.get(d); if (y !== undefined) { actual.push(y); fitted.push(answer.predicted[i]); } });
    const m = actual.length > 0 ? mape(actual, fitted) : NaN;
    return json(c, JSON.stringify({
      forecast: answer.dates.map((date, i) => ({ date, predicted_sales: answer.predicted[i] })),
      model_type: s.info.model_type,
      rows_processed: answer.dates.length,
      evaluation: { mape: Number.isFinite(m) ? m : null, rows: actual.length },
    }));
  });

  app.post("/whatif", async (c) => {
    const s = pick(c);
    const body = await readJson(c, limits);
    const parsed = s.schemas.whatIf.safeParse(body);
    if (!parsed.success) throw issuesError(parsed.error, body, allowedFields(s.schemas.whatIf));
    return json(c, JSON.stringify(whatIfAnswer(s.model, parsed.data)));
  });

  app.post("/optimize", async (c) => {
    const s = pick(c);
    const body = await readJson(c, limits);
    const parsed = s.schemas.optimize.safeParse(body);
    if (!parsed.success) throw issuesError(parsed.error, body, allowedFields(s.schemas.optimize));
    const result = runner === null ? optimizeAnswer(s.model, parsed.data) : await runner.run(s.id, parsed.data);
    return json(c, JSON.stringify(result));
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

  // Other methods get 405 (registered per method, so that POST routes keep a single handler).
  const OTHER = ["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"];
  for (const path of ["/predict", "/predictions", "/whatif", "/optimize"]) {
    app.on(OTHER, path, (c) => {
      const res = json(c, errorJson(`${path} takes POST, not ${c.req.method}`), 405);
      res.headers.set("allow", "POST");
      return res;
    });
  }
  for (const path of ["/health", "/models", "/openapi.json", "/docs"]) {
    app.on(OTHER.filter((m) => m !== "GET" && m !== "HEAD").concat("POST"), path, (c) => {
      const res = json(c, errorJson(`${path} takes GET, not ${c.req.method}`), 405);
      res.headers.set("allow", "GET");
      return res;
    });
  }

  app.notFound((c) => json(c, errorJson("no such route; the routes are listed at /openapi.json and /docs"), 404));

  const bug = (err: unknown, id: string, method: string, path: string): string => {
    const stack = err instanceof Error ? err.stack ?? err.message : String(err);
    log?.(`{"time":"${new Date().toISOString()}","level":"error","request_id":"${id}","method":${JSON.stringify(method)},"path":${JSON.stringify(path)},"error":${JSON.stringify(stack)}}\n`);
    return errorJson("internal server error; quote the request_id when reporting it", id);
  };

  app.onError((err, c) => {
    if (err instanceof HttpError) return json(c, errorJson(err.message), err.status);
    const id = c.env?.requestId ?? "none";
    return json(c, bug(err, id, c.req.method, c.req.path), 500);
  });

  const requests = requestLog(log);
  app.fetch = withRequestIds(app.fetch, requests);
  const hot: HotPath = { predict: (body) => predictAnswer(fallback, body), requests, bug };
  return Object.assign(app, { limits, hot, close: async () => { await runner?.close(); } });
}
