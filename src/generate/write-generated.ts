/**
 * writeGenerated(dir, data) puts the output of `generate` on disk: each file at its relative path
 * under `dir` (folders created as needed, like mkdir -p) plus `truth.json`
 * (JSON.stringify(truth, null, 2) + "\n"). Files already in `dir` that generate does not name are
 * left alone.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedData } from "./truth";

/** Name of the truth file written next to the data. */
export const TRUTH_FILE = "truth.json";

/**
 * writeGenerated(dir, data) writes the generated files and truth.json under dir.
 * @param dir - output folder (created if absent)
 * @param data - the result of `generate`
 * @returns the paths written, data files first, truth.json last
 * @throws Error from the file system (permissions, a file where a folder should be)
 */
export function writeGenerated(dir: string, data: GeneratedData): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const file of data.files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content, "utf8");
    written.push(path);
  }
  const truthPath = join(dir, TRUTH_FILE);
  writeFileSync(truthPath, `${JSON.stringify(data.truth, null, 2)}\n`, "utf8");
  written.push(truthPath);
  return written;
}
