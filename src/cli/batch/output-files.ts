/**
 * A job's output carried through Redis: what a `mixlab worker` wrote at a temporary `out` (one file,
 * or a folder of files for `generate`) is read back gzip-compressed as base64 (a model.json shrinks
 * about tenfold), returned as the BullMQ job's result, and written by `mixlab batch` at the job's
 * `out` — so workers need no file system shared with the batch, and the bytes are the worker's.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { writeFileAtomic } from "../../util/write-file-atomic";

/** One written file: its path under the job's `out` ("" when `out` is the file itself) and its bytes, gzipped, as base64. */
export interface OutputFile {
  path: string;
  gzipBase64: string;
}

/** filesUnder(dir) → every file under dir, depth first, in name order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : [path];
  });
}

/** readOutputs(out) → the file at `out`, or every file of the folder at `out`. */
export function readOutputs(out: string): OutputFile[] {
  const paths = statSync(out).isDirectory() ? filesUnder(out) : [out];
  return paths.map((p) => ({ path: relative(out, p), gzipBase64: gzipSync(readFileSync(p)).toString("base64") }));
}

/**
 * writeOutputs(out, files) writes what readOutputs read at `out` (each file atomically; folders are
 * made as needed).
 * @throws FileError naming the path that cannot be written
 */
export function writeOutputs(out: string, files: readonly OutputFile[]): void {
  for (const f of files) {
    if (f.path.split(/[\\/]/).includes("..")) throw new Error(`a worker returned the path "${f.path}", outside ${out}`);
    writeFileAtomic(f.path === "" ? out : join(out, f.path), gunzipSync(Buffer.from(f.gzipBase64, "base64")));
  }
}
