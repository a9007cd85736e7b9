/**
 * makeFolders(dir): `mkdir -p` one level at a time. Node's own recursive mkdir loops forever where
 * a folder cannot be created and the kernel answers ENOENT (under /proc, for one); this walks up to
 * the nearest existing folder and creates each missing level, so every failure is an error.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

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
