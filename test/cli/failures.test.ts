/**
 * How the CLI fails: one line per problem, said once, exit 1 for bad input and for paths that
 * cannot be read or written (checked before the work starts), exit 70 with one line and a hint for
 * a bug; control characters from input files escaped.
 *
 * The tests run as root in CI, where chmod does not stop a write: a read-only folder is played by
 * /sys (sysfs refuses new files even to root) and by /proc/… (procfs answers ENOENT to any new
 * file, on which Node's recursive mkdir loops forever). A full disk (ENOSPC) cannot be produced
 * without mounting a small file system: its message is tested from the errno error Node raises.
 */
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeFailure } from "../../src/cli/describe-failure";
import { fitProgress } from "../../src/cli/fit";
import { checkInputSize, MAX_INPUT_CELLS } from "../../src/cli/input-size";
import { validateJson } from "../../src/cli/validate";
import { MAX_BAD_CELLS } from "../../src/data/source";
import { escapeControl } from "../../src/util/escape-control";
import { fileError } from "../../src/util/file-error";
import { fitWeeklyModelOnce } from "../helpers/cli-fitted-model";
import { WEEKLY_CSV } from "../helpers/fitted-models";
import { runCli } from "./run-cli";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-failures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A regular file, to put an output path "under". */
const aFile = join(dir, "a-file.txt");
writeFileSync(aFile, "not a folder\n");
/** A folder, to give where a file is expected. */
const aFolder = join(dir, "a-folder");
mkdirSync(aFolder);

/** expectOneLine(r, path): exit 1, exactly one line on stderr, starting "mixlab: ", naming the path, without a stack frame. */
function expectOneLine(r: { code: number; err: string }, path: string): void {
  expect(r.code).toBe(1);
  const lines = r.err.split("\n").filter((l) => l !== "");
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(/^mixlab: /);
  expect(lines[0]).toContain(path);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe("mixlab fit with an output path that cannot be written", () => {
  it.each([
    ["under a file", join(aFile, "model.json")],
    ["a folder", aFolder],
    ["in /sys, which refuses new files even to root", "/sys/mixlab-model.json"],
    ["under /proc, where files cannot be created", "/proc/mixlab-test/model.json"],
  ])("mixlab fit --out <%s> exits 1 with one line naming the path, before the search starts", async (_what, out) => {
    const r = await runCli("fit", WEEKLY_CSV, "--out", out);
    expectOneLine(r, out);
    // The search reports progress on stderr from its first batch: none means it never started.
    expect(r.err).not.toMatch(/search|sampler|bootstrap/);
    expect(r.out).toBe("");
  });

  it("mixlab fit --out <a folder> says it is a folder; --out <under a file> names the file in the way", async () => {
    expect((await runCli("fit", WEEKLY_CSV, "--out", aFolder)).err).toContain("it is a folder, not a file");
    expect((await runCli("fit", WEEKLY_CSV, "--out", join(aFile, "x", "model.json"))).err).toContain(`${aFile} is a file, not a folder`);
  });

  it("the probe leaves nothing behind: no file or folder is created where the check fails or succeeds", async () => {
    const target = join(dir, "new-folder", "deeper", "model.json");
    const r = await runCli("fit", join(dir, "missing.csv"), "--out", target);
    expect(r.code).toBe(1); // the input is missing: the output was checked first and created nothing
    expect(existsSync(join(dir, "new-folder"))).toBe(false);
    expect(readFileSync(aFile, "utf8")).toBe("not a folder\n");
  });
});

describe("other commands check their outputs before the work", () => {
  const fitted = fitWeeklyModelOnce(dir);

  it.each([
    ["clean --out", () => ["clean", WEEKLY_CSV, "--out", join(aFile, "clean.csv")], join(aFile, "clean.csv")],
    ["clean --report", () => ["clean", WEEKLY_CSV, "--out", join(dir, "ok.csv"), "--report", aFolder], aFolder],
    ["predict --out", () => ["predict", fitted.modelPath, WEEKLY_CSV, "--out", aFolder], aFolder],
    ["export --sqlite", () => ["export", fitted.modelPath, "--sqlite", join(aFile, "mmm.db")], join(aFile, "mmm.db")],
    ["export --csv", () => ["export", fitted.modelPath, "--csv", aFile], aFile],
    ["export --report", () => ["export", fitted.modelPath, "--report", "/sys/mixlab-report.html"], "/sys/mixlab-report.html"],
    ["generate --out", () => ["generate", "--out", aFile], aFile],
  ])("mixlab %s onto a path that cannot be written exits 1 with one line naming it", async (_what, args, path) => {
    const r = await runCli(...args());
    expectOneLine(r, path);
    expect(r.out).toBe("");
  });

  it("mixlab clean --report <a folder> writes neither output", async () => {
    await runCli("clean", WEEKLY_CSV, "--out", join(dir, "never.csv"), "--report", aFolder);
    expect(existsSync(join(dir, "never.csv"))).toBe(false);
  });

  it("mixlab export --sqlite into an existing database keeps its own table and rows beside mixlab's tables", async () => {
    const db = join(dir, "warehouse.db");
    const setup = new Database(db);
    setup.exec("CREATE TABLE orders (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO orders (amount) VALUES (10.5), (20.25), (30)");
    setup.close();
    for (let i = 0; i < 2; i++) expect((await runCli("export", fitted.modelPath, "--sqlite", db)).code).toBe(0);
    const d = new Database(db, { readonly: true });
    expect(d.prepare("SELECT id, amount FROM orders ORDER BY id").raw().all()).toEqual([[1, 10.5], [2, 20.25], [3, 30]]);
    const names = (d.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["orders", "actuals", "predictions", "contributions", "channels", "response_curves", "budget_scenarios", "metrics"]));
    const rows = (d.prepare("SELECT COUNT(*) AS n FROM predictions").get() as { n: number }).n;
    expect(rows).toBe(fitted.model.history.dates.length); // written once, not appended on the second export
    d.close();
  });

  it("mixlab export --sqlite onto a file that is not SQLite refuses it with one line and leaves it as it was", async () => {
    const notes = join(dir, "notes.db");
    writeFileSync(notes, "my notes\n");
    const r = await runCli("export", fitted.modelPath, "--sqlite", notes);
    expectOneLine(r, notes);
    expect(r.err).toContain("is not a SQLite database");
    expect(readFileSync(notes, "utf8")).toBe("my notes\n");
  });
});

describe("each error once, escaped", () => {
  it("a missing input is one line, said once", async () => {
    const missing = join(dir, "nope.csv");
    const r = await runCli("validate", missing);
    expectOneLine(r, missing);
    expect(r.err.split("file not found").length - 1).toBe(1);
  });

  it("a file with errors prints its headline and each issue once", async () => {
    const bad = join(dir, "bad-dates.csv");
    writeFileSync(bad, "date,tv_spend,revenue\n2024-01-0x,1,2\n2024-01-08,1,2\n2024-01-15,1,oops\n");
    const r = await runCli("fit", bad, "--out", join(dir, "m.json"));
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^mixlab: .*bad-dates\.csv has \d+ error\(s\)/);
    expect(new Set(lines).size).toBe(lines.length);
    expect(r.err.split('"2024-01-0x" is not a valid date').length - 1).toBe(1);
    expect(r.err.split('"oops" is not a number').length - 1).toBe(1);
  });

  it("terminal escape codes in a CSV header are printed escaped (\\u001b), on stdout and stderr", async () => {
    const csv = join(dir, "escape.csv");
    const rows = Array.from({ length: 12 }, (_, i) => `2024-${String(1 + Math.floor(i / 4)).padStart(2, "0")}-${String(1 + 7 * (i % 4)).padStart(2, "0")},${100 + i},${1000 + 3 * i},${i % 3}`);
    writeFileSync(csv, `${["date,tv_spend,revenue,pr\u001b[2J\u001b[31mice\u0007"].concat(rows).join("\n")}\n`);
    const text = await runCli("validate", csv);
    expect(text.out).toContain("pr\\u001b[2J\\u001b[31mice\\u0007");
    const wrongTarget = await runCli("fit", csv, "--target", "sales\u001b]0;owned\u0007", "--out", join(dir, "e.json"));
    expect(wrongTarget.code).toBe(1);
    for (const r of [text, wrongTarget]) {
      expect(escapeControl(r.out + r.err)).toBe(r.out + r.err); // nothing left to escape: no raw control character
    }
    expect(wrongTarget.err).toContain("\\u001b");
  });

  it("escapeControl(text) writes C0, DEL, C1 and bidi controls as \\uXXXX and keeps line breaks and tabs", () => {
    expect(escapeControl("a\u001b[31mb\u007f\u009b\u202e\tc\n")).toBe("a\\u001b[31mb\\u007f\\u009b\\u202e\tc\n");
    expect(escapeControl("x\ny", "")).toBe("x\\u000ay");
  });
});

describe("inputs too large to handle", () => {
  it("validate --json lists at most 1,000 issues, errors first, and says how many more and how many of each kind", async () => {
    const csv = join(dir, "many-issues.csv");
    const lines = ["date,tv_spend,revenue"];
    for (let i = 0; i < 1500; i++) {
      const day = new Date(Date.UTC(2000, 0, 3) + 7 * 86_400_000 * i).toISOString().slice(0, 10);
      lines.push(`${day},x${i},${i % 2 === 0 ? -5 : 100}`);
    }
    writeFileSync(csv, `${lines.join("\n")}\n`);
    const r = await runCli("validate", csv, "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { issues: { kind: string; severity: string }[]; issues_omitted: number; issue_counts: Record<string, number> };
    expect(out.issues).toHaveLength(1000);
    expect(out.issue_counts.non_numeric).toBe(1500);
    expect(out.issue_counts.negative).toBe(750);
    const total = Object.values(out.issue_counts).reduce((a, b) => a + b, 0);
    expect(out.issues_omitted).toBe(total - 1000);
    expect(out.issues.every((i) => i.severity === "error")).toBe(true); // 1,500 errors come before the warnings
  });

  it("validateJson(report, cap) keeps a short report whole, in order, with issues_omitted 0", () => {
    const issue = (kind: string, severity: "error" | "warning") => ({ file: "f", row: 2, column: null, date: null, kind, severity, value: null, message: kind }) as never;
    const report = { ok: false, rows: 2, frequency: null, start: null, end: null, format: "wide", target: "y", channels: [], controls: [], errors: 1, warnings: 1, issues: [issue("outlier", "warning"), issue("non_numeric", "error")] } as never;
    expect(validateJson(report, 2)).toMatchObject({ issues_omitted: 0, issue_counts: { outlier: 1, non_numeric: 1 } });
    expect(validateJson(report, 2).issues.map((i) => i.kind)).toEqual(["outlier", "non_numeric"]);
    expect(validateJson(report, 1).issues.map((i) => i.kind)).toEqual(["non_numeric"]);
    expect(validateJson(report, 1).issues_omitted).toBe(1);
  });

  it(`a file over ${MAX_INPUT_CELLS.toLocaleString("en-US")} cells fails at once with one line naming it and the count`, async () => {
    const big = join(dir, "big.csv");
    const line = "x,1\n";
    writeFileSync(big, `date,tv_spend\n${line.repeat(MAX_INPUT_CELLS / 2 + 1)}`);
    const r = await runCli("validate", big, "--json");
    expectOneLine(r, big);
    expect(r.err).toContain(`${(MAX_INPUT_CELLS / 2 + 1).toLocaleString("en-US")} data lines × 2 columns`);
    expect(r.out).toBe("");
  });

  it("checkInputSize(path) lets a 130,000 × 50 file through", () => {
    const wide = join(dir, "wide-130k.csv");
    const header = ["date", ...Array.from({ length: 49 }, (_, j) => `c${j}_spend`)].join(",");
    const row = `2024-01-01${",1234.56".repeat(49)}\n`;
    writeFileSync(wide, `${header}\n${row.repeat(130_000)}`);
    expect(() => checkInputSize(wide)).not.toThrow();
    rmSync(wide);
  });

  it(`a file of garbage stops being read after ${MAX_BAD_CELLS.toLocaleString("en-US")} cells that are not numbers: one line naming the first`, async () => {
    const garbage = join(dir, "garbage.csv");
    writeFileSync(garbage, `date,a_spend,b_spend,revenue\n${"xx,abc,def,ghi\n".repeat(MAX_BAD_CELLS / 3 + 2000)}`);
    const r = await runCli("validate", garbage, "--json");
    expectOneLine(r, garbage);
    expect(r.err).toContain(`more than ${MAX_BAD_CELLS.toLocaleString("en-US")} cells that are not numbers (the first: line 2, column "a_spend": "abc")`);
  });
});

describe("file-system errors and internal errors", () => {
  it("describeFailure(ENOSPC while writing) is one line naming the path, exit 1", () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write", path: "out/model.json.tmp-1-2" });
    expect(describeFailure(fileError("write", "out/model.json", enospc))).toEqual({ code: 1, lines: ["cannot write out/model.json: no space left on the device (ENOSPC)"] });
    expect(describeFailure(enospc)).toEqual({ code: 1, lines: ["cannot write out/model.json.tmp-1-2: no space left on the device (ENOSPC)"] });
    expect(describeFailure(new RangeError("Invalid string length"))?.code).toBe(1);
    expect(describeFailure(new TypeError("x is undefined"))).toBeNull();
  });

  it("bin/mixlab.js prints an internal error as one line with a hint (exit 70), and the stack with MIXLAB_DEBUG=1", () => {
    if (!existsSync(join(root, "dist", "cli", "main.js"))) throw new Error("dist/ is not built: npm test builds it first");
    // A preloaded module makes reading the input throw an error mixlab does not know: a stand-in for a bug.
    const preload = join(dir, "bug.cjs");
    writeFileSync(preload, `const fs = require("node:fs"); const read = fs.readFileSync;
fs.readFileSync = function (p, ...rest) { if (String(p).endsWith("bug.csv")) throw new TypeError("boom\\u001b[31m"); return read.call(this, p, ...rest); };\n`);
    const input = join(dir, "bug.csv");
    writeFileSync(input, "date,tv_spend,revenue\n2024-01-01,1,2\n");
    const args = ["-r", preload, join(root, "bin", "mixlab.js"), "validate", input];
    const plain = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, MIXLAB_DEBUG: "" } });
    expect(plain.status).toBe(70);
    expect(plain.stderr.trimEnd().split("\n")).toEqual(["mixlab: internal error: boom\\u001b[31m (a bug in mixlab; set MIXLAB_DEBUG=1 for the stack)"]);
    const debug = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, MIXLAB_DEBUG: "1" } });
    expect(debug.status).toBe(70);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it("bin/mixlab.js: a known failure is one line and exit 1 from the process too", () => {
    const out = join(aFile, "model.json");
    const r = spawnSync(process.execPath, [join(root, "bin", "mixlab.js"), "fit", WEEKLY_CSV, "--out", out], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`mixlab: cannot write ${out}: ${aFile} is a file, not a folder (ENOTDIR)\n`);
  });
});

describe("fit progress", () => {
  it("fitProgress(ctx, true) labels the search's number: best −2 log evidence", () => {
    let err = "";
    const progress = fitProgress({ out: () => {}, err: (s) => { err += s; }, exit: () => {} }, true);
    progress.update(64, 2000, 3936.96, "search");
    progress.update(2000, 2000, 3930.5, "search");
    progress.stop();
    expect(err).toBe("search 64/2000 (3%) best −2 log evidence 3937\nsearch 2000/2000 (100%) best −2 log evidence 3931\n");
  });
});
