/**
 * probeWritable(path, kind): will a later write to `path` work? Checked before long work (a fit, a
 * search) so that a wrong output path fails in a moment instead of after it. Nothing is created or
 * clobbered: the nearest existing folder gets an empty probe file that is removed at once.
 */
import { closeSync, openSync, statSync, unlinkSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";
import { FileError, reasonOf } from "../util/file-error";

/** What will be written at `path`: a file (written atomically, beside itself) or a folder of files. */
export type OutputKind = "file" | "folder";

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new FileError(path, code ?? "EIO", `cannot write ${path}: ${reasonOf(code ?? "EIO")}${code ? ` (${code})` : ""}`);
  }
}

/** probeFolder(dir, path) creates and removes an empty file in `dir`, or throws a FileError naming `path`. */
function probeFolder(dir: string, path: string): void {
  const probe = resolve(dir, `.mixlab-probe-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  let fd: number;
  try {
    fd = openSync(probe, "wx");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "EIO";
    const reason = code === "ENOENT" ? "files cannot be created there" : reasonOf(code);
    const where = resolve(dir) === resolve(dirname(path)) || resolve(dir) === resolve(path) ? "" : ` (in ${dir})`;
    throw new FileError(path, code, `cannot write ${path}: ${reason}${where} (${code})`);
  }
  closeSync(fd);
  unlinkSync(probe);
}

/**
 * probeWritable(path, kind) checks that a file (kind "file") or a folder of files (kind "folder")
 * can be written at `path`: an existing path must be of that kind, the nearest existing ancestor
 * must be a folder, and that folder must accept a new file. O(depth).
 * @throws FileError naming `path`: EISDIR (a folder where a file goes), ENOTDIR (a file where a folder
 *   goes, or a file on the way), EACCES, EROFS, ENOENT (files cannot be created there), …
 * @example probeWritable("out/model.json", "file") // throws when out is a file
 */
export function probeWritable(path: string, kind: OutputKind): void {
  const here = statOrNull(path);
  if (here !== null) {
    if (kind === "file" && here.isDirectory()) throw new FileError(path, "EISDIR", `cannot write ${path}: it is a folder, not a file (EISDIR)`);
    if (kind === "folder" && !here.isDirectory()) throw new FileError(path, "ENOTDIR", `cannot write into ${path}: it is a file, not a folder (ENOTDIR)`);
    probeFolder(kind === "folder" ? path : dirname(path), path);
    return;
  }
  let at = dirname(resolve(path));
  for (;;) {
    const st = statOrNull(at);
    if (st !== null) {
      if (!st.isDirectory()) throw new FileError(path, "ENOTDIR", `cannot write ${path}: ${at} is a file, not a folder (ENOTDIR)`);
      probeFolder(at, path);
      return;
    }
    const parent = dirname(at);
    if (parent === at) throw new FileError(path, "ENOENT", `cannot write ${path}: no folder on its path exists (ENOENT)`);
    at = parent;
  }
}
