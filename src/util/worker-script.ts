/**
 * workerScript(dir, name): the file a `new Worker(...)` (worker_threads) or a BullMQ sandboxed
 * processor loads — the compiled `dir/name.js` when mixlab runs from dist/, or the source
 * `dir/name.ts` with tsx registered when it runs from sources (tests, `npx tsx`). Which one is told
 * by this module's own extension: dist/ and src/ are never mixed in one process.
 */
import { join } from "node:path";

/** The file to load and the execArgv that lets a worker thread load it. */
export interface WorkerScript {
  file: string;
  execArgv: string[];
}

/**
 * workerScript(dir, name) → `dir/name.js` with no execArgv when running compiled code, else
 * `dir/name.ts` with `--require tsx/cjs`.
 * @example workerScript(__dirname, "work-worker") // => { file: ".../dist/server/work-worker.js", execArgv: [] }
 */
export function workerScript(dir: string, name: string): WorkerScript {
  if (__filename.endsWith(".ts")) return { file: join(dir, `${name}.ts`), execArgv: ["--require", "tsx/cjs"] };
  return { file: join(dir, `${name}.js`), execArgv: [] };
}
