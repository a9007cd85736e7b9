/**
 * describeFailure(err): what the CLI prints for an error and the exit code — one sentence per
 * problem, each said once, with control characters escaped, never a stack. Bad usage exits 2; bad
 * input, a file that cannot be read or written, a service that cannot be reached and an input too
 * large to handle exit 1. Anything else is a bug: null, and bin/mixlab.js reports it (exit 70).
 */
import { DataError, formatIssue, type Issue } from "../data/issue";
import { ExpressionSyntaxError } from "../data/target-expression";
import { escapeControl } from "../util/escape-control";
import { FileError, isErrnoError, reasonOf } from "../util/file-error";
import { ConnectionError } from "./connection-error";
import { UsageError } from "./usage-error";

/** How many issues of a DataError are printed before "… n more". */
const SHOWN = 20;

/** A failure as printed: the exit code and the lines (without "mixlab: " and line ends). */
export interface Failure {
  code: number;
  lines: string[];
}

/**
 * newIssues(err) → the issues that add something to the error's own message: a loader that fails on
 * one problem puts its sentence both in the message and in the issue, which was printed twice.
 */
function newIssues(err: DataError): Issue[] {
  return err.issues.filter((issue) => !err.message.includes(issue.message));
}

/** True for the errors V8 and Node raise when a string or buffer would exceed what they can hold. */
function isTooLarge(err: unknown): err is Error {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  return code === "ERR_STRING_TOO_LONG" || code === "ERR_BUFFER_TOO_LARGE" || code === "ERR_FS_FILE_TOO_LARGE" ||
    (err instanceof RangeError && /Invalid string length|Invalid array length|Array buffer allocation failed/.test(err.message));
}

/**
 * describeFailure(err) → the exit code and the lines to print for a known kind of failure, or null
 * for an internal error.
 * @example describeFailure(new UsageError("--trials must be a number, not \"x\"")) // => { code: 2, lines: ['--trials must be a number, not "x"'] }
 */
export function describeFailure(err: unknown): Failure | null {
  if (err instanceof UsageError || err instanceof ExpressionSyntaxError) return { code: 2, lines: [err.message] };
  if (err instanceof DataError) {
    const issues = newIssues(err);
    const lines = [err.message, ...issues.slice(0, SHOWN).map((issue) => `  ${formatIssue(issue)}`)];
    if (issues.length > SHOWN) lines.push(`  … ${issues.length - SHOWN} more`);
    return { code: 1, lines };
  }
  if (err instanceof FileError || err instanceof ConnectionError) return { code: 1, lines: [err.message] };
  if (isErrnoError(err)) {
    const where = err.path ?? "a file";
    return { code: 1, lines: [`cannot ${err.syscall ?? "use"} ${where}: ${reasonOf(err.code)} (${err.code})`] };
  }
  if (isTooLarge(err)) return { code: 1, lines: [`the data is too large to handle in memory (${err.message}); give a smaller input or split it`] };
  return null;
}

/**
 * failureText(failure) → the lines, each prefixed "mixlab: " (the first) or kept indented, every
 * control character escaped (a line break in a column name cannot split the line), joined by "\n".
 */
export function failureText(failure: Failure): string {
  return `${failure.lines.map((line, i) => (i === 0 ? "mixlab: " : "") + escapeControl(line, "")).join("\n")}\n`;
}
