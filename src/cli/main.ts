/**
 * The `mixlab` command line. Every command writes results to stdout (JSON with --json) and
 * progress to stderr, and exits 0 on success, 1 on bad input (with the file, row and column when
 * there is one), 2 on bad usage.
 */
import { Command, CommanderError } from "commander";
import { DataError, formatIssue } from "../data/issue";
import { registerClean } from "./clean";
import type { CliContext } from "./context";
import { registerDemo } from "./demo";
import { registerExport } from "./export";
import { registerFit } from "./fit";
import { registerGenerate } from "./generate";
import { registerOptimize } from "./optimize";
import { registerPredict } from "./predict";
import { registerServe } from "./serve";
import { registerValidate } from "./validate";
import { registerWhatIf } from "./whatif";
import { UsageError } from "./usage-error";
import { VERSION } from "../version";

/** How many issues a DataError prints before summarising. */
const SHOWN = 20;

/** buildProgram(ctx) → the commander program with every command registered. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command("mixlab");
  program
    .description("mixlab: marketing mix modeling — load, validate, clean, model, plan and serve")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
  registerValidate(program, ctx);
  registerClean(program, ctx);
  registerFit(program, ctx);
  registerPredict(program, ctx);
  registerWhatIf(program, ctx);
  registerOptimize(program, ctx);
  registerServe(program, ctx);
  registerExport(program, ctx);
  registerGenerate(program, ctx);
  registerDemo(program, ctx);
  return program;
}

/**
 * run(argv, io) runs the CLI on process-style arguments (`[node, script, ...args]`) and resolves to
 * the exit code; it never calls process.exit, so tests can run it in-process.
 */
export async function run(argv: string[], io: Partial<Pick<CliContext, "out" | "err">> = {}): Promise<number> {
  let code = 0;
  const ctx: CliContext = {
    out: io.out ?? ((s) => process.stdout.write(s)),
    err: io.err ?? ((s) => process.stderr.write(s)),
    exit: (c) => { code = c; },
  };
  const program = buildProgram(ctx);
  if (argv.length <= 2) {
    ctx.err(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
    }
    if (err instanceof UsageError) {
      ctx.err(`mixlab: ${err.message}\n`);
      return 2;
    }
    if (err instanceof DataError) {
      ctx.err(`mixlab: ${err.message}\n`);
      for (const issue of err.issues.slice(0, SHOWN)) ctx.err("  " + formatIssue(issue) + "\n");
      if (err.issues.length > SHOWN) ctx.err(`  … ${err.issues.length - SHOWN} more\n`);
      return 1;
    }
    throw err;
  }
}
