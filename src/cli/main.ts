/**
 * The `mixlab` command line. Every command writes results to stdout (JSON with --json) and
 * progress to stderr, and exits 0 on success, 1 on bad input (with the file, row and column when
 * there is one), 2 on bad usage.
 */
import { Command, CommanderError } from "commander";
import { registerBatch } from "./batch";
import { registerClean } from "./clean";
import type { CliContext } from "./context";
import { registerDemo } from "./demo";
import { registerExport } from "./export";
import { registerFit } from "./fit";
import { registerGenerate } from "./generate";
import { registerInit } from "./init";
import { registerOptimize } from "./optimize";
import { registerPredict } from "./predict";
import { registerServe } from "./serve";
import { registerValidate } from "./validate";
import { registerWhatIf } from "./whatif";
import { registerWorker } from "./worker";
import { describeFailure, failureText } from "./describe-failure";
import { escapeControl } from "../util/escape-control";
import { VERSION } from "../version";

/** buildProgram(ctx) → the commander program with every command registered. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command("mixlab");
  program
    .description("mixlab: marketing mix modeling — load, validate, clean, model, plan and serve")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
  registerInit(program, ctx);
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
  registerBatch(program, ctx);
  registerWorker(program, ctx);
  return program;
}

/**
 * run(argv, io) runs the CLI on process-style arguments (`[node, script, ...args]`) and resolves to
 * the exit code; it never calls process.exit, so tests can run it in-process. Everything printed
 * has its control characters escaped (a column name cannot send terminal codes); a known failure
 * is printed once, as describeFailure says; an internal error is thrown to the caller.
 */
export async function run(argv: string[], io: Partial<Pick<CliContext, "out" | "err">> = {}): Promise<number> {
  let code = 0;
  const out = io.out ?? ((s: string) => { process.stdout.write(s); });
  const err = io.err ?? ((s: string) => { process.stderr.write(s); });
  const ctx: CliContext = {
    out: (s) => out(escapeControl(s)),
    err: (s) => err(escapeControl(s)),
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
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version" ? 0 : 2;
    }
    const failure = describeFailure(error);
    if (failure === null) throw error;
    err(failureText(failure));
    return failure.code;
  }
}
