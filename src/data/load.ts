/**
 * loadInput(path, options) reads any of the three input shapes, detected automatically (a folder is
 * channel-dir; a file whose header has `campaign_name` is campaigns; any other file is wide) or as
 * given by `options.format`; and toTable(dataset) turns a loaded input that has no problems left into
 * the Table the models use.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { assemble, type Assembled } from "./assemble";
import { DataError, makeIssue, type Issue } from "./issue";
import { loadCampaigns, type CampaignOptions } from "./load-campaigns";
import { loadChannelDir } from "./load-channel-dir";
import { loadWide, type WideRoles } from "./load-wide";
import type { Panel } from "./panel";
import type { Dataset, InputFormat } from "./source";
import { splitGroups } from "./split-groups";
import { makeTable, type Table } from "./table";

export interface LoadOptions extends WideRoles, CampaignOptions {
  format?: InputFormat;
}

/** detectFormat(path) → "channel-dir" for a folder, "campaigns" when the header names campaign_name, else "wide". */
export function detectFormat(path: string): InputFormat {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    const message = `cannot read ${path}: file not found`;
    throw new DataError(message, [makeIssue({ file: path, row: null, column: null, date: null, kind: "missing_file", value: null, message })]);
  }
  if (isDir) return "channel-dir";
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(4096);
    const bytes = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytes).toString("utf8").split(/\r\n|\n|\r/)[0].toLowerCase();
    return /(^|,)\s*"?campaign_name"?\s*(,|$)/.test(head) ? "campaigns" : "wide";
  } finally {
    closeSync(fd);
  }
}

/** loadInput(path, options) → the Dataset of a file or folder in any of the three shapes. */
export function loadInput(path: string, options: LoadOptions = {}): Dataset {
  const format = options.format ?? detectFormat(path);
  if (options.population !== undefined && options.group === undefined) throw new DataError("a population column (--population) needs the group column of the panel (--group)");
  if (options.group !== undefined && format !== "wide") throw new DataError(`${path} is ${format} input; panels (--group) are read from wide files`);
  if (format === "channel-dir") return loadChannelDir(path);
  if (format === "campaigns") return loadCampaigns(path, options);
  return loadWide(path, options);
}

/**
 * toTable(dataset) → the Table of an input with no errors and no holes.
 * @throws DataError listing the errors, or the holes, when there are any (run `mixlab clean` first),
 *   or when the dataset is a panel (use toPanel)
 */
export function toTable(dataset: Dataset): Table {
  if (dataset.panel !== undefined) throw new DataError(`${dataset.input} is a panel (group column "${dataset.panel.group}"): read it with toPanel`);
  const assembled = assemble(dataset);
  throwOnProblems(dataset.input, assembled.issues);
  return assembledTable(dataset, assembled, roleWarnings(dataset));
}

/**
 * toPanel(dataset) → the Panel of an input read with `--group`, each group's Table on the shared grid.
 * @throws DataError listing the errors, or the holes, of any group (each issue names its group)
 */
export function toPanel(dataset: Dataset): Panel {
  if (dataset.panel === undefined) throw new DataError(`${dataset.input} was not read as a panel: give the group column (--group)`);
  const split = splitGroups(dataset);
  const assembled = split.anchor === null ? [] : split.groups.map((g) => assemble(g.dataset, split.anchor!));
  const groupIssues = assembled.flatMap((a, k) => a.issues.map((i) => ({ ...i, group: split.groups[k].name })));
  throwOnProblems(dataset.input, [...dataset.issues, ...split.issues, ...groupIssues]);
  const warnings = roleWarnings(dataset);
  return {
    groupColumn: dataset.panel.group, populationColumn: dataset.panel.population, frequency: split.anchor!.frequency,
    target: dataset.target, channels: [...dataset.channels], controls: [...dataset.controls],
    groups: split.groups.map((g, k) => ({ name: g.name, population: g.population, table: assembledTable(g.dataset, assembled[k], []) })),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** throwOnProblems(input, issues) throws a DataError listing the errors, else the holes, when there are any. */
function throwOnProblems(input: string, issues: readonly Issue[]): void {
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw new DataError(`${input} has ${errors.length} error(s); fix them or run \`mixlab clean\` first`, errors);
  }
  const holes = issues.filter((i) => i.kind === "missing");
  if (holes.length > 0) {
    throw new DataError(`${input} has ${holes.length} missing value(s); run \`mixlab clean\` first`, holes);
  }
}

/** assembledTable(dataset, assembled, warnings) → the Table of an assembled input without problems. */
function assembledTable(dataset: Dataset, assembled: Assembled, warnings: string[]): Table {
  const columns: Record<string, Float64Array> = {};
  for (const s of assembled.series) columns[s.name] = s.values;
  return makeTable({
    days: Int32Array.from(assembled.days), frequency: assembled.frequency!,
    target: dataset.target, channels: [...dataset.channels], controls: [...dataset.controls], columns,
    ...(warnings.length > 0 ? { warnings } : {}),
  });
}

/** roleWarnings(dataset) → the message of every column the loader left out or recoded (`ignored_column`). */
export function roleWarnings(dataset: Dataset): string[] {
  return dataset.issues.filter((i) => i.kind === "ignored_column").map((i) => i.message);
}
