/**
 * FileError: a file-system failure told as one sentence that names the path the user gave — "cannot
 * write out/model.json: out is a file, not a folder" — instead of Node's errno text and stack. The
 * CLI prints it and exits 1.
 */

/** Plain words for the errno codes a user can meet when reading or writing files. */
const REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exhausted",
  EFBIG: "the file is too large for the file system",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "something is already there",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EBUSY: "the file is busy",
  EIO: "an input/output error",
  EXDEV: "it is on another device",
  ETXTBSY: "the file is busy",
  ENXIO: "no such device",
  ENODEV: "no such device",
};

/** True when `err` looks like a Node file-system error (an `errno` code such as ENOSPC). */
export function isErrnoError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string" && (err as NodeJS.ErrnoException).code! in REASONS;
}

/** A failure to read or write `path`, with a one-sentence message naming it. */
export class FileError extends Error {
  /** The path the user gave (not a temporary file beside it). */
  readonly path: string;
  /** The errno code (ENOSPC, EACCES, …), or a short code of our own such as "not_sqlite". */
  readonly code: string;
  constructor(path: string, code: string, message: string) {
    super(message);
    this.name = "FileError";
    this.path = path;
    this.code = code;
  }
}

/**
 * reasonOf(code) → plain words for an errno code ("no space left on the device"), or the code itself.
 * @example reasonOf("ENOSPC") // => "no space left on the device"
 */
export function reasonOf(code: string): string {
  return REASONS[code] ?? code;
}

/**
 * fileError(action, path, err) → a FileError "cannot <action> <path>: <reason> (<CODE>)"; a
 * FileError passes through, and an error that is not a file-system error is returned unchanged.
 * @example fileError("write", "out/model.json", enospc).message // => "cannot write out/model.json: no space left on the device (ENOSPC)"
 */
export function fileError(action: string, path: string, err: unknown): unknown {
  if (err instanceof FileError || !isErrnoError(err)) return err;
  return new FileError(path, err.code, `cannot ${action} ${path}: ${reasonOf(err.code)} (${err.code})`);
}
