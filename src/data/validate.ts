/**
 * validate(dataset) reports every problem of a loaded input, each with file, line, column, date,
 * kind, value and a sentence. Errors (unparseable dates or numbers, duplicate dates, missing files
 * or columns, empty files, an unknown frequency) make `ok` false; warnings (negative values,
 * outliers, zero target, gaps and empty cells, ignored columns) do not.
 */
import { assemble, type Assembled } from "./assemble";
import { makeIssue, type Issue } from "./issue";
import { formatDay } from "./parse-date";
import type { Dataset, InputFormat } from "./source";
import { splitGroups } from "./split-groups";
import type { Frequency } from "./table";
import { checkValues, FLAG_NEGATIVE, FLAG_OUTLIER, FLAG_ZERO_TARGET, type ValueCheckOptions } from "./value-checks";

export interface ValidationReport {
  ok: boolean;
  /** Periods on the date grid (first to last date). */
  rows: number;
  frequency: Frequency | null;
  start: string | null;
  end: string | null;
  format: InputFormat;
  target: string;
  channels: string[];
  controls: string[];
  errors: number;
  warnings: number;
  issues: Issue[];
  /** Panels: the group column and the number of groups. */
  group?: string;
  groups?: number;
}

/**
 * validate(dataset, options) → the report above; `assembled` may be passed to avoid a second join.
 * A panel (read with `--group`) is validated group by group (duplicates are a repeated group + date,
 * gaps and value checks per group's series); each of its issues names its group, `rows` counts group
 * × date rows, and `group`/`groups` say which column and how many groups.
 */
export function validate(dataset: Dataset, options: ValueCheckOptions = {}, assembled?: Assembled): ValidationReport {
  if (dataset.panel !== undefined) return validatePanel(dataset, options);
  const joined = assembled ?? assemble(dataset);
  const issues = [...joined.issues, ...valueIssues(joined, options)];
  return report(dataset, issues, joined.frequency, joined.days.length, joined.days);
}

/** validatePanel(dataset, options) → validate of a panel: every group on the shared grid, issues tagged with their group. */
function validatePanel(dataset: Dataset, options: ValueCheckOptions): ValidationReport {
  const split = splitGroups(dataset);
  const issues = [...dataset.issues, ...split.issues];
  let rows = 0;
  const days: number[] = [];
  for (const g of split.anchor === null ? [] : split.groups) {
    const joined = assemble(g.dataset, split.anchor!);
    for (const issue of [...joined.issues, ...valueIssues(joined, options)]) issues.push({ ...issue, group: g.name });
    rows += joined.days.length;
    if (joined.days.length > 0) days.push(joined.days[0], joined.days[joined.days.length - 1]);
  }
  days.sort((a, b) => a - b);
  return { ...report(dataset, issues, split.anchor?.frequency ?? null, rows, days), group: dataset.panel!.group, groups: split.groups.length };
}

/** report(dataset, issues, frequency, rows, days) → the ValidationReport of the issues (sorted by file and line); start and end from the ascending `days`. */
function report(dataset: Dataset, issues: Issue[], frequency: Frequency | null, rows: number, days: readonly number[]): ValidationReport {
  issues.sort(byFileThenLine);
  const errors = issues.filter((i) => i.severity === "error").length;
  return {
    ok: errors === 0,
    rows,
    frequency,
    start: days.length > 0 ? formatDay(days[0]) : null,
    end: days.length > 0 ? formatDay(days[days.length - 1]) : null,
    format: dataset.format,
    target: dataset.target,
    channels: dataset.channels,
    controls: dataset.controls,
    errors,
    warnings: issues.length - errors,
    issues,
  };
}

function valueIssues(assembled: Assembled, options: ValueCheckOptions): Issue[] {
  const issues: Issue[] = [];
  for (const s of assembled.series) {
    const { flags, p95, threshold } = checkValues(s, options);
    for (let i = 0; i < flags.length; i++) {
      const flag = flags[i];
      if (flag === 0) continue;
      const v = s.values[i];
      const what = s.role === "target" ? "target" : "spend";
      const message =
        flag === FLAG_NEGATIVE ? `negative ${what} ${v}`
        : flag === FLAG_OUTLIER ? `${what} ${v} is more than ${options.outlierFactor ?? 20} × the column's 95th percentile (${round(p95)}; threshold ${round(threshold)})`
        : flag === FLAG_ZERO_TARGET ? "the target is 0"
        : "";
      const kind = flag === FLAG_NEGATIVE ? "negative" : flag === FLAG_OUTLIER ? "outlier" : "zero_target";
      issues.push(makeIssue({ file: s.file, row: s.lines[i] || null, column: s.header, date: formatDay(assembled.days[i]), kind, value: v, message }));
    }
  }
  return issues;
}

/** Orders issues by file, then line (issues on no line last); ties keep their order (stable sort). */
function byFileThenLine(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.row === b.row) return 0;
  if (a.row === null) return 1;
  if (b.row === null) return -1;
  return a.row - b.row;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
