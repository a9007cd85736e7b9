import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { mape } from "../../src/analysis/metrics";
import { budgetScenarios } from "../../src/analysis/budget-scenarios";
import { optimizeBudget } from "../../src/analysis/optimize-budget";
import { plan, planScenarios } from "../../src/analysis/plan";
import { whatIf } from "../../src/analysis/what-if";
import { predict } from "../../src/models/predict";
import type { FittedModel } from "../../src/models/fitted-model";
import { createApp } from "../../src/server/app";
import { historyInput } from "../../src/artifact/history-input";
import { predictBody } from "../../src/server/schemas";
import { DEFAULT_LIMITS } from "../../src/server/limits";
import { fixtureApp, fixtureCsvFiles, fixtureInput, fixtureModel, fixtureRows, postFiles, postJson } from "./server-helpers";

const model = fixtureModel();
const app = fixtureApp({ meta: new Map([["fixture", { created_at: "2024-06-01T00:00:00.000Z" }]]) });
afterAll(() => app.close());

/** The JSON answer of an analysis function as the server writes it (NaN → null). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("GET /health and GET /models", () => {
  it("GET /health answers status ok and the number of models", async () => {
    const r = await app.request("/health");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json");
    expect(await r.json()).toEqual({ status: "ok", models: 1 });
  });

  it("GET /models lists id, model_type, channels, created_at and metrics of each model", async () => {
    const r = await app.request("/models");
    expect(r.status).toBe(200);
    const [m] = (await r.json()) as Record<string, unknown>[];
    expect(m).toMatchObject({ id: "fixture", model_type: "ols", channels: ["tv", "radio"], controls: ["price"], frequency: "weekly", created_at: "2024-06-01T00:00:00.000Z", default: true });
    expect((m.metrics as { train: { mape: number } }).train.mape).toBe(model.summary.train.mape);
  });

  it("a client's own X-Request-Id (letters, digits, _ - =) is kept, as Hono's requestId middleware does; another is replaced", async () => {
    expect((await app.request("/health", { headers: { "x-request-id": "trace-42_a=" } })).headers.get("x-request-id")).toBe("trace-42_a=");
    expect((await app.request("/health", { headers: { "x-request-id": "<script>" } })).headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
  });

  it("every answer carries an X-Request-Id, different per request", async () => {
    const a = (await app.request("/health")).headers.get("x-request-id");
    const b = (await app.request("/health")).headers.get("x-request-id");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    expect(b).not.toBe(a);
  });
});

describe("POST /predict", () => {
  it("POST /predict {rows} answers the library's predict() of the same periods exactly", async () => {
    const r = await postJson(app, "/predict", { rows: fixtureRows() });
    expect(r.status).toBe(200);
    const { predictions } = (await r.json()) as { predictions: { date: string; predicted: number }[] };
    const expected = predict(model, fixtureInput());
    expect(predictions.map((p) => p.date)).toEqual(fixtureInput().dates);
    expect(Object.keys(predictions[0])).toEqual(["date", "predicted"]);
    predictions.forEach((p, i) => {
      expect(p.predicted).toBe(expected[i]);
    });
  });

  it("POST /predict of the last periods alone carries over the earlier spend from the model's history", async () => {
    const r = await postJson(app, "/predict", { rows: fixtureRows(35, 40) });
    const { predictions } = (await r.json()) as { predictions: { predicted: number }[] };
    const expected = predict(model, fixtureInput());
    predictions.forEach((p, i) => {
      expect(p.predicted).toBe(expected[35 + i]);
    });
  });

  it("POST /predict without a control predicts with the model's fit-window mean for it", async () => {
    const rows = fixtureRows(0, 3).map(({ price: _, ...rest }) => rest);
    const r = await postJson(app, "/predict", { rows });
    const { predictions } = (await r.json()) as { predictions: { predicted: number }[] };
    const input = fixtureInput(3);
    const expected = predict(model, { days: input.days, columns: { tv: input.columns.tv, radio: input.columns.radio } });
    predictions.forEach((p, i) => {
      expect(p.predicted).toBe(expected[i]);
    });
  });

  it("POST /predict?model=id predicts with that model; the default is the first", async () => {
    const other: FittedModel = { ...model, intercept: model.intercept + 1000 };
    const two = createApp({ models: new Map([["a", model], ["b", other]]), inlineWork: true });
    const body = { rows: fixtureRows(0, 1) };
    const pa = ((await (await postJson(two, "/predict", body)).json()) as { predictions: { predicted: number }[] }).predictions[0].predicted;
    const pb = ((await (await postJson(two, "/predict?model=b", body)).json()) as { predictions: { predicted: number }[] }).predictions[0].predicted;
    expect(pa).toBe(predict(model, fixtureInput(1))[0]);
    expect(pb).toBe(predict(other, fixtureInput(1))[0]);
    expect(((await (await two.request("/models")).json()) as { id: string }[]).map((m) => m.id)).toEqual(["a", "b"]);
  });
});

describe("POST /predictions", () => {
  it("POST /predictions with the channel-dir CSVs forecasts every period and evaluates MAPE against the uploaded sales", async () => {
    const r = await postFiles(app, "/predictions", fixtureCsvFiles());
    expect(r.status).toBe(200);
    const body = (await r.json()) as { forecast: { date: string; predicted_sales: number }[]; model_type: string; rows_processed: number; evaluation: { mape: number; rows: number } };
    const input = fixtureInput();
    // No price file: the control takes the model's fit-window mean, as `mixlab predict` does.
    const expected = predict(model, { days: input.days, columns: { tv: input.columns.tv, radio: input.columns.radio } });
    expect(body.model_type).toBe("ols");
    expect(body.rows_processed).toBe(40);
    expect(body.forecast.map((f) => f.date)).toEqual(input.dates);
    body.forecast.forEach((f, i) => {
      expect(f.predicted_sales).toBe(expected[i]);
    });
    expect(body.evaluation).toEqual({ mape: mape(input.sales, expected), rows: 40 });
  });

  it("POST /predictions without sales_data.csv forecasts and reports mape null", async () => {
    const r = await postFiles(app, "/predictions", fixtureCsvFiles().filter((f) => f.name !== "sales_data.csv"));
    expect(r.status).toBe(200);
    const body = (await r.json()) as { evaluation: { mape: number | null; rows: number }; rows_processed: number };
    expect(body.rows_processed).toBe(40);
    expect(body.evaluation).toEqual({ mape: null, rows: 0 });
  });

  it("POST /predictions lacking a channel's file answers 422 naming the channel", async () => {
    const r = await postFiles(app, "/predictions", fixtureCsvFiles().filter((f) => f.name !== "radio_spend.csv"));
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: string }).error).toMatch(/^upload has no spend for "radio"/);
  });

  it("POST /predictions?clean=false with a cell that is not a number answers 422 naming file, line and column, not the cell", async () => {
    const files = fixtureCsvFiles();
    files[0].text = files[0].text.replace(/\n(2024-01-15),[^\n]*/, "\n$1,MARKER<script>");
    const r = await postFiles(app, "/predictions?clean=false", files);
    expect(r.status).toBe(422);
    const text = await r.text();
    expect(text).not.toMatch(/MARKER|script/);
    expect(JSON.parse(text).error).toMatch(/first problem: non_numeric in tv_spend\.csv line 4 column spend \(2024-01-15\)/);
  });
});

describe("POST /whatif and POST /optimize answer what the analysis functions answer", () => {
  it("POST /whatif {scale} is whatIf() over the model's observed periods", async () => {
    const r = await postJson(app, "/whatif", { scale: { tv: 1.3 } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(asJson(whatIf(model, historyInput(model), { scale: { tv: 1.3 } })));
  });

  it("POST /whatif {scale, rows, from, to} replays the given rows with the window", async () => {
    const rows = fixtureRows(0, 20);
    const r = await postJson(app, "/whatif", { scale: { radio: 0.5 }, rows, from: rows[5].date, to: rows[9].date });
    expect(r.status).toBe(200);
    const input = fixtureInput(20);
    expect(await r.json()).toEqual(asJson(whatIf(model, input, { scale: { radio: 0.5 }, from: rows[5].date as string, to: rows[9].date as string })));
  });

  it("POST /whatif {spend, periods} is plan()", async () => {
    const r = await postJson(app, "/whatif", { spend: { tv: 1500, radio: 400 }, periods: 6 });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(asJson(plan(model, { spend: { tv: 1500, radio: 400 }, periods: 6 })));
  });

  it("POST /whatif {scenarios, periods} is planScenarios() in order", async () => {
    const scenarios = [{ tv: 1000 }, { tv: 2000, radio: 100 }];
    const r = await postJson(app, "/whatif", { scenarios, periods: 4 });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(asJson({ scenarios: planScenarios(model, scenarios, { periods: 4 }) }));
  });

  it("POST /whatif mixing a plan and a historical what-if answers 422", async () => {
    const r = await postJson(app, "/whatif", { scale: { tv: 2 }, periods: 4 });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: string }).error).toBe("periods do(es) not go with a historical what-if (scale); it takes scale, spend, rows, from, to");
  });

  it("POST /optimize {budget, periods} is optimizeBudget(), run in the worker thread", async () => {
    const r = await postJson(app, "/optimize", { budget: 20000, periods: 8, max_share: 0.8 });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(asJson(optimizeBudget(model, { budget: 20000, periods: 8, maxShare: 0.8 })));
  });

  it("POST /optimize {budgets} is the budgetScenarios() table", async () => {
    const r = await postJson(app, "/optimize", { budgets: [0.9, 1, 1.5], periods: 8 });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(asJson(budgetScenarios(model, { multipliers: [0.9, 1, 1.5], periods: 8 })));
  });

  it("POST /optimize with bounds that cannot meet the budget answers 422 with the optimiser's reason", async () => {
    const r = await postJson(app, "/optimize", { budget: 1000, periods: 8, min: { tv: 5000 } });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: string }).error).toMatch(/lower bounds .* sum to 5000, more than the budget 1000/);
  });
});

describe("GET /openapi.json and GET /docs", () => {
  it("GET /openapi.json describes every route, with the /predict body generated from the schema that validates it", async () => {
    const r = await app.request("/openapi.json");
    expect(r.status).toBe(200);
    const doc = (await r.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/docs", "/health", "/models", "/openapi.json", "/optimize", "/predict", "/predictions", "/whatif"]);
    const { $schema: _, ...expected } = z.toJSONSchema(predictBody({ channels: ["tv", "radio"], controls: ["price"] }, DEFAULT_LIMITS), { io: "input", unrepresentable: "any" });
    expect(doc.paths["/predict"].post.requestBody?.content["application/json"].schema).toEqual(expected);
    const row = (expected as unknown as { properties: { rows: { items: { required: string[]; additionalProperties: boolean } } } }).properties.rows.items;
    expect(row.required).toEqual(["date", "tv", "radio"]);
    expect(row.additionalProperties).toBe(false);
    expect(Object.keys(doc.paths["/predictions"].post.requestBody?.content ?? {})).toEqual(["multipart/form-data"]);
  });

  it("GET /docs is Swagger UI whose scripts and styles the app serves itself (no CDN)", async () => {
    const r = await app.request("/docs");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await r.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/swagger-ui-standalone-preset.js", "/docs/swagger-initializer.js"]));
    for (const asset of assets) {
      const a = await app.request(asset);
      expect(a.status, asset).toBe(200);
      expect((await a.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
    expect(await (await app.request("/docs/swagger-initializer.js")).text()).toMatch(/url: "\/openapi\.json"/);
    expect((await app.request("/docs/package.json")).status).toBe(404);
  });
});

describe("routes and methods", () => {
  it("an unknown route answers 404 {error}", async () => {
    const r = await app.request("/nope");
    expect(r.status).toBe(404);
    expect(Object.keys((await r.json()) as object)).toEqual(["error"]);
  });

  it("GET /predict answers 405 with Allow: POST", async () => {
    const r = await app.request("/predict");
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
    expect(((await r.json()) as { error: string }).error).toBe("/predict takes POST, not GET");
  });
});
