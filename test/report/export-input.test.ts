import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { predict } from "../../src/models/predict";
import { loadPredictionInput } from "../../src/artifact/prediction-input";
import { loadInput, toTable } from "../../src/data/load";
import { fitModel } from "../../src/analysis/fit";
import type { FittedModel } from "../../src/models/fitted-model";
import { defaultSpec } from "../../src/spec/model-spec";
import { exportHistoryInput, historyModelGaps, loadExportInput } from "../../src/report/export-input";
import { fixtureInput, fixtureModel } from "../artifact/fixture-model";
import { WEEKLY_CSV, weeklyModel } from "./weekly-model";

const dir = mkdtempSync(join(tmpdir(), "mixlab-export-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const table = toTable(loadInput(WEEKLY_CSV));

describe("loadExportInput", () => {
  let model: FittedModel;
  beforeAll(async () => { ({ model } = await weeklyModel()); }, 60_000);

  it("loadExportInput(path, model) gives the rows `mixlab predict` uses plus the observed target", () => {
    const input = loadExportInput(WEEKLY_CSV, model);
    const rows = loadPredictionInput(WEEKLY_CSV, model);
    expect(input.dates).toEqual(rows.dates);
    expect(Array.from(predict(model, input))).toEqual(Array.from(predict(model, rows)));
    expect(Array.from(input.actual!)).toEqual(Array.from(table.columns.revenue));
    expect(input.source).toBe(WEEKLY_CSV);
  });

  it("loadExportInput(path, model) of an input without the target has no actuals", () => {
    const lines = readFileSync(WEEKLY_CSV, "utf8").trimEnd().split("\n").map((l) => l.split(","));
    const drop = lines[0].indexOf("revenue");
    const path = join(dir, "future.csv");
    writeFileSync(path, `${lines.map((cells) => cells.filter((_, j) => j !== drop).join(",")).join("\n")}\n`);
    const input = loadExportInput(path, model);
    expect(input.actual).toBeNull();
    expect(input.dates).toHaveLength(table.dates.length);
  });
});

describe("exportHistoryInput", () => {
  let noControls: FittedModel;
  beforeAll(async () => {
    noControls = await fitModel(table, defaultSpec({
      target: "revenue", channels: table.channels, controls: [], frequency: "weekly", search: { trials: 30, seed: 2 }, bootstrap: { resamples: 0 },
    }));
  }, 60_000);

  it("exportHistoryInput(model) of a model without controls predicts what the model predicts on its own data", () => {
    const input = exportHistoryInput(noControls);
    expect(input.dates).toEqual(table.dates);
    expect(input.actual).toBeNull();
    expect(Array.from(predict(noControls, input))).toEqual(Array.from(predict(noControls, table)));
  });

  it("exportHistoryInput(model) of a model with control history predicts its own periods with the observed controls", () => {
    const model = fixtureModel({ controlHistory: true });
    const input = exportHistoryInput(model);
    expect(input.defaultedControls).toEqual([]);
    expect(Array.from(input.columns.price)).toEqual(model.history.controls!.price);
    expect(Array.from(predict(model, input))).toEqual(Array.from(predict(model, fixtureInput())));
  });

  it("historyModelGaps(model) names the controls an artifact saved without control history does not keep", () => {
    expect(historyModelGaps(noControls)).toBeNull();
    expect(historyModelGaps(fixtureModel({ controlHistory: true }))).toBeNull();
    expect(historyModelGaps(fixtureModel())).toBe("the model uses controls (price) whose values this artifact does not keep (saved by an earlier mixlab)");
    expect(() => exportHistoryInput(fixtureModel())).toThrow("exportHistoryInput requires a model whose artifact holds every input: the model uses controls (price)");
  });
});
