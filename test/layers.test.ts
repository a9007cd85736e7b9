/**
 * The layers of src/ (docs: README "Where things are"): a folder imports only itself and the
 * folders before it in LAYERS, so data flows one way and there are no circles between folders; and
 * the core folders (util … analysis) stay free of I/O, the CLI, the server and danfojs.
 * Imports are read with TypeScript's own scanner (static imports and exports, `import(...)`,
 * `require(...)`), so a dynamic or type-only import counts as well.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** The folders of src/, lowest first. Files directly in src/: index.ts is above all, the others (version.ts) with util. */
const LAYERS = ["util", "linalg", "mcmc", "data", "spec", "features", "generate", "models", "analysis", "artifact", "eda", "report", "server", "cli"];
/** Folders that must stay pure: no file system, no HTTP, no CLI, no danfojs. */
const CORE = new Set(LAYERS.slice(0, LAYERS.indexOf("analysis") + 1));
/** Core folders that read or write data files (the loaders, the generated sets): file I/O allowed. */
const IO_FOLDERS = new Set(["data", "generate"]);
/** Modules a core file may not import. */
const FORBIDDEN = [/^danfojs-node$/, /^(node:)?fs(\/promises)?$/, /^(node:)?https?$/, /^hono(\/|$)/, /^@hono\//, /^commander$/];
/**
 * Core files allowed file I/O today, each with its reason (to move when their folder is reworked):
 * the one atomic file write shared by artifact/, report/ and cli/, and the worker pool checking
 * that its compiled worker script exists.
 */
const IO_ALLOWED = new Set(["util/write-file-atomic.ts"]);

const src = resolve(__dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** layerOf(path under src) → its folder's rank in LAYERS (index.ts: above every folder). */
function layerOf(file: string): { name: string; rank: number } {
  const parts = relative(src, file).split(sep);
  if (parts.length === 1) return parts[0] === "index.ts" ? { name: "index.ts", rank: LAYERS.length } : { name: "util", rank: 0 };
  const rank = LAYERS.indexOf(parts[0]);
  if (rank < 0) throw new Error(`src/${parts[0]}/ is not in LAYERS: add it where it belongs`);
  return { name: parts[0], rank };
}

/** importsOf(text) → every module specifier a source text imports, statically or dynamically. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * layerProblems(files) → one sentence per import that runs up the layers or is forbidden in a core
 * folder; `file` is an absolute path under src/, `text` its source.
 */
function layerProblems(files: ReadonlyArray<{ file: string; text: string }>): string[] {
  const problems: string[] = [];
  for (const { file, text } of files) {
    const name = relative(src, file).split(sep).join("/");
    const from = layerOf(file);
    for (const spec of importsOf(text)) {
      if (spec.startsWith(".")) {
        const target = resolve(dirname(file), spec);
        const to = layerOf(target.endsWith(".ts") || target.endsWith(".js") ? target : `${target}.ts`);
        if (to.rank > from.rank) problems.push(`src/${name} imports "${spec}": ${from.name}/ may not import ${to.name}/ (a later layer)`);
      } else if (CORE.has(from.name) && !(IO_FOLDERS.has(from.name) || IO_ALLOWED.has(name)) && FORBIDDEN.some((re) => re.test(spec))) {
        problems.push(`src/${name} imports "${spec}": ${from.name}/ is a core folder (no I/O, HTTP, CLI or danfojs)`);
      } else if (CORE.has(from.name) && IO_FOLDERS.has(from.name) && FORBIDDEN.some((re) => re.test(spec)) && !/^(node:)?fs(\/promises)?$/.test(spec)) {
        problems.push(`src/${name} imports "${spec}": ${from.name}/ may read and write files, nothing more (no HTTP, CLI or danfojs)`);
      }
    }
  }
  return problems;
}

describe("layers", () => {
  const files = sourceFiles(src).map((file) => ({ file, text: readFileSync(file, "utf8") }));

  it("every folder of src/ is a layer", () => {
    const folders = readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !LAYERS.includes(f))).toEqual([]);
  });

  it("every import points to the same folder or an earlier one, and core folders import no I/O, server, CLI or danfojs", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(layerProblems(files)).toEqual([]);
  });

  it("layerProblems names the file, the import and both layers of a static, dynamic or require import that runs up", () => {
    const file = join(src, "features", "example.ts");
    const text = 'import { fitOls } from "../models/ols";\nconst main = import("../cli/main");\nconst same = require("./adstock");\n';
    expect(layerProblems([{ file, text }])).toEqual([
      'src/features/example.ts imports "../models/ols": features/ may not import models/ (a later layer)',
      'src/features/example.ts imports "../cli/main": features/ may not import cli/ (a later layer)',
    ]);
  });

  it("layerProblems refuses node:fs, hono and danfojs in a core folder, and only HTTP, CLI and danfojs in data/", () => {
    const text = 'import { readFileSync } from "node:fs";\nimport { Hono } from "hono";\ntype D = typeof import("danfojs-node");\n';
    expect(layerProblems([{ file: join(src, "models", "example.ts"), text }])).toEqual([
      'src/models/example.ts imports "node:fs": models/ is a core folder (no I/O, HTTP, CLI or danfojs)',
      'src/models/example.ts imports "hono": models/ is a core folder (no I/O, HTTP, CLI or danfojs)',
      'src/models/example.ts imports "danfojs-node": models/ is a core folder (no I/O, HTTP, CLI or danfojs)',
    ]);
    expect(layerProblems([{ file: join(src, "data", "example.ts"), text }])).toEqual([
      'src/data/example.ts imports "hono": data/ may read and write files, nothing more (no HTTP, CLI or danfojs)',
      'src/data/example.ts imports "danfojs-node": data/ may read and write files, nothing more (no HTTP, CLI or danfojs)',
    ]);
    expect(layerProblems([{ file: join(src, "report", "example.ts"), text }])).toEqual([]);
  });
});
