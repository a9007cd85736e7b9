/**
 * `mixlab export model.json [--input INPUT] [--sqlite out.db] [--csv DIR] [--report report.html]`:
 * the model on an input as a SQLite database, a folder of CSV files (one per table) and a
 * self-contained HTML report — at least one of the three. The tables are computed once and written
 * to every sink. Without --input the model's own observed periods (dates, spend and controls kept
 * in the artifact) are used — not possible for a model with controls saved before the artifact
 * kept them; there are then no actuals. Every output path is checked before anything is computed;
 * an existing SQLite database keeps its other tables (writeSqlite).
 */
import type { Command } from "commander";
import { loadModel } from "../artifact/load";
import { exportHistoryInput, historyModelGaps, loadExportInput, type ExportInput } from "../report/export-input";
import { checkSqliteTarget } from "../report/export-sqlite";
import { writeExports } from "../report/write-exports";
import { probeWritable } from "./probe-writable";
import { printJson, type CliContext } from "./context";
import { checkInputSize } from "./input-size";
import { addInputOptions, loadOptionsFrom, refusePanel, type InputFlags } from "./input-options";
import { numberOption } from "./parse-flags";
import { UsageError } from "./usage-error";

interface ExportFlags extends InputFlags {
  input?: string;
  sqlite?: string;
  csv?: string;
  report?: string;
  periods?: string;
  budgets?: string;
  json?: boolean;
}

/** registerExport(program, ctx) adds `mixlab export` to the program. */
export function registerExport(program: Command, ctx: CliContext): void {
  addInputOptions(
    program.command("export")
      .description("export a saved model on an input as SQLite, CSV files and a self-contained HTML report")
      .argument("<model>", "model.json written by `mixlab fit`")
      .option("--input <input>", "CSV file or channel-dir folder to describe (default: the model's own observed periods)")
      .option("--sqlite <file.db>", "write the tables to this SQLite database")
      .option("--csv <dir>", "write one CSV per table into this folder")
      .option("--report <file.html>", "write the HTML report (opens offline)")
      .option("--periods <K>", "plan horizon of the response curves and budget scenarios (default: one quarter)")
      .option("--budgets <list>", "multipliers of the current budget for the scenarios (default 0.9,1,1.1,1.2,1.5)")
      .option("--json", "print what was written as JSON on stdout"),
  ).action((modelPath: string, flags: ExportFlags) => {
    if (flags.sqlite === undefined && flags.csv === undefined && flags.report === undefined) {
      throw new UsageError("export needs at least one output: --sqlite FILE.db, --csv DIR or --report FILE.html");
    }
    if (flags.sqlite !== undefined) { // every output is checked before the tables are computed
      probeWritable(flags.sqlite, "file");
      checkSqliteTarget(flags.sqlite);
    }
    if (flags.csv !== undefined) probeWritable(flags.csv, "folder");
    if (flags.report !== undefined) probeWritable(flags.report, "file");
    const periods = flags.periods === undefined ? undefined : numberOption("--periods", flags.periods, { integer: true, positive: true });
    const multipliers = flags.budgets === undefined ? undefined
      : flags.budgets.split(",").map((t) => numberOption("--budgets", t.trim(), { positive: true }));
    const { load } = loadOptionsFrom(flags);
    refusePanel(load, "export");
    const model = loadModel(modelPath);
    let input: ExportInput;
    if (flags.input !== undefined) {
      checkInputSize(flags.input);
      input = loadExportInput(flags.input, model, load);
      if (input.defaultedControls && input.defaultedControls.length > 0) {
        ctx.err(`mixlab: ${flags.input} has no ${input.defaultedControls.join(", ")}; using the fit window's mean\n`);
      }
    } else {
      const gap = historyModelGaps(model);
      if (gap !== null) {
        throw new UsageError(`export of ${modelPath} needs --input INPUT (the data the model was fitted on, or new data): ${gap}`);
      }
      input = exportHistoryInput(model);
      ctx.err(`mixlab: no --input; exporting the model's own ${input.dates.length} periods (no actuals: the artifact keeps spend, not the target)\n`);
    }
    const { data, tables, ...written } = writeExports(model, input, { sqlite: flags.sqlite, csv: flags.csv, report: flags.report }, { periods, multipliers });
    if (flags.json) {
      printJson(ctx, { ...written, rows: data.dates.length, tables: Object.fromEntries(tables.map((t) => [t.name, t.rows.length])) });
    } else {
      ctx.out(`exported ${data.dates.length} periods (${data.dates[0]} … ${data.dates[data.dates.length - 1]}) of ${data.source}\n`);
      if (written.sqlite) ctx.out(`  SQLite  ${written.sqlite} (${tables.length} tables)\n`);
      if (written.csv) ctx.out(`  CSV     ${flags.csv}/ (${written.csv.length} files)\n`);
      if (written.report) ctx.out(`  report  ${written.report}\n`);
    }
    ctx.exit(0);
  });
}
