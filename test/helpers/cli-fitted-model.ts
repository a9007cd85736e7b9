/**
 * The weekly model as the CLI tests use it: fitted once per test file by `mixlab fit` itself and
 * saved to a model.json that the commands under test then read.
 */
import { join } from "node:path";
import { beforeAll, expect } from "vitest";
import { loadModel } from "../../src/artifact/load";
import type { FittedModel } from "../../src/models/fitted-model";
import { runCli } from "../cli/run-cli";
import { WEEKLY_CSV } from "./fitted-models";

/** The library's answer as the CLI prints it (JSON turns NaN into null). */
export const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/** A model fitted by fitWeeklyModelOnce: its artifact's path, and the artifact loaded (once fitted). */
export interface CliFittedModel {
  readonly modelPath: string;
  readonly model: FittedModel;
}

/**
 * fitWeeklyModelOnce(dir) registers, in the calling describe (or file), a beforeAll that runs
 * `mixlab fit data/weekly/mmm_weekly.csv --trials 200 --bootstrap 20 --seed 3 --out DIR/model.json
 * --no-progress`, expects exit code 0 and loads the artifact. modelPath is known at once; reading
 * model before the hook has run throws.
 */
export function fitWeeklyModelOnce(dir: string): CliFittedModel {
  const modelPath = join(dir, "model.json");
  let model: FittedModel | undefined;
  beforeAll(async () => {
    const fit = await runCli("fit", WEEKLY_CSV, "--trials", "200", "--bootstrap", "20", "--seed", "3", "--out", modelPath, "--no-progress");
    expect(fit.code).toBe(0);
    model = loadModel(modelPath);
  }, 120_000);
  return {
    modelPath,
    get model(): FittedModel {
      if (model === undefined) throw new Error("fitWeeklyModelOnce: the model is read before its beforeAll has fitted it");
      return model;
    },
  };
}
