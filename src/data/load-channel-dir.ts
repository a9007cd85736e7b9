/**
 * The channel-dir shape: a folder with one `<channel>_spend.csv` (`date,spend`) per channel and
 * `sales_data.csv` (`date,sales`). Each file is kept as its own SourceFile; validation and cleaning
 * outer-join them on date. Channel name = file name without `_spend.csv`; target = `sales`.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { makeIssue, type Issue } from "./issue";
import {
  emptyFileIssue, findColumn, missingColumnIssue, parseDates, readCsvColumns, readText,
  type Dataset, type SourceFile,
} from "./source";

const SPEND_FILE = /^(.+)_spend\.csv$/i;
export const SALES_FILE = "sales_data.csv";

/** loadChannelDir(dir) reads a channel-dir folder into a Dataset (see the module comment). */
export function loadChannelDir(dir: string): Dataset {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    const message = `cannot read folder ${dir}: not found`;
    return {
      format: "channel-dir", input: dir, target: "sales", channels: [], controls: [], files: [],
      issues: [makeIssue({ file: dir, row: null, column: null, date: null, kind: "missing_file", value: null, message })],
    };
  }
  return channelDirDataset(dir, names, (name) => join(dir, name), (path) => readText(path));
}

/**
 * channelDirDataset(input, names, pathOf, read) → the Dataset of a channel-dir whose file names
 * are `names` (sorted), each file's path being `pathOf(name)` and its text `read(path)`. Shared
 * by loadChannelDir (a folder on disk) and channelDirFromTexts (files uploaded to the server).
 */
export function channelDirDataset(input: string, names: readonly string[], pathOf: (name: string) => string, read: (path: string) => string): Dataset {
  const issues: Issue[] = [];
  const dataset: Dataset = { format: "channel-dir", input, target: "sales", channels: [], controls: [], files: [], issues };
  const spendFiles = names.filter((n) => SPEND_FILE.test(n));
  const salesName = names.find((n) => n.toLowerCase() === SALES_FILE);
  if (salesName === undefined) {
    issues.push(makeIssue({ file: pathOf(SALES_FILE), row: null, column: null, date: null, kind: "missing_file", value: null, message: `${input} has no ${SALES_FILE} (date,sales)` }));
  } else {
    const path = pathOf(salesName);
    const file = readSeriesFile(read(path), path, "sales", "sales", "target", issues);
    if (file !== null) dataset.files.push(file);
  }
  if (spendFiles.length === 0) {
    issues.push(makeIssue({ file: pathOf("<channel>_spend.csv"), row: null, column: null, date: null, kind: "missing_file", value: null, message: `${input} has no <channel>_spend.csv files` }));
  }
  for (const name of spendFiles) {
    const channel = (SPEND_FILE.exec(name) as RegExpExecArray)[1];
    dataset.channels.push(channel);
    const path = pathOf(name);
    const file = readSeriesFile(read(path), path, "spend", channel, "channel", issues);
    if (file !== null) dataset.files.push(file);
  }
  return dataset;
}

/** Reads the text of one `date,<valueColumn>` file; problems go to `issues`; null when nothing usable. */
function readSeriesFile(text: string, path: string, valueColumn: string, name: string, role: "channel" | "target", issues: Issue[]): SourceFile | null {
  const csv = readCsvColumns(text, path, new Set(["date"]));
  issues.push(...csv.issues);
  if (csv.header.length === 0 || csv.rows === 0) {
    issues.push(emptyFileIssue(path, csv.header.length > 0));
    return null;
  }
  const dateHeader = findColumn(csv.header, "date");
  const valueHeader = findColumn(csv.header, valueColumn);
  if (dateHeader === null) issues.push(missingColumnIssue(path, "date", csv.header, "the date column"));
  if (valueHeader === null) issues.push(missingColumnIssue(path, valueColumn, csv.header, role === "target" ? "the sales column" : "the spend column"));
  if (dateHeader === null || valueHeader === null) return null;
  for (const h of csv.header) {
    if (h !== dateHeader && h !== valueHeader) {
      issues.push(makeIssue({ file: path, row: 1, column: h, date: null, kind: "ignored_column", value: null, message: `column "${h}" is not used (a ${role === "target" ? "sales" : "spend"} file holds date,${valueColumn})` }));
    }
  }
  const parsed = csv.numbers.get(valueHeader) as { values: Float64Array; bad: { index: number; text: string; reason: string }[] };
  const dateText = csv.text.get(dateHeader) ?? [];
  return {
    path, dateHeader, lines: csv.lines, dateText, days: parseDates(dateText),
    columns: [{ name, role, header: valueHeader, values: parsed.values, bad: parsed.bad }],
  };
}
