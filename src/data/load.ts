/**
 * loadInput(path, options) reads any of the three input shapes, detected automatically (a folder is
 * channel-dir; a file whose header has `campaign_name` is campaigns; any other file is wide) or as
 * given by `options.format`; and toTable(dataset) turns a loaded input that has no problems left into
 * the Table the models use.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { assemble } from "./assemble";
import { DataError, makeIssue } from "./issue";
import { loadCampaigns, type CampaignOptions } from "./load-campaigns";
import { loadChannelDir } from "./load-channel-dir";
import { loadWide, type WideRoles } from "./load-wide";
import type { Dataset, InputFormat } from "./source";
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
  if (format === "channel-dir") return loadChannelDir(path);
  if (format === "campaigns") return loadCampaigns(path, options);
  return loadWide(path, options);
}

/**
 * toTable(dataset) → the Table of an input with no errors and no holes.
 * @throws DataError listing the errors, or the holes, when there are any (run `mixlab clean` first)
 */
export function toTable(dataset: Dataset): Table {
  const assembled = assemble(dataset);
  const errors = assembled.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw new DataError(`${dataset.input} has ${errors.length} error(s); fix them or run \`mixlab clean\` first`, errors);
  }
  const holes = assembled.issues.filter((i) => i.kind === "missing");
  if (holes.length > 0) {
    throw new DataError(`${dataset.input} has ${holes.length} missing value(s); run \`mixlab clean\` first`, holes);
  }
  const columns: Record<string, Float64Array> = {};
  for (const s of assembled.series) columns[s.name] = s.values;
  const warnings = roleWarnings(dataset);
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
