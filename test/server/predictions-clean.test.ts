/**
 * POST /predictions cleans raw uploads (issue #17 item 4, CONTRACTS): dirty channel-dir files
 * (empty cells, a negative spend, a spike, a missing row) get a forecast for every date, a MAPE,
 * and `cleaning` equal to `mixlab clean`'s report on the same files; the forecast is what
 * `mixlab predict` gives on the CSV `mixlab clean` writes. `?clean=false` keeps the strict 422.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mape } from "../../src/analysis/metrics";
import { loadPredictionInput } from "../../src/artifact/prediction-input";
import { loadWide } from "../../src/data/load-wide";
import { predict } from "../../src/models/predict";
import { runCli } from "../cli/run-cli";
import { fixtureApp, fixtureCsvFiles, fixtureInput, fixtureModel, postFiles } from "./server-helpers";

const app = fixtureApp();
const dir = mkdtempSync(join(tmpdir(), "mixlab-upload-"));
afterAll(() => { app.close(); rmSync(dir, { recursive: true, force: true }); });

/** The fixture's files with faults: an empty tv cell, a negative radio spend, a tv spike, radio's row of a date removed, an empty sales cell. */
function dirtyFiles(): { name: string; text: string }[] {
  const files = fixtureCsvFiles();
  const [tv, radio, sales] = files;
  tv.text = tv.text.replace(/\n2024-02-05,[^\n]*/, "\n2024-02-05,").replace(/\n2024-05-06,[^\n]*/, "\n2024-05-06,9000000");
  radio.text = radio.text.replace(/\n2024-03-04,[^\n]*/, "\n2024-03-04,-420").replace(/\n2024-04-01,[^\n]*/, "");
  sales.text = sales.text.replace(/\n2024-06-03,[^\n]*/, "\n2024-06-03,");
  return files;
}

/** Report paths shown as file names: the CLI names files by their path in the folder, the upload by their name. */
function byFileName<T extends { file?: string }>(items: readonly T[]): T[] {
  return items.map((x) => (x.file === undefined ? x : { ...x, file: basename(x.file) }));
}

describe("POST /predictions with raw dirty files", () => {
  const files = dirtyFiles();
  for (const f of files) writeFileSync(join(dir, f.name), f.text);

  it("forecasts every date, reports a MAPE, and its cleaning equals `mixlab clean`'s report on the same files", async () => {
    const r = await postFiles(app, "/predictions", files);
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      forecast: { date: string; predicted_sales: number }[]; rows_processed: number; evaluation: { mape: number; rows: number };
      cleaning: { changes: { file: string }[]; summary: Record<string, number>; notes: { file: string }[]; [k: string]: unknown };
    };
    expect(body.forecast.map((f) => f.date)).toEqual(fixtureInput().dates);
    expect(body.rows_processed).toBe(40);

    const cli = await runCli("clean", dir, "--out", join(dir, "clean.csv"), "--report", join(dir, "clean.json"), "--json");
    expect(cli.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "clean.json"), "utf8")) as typeof body.cleaning;
    expect(report.summary).toEqual({ missing: 3, negative: 1, outlier: 1 });
    expect(body.cleaning.summary).toEqual(report.summary);
    expect(byFileName(body.cleaning.changes)).toEqual(byFileName(report.changes));
    expect(byFileName(body.cleaning.notes)).toEqual(byFileName(report.notes));
    const { input: _a, changes: _b, notes: _c, ...rest } = body.cleaning;
    const { input: _d, changes: _e, notes: _f, ...restCli } = report;
    expect(rest).toEqual(restCli);

    // The forecast is `mixlab predict` on the cleaned CSV; the MAPE is against the cleaned sales.
    const model = fixtureModel();
    const cleanCsv = join(dir, "clean.csv");
    const expected = predict(model, loadPredictionInput(cleanCsv, model));
    body.forecast.forEach((f, i) => { expect(f.predicted_sales).toBe(expected[i]); });
    const sales = loadWide(cleanCsv).files[0].columns.find((c) => c.role === "target")!.values;
    expect(body.evaluation.rows).toBe(40);
    expect(body.evaluation.mape).toBeCloseTo(mape(sales, expected), 12);
  });

  it("?clean=false answers the same upload 422 naming its first problem, and says to run mixlab clean", async () => {
    const r = await postFiles(app, "/predictions?clean=false", files);
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: string }).error).toMatch(/run `mixlab clean` first; first problem: missing in radio_spend\.csv/);
  });

  it("a clean upload reports a cleaning with no changes; ?clean=maybe is a 400", async () => {
    const r = await postFiles(app, "/predictions", fixtureCsvFiles());
    expect(r.status).toBe(200);
    const body = (await r.json()) as { cleaning: { changes: unknown[]; summary: Record<string, number> } };
    expect(body.cleaning.changes).toEqual([]);
    expect(body.cleaning.summary).toEqual({});
    const bad = await postFiles(app, "/predictions?clean=maybe", fixtureCsvFiles());
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe("the query parameter clean must be true or false");
  });
});
