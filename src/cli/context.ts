/** Where a command writes: stdout for results (JSON with --json), stderr for progress and logs. */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  /** Sets the process exit code the command ends with (0 success, 1 bad input, 2 bad usage). */
  exit(code: number): void;
}

/** printJson(ctx, value) writes pretty JSON and a newline to stdout. */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out(`${JSON.stringify(value, null, 2)}\n`);
}
