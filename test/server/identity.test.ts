/**
 * One artifact, three ways to predict: a model fitted and saved by `mixlab fit`, then loaded by the
 * library (loadModel + predict), the CLI (`mixlab predict --json`) and the server (loadModels +
 * POST /predict, POST /predictions) gives the same predictions, within 1e-9 relative (the contract).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/artifact/load";
import { predict } from "../../src/models/predict";
import { loadInput, toTable } from "../../src/data/load";
import { createApp, type MixlabApp } from "../../src/server/app";
import { loadModels } from "../../src/server/models";
import { runCli } from "../cli/run-cli";
import { expectClose } from "../helpers/expect-close";
import { postFiles, postJson } from "./server-helpers";

const dir = mkdtempSync(join(tmpdir(), "mixlab-server-identity-"));
const weekly = join(__dirname, "..", "..", "data", "weekly", "mmm_weekly.csv");
const modelPath = join(dir, "model.json");
const lines = readFileSync(weekly, "utf8").trimEnd().split("\n");
const header = lines[0].split(",");
const cells = lines.slice(1).map((l) => l.split(","));

type Predictions = { predictions: { date: string; predicted: number }[] };

let app: MixlabApp;
beforeAll(async () => {
  const fit = await runCli("fit", weekly, "--trials", "200", "--bootstrap", "10", "--seed", "5", "--out", modelPath, "--no-progress");
  expect(fit.code).toBe(0);
  const { models, meta } = loadModels({ model: modelPath });
  app = createApp({ models, meta, inlineWork: true });
}, 120_000);
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("library, CLI and server predict identically from one saved artifact", () => {
  it("predict(loadModel(file)), `mixlab predict file --json` and POST /predict agree within 1e-9 relative on every period", async () => {
    const model = loadModel(modelPath);
    const table = toTable(loadInput(weekly));
    const library = predict(model, table);

    const cli = await runCli("predict", modelPath, weekly, "--json");
    expect(cli.code).toBe(0);
    const fromCli = (JSON.parse(cli.out) as Predictions).predictions;

    // The client reads the same CSV: one row per period, every channel and control as a number.
    const wanted = ["date", ...model.spec.channels.map((c) => `${c}_spend`), ...model.spec.controls];
    const rows = cells.map((row) => Object.fromEntries(wanted.map((h) => {
      const v = row[header.indexOf(h)];
      return [h.replace(/_spend$/, ""), h === "date" ? v : Number(v)];
    })));
    const r = await postJson(app, "/predict", { rows });
    expect(r.status).toBe(200);
    const fromServer = ((await r.json()) as Predictions).predictions;

    expect(fromCli.map((p) => p.date)).toEqual(table.dates);
    expect(fromServer.map((p) => p.date)).toEqual(table.dates);
    expectClose(fromCli.map((p) => p.predicted), library, { rel: 1e-9 });
    expectClose(fromServer.map((p) => p.predicted), library, { rel: 1e-9 });
  });

  it("`mixlab predict file DIR --json` on a channel-dir and POST /predictions of the same CSVs agree within 1e-9 relative", async () => {
    const model = loadModel(modelPath);
    const channelDir = join(dir, "channel-dir");
    mkdirSync(channelDir, { recursive: true });
    const files: { name: string; text: string }[] = [];
    const column = (h: string) => cells.map((row) => `${row[0]},${row[header.indexOf(h)]}\n`).join("");
    for (const c of model.spec.channels) files.push({ name: `${c}_spend.csv`, text: `date,spend\n${column(`${c}_spend`)}` });
    files.push({ name: "sales_data.csv", text: `date,sales\n${column(model.spec.target)}` });
    for (const f of files) writeFileSync(join(channelDir, f.name), f.text);

    const cli = await runCli("predict", modelPath, channelDir, "--json");
    expect(cli.code).toBe(0);
    const fromCli = (JSON.parse(cli.out) as Predictions).predictions;

    const r = await postFiles(app, "/predictions", files);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { forecast: { date: string; predicted_sales: number }[]; rows_processed: number; evaluation: { mape: number } };
    expect(body.rows_processed).toBe(fromCli.length);
    expect(body.forecast.map((f) => f.date)).toEqual(fromCli.map((p) => p.date));
    expectClose(body.forecast.map((f) => f.predicted_sales), fromCli.map((p) => p.predicted), { rel: 1e-9 });
    expect(body.evaluation.mape).toBeGreaterThan(0);
  });
});
