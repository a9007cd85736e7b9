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
  const issues: Issue[] = [];
  const dataset: Dataset = { format: "channel-dir", input: dir, target: "sales", channels: [], controls: [], files: [], issues };
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    issues.push(makeIssue({ file: dir, row: null, column: null, date: null, kind: "missing_file", value: null, message: `cannot read folder ${dir}: not found` }));
    return dataset;
  }
  const spendFiles = names.filter((n) => SPEND_FILE.test(n));
  const salesName = names.find((n) => n.toLowerCase() === SALES_FILE);
  if (salesName === undefined) {
    issues.push(makeIssue({ file: join(dir, SALES_FILE), row: null, column: null, date: null, kind: "missing_file", value: null, message: `${dir} has no ${SALES_FILE} (date,sales)` }));
  } else {
    const file = readSeriesFile(join(dir, salesName), "sales", "sales", "target", issues);
    if (file !== null) dataset.files.push(file);
  }
  if (spendFiles.length === 0) {
    issues.push(makeIssue({ file: join(dir, "<channel>_spend.csv"), row: null, column: null, date: null, kind: "missing_file", value: null, message: `${dir} has no <channel>_spend.csv files` }));
  }
  for (const name of spendFiles) {
    const channel = (SPEND_FILE.exec(name) as RegExpExecArray)[1];
    dataset.channels.push(channel);
    const file = readSeriesFile(join(dir, name), "spend", channel, "channel", issues);
    if (file !== null) dataset.files.push(file);
  }
  return dataset;
}

/** Reads one `date,<valueColumn>` file; problems go to `issues`; null when nothing usable. */
function readSeriesFile(path: string, valueColumn: string, name: string, role: "channel" | "target", issues: Issue[]): SourceFile | null {
  const csv = readCsvColumns(readText(path), path, new Set(["date"]));
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
