/**
 * `mixlab init INPUT [--out mixlab.config.json] [--force] [--json]`: find the roles of the user's
 * own input (detectRoles), write them as a config with a reason per role — one `mixlab fit INPUT
 * --config FILE` accepts as is — and print the next three commands: clean, fit and export when the
 * input has holes or errors, else fit, export and serve.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { detectRoles, type DetectedRoles } from "../data/detect-roles";
import { loadInput } from "../data/load";
import { validate } from "../data/validate";
import { ConfigSchema, type Config } from "../spec/config";
import { writeFileAtomic } from "../util/write-file-atomic";
import { printJson, type CliContext } from "./context";
import { checkInputSize } from "./input-size";
import { loadOptionsFrom } from "./input-options";
import { probeWritable } from "./probe-writable";
import { UsageError } from "./usage-error";

interface InitFlags {
  out: string;
  force?: boolean;
  json?: boolean;
}

/** registerInit(program, ctx) adds `mixlab init` to the program. */
export function registerInit(program: Command, ctx: CliContext): void {
  program.command("init")
    .description("detect the roles of an input (date, target, channels, exposures, controls, group) and write a config that fit accepts")
    .argument("<input>", "CSV file or channel-dir folder")
    .option("--out <file.json>", "config to write", "mixlab.config.json")
    .option("--force", "overwrite an existing config")
    .option("--json", "print the config, where it went and the next commands as JSON")
    .action((input: string, flags: InitFlags) => {
      if (existsSync(flags.out) && !flags.force) throw new UsageError(`${flags.out} exists; pass --force to overwrite it, or --out another file`);
      probeWritable(flags.out, "file");
      checkInputSize(input);
      const roles = detectRoles(input);
      const config = configOf(roles);
      writeFileAtomic(flags.out, `${JSON.stringify(config, null, 2)}\n`);
      const problems = inputProblems(input, flags.out);
      const next = nextCommands(input, flags.out, problems.blocking, roles.date);
      if (flags.json) printJson(ctx, { config: flags.out, roles: config.roles, reasons: config.reasons, left_out: roles.leftOut, problems, next });
      else ctx.out(describeInit(roles, input, flags.out, problems, next));
      ctx.exit(0);
    });
}

/**
 * configOf(roles) → the config init writes: `roles` (only what the shape's loader reads: date,
 * target, channels, controls of a wide file; the group, exposures and frequency of any) and
 * `reasons`. No `format`: the shape is detected again on every read, so the config also fits the
 * wide CSV `mixlab clean` writes from the same input. Checked against ConfigSchema.
 */
export function configOf(roles: DetectedRoles): Config {
  const wide = roles.format === "wide";
  const config = {
    roles: {
      ...(wide ? { date: roles.date, target: roles.target, channels: roles.channels, controls: roles.controls } : {}),
      ...(Object.keys(roles.exposures).length > 0 ? { exposures: roles.exposures } : {}),
      ...(roles.group !== null ? { group: roles.group } : {}),
      ...(roles.population !== null ? { population: roles.population } : {}),
      frequency: roles.frequency,
    },
    reasons: roles.reasons,
  };
  return ConfigSchema.parse(config);
}

/** What `validate` finds in the input read with the written config: errors and holes block a fit (clean first). */
function inputProblems(input: string, configPath: string): { errors: number; holes: number; warnings: number; blocking: boolean } {
  const report = validate(loadInput(input, loadOptionsFrom({ config: configPath }).load));
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const holes = report.issues.filter((i) => i.kind === "missing").length;
  const warnings = report.issues.filter((i) => i.severity === "warning" && i.kind !== "missing" && i.kind !== "ignored_column").length;
  return { errors, holes, warnings, blocking: errors + holes > 0 };
}

/** shellWord(s) → s quoted for a POSIX shell when it needs it. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_./=:,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * nextCommands(input, config, mustClean, date) → the three commands to run next, as command lines;
 * what they write goes beside the config (`model.json`, `report.html`, `mixlab-clean.csv`). `date`
 * is the config's date column (the cleaned CSV calls it `date`).
 */
export function nextCommands(input: string, config: string, mustClean: boolean, date = "date"): string[] {
  const beside = (name: string) => shellWord(join(dirname(config), name));
  const [i, c, model, report] = [shellWord(input), shellWord(config), beside("model.json"), beside("report.html")];
  if (mustClean) {
    const cleaned = beside("mixlab-clean.csv");
    // clean writes the date column as `date`; a config naming another one is overridden by the flag.
    const dateFlag = date.toLowerCase() === "date" ? "" : " --date date";
    return [
      `mixlab clean ${i} --config ${c} --out ${cleaned} --report ${beside("mixlab-clean.json")}`,
      `mixlab fit ${cleaned} --config ${c}${dateFlag} --out ${model}`,
      `mixlab export ${model} --input ${cleaned} --config ${c}${dateFlag} --report ${report}`,
    ];
  }
  return [
    `mixlab fit ${i} --config ${c} --out ${model}`,
    `mixlab export ${model} --input ${i} --config ${c} --report ${report}`,
    `mixlab serve --model ${model}`,
  ];
}

/** describeInit(roles, input, out, problems, next) → the readable answer: each role with its reason, what was left out, the next commands. */
function describeInit(roles: DetectedRoles, input: string, out: string, problems: ReturnType<typeof inputProblems>, next: readonly string[]): string {
  let text = `${input}: ${roles.format}, ${roles.frequency}\n`;
  for (const [role, why] of Object.entries(roles.reasons)) text += `  ${role.padEnd(9)} ${why}\n`;
  for (const note of roles.leftOut) text += `  left out: ${note}\n`;
  text += problems.blocking
    ? `  validate: ${problems.errors} error(s), ${problems.holes} missing value(s): clean it before fitting\n`
    : `  validate: no errors${problems.warnings > 0 ? ` (${problems.warnings} warning(s): see mixlab validate)` : ""}\n`;
  text += `config → ${out}\n\nnext:\n${next.map((l) => `  ${l}\n`).join("")}`;
  return text;
}
