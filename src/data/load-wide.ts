/**
 * The wide shape: one CSV, one row per period, a date column, one spend column per channel, the
 * target and optional controls. Roles come from options (CLI flags or the config) or from the
 * defaults of the contract: date = `date`; target = `revenue` or `sales`; channels = the columns
 * ending in `_spend` (channel name = column without the suffix); every other column is a control
 * as control-roles.ts decides (exposure and index columns left out, text columns recoded as
 * indicators or left out), each decision an `ignored_column` warning.
 */
import { defaultControls, indicatorFor } from "./control-roles";
import { groupColumnOf } from "./detect-group";
import { expressionTarget, operandWarning } from "./expression-target";
import { DataError, makeIssue, type Issue } from "./issue";
import { looksLikeExpression } from "./target-expression";
import {
  emptyFileIssue, findColumn, missingColumnIssue, parseDates, readCsvColumns, readText,
  type CsvColumns, type Dataset, type SourceColumn, type SourceFile,
} from "./source";

/** Column roles for the wide shape; each is optional and falls back to the defaults above. */
export interface WideRoles {
  date?: string;
  target?: string;
  /** Channel columns (`tv_spend`) or channel names (`tv`, matched to `tv_spend`). */
  channels?: readonly string[];
  controls?: readonly string[];
  /** Panels: the column naming each row's group (region, geo); several rows per date, one per group. */
  group?: string;
  /** Panels: a column with each group's population (constant per group), for per-capita models. */
  population?: string;
}

const SPEND_SUFFIX = "_spend";

/** channelName(column) strips the `_spend` suffix: `tv_spend` → `tv`. */
export function channelName(column: string): string {
  return column.toLowerCase().endsWith(SPEND_SUFFIX) ? column.slice(0, -SPEND_SUFFIX.length) : column;
}

/** loadWide(path, roles) reads a wide CSV file into a Dataset (see the module comment). */
export function loadWide(path: string, roles: WideRoles = {}): Dataset {
  return wideFromText(readText(path), path, roles);
}

/** wideFromText(text, path, roles) is loadWide on text already read (`path` names it in messages). */
export function wideFromText(text: string, path: string, roles: WideRoles = {}): Dataset {
  const dateName = roles.date ?? "date";
  const textColumns = new Set([dateName.toLowerCase()]);
  if (roles.group !== undefined) textColumns.add(roles.group.toLowerCase());
  const csv = readCsvColumns(text, path, textColumns);
  const issues: Issue[] = [...csv.issues];
  const dataset: Dataset = { format: "wide", input: path, target: roles.target ?? "", channels: [], controls: [], files: [], issues };
  if (csv.header.length === 0 || csv.rows === 0) {
    issues.push(emptyFileIssue(path, csv.header.length > 0));
    return dataset;
  }
  const dateHeader = findColumn(csv.header, dateName);
  if (dateHeader === null) {
    issues.push(missingColumnIssue(path, dateName, csv.header, "the date column"));
    return dataset;
  }
  const panel = panelColumns(csv, dateHeader, roles, dataset);
  const columns: SourceColumn[] = [];
  const used = new Set<string>([dateHeader, ...panel.used]);
  const take = (header: string, name: string, role: SourceColumn["role"]): void => {
    const parsed = csv.numbers.get(header);
    if (parsed === undefined) return;
    columns.push({ name, role, header, values: parsed.values, bad: parsed.bad });
    used.add(header);
  };

  readTarget(csv, roles, dataset, columns, used, take);

  // Channels.
  const channelHeaders: string[] = [];
  if (roles.channels !== undefined) {
    for (const want of roles.channels) {
      const header = findColumn(csv.header, want) ?? findColumn(csv.header, want + SPEND_SUFFIX);
      if (header === null) issues.push(missingColumnIssue(path, want, csv.header, "given as a channel"));
      else channelHeaders.push(header);
    }
  } else {
    for (const h of csv.header) if (h !== dateHeader && h.toLowerCase().endsWith(SPEND_SUFFIX)) channelHeaders.push(h);
    if (channelHeaders.length === 0) {
      issues.push(missingColumnIssue(path, "*_spend", csv.header, "no channel columns: name them <channel>_spend or pass --channels"));
    }
  }
  for (const h of channelHeaders) {
    const name = channelName(h);
    dataset.channels.push(name);
    take(h, name, "channel");
  }

  // Controls.
  if (roles.controls !== undefined) explicitControls(csv, roles.controls, dataset, columns, take);
  else {
    const candidates = csv.header.filter((h) => !used.has(h));
    const chosen = defaultControls(csv, candidates, channelHeaders.map((h) => ({ name: channelName(h), header: h })));
    for (const c of chosen.controls) {
      dataset.controls.push(c.name);
      columns.push({ name: c.name, role: "control", header: c.header, values: c.values, bad: c.bad });
    }
    for (const w of chosen.warnings) {
      issues.push(makeIssue({ file: path, row: 1, column: w.header, date: null, kind: "ignored_column", value: null, message: w.message }));
    }
  }
  const dateText = csv.text.get(dateHeader) ?? [];
  dataset.files.push({ path, dateHeader, lines: csv.lines, dateText, days: parseDates(dateText), columns, ...panel.file });
  return dataset;
}

/**
 * readTarget(csv, roles, dataset, columns, used, take) adds the target: the column named by
 * `roles.target` (default revenue or sales), or, when no column has that name and it reads as an
 * expression, the expression computed row by row (its columns are then not controls by default).
 */
function readTarget(
  csv: CsvColumns, roles: WideRoles, dataset: Dataset, columns: SourceColumn[], used: Set<string>,
  take: (header: string, name: string, role: SourceColumn["role"]) => void,
): void {
  const path = csv.path;
  const targetHeader = roles.target !== undefined
    ? findColumn(csv.header, roles.target)
    : findColumn(csv.header, "revenue") ?? findColumn(csv.header, "sales");
  if (targetHeader === null && roles.target !== undefined && looksLikeExpression(roles.target)) {
    const computed = expressionTarget(csv, roles.target);
    dataset.issues.push(...computed.issues);
    if (computed.column === null) return;
    dataset.target = computed.column.name;
    columns.push(computed.column);
    for (const h of computed.operands) {
      used.add(h);
      if (roles.controls === undefined) dataset.issues.push(operandWarning(path, h, computed.column.name));
    }
  } else if (targetHeader === null) {
    dataset.issues.push(missingColumnIssue(path, roles.target ?? "revenue", csv.header, roles.target !== undefined ? "given as the target" : "the target: revenue or sales"));
  } else {
    dataset.target = roles.target ?? targetHeader.toLowerCase();
    take(targetHeader, dataset.target, "target");
  }
}

/**
 * panelColumns(csv, dateHeader, roles, dataset) reads the group and population columns of a panel
 * (`roles.group`), recording them in `dataset.panel`; without `roles.group`, a file whose dates
 * repeat with a column telling the rows apart is refused (never cut to one row per date).
 * @throws DataError naming that column and the flag --group
 */
function panelColumns(csv: CsvColumns, dateHeader: string, roles: WideRoles, dataset: Dataset): { used: string[]; file: Pick<SourceFile, "groups" | "population"> } {
  if (roles.group === undefined) {
    const group = roles.population === undefined ? groupColumnOf(csv, dateHeader) : null;
    if (group === null) return { used: [], file: {} };
    const message = `${csv.path} has several rows per date, told apart by column "${group}": read it as a panel with --group ${group}`;
    throw new DataError(message, [makeIssue({ file: csv.path, row: 1, column: group, date: null, kind: "missing_column", value: null, message })]);
  }
  const groupHeader = findColumn(csv.header, roles.group);
  const populationHeader = roles.population === undefined ? null : findColumn(csv.header, roles.population);
  if (groupHeader === null) dataset.issues.push(missingColumnIssue(csv.path, roles.group, csv.header, "given as the group"));
  if (roles.population !== undefined && populationHeader === null) dataset.issues.push(missingColumnIssue(csv.path, roles.population, csv.header, "given as the population"));
  dataset.panel = { group: groupHeader ?? roles.group, population: populationHeader };
  const file: Pick<SourceFile, "groups" | "population"> = {};
  if (groupHeader !== null) file.groups = csv.text.get(groupHeader);
  const population = populationHeader === null ? undefined : csv.numbers.get(populationHeader);
  if (populationHeader !== null && population !== undefined) file.population = { header: populationHeader, ...population };
  return { used: [groupHeader, populationHeader].filter((h): h is string => h !== null), file };
}

/**
 * explicitControls(csv, wanted, dataset, columns, take) adds the controls the user named: a column
 * of the file, or an indicator `<col>=<level>` of a text column (a model fitted on the defaults).
 */
function explicitControls(csv: CsvColumns, wanted: readonly string[], dataset: Dataset, columns: SourceColumn[], take: (header: string, name: string, role: SourceColumn["role"]) => void): void {
  for (const want of wanted) {
    const header = findColumn(csv.header, want);
    const indicator = header === null ? indicatorFor(csv, want, (name) => findColumn(csv.header, name)) : null;
    if (header !== null) {
      dataset.controls.push(header);
      take(header, header, "control");
    } else if (indicator !== null) {
      dataset.controls.push(indicator.name);
      columns.push({ name: indicator.name, role: "control", header: indicator.header, values: indicator.values, bad: indicator.bad });
    } else dataset.issues.push(missingColumnIssue(csv.path, want, csv.header, "given as a control"));
  }
}
