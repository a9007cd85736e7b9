/**
 * checkInputSize(path): refuse an input too large to load before loading it, with one sentence
 * naming the file, instead of minutes of work and gigabytes of memory ending in a crash. A file is
 * counted, not parsed: bytes, lines and the header's fields — O(bytes) with a fixed 1 MiB buffer.
 * A channel-dir folder is checked file by file.
 */
import { closeSync, openSync, readdirSync, readSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";
import { DataError } from "../data/issue";

/** The largest input file read, in bytes (a string of the whole file must fit in V8: 2^29 − 24 characters). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024 - 64;

/**
 * The most cells (data lines × header fields) of one input file: 10 million — a daily panel of 500
 * geos over five years with 10 columns, or 130,000 rows × 76 columns. Every cell of a file that is
 * all garbage becomes an issue; this bounds that list (and the memory) to a few GB at most.
 */
export const MAX_INPUT_CELLS = 10_000_000;

/** countFileLines(path) → the number of lines (a last line without "\n" counts) and the fields of the first one. */
function countFileLines(path: string): { lines: number; fields: number } {
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(path, "r");
  let lines = 0;
  let header = "";
  let headerDone = false;
  let last = 0x0a;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      let from = 0;
      for (;;) {
        const at = buf.indexOf(0x0a, from);
        if (at < 0 || at >= n) break;
        if (!headerDone) { header += buf.toString("utf8", from, at); headerDone = true; }
        lines++;
        from = at + 1;
      }
      if (!headerDone && header.length < 1 << 20) header += buf.toString("utf8", from, n);
      last = buf[n - 1];
    }
  } finally {
    closeSync(fd);
  }
  if (last !== 0x0a) lines++;
  return { lines, fields: header.split(",").length };
}

/** checkFile(path) throws a DataError naming the file when it is over either cap. */
function checkFile(path: string, bytes: number): void {
  const mib = (b: number) => `${(b / (1024 * 1024)).toFixed(0)} MiB`;
  if (bytes > MAX_INPUT_BYTES) {
    throw new DataError(`${path} is too large to load (${mib(bytes)}; mixlab reads files up to ${mib(MAX_INPUT_BYTES)}): aggregate it (e.g. to weekly) or split it`);
  }
  const { lines, fields } = countFileLines(path);
  const cells = Math.max(0, lines - 1) * fields;
  if (cells > MAX_INPUT_CELLS) {
    throw new DataError(`${path} is too large to load: ${(lines - 1).toLocaleString("en-US")} data lines × ${fields.toLocaleString("en-US")} columns = ` +
      `${cells.toLocaleString("en-US")} cells (mixlab reads up to ${MAX_INPUT_CELLS.toLocaleString("en-US")} per file); aggregate it (e.g. to weekly) or split it`);
  }
}

/**
 * checkInputSize(path) checks an input file, or each CSV file of an input folder, against
 * MAX_INPUT_BYTES and MAX_INPUT_CELLS; a path that does not exist is left to the loader to report.
 * @throws DataError naming the file, its size and the cap
 * @example checkInputSize("data/weekly/mmm_weekly.csv") // returns: 157 lines × 9 fields
 */
export function checkInputSize(path: string): void {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    return;
  }
  if (st.isFile()) {
    checkFile(path, st.size);
    return;
  }
  if (!st.isDirectory()) return;
  for (const name of readdirSync(path)) {
    if (!name.toLowerCase().endsWith(".csv")) continue;
    const file = join(path, name);
    const fst = statSync(file);
    if (fst.isFile()) checkFile(file, fst.size);
  }
}
