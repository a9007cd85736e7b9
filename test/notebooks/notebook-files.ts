/**
 * Reading the notebooks for the tests: the stored sources (notebooks/NN-*.ipynb) and the executed
 * copies `npm run notebooks` writes to notebooks/.executed/.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const NOTEBOOK_DIR = join(ROOT, "notebooks");
export const EXECUTED_DIR = join(NOTEBOOK_DIR, ".executed");

export interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}

export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}

export interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string } };
}

/** The notebooks' file names, in order: 01-eda.ipynb … 06-export.ipynb. */
export function notebookNames(): string[] {
  return readdirSync(NOTEBOOK_DIR).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
}

export function readNotebook(path: string): Notebook {
  return JSON.parse(readFileSync(path, "utf8")) as Notebook;
}

/** The executed copy of a notebook, or null when `npm run notebooks` has not written it. */
export function readExecuted(name: string): Notebook | null {
  const path = join(EXECUTED_DIR, name);
  return existsSync(path) ? readNotebook(path) : null;
}

/** text(x) joins a notebook string field (stored as a string or as a list of lines). */
export function text(x: string | string[] | undefined): string {
  return Array.isArray(x) ? x.join("") : x ?? "";
}
