/**
 * The fit's numbers, pinned: each case in test/fixtures/golden/cases.json is a `mixlab fit` command
 * whose model.json was saved by the code before the restructure of issue #12. Refitting must give
 * the same artifact: the same keys and strings, and every number equal to 1e-12 relative (the
 * timestamps, versions and durations aside). A change that means to move the fit (a new default,
 * a new estimator) regenerates the fixtures with `npx tsx test/fixtures/golden/make-golden.ts` and
 * says so in its commit; a restructure must not.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./cli/run-cli";

const root = join(__dirname, "..");
const fixtures = join(__dirname, "fixtures", "golden");
const cases = JSON.parse(readFileSync(join(fixtures, "cases.json"), "utf8")) as Record<string, string[]>;
const dir = mkdtempSync(join(tmpdir(), "mixlab-golden-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Keys whose values vary between runs of the same fit. */
const VARYING = new Set(["created_at", "mixlab_version", "fit_seconds", "seconds", "candidates_per_second"]);
const REL = 1e-12;

/**
 * differences(actual, expected, path) → the paths where two JSON values differ: another key set,
 * another string or type, or numbers further apart than REL relative.
 */
function differences(actual: unknown, expected: unknown, path: string, out: string[]): void {
  if (out.length >= 20) return;
  if (typeof expected === "number" && typeof actual === "number") {
    const bound = REL * Math.max(Math.abs(expected), Math.abs(actual));
    if (!(Math.abs(actual - expected) <= bound)) out.push(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: array of ${Array.isArray(actual) ? actual.length : typeof actual} ≠ ${expected.length}`);
      return;
    }
    expected.forEach((e, i) => {
      differences(actual[i], e, `${path}[${i}]`, out);
    });
    return;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      out.push(`${path}: ${JSON.stringify(actual)?.slice(0, 60)} is not an object`);
      return;
    }
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
    for (const key of keys) {
      if (VARYING.has(key)) continue;
      if (!(key in a) || !(key in e)) out.push(`${path}.${key}: ${key in a ? "not expected" : "missing"}`);
      else differences(a[key], e[key], `${path}.${key}`, out);
    }
    return;
  }
  if (actual !== expected) out.push(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
}

describe("golden fits", () => {
  for (const [name, args] of Object.entries(cases)) {
    it(`mixlab ${args.slice(1).join(" ")} saves the model.json saved before the restructure (${name})`, async () => {
      const out = join(dir, `${name}.model.json`);
      const cwd = process.cwd();
      process.chdir(root);
      try {
        const result = await runCli(...args, "--no-progress", "--out", out);
        expect(result.err.match(/error/i) ? result.err : "").toBe("");
        expect(result.code).toBe(0);
      } finally {
        process.chdir(cwd);
      }
      const diffs: string[] = [];
      differences(JSON.parse(readFileSync(out, "utf8")), JSON.parse(readFileSync(join(fixtures, `${name}.model.json`), "utf8")), "$", diffs);
      expect(diffs).toEqual([]);
    }, 60_000);
  }

  it("differences(actual, expected) finds a number moved by 1e-11 relative and a missing key", () => {
    const diffs: string[] = [];
    differences({ a: 1 + 1e-11, b: [1, 2] }, { a: 1, b: [1, 2], c: "x" }, "$", diffs);
    expect(diffs).toEqual(["$.a: 1.00000000001 ≠ 1", "$.c: missing"]);
    const none: string[] = [];
    differences({ a: 1 + 1e-13, seconds: 5 }, { a: 1, seconds: 3 }, "$", none);
    expect(none).toEqual([]);
  });
});
