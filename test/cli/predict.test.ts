import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { predict } from "../../src/models/predict";
import { loadInput, toTable } from "../../src/data/load";
import { fitWeeklyModelOnce } from "../helpers/cli-fitted-model";
import { WEEKLY_CSV } from "../helpers/fitted-models";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-predict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const weekly = WEEKLY_CSV;
const lines = readFileSync(weekly, "utf8").trimEnd().split("\n");
const header = lines[0].split(",");

/** writeColumns(name, keep, rows) writes the weekly CSV with only the columns `keep` and the data rows [from, to). */
function writeColumns(name: string, keep: string[], from = 1, to = lines.length): string {
  const idx = keep.map((c) => header.indexOf(c));
  const body = [lines[0], ...lines.slice(from, to)].map((l) => idx.map((j) => l.split(",")[j]).join(","));
  const path = join(dir, name);
  writeFileSync(path, `${body.join("\n")}\n`);
  return path;
}

type Predictions = { predictions: { date: string; predicted: number }[] };

describe("mixlab predict", () => {
  const fitted = fitWeeklyModelOnce(dir);
  const { modelPath } = fitted;
  let inSample: Float64Array;
  let table: ReturnType<typeof toTable>;
  beforeAll(() => {
    table = toTable(loadInput(weekly));
    inSample = predict(fitted.model, table);
  });

  it("mixlab predict model.json data/weekly/mmm_weekly.csv --json reproduces the library's in-sample predictions exactly", async () => {
    const r = await runCli("predict", modelPath, weekly, "--json");
    expect(r.code).toBe(0);
    const { predictions } = JSON.parse(r.out) as Predictions;
    expect(predictions.map((p) => p.date)).toEqual(table.dates);
    expect(Object.keys(predictions[0])).toEqual(["date", "predicted"]);
    for (let i = 0; i < inSample.length; i++) expect(predictions[i].predicted).toBe(inSample[i]);
  });

  it("mixlab predict … on an input without the target column predicts the same values", async () => {
    const noTarget = writeColumns("no-target.csv", header.filter((h) => h !== "revenue"));
    const r = await runCli("predict", modelPath, noTarget, "--json");
    expect(r.code).toBe(0);
    const { predictions } = JSON.parse(r.out) as Predictions;
    for (let i = 0; i < inSample.length; i++) expect(predictions[i].predicted).toBe(inSample[i]);
  });

  it("mixlab predict … on the last periods alone carries over the earlier spend from the model's history", async () => {
    const tail = writeColumns("tail.csv", header.filter((h) => h !== "revenue"), 170);
    const r = await runCli("predict", modelPath, tail, "--json");
    expect(r.code).toBe(0);
    const { predictions } = JSON.parse(r.out) as Predictions;
    expect(predictions).toHaveLength(inSample.length - 169);
    expect(predictions[0].date).toBe(table.dates[169]);
    for (let i = 0; i < predictions.length; i++) expect(predictions[i].predicted).toBe(inSample[169 + i]);
  });

  it("mixlab predict … --out FILE.csv writes date,predicted that reads back exactly", async () => {
    const out = join(dir, "predictions.csv");
    const r = await runCli("predict", modelPath, weekly, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`208 predictions (2021-01-04 … 2024-12-23) → ${out}\n`);
    const rows = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(rows[0]).toBe("date,predicted");
    expect(rows).toHaveLength(209);
    rows.slice(1).forEach((row, i) => {
      const [date, value] = row.split(",");
      expect(date).toBe(table.dates[i]);
      expect(Number(value)).toBe(inSample[i]);
    });
  });

  it("mixlab predict … on an input without the controls uses their fit-window means and says so", async () => {
    const noControls = writeColumns("no-controls.csv", ["date", ...fitted.model.spec.channels.map((c) => `${c}_spend`)]);
    const r = await runCli("predict", modelPath, noControls, "--json");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/has no price, promo; using the fit window's mean/);
    const columns = { ...table.columns };
    for (const c of fitted.model.spec.controls) columns[c] = new Float64Array(table.dates.length).fill(fitted.model.controlDefaults[c]);
    const expected = predict(fitted.model, { days: table.days, columns });
    const { predictions } = JSON.parse(r.out) as Predictions;
    for (let i = 0; i < expected.length; i++) expect(predictions[i].predicted).toBe(expected[i]);
  });

  it("mixlab predict … on an input lacking a channel exits 1 naming it", async () => {
    const noTv = writeColumns("no-tv.csv", header.filter((h) => h !== "tv_spend"));
    const r = await runCli("predict", modelPath, noTv, "--json");
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[0]).toBe(`mixlab: ${noTv} has no spend for "tv"; the model needs every channel it was fitted on (tv, radio, social_media, search, outdoor)`);
  });

  it("mixlab predict … on data of another frequency exits 1", async () => {
    const daily = join(dir, "daily.csv");
    const body = ["date,tv_spend,radio_spend,social_media_spend,search_spend,outdoor_spend"];
    for (let d = 1; d <= 9; d++) body.push(`2024-01-0${d},1,2,3,4,5`);
    writeFileSync(daily, `${body.join("\n")}\n`);
    const r = await runCli("predict", modelPath, daily);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/has daily data but the model was fitted on weekly data/);
  });

  it("mixlab predict … on a dirty input exits 1 and says to run `mixlab clean`", async () => {
    const dirty = writeColumns("dirty.csv", header);
    writeFileSync(dirty, readFileSync(dirty, "utf8").replace(/\n2021-01-18,[^,]*,/, "\n2021-01-18,lots,"));
    const r = await runCli("predict", modelPath, dirty);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1 error\(s\); fix them or run `mixlab clean` first/);
  });

  it("mixlab predict with a damaged model exits 1 with one sentence and no stack trace", async () => {
    const text = readFileSync(modelPath, "utf8");
    const truncated = join(dir, "truncated.json");
    writeFileSync(truncated, text.slice(0, 1000));
    const r = await runCli("predict", truncated, weekly);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`mixlab: ${truncated} is not valid JSON (truncated or corrupted?) at position 1000 (line ${text.slice(0, 1000).split("\n").length}, column ${1000 - text.slice(0, 1000).lastIndexOf("\n")})\n`);
    const missing = await runCli("predict", join(dir, "none.json"), weekly);
    expect(missing.code).toBe(1);
    expect(missing.err.split("\n")[0]).toBe(`mixlab: cannot read model ${join(dir, "none.json")}: file not found`);
  });

  it("mixlab predict without its arguments exits 2", async () => {
    expect((await runCli("predict", modelPath)).code).toBe(2);
  });
});
