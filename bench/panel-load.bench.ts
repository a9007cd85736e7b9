/**
 * Panel data: load + validate, and load + clean, of a generated panel read with `--group geo
 * --population population` (default 182 geos × 730 days × 9 channels = 132,860 rows, the size of
 * issue #15's multi-region file), each in a fresh child process (best of 3). Also the same file read
 * without --group: the time until the one-line refusal naming the group column.
 * Usage: tsx bench/panel-load.bench.ts [groups] [days] [channels]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanPanel } from "../src/data/clean-panel";
import { DataError } from "../src/data/issue";
import { loadInput } from "../src/data/load";
import { validate } from "../src/data/validate";
import { generate } from "../src/generate/generate";
import { writeGenerated } from "../src/generate/write-generated";

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

if (process.argv[2] === "--measure") {
  const file = process.argv[3];
  const roles = { group: "geo", population: "population" };
  let t = process.hrtime.bigint();
  const dataset = loadInput(file, roles);
  const load = seconds(t);
  t = process.hrtime.bigint();
  const report = validate(dataset);
  const validateSeconds = seconds(t);
  t = process.hrtime.bigint();
  const cleaned = cleanPanel(loadInput(file, roles));
  const clean = seconds(t);
  t = process.hrtime.bigint();
  let refused = "";
  try { loadInput(file); } catch (err) { if (err instanceof DataError) refused = err.message; }
  const refuse = seconds(t);
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ load, validate: validateSeconds, clean, refuse, rows: report.rows, issues: report.issues.length, changes: cleaned.report.changes.length, refused: refused !== "", maxRssMb: rss }));
} else {
  const groups = Number(process.argv[2] ?? 182);
  const days = Number(process.argv[3] ?? 730);
  const channels = Number(process.argv[4] ?? 9);
  const dir = mkdtempSync(join(tmpdir(), "mixlab-bench-panel-"));
  const data = generate({ seed: 1, groups, periods: days, frequency: "daily", channels });
  writeGenerated(dir, data);
  const file = join(dir, data.files[0].path);
  const mb = statSync(file).size / 1e6;
  const runs: { load: number; validate: number; clean: number; refuse: number; rows: number; issues: number; changes: number; refused: boolean; maxRssMb: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--measure", file], { encoding: "utf8" });
    runs.push(JSON.parse(out.trim().split("\n").pop() as string));
  }
  rmSync(dir, { recursive: true, force: true });
  const best = (key: "load" | "validate" | "clean" | "refuse") => Math.min(...runs.map((r) => r[key]));
  console.log(`panel ${groups} groups × ${days} days × ${channels} channels (${runs[0].rows} rows, ${mb.toFixed(1)} MB), best of 3 fresh processes:`);
  console.log(`  load (--group)   ${best("load").toFixed(3)} s`);
  console.log(`  validate         ${best("validate").toFixed(3)} s   (${runs[0].issues} issues)`);
  console.log(`  load + clean     ${best("clean").toFixed(3)} s   (${runs[0].changes} changes)`);
  console.log(`  refused without --group after ${best("refuse").toFixed(3)} s (${runs[0].refused ? "one DataError" : "NOT refused"})`);
  console.log(`  peak RSS ${Math.max(...runs.map((r) => r.maxRssMb)).toFixed(0)} MB`);
}
