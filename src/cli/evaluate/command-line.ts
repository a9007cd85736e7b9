/**
 * The `mixlab` command lines evaluate runs and names: the flags a user gave that are passed on to
 * each fit (forwardedFlags), and an argument list as a line a POSIX shell reads back as the same
 * arguments (commandLine).
 */
import type { Command } from "commander";

/**
 * forwardedFlags(command, skip) → `--flag value` pairs for every valued option of `command` that
 * was given on the command line, in declaration order, except the attribute names in `skip`.
 */
export function forwardedFlags(command: Command, skip: ReadonlySet<string>): string[] {
  const values = command.opts() as Record<string, unknown>;
  return command.options.flatMap((o) => {
    const key = o.attributeName();
    const value = values[key];
    if (skip.has(key) || command.getOptionValueSource(key) !== "cli" || typeof value !== "string" || o.long === undefined) return [];
    return [o.long, value];
  });
}

/** shellWord(arg) → arg as is when it holds only safe characters, else in single quotes ('…'\''…'). */
function shellWord(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** commandLine(args) → "mixlab " + the arguments, each quoted for a POSIX shell when needed. */
export function commandLine(args: readonly string[]): string {
  return ["mixlab", ...args].map(shellWord).join(" ");
}
