/**
 * The wide shape: one CSV, one row per period, a date column, one spend column per channel, the
 * target and optional controls. Roles come from options (CLI flags or the config) or from the
 * defaults of the contract: date = `date`; target = `revenue` or `sales`; channels = the columns
 * ending in `_spend` (channel name = column without the suffix); every other numeric column is a
 * control. A column that is mostly text is left out with an `ignored_column` warning.
 */
import { makeIssue, type Issue } from "./issue";
import {
  emptyFileIssue, findColumn, missingColumnIssue, parseDates, readCsvColumns, readText,
  type CsvColumns, type Dataset, type SourceColumn,
} from "./source";

/** Column roles for the wide shape; each is optional and falls back to the defaults above. */
export interface WideRoles {
  date?: string;
  target?: string;
  /** Channel columns (`tv_spend`) or channel names (`tv`, matched to `tv_spend`). */
  channels?: readonly string[];
  controls?: readonly string[];
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
  const csv = readCsvColumns(text, path, new Set([dateName.toLowerCase()]));
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
  const columns: SourceColumn[] = [];
  const used = new Set<string>([dateHeader]);
  const take = (header: string, name: string, role: SourceColumn["role"]): void => {
    const parsed = csv.numbers.get(header);
    if (parsed === undefined) return;
    columns.push({ name, role, header, values: parsed.values, bad: parsed.bad });
    used.add(header);
  };

  // Target.
  const targetHeader = roles.target !== undefined
    ? findColumn(csv.header, roles.target)
    : findColumn(csv.header, "revenue") ?? findColumn(csv.header, "sales");
  if (targetHeader === null) {
    issues.push(missingColumnIssue(path, roles.target ?? "revenue", csv.header, roles.target !== undefined ? "given as the target" : "the target: revenue or sales"));
  } else {
    dataset.target = roles.target ?? targetHeader.toLowerCase();
    take(targetHeader, dataset.target, "target");
  }

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
  if (roles.controls !== undefined) {
    for (const want of roles.controls) {
      const header = findColumn(csv.header, want);
      if (header === null) issues.push(missingColumnIssue(path, want, csv.header, "given as a control"));
      else {
        dataset.controls.push(header);
        take(header, header, "control");
      }
    }
  } else {
    for (const h of csv.header) {
      if (used.has(h)) continue;
      if (mostlyText(csv, h)) {
        issues.push(makeIssue({
          file: path, row: 1, column: h, date: null, kind: "ignored_column", value: null,
          message: `column "${h}" is mostly text, so it is not used as a control`,
        }));
        continue;
      }
      dataset.controls.push(h);
      take(h, h, "control");
    }
  }
  const dateText = csv.text.get(dateHeader) ?? [];
  dataset.files.push({ path, dateHeader, lines: csv.lines, dateText, days: parseDates(dateText), columns });
  return dataset;
}

/** A column is text when more than half of its non-empty cells are not numbers. */
function mostlyText(csv: CsvColumns, header: string): boolean {
  const parsed = csv.numbers.get(header);
  if (parsed === undefined) return true;
  let numeric = 0;
  for (const v of parsed.values) if (!Number.isNaN(v)) numeric++;
  return parsed.bad.length > numeric;
}
