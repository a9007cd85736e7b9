/**
 * writeFileAtomic(path, text) writes to a temporary file beside the target and renames it over the
 * target, so a crash or a full disk never leaves a half-written file behind. Creates parent folders.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileError } from "./file-error";
import { makeFolders } from "./make-folders";

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
