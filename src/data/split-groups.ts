/**
 * splitGroups(dataset): a panel (a wide file read with `--group`) cut into one Dataset per group, in
 * order of first appearance, each holding that group's records with their file lines, so that
 * validation and cleaning run per group's series (a duplicate is a repeated group + date, a gap is a
 * date missing from that group). Also the grid the groups share (frequency and a day on it, from the
 * union of every group's dates) and the panel-level problems: rows with an empty group, and a
 * population that is not a positive number constant within its group.
 */
import { detectFrequency, type GridAnchor } from "./assemble";
import { makeIssue, type Issue } from "./issue";
import { formatDay } from "./parse-date";
import type { BadCell } from "./parse-number";
import type { Dataset, SourceColumn, SourceFile } from "./source";

/** One group of a panel: its name, its records as a Dataset, its population (null when not given or not valid). */
export interface GroupDataset {
  name: string;
  dataset: Dataset;
  population: number | null;
}

/** A panel cut by group. */
export interface SplitPanel {
  groups: GroupDataset[];
  /** Records with an empty group: they belong to no group (record index and line in the file). */
  ungrouped: { record: number; line: number; date: string | null }[];
  /** The shared grid; null when the frequency cannot be told (then `issues` says why). */
  anchor: GridAnchor | null;
  /** Panel-level problems: empty groups, bad populations, an unknown frequency. */
  issues: Issue[];
}

/**
 * splitGroups(dataset) → the groups of a panel dataset (see the module comment); no groups when the
 * file or its group column could not be read (the dataset's issues say why). O(cells).
 */
export function splitGroups(dataset: Dataset): SplitPanel {
  const issues: Issue[] = [];
  const f = dataset.files[0];
  if (dataset.panel === undefined || f === undefined || f.groups === undefined) return { groups: [], ungrouped: [], anchor: null, issues };
  const groupHeader = dataset.panel.group;
  const names: string[] = [];
  const indexOf = new Map<string, number>();
  const groupOf = new Int32Array(f.days.length);
  const ungrouped: SplitPanel["ungrouped"] = [];
  f.groups.forEach((name, r) => {
    if (name === "") {
      groupOf[r] = -1;
      const date = Number.isNaN(f.days[r]) ? null : formatDay(f.days[r]);
      ungrouped.push({ record: r, line: f.lines[r], date });
      issues.push(makeIssue({ file: f.path, row: f.lines[r], column: groupHeader, date, kind: "invalid_group", value: null, message: `the group (column "${groupHeader}") is empty` }));
      return;
    }
    let g = indexOf.get(name);
    if (g === undefined) { g = names.length; names.push(name); indexOf.set(name, g); }
    groupOf[r] = g;
  });
  const files = subsetByGroup(f, groupOf, names.length);
  const populations = names.map((name, g) => groupPopulation(files[g], name, issues));
  const anchor = sharedGrid(files, dataset.input, issues);
  const groups = names.map((name, g) => ({
    name, population: populations[g],
    dataset: { ...dataset, files: [files[g]], issues: [], panel: undefined },
  }));
  return { groups, ungrouped, anchor, issues };
}

/**
 * sharedGrid(files, input, issues) → the grid of the panel: the frequency most rows' groups have
 * (each group's own dates, detectFrequency), starting at the panel's first date; null with an
 * unknown_frequency issue when no group has a daily or weekly grid. O(rows log rows).
 */
function sharedGrid(files: readonly SourceFile[], input: string, issues: Issue[]): GridAnchor | null {
  const votes = new Map<string, { rows: number; step: number }>();
  let first = Infinity;
  let reason = "the file has no valid dates";
  for (const f of files) {
    const days = [...new Set(Array.from(f.days).filter((d) => !Number.isNaN(d)))].sort((a, b) => a - b);
    if (days.length > 0) first = Math.min(first, days[0]);
    const detected = detectFrequency(days);
    if (detected.frequency === null) { reason = detected.reason; continue; }
    const vote = votes.get(detected.frequency) ?? { rows: 0, step: detected.step };
    vote.rows += days.length;
    votes.set(detected.frequency, vote);
  }
  const best = [...votes.entries()].sort((a, b) => b[1].rows - a[1].rows)[0];
  if (best === undefined) {
    issues.push(makeIssue({ file: input, row: null, column: null, date: null, kind: "unknown_frequency", value: null, message: `cannot tell the frequency of any group: ${reason}` }));
    return null;
  }
  return { frequency: best[0] as GridAnchor["frequency"], step: best[1].step, start: first };
}

/** subsetByGroup(f, groupOf, count) → one SourceFile per group with its records (groupOf[r] = −1: none). O(cells). */
function subsetByGroup(f: SourceFile, groupOf: Int32Array, count: number): SourceFile[] {
  const rows: number[][] = Array.from({ length: count }, () => []);
  const position = new Int32Array(groupOf.length);
  groupOf.forEach((g, r) => { if (g >= 0) { position[r] = rows[g].length; rows[g].push(r); } });
  const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T, idx: readonly number[]): T => {
    const out = new (a.constructor as new (n: number) => T)(idx.length);
    for (let k = 0; k < idx.length; k++) out[k] = a[idx[k]];
    return out;
  };
  const badByGroup = (bad: readonly BadCell[]): BadCell[][] => {
    const out: BadCell[][] = Array.from({ length: count }, () => []);
    for (const b of bad) if (groupOf[b.index] >= 0) out[groupOf[b.index]].push({ ...b, index: position[b.index] });
    return out;
  };
  const columnBad = f.columns.map((c) => badByGroup(c.bad));
  const pop = f.population;
  const populationBad = pop === undefined ? [] : badByGroup(pop.bad);
  return rows.map((idx, g) => ({
    path: f.path, dateHeader: f.dateHeader, lines: pick(f.lines, idx), dateText: idx.map((r) => f.dateText[r]), days: pick(f.days, idx),
    columns: f.columns.map((c, k): SourceColumn => ({
      ...c, values: pick(c.values, idx), bad: columnBad[k][g],
      ...(c.cellLines ? { cellLines: pick(c.cellLines, idx) } : {}), ...(c.absent ? { absent: pick(c.absent, idx) } : {}),
    })),
    ...(pop === undefined ? {} : { population: { header: pop.header, values: pick(pop.values, idx), bad: populationBad[g] } }),
  }));
}

/**
 * groupPopulation(f, name, issues) → the population of the group whose records are the file `f`: its
 * value on every record, which must be one positive number; null (and an `invalid_population` issue
 * on the first record that breaks the rule) otherwise, or when the panel has no population column. O(rows).
 */
function groupPopulation(f: SourceFile, name: string, issues: Issue[]): number | null {
  const pop = f.population;
  if (pop === undefined) return null;
  let value: number | null = null;
  for (let r = 0; r < f.days.length; r++) {
    const v = pop.values[r];
    const fail = (why: string): null => {
      const text = pop.bad.find((b) => b.index === r)?.text ?? (Number.isNaN(v) ? null : v);
      issues.push(makeIssue({
        file: f.path, row: f.lines[r], column: pop.header, date: Number.isNaN(f.days[r]) ? null : formatDay(f.days[r]), kind: "invalid_population",
        value: text, message: `the population of group "${name}" ${why}`, group: name,
      }));
      return null;
    };
    if (!(v > 0) || !Number.isFinite(v)) return fail(Number.isNaN(v) ? "is not a number" : `must be a positive number, not ${v}`);
    if (value === null) value = v;
    else if (v !== value) return fail(`must be the same on every row of the group: ${v} here, ${value} before`);
  }
  return value;
}
