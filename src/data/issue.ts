/**
 * Data problems found while loading, validating or cleaning, in one shape everywhere: which file,
 * which line (the header is line 1), which column, which date, what kind, the offending value and a
 * sentence a person can act on.
 */

/** Problems that stop a fit until they are cleaned or fixed by hand. */
export const ERROR_KINDS = [
  "missing_file",
  "empty_file",
  "missing_column",
  "ragged_row",
  "invalid_date",
  "non_numeric",
  "duplicate_date",
  "unknown_frequency",
  "off_grid",
  "invalid_group",
  "invalid_population",
] as const;

/** Errors of the input's structure, which cleaning cannot repair. */
export const STRUCTURAL_KINDS: ReadonlySet<string> = new Set(["missing_file", "empty_file", "missing_column", "unknown_frequency"]);

/** Problems that are reported but do not stop anything. */
export const WARNING_KINDS = ["negative", "outlier", "zero_target", "missing", "ignored_column"] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];
export type WarningKind = (typeof WARNING_KINDS)[number];
export type IssueKind = ErrorKind | WarningKind;
export type Severity = "error" | "warning";

export interface Issue {
  /** Path of the file as the user gave it (or joined with the folder they gave). */
  file: string;
  /** Line number in that file, header = 1; null when the problem is not on one line (a gap). */
  row: number | null;
  /** Column header as written in the file; null for whole-row or whole-file problems. */
  column: string | null;
  /** ISO date of the row, when it has a valid one. */
  date: string | null;
  kind: IssueKind;
  severity: Severity;
  /** The offending cell as written (text) or as parsed (number); null when absent. */
  value: string | number | null;
  message: string;
  /** Panels: the group of the row (absent for files without groups). */
  group?: string;
}

const errorKinds: ReadonlySet<string> = new Set(ERROR_KINDS);

/** severityOf(kind) is "error" for the kinds that make `validate` exit 1, else "warning". */
export function severityOf(kind: IssueKind): Severity {
  return errorKinds.has(kind) ? "error" : "warning";
}

/** makeIssue fills `severity` from the kind so that it can never disagree with it. */
export function makeIssue(fields: Omit<Issue, "severity">): Issue {
  return { ...fields, severity: severityOf(fields.kind) };
}

/**
 * A failure on bad input: carries the issues so that the CLI can print them and exit 1. Thrown by
 * loaders (missing file, no header) and by `toTable` when the data still has errors.
 */
export class DataError extends Error {
  readonly issues: Issue[];
  constructor(message: string, issues: Issue[] = []) {
    super(message);
    this.name = "DataError";
    this.issues = issues;
  }
}

/** formatIssue(issue) → one line: `file:row [column] date: kind — message`. */
export function formatIssue(issue: Issue): string {
  const where = issue.row === null ? issue.file : `${issue.file}:${issue.row}`;
  const column = issue.column === null ? "" : ` [${issue.column}]`;
  const date = (issue.group === undefined ? "" : ` group ${issue.group}`) + (issue.date === null ? "" : ` ${issue.date}`);
  return `${issue.severity === "error" ? "error" : "warning"} ${where}${column}${date}: ${issue.kind} — ${issue.message}`;
}
