/**
 * `npm run lint` (Biome with the repo's biome.jsonc): passes on the repository, and fails, naming
 * the rule, on a file with an unused variable, an unused import or a `debugger` statement.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(__dirname, "..");
const biome = require.resolve("@biomejs/biome/bin/biome");
const dir = mkdtempSync(join(tmpdir(), "mixlab-lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** lint(args, cwd) → Biome's exit code and its output (stdout and stderr together). */
function lint(args: string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [biome, "lint", "--reporter=concise", ...args], { cwd, encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** lintSource(name, text) → the result of linting one temporary file with the repo's configuration. */
function lintSource(name: string, text: string): { status: number | null; output: string } {
  writeFileSync(join(dir, name), text);
  return lint(["--config-path", join(root, "biome.jsonc"), name], dir);
}

describe("npm run lint", () => {
  it("fails on an unused variable and on a debugger statement, naming both rules", () => {
    const r = lintSource("bad.ts", "export function f(): number {\n  const unused = 1;\n  debugger;\n  return 2;\n}\n");
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("lint/correctness/noUnusedVariables");
    expect(r.output).toContain("lint/suspicious/noDebugger");
    expect(r.output).toContain("bad.ts:2:9");
    expect(r.output).toContain("bad.ts:3:3");
  });

  it("fails on an unused import", () => {
    const r = lintSource("import.ts", 'import { join } from "node:path";\nexport const next = (a: number): number => a + 1;\n');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("lint/correctness/noUnusedImports");
  });

  it("passes a clean file", () => {
    const r = lintSource("clean.ts", 'import { join } from "node:path";\nexport const where = (a: string): string => join("out", a);\n');
    expect(r.output).not.toContain("lint/");
    expect(r.status).toBe(0);
  });

  it("passes on the repository (what `npm run lint` checks)", () => {
    const r = lint(["--error-on-warnings", "."], root);
    // Errors (×) and warnings (!) fail; infos (i, e.g. style/useTemplate) are suggestions.
    expect(r.output.split("\n").filter((line) => /^[×!] .*lint\//.test(line))).toEqual([]);
    expect(r.status).toBe(0);
  }, 60_000);
});
