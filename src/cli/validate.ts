/**
 * `mixlab validate INPUT [--json]`: report every problem of an input; exit 1 when one is an error.
 * The JSON lists at most JSON_ISSUES issues (errors first when it cuts), says how many it left out
 * and counts every issue by kind, so a file that is garbage throughout still gets a short answer.
 */
import type { Command } from "commander";
import { formatIssue, type Issue } from "../data/issue";
import { loadInput } from "../data/load";
import { validate, type ValidationReport } from "../data/validate";
import { printJson, type CliContext } from "./context";
import { checkInputSize } from "./input-size";
import { addInputOptions, loadOptionsFrom, type InputFlags } from "./input-options";
import { numberOption } from "./parse-flags";

/** How many issues the human-readable output lists before saying how many more there are. */
const SHOWN = 40;

/** How many issues `validate --json` lists. */
export const JSON_ISSUES = 1000;

/** The JSON of `validate --json`: the report with its issue list capped, the number left out and the count of each kind. */
export type ValidateJson = ValidationReport & { issues_omitted: number; issue_counts: Record<string, number> };

/** errorsFirst(issues) → the errors, then the warnings, each in their order. */
function errorsFirst(issues: readonly Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity === "warning")];
}

/**
 * validateJson(report, cap) → the report with at most `cap` issues (all of them, in order, when they
 * fit; else the errors first), `issues_omitted` (how many more there are) and `issue_counts` by kind.
 * @example validateJson(report, 1000).issues_omitted // => 0 for a file with at most 1,000 issues
 */
export function validateJson(report: ValidationReport, cap = JSON_ISSUES): ValidateJson {
  const issueCounts: Record<string, number> = {};
  for (const issue of report.issues) issueCounts[issue.kind] = (issueCounts[issue.kind] ?? 0) + 1;
  const issues = report.issues.length <= cap ? report.issues : errorsFirst(report.issues).slice(0, cap);
  return { ...report, issues, issues_omitted: report.issues.length - issues.length, issue_counts: issueCounts };
}

export function registerValidate(program: Command, ctx: CliContext): void {
  addInputOptions(
    program.command("validate")
      .description("check an input (wide CSV, channel-dir folder or campaign file) and list every problem")
      .argument("<input>", "CSV file or channel-dir folder")
      .option("--outlier-factor <x>", "flag values above x × the column's 95th percentile", "20")
      .option("--json", "print the report as JSON on stdout"),
  ).action((input: string, flags: InputFlags & { json?: boolean; outlierFactor: string }) => {
    const { load, config } = loadOptionsFrom(flags);
    checkInputSize(input);
    const dataset = loadInput(input, load);
    const outlierFactor = numberOption("--outlier-factor", flags.outlierFactor ?? String(config.clean?.outlier_factor ?? 20), { positive: true });
    const report = validate(dataset, { outlierFactor });
    if (flags.json) printJson(ctx, validateJson(report));
    else {
      const rows = report.groups === undefined ? `${report.frequency ?? "?"} periods` : `${report.frequency ?? "?"} rows in ${report.groups} groups (column ${report.group})`;
      ctx.out(`${input}: ${report.format}, ${report.rows} ${rows}` +
        (report.start ? ` (${report.start} … ${report.end})` : "") +
        `, ${report.channels.length} channels, target ${report.target || "?"}` +
        `${report.controls.length ? `, controls ${report.controls.join(", ")}` : ""}\n`);
      ctx.out(`${report.errors} error(s), ${report.warnings} warning(s)\n`);
      const ordered = errorsFirst(report.issues);
      for (const issue of ordered.slice(0, SHOWN)) ctx.out(`  ${formatIssue(issue)}\n`);
      if (ordered.length > SHOWN) ctx.out(`  … ${ordered.length - SHOWN} more (use --json for all)\n`);
      ctx.out(report.ok ? "ok\n" : "not ok: fix the errors or run `mixlab clean`\n");
    }
    ctx.exit(report.ok ? 0 : 1);
  });
}
