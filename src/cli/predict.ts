/**
 * `mixlab predict model.json INPUT [--json | --out FILE.csv]`: the stored model's prediction for
 * every period of an input (the target column is optional). `--json` prints
 * `{"predictions":[{"date","predicted"}]}`; `--out` writes `date,predicted`; with neither the CSV
 * goes to stdout.
 */
import type { Command } from "commander";
import { loadModel } from "../artifact/load";
import { predict } from "../models/predict";
import { loadPredictionInput } from "../artifact/prediction-input";
import { probeWritable } from "./probe-writable";
import { writeFileAtomic } from "../util/write-file-atomic";
import { printJson, type CliContext } from "./context";
import { checkInputSize } from "./input-size";
import { addInputOptions, loadOptionsFrom, refusePanel, type InputFlags } from "./input-options";

/** predictionsCsv(dates, predicted) → `date,predicted` lines, numbers written exactly (shortest round-trip form). */
export function predictionsCsv(dates: readonly string[], predicted: ArrayLike<number>): string {
  let text = "date,predicted\n";
  for (let i = 0; i < dates.length; i++) text += `${dates[i]},${predicted[i]}\n`;
  return text;
}

/** registerPredict(program, ctx) adds `mixlab predict` to the program. */
export function registerPredict(program: Command, ctx: CliContext): void {
  addInputOptions(
    program.command("predict")
      .description("predict the target of every period of an input with a saved model")
      .argument("<model>", "model.json written by `mixlab fit`")
      .argument("<input>", "CSV file or channel-dir folder with the spend (and controls) per period; the target may be absent")
      .option("--out <file.csv>", "write date,predicted to this CSV")
      .option("--json", "print {\"predictions\":[{\"date\",\"predicted\"}]} on stdout"),
  ).action((modelPath: string, input: string, flags: InputFlags & { out?: string; json?: boolean }) => {
    if (flags.out !== undefined) probeWritable(flags.out, "file");
    const { load } = loadOptionsFrom(flags);
    refusePanel(load, "predict");
    const model = loadModel(modelPath);
    checkInputSize(input);
    const rows = loadPredictionInput(input, model, load);
    if (rows.defaultedControls.length > 0) {
      ctx.err(`mixlab: ${input} has no ${rows.defaultedControls.join(", ")}; using the fit window's mean\n`);
    }
    const predicted = predict(model, rows);
    if (flags.out !== undefined) writeFileAtomic(flags.out, predictionsCsv(rows.dates, predicted));
    if (flags.json) printJson(ctx, { predictions: rows.dates.map((date, i) => ({ date, predicted: predicted[i] })) });
    else if (flags.out !== undefined) ctx.out(`${rows.dates.length} predictions (${rows.dates[0]} … ${rows.dates[rows.dates.length - 1]}) → ${flags.out}\n`);
    else ctx.out(predictionsCsv(rows.dates, predicted));
    ctx.exit(0);
  });
}
