/** `mixlab clean INPUT --out FILE.csv [--report FILE.json] [--json]`: repair and report every change. */
import type { Command } from "commander";
import { clean, REPAIR_KINDS, type CleanOptions, type CleanReport, type RepairKind, type Strategy } from "../data/clean";
import { cleanPanel } from "../data/clean-panel";
import { loadInput } from "../data/load";
import type { Dataset } from "../data/source";
import { panelToWideCsv, tableToWideCsv } from "../data/write-wide";
import { probeWritable } from "./probe-writable";
import { writeFileAtomic } from "../util/write-file-atomic";
import { printJson, type CliContext } from "./context";
import { checkInputSize } from "./input-size";
import { addInputOptions, loadOptionsFrom, type InputFlags } from "./input-options";
import { choiceOption, keyValueOption, numberOption } from "./parse-flags";
import { UsageError } from "./usage-error";

const STRATEGIES: readonly Strategy[] = ["interpolate", "zero", "drop", "keep"];

export function registerClean(program: Command, ctx: CliContext): void {
  addInputOptions(
    program.command("clean")
      .description("repair an input and write a wide CSV plus a report of every changed value")
      .argument("<input>", "CSV file or channel-dir folder")
      .requiredOption("--out <file.csv>", "cleaned wide CSV to write")
      .option("--report <file.json>", "change report to write")
      .option("--strategy <kind=strategy,...>", `per kind (${REPAIR_KINDS.join(", ")}): ${STRATEGIES.join(" | ")}; default interpolate`)
      .option("--outlier-factor <x>", "outlier = above x × the column's 95th percentile (default 20)")
      .option("--json", "print the report as JSON on stdout"),
  ).action((input: string, flags: InputFlags & { out: string; report?: string; strategy?: string; outlierFactor?: string; json?: boolean }) => {
    probeWritable(flags.out, "file");
    if (flags.report !== undefined) probeWritable(flags.report, "file");
    const { load, config } = loadOptionsFrom(flags);
    const strategies: Partial<Record<RepairKind, Strategy>> = { ...config.clean?.strategies };
    if (flags.strategy !== undefined) {
      for (const [kind, strategy] of keyValueOption("--strategy", flags.strategy)) {
        if (!(REPAIR_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--strategy: unknown kind "${kind}" (kinds: ${REPAIR_KINDS.join(", ")})`);
        strategies[kind as RepairKind] = choiceOption(`--strategy ${kind}`, strategy, STRATEGIES);
      }
    }
    const outlierFactor = flags.outlierFactor !== undefined
      ? numberOption("--outlier-factor", flags.outlierFactor, { positive: true })
      : config.clean?.outlier_factor ?? 20;
    checkInputSize(input);
    const dataset = loadInput(input, load);
    const { text, report } = dataset.panel === undefined ? cleanTable(dataset, { strategies, outlierFactor }) : cleanedPanel(dataset, { strategies, outlierFactor });
    writeFileAtomic(flags.out, text);
    if (flags.report !== undefined) writeFileAtomic(flags.report, `${JSON.stringify(report, null, 2)}\n`);
    if (flags.json) printJson(ctx, report);
    else ctx.out(describeCleaning(report, flags.out, flags.report));
    ctx.exit(0);
  });
}

/** cleanTable(dataset, options) → the cleaned file's CSV text and the report. */
function cleanTable(dataset: Dataset, options: CleanOptions): { text: string; report: CleanReport } {
  const { table, report } = clean(dataset, options);
  return { text: tableToWideCsv(table), report };
}

/** cleanedPanel(dataset, options) → the cleaned panel's CSV text (group after group) and the report. */
function cleanedPanel(dataset: Dataset, options: CleanOptions): { text: string; report: CleanReport } {
  const { panel, report } = cleanPanel(dataset, options);
  return { text: panelToWideCsv(panel), report };
}

/** describeCleaning(report) → a few readable lines: rows in/out and the changes by kind. */
export function describeCleaning(report: CleanReport, out?: string, reportPath?: string): string {
  const kinds = Object.entries(report.summary).map(([k, n]) => `${k} ${n}`).join(", ");
  const groups = "groups" in report && Array.isArray(report.groups) ? report.groups.length : null;
  const unit = groups === null ? `${report.frequency} periods` : `${report.frequency} rows (${groups} groups)`;
  let text = `${report.input}: ${report.rows_in} ${unit} in, ${report.rows_out} out; ` +
    `${report.changes.length} value(s) changed${kinds ? ` (${kinds})` : ""}` +
    `${report.kept.length ? `, ${report.kept.length} flagged and kept` : ""}\n`;
  if (out) text += `  cleaned data → ${out}\n`;
  if (reportPath) text += `  change report → ${reportPath}\n`;
  return text;
}
