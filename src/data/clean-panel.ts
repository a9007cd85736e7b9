/**
 * cleanPanel(dataset, options): `clean` of a panel (a wide file read with `--group`), group by group
 * on the grid the groups share: a duplicate is a repeated group + date, a gap a date missing from
 * that group's series, outliers are judged against that group's own 95th percentile. Every change
 * names its group; rows with an empty group are dropped and reported cell by cell
 * (`invalid_group`). A population that is not one positive number per group cannot be repaired.
 */
import { clean, resolvedCleanOptions, type Change, type CleanOptions, type CleanReport } from "./clean";
import { DataError, STRUCTURAL_KINDS, type Issue } from "./issue";
import type { Panel } from "./panel";
import type { Dataset } from "./source";
import { splitGroups, type SplitPanel } from "./split-groups";

/** The report of a panel clean: clean's report over all groups, plus the group column and each group's rows. */
export interface PanelCleanReport extends CleanReport {
  group: string;
  groups: { name: string; rows_in: number; rows_out: number }[];
}

/**
 * cleanPanel(dataset, options) → the cleaned Panel and the report (see the module comment).
 * @throws DataError when the file cannot be read as a panel (missing columns, unknown frequency, bad populations)
 */
export function cleanPanel(dataset: Dataset, options: CleanOptions = {}): { panel: Panel; report: PanelCleanReport } {
  if (dataset.panel === undefined) throw new DataError(`${dataset.input} was not read as a panel: give the group column (--group)`);
  const split = splitGroups(dataset);
  const fatal = [...dataset.issues, ...split.issues].filter((i) => STRUCTURAL_KINDS.has(i.kind) || i.kind === "invalid_population");
  if (fatal.length > 0 || split.anchor === null) {
    throw new DataError(`cannot clean ${dataset.input}: ${fatal.map((i) => i.message).join("; ")}`, fatal);
  }
  const cleaned = split.groups.map((g) => ({ name: g.name, population: g.population, ...clean(g.dataset, options, split.anchor!) }));
  const tag = <T extends object>(rows: readonly T[], group: string): (T & { group: string })[] => rows.map((r) => ({ ...r, group }));
  const changes = [...ungroupedChanges(dataset, split), ...cleaned.flatMap((c) => tag(c.report.changes, c.name))];
  const summary: Record<string, number> = {};
  for (const c of changes) summary[c.kind] = (summary[c.kind] ?? 0) + 1;
  const warnings = dataset.issues.filter((i) => i.kind === "ignored_column").map((i) => i.message);
  return {
    panel: {
      groupColumn: dataset.panel.group, populationColumn: dataset.panel.population, frequency: split.anchor.frequency,
      target: dataset.target, channels: [...dataset.channels], controls: [...dataset.controls],
      groups: cleaned.map((c) => ({ name: c.name, population: c.population, table: c.table })),
      ...(warnings.length > 0 ? { warnings } : {}),
    },
    report: {
      input: dataset.input, format: dataset.format, frequency: split.anchor.frequency,
      rows_in: cleaned.reduce((n, c) => n + c.report.rows_in, 0),
      rows_out: cleaned.reduce((n, c) => n + c.report.rows_out, 0),
      changes, summary,
      dropped_rows: cleaned.flatMap((c) => tag(c.report.dropped_rows, c.name)),
      kept: cleaned.flatMap((c) => tag(c.report.kept, c.name)),
      notes: dataset.issues.filter((i): i is Issue => i.kind === "ignored_column" || i.kind === "ragged_row"),
      options: resolvedCleanOptions(options),
      group: dataset.panel.group,
      groups: cleaned.map((c) => ({ name: c.name, rows_in: c.report.rows_in, rows_out: c.report.rows_out })),
    },
  };
}

/** Each cell of a record whose group is empty, as an `invalid_group` change (after = null: dropped). */
function ungroupedChanges(dataset: Dataset, split: SplitPanel): Change[] {
  const f = dataset.files[0];
  if (f === undefined) return [];
  return split.ungrouped.flatMap(({ record, line, date }) => f.columns.map((col): Change => {
    const v = col.values[record];
    const before = Number.isNaN(v) ? col.bad.find((b) => b.index === record)?.text ?? null : v;
    return { column: col.name, date, kind: "invalid_group", before, after: null, file: f.path, row: line };
  }));
}
