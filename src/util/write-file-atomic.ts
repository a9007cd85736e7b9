/**
 * writeFileAtomic(path, text) writes to a temporary file beside the target and renames it over the
 * target, so a crash or a full disk never leaves a half-written file behind. Creates parent folders
 * with makeFolders: `mkdir -p` one level at a time, because Node's own recursive mkdir loops forever
 * where a folder cannot be created and the kernel answers ENOENT (under /proc, for one).
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileError } from "./file-error";

/**
 * writeFileAtomic(path, text) writes `text` to `path` through a temporary file and a rename.
 * @throws FileError naming `path` (not the temporary file) when a folder cannot be created or the
 *   file cannot be written (ENOSPC, EACCES, EISDIR, ENOTDIR, EROFS, …); `path` is then untouched
 * @example writeFileAtomic("out/model.json", JSON.stringify(artifact))
 */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const temp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    makeFolders(dirname(path));
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (err) {
    removeQuietly(temp);
    throw fileError("write", path, err);
  }
}

/** removeQuietly(path) deletes a leftover temporary file, if there is one and it can be deleted. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was created there (a part of the path is a file, or the folder is gone).
  }
}

/**
 * makeFolders(dir) creates `dir` and its missing parents. O(depth).
 * @throws the errno error of the first level that cannot be created (ENOTDIR when a part of the path is a file)
 * @example makeFolders("out/csv") // out/ and out/csv/ exist afterwards
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      statSync(at);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== "ENOENT") throw err;
      const parent = dirname(at);
      if (parent === at) throw err;
      missing.push(at);
      at = parent;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
}
