/** `mixlab validate INPUT [--json]`: report every problem of an input; exit 1 when one is an error. */
import type { Command } from "commander";
import { formatIssue } from "../data/issue";
import { loadInput } from "../data/load";
import { validate } from "../data/validate";
import { printJson, type CliContext } from "./context";
import { addInputOptions, loadOptionsFrom, type InputFlags } from "./input-options";
import { numberOption } from "./parse-flags";

/** How many issues the human-readable output lists before saying how many more there are. */
const SHOWN = 40;

export function registerValidate(program: Command, ctx: CliContext): void {
  addInputOptions(
    program.command("validate")
      .description("check an input (wide CSV, channel-dir folder or campaign file) and list every problem")
      .argument("<input>", "CSV file or channel-dir folder")
      .option("--outlier-factor <x>", "flag values above x × the column's 95th percentile", "20")
      .option("--json", "print the report as JSON on stdout"),
  ).action((input: string, flags: InputFlags & { json?: boolean; outlierFactor: string }) => {
    const { load, config } = loadOptionsFrom(flags);
    const dataset = loadInput(input, load);
    const outlierFactor = numberOption("--outlier-factor", flags.outlierFactor ?? String(config.clean?.outlier_factor ?? 20), { positive: true });
    const report = validate(dataset, { outlierFactor });
    if (flags.json) printJson(ctx, report);
    else {
      ctx.out(`${input}: ${report.format}, ${report.rows} ${report.frequency ?? "?"} periods` +
        (report.start ? ` (${report.start} … ${report.end})` : "") +
        `, ${report.channels.length} channels, target ${report.target || "?"}` +
        `${report.controls.length ? `, controls ${report.controls.join(", ")}` : ""}\n`);
      ctx.out(`${report.errors} error(s), ${report.warnings} warning(s)\n`);
      const ordered = [...report.issues.filter((i) => i.severity === "error"), ...report.issues.filter((i) => i.severity === "warning")];
      for (const issue of ordered.slice(0, SHOWN)) ctx.out("  " + formatIssue(issue) + "\n");
      if (ordered.length > SHOWN) ctx.out(`  … ${ordered.length - SHOWN} more (use --json for all)\n`);
      ctx.out(report.ok ? "ok\n" : "not ok: fix the errors or run `mixlab clean`\n");
    }
    ctx.exit(report.ok ? 0 : 1);
  });
}
