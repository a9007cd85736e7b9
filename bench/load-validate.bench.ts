/**
 * Load + validate time and peak memory for a 130,000-row × 50-column wide CSV (1 date, 45 channels,
 * the target and 3 controls), generated here with a seeded PRNG. The measurement runs in a fresh
 * child process so its peak RSS is that of loading alone. Aim: under 1.5 s and 500 MB.
 * Usage: tsx bench/load-validate.bench.ts [rows] [columns]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadInput } from "../src/data/load";
import { validate } from "../src/data/validate";
import { createRandom } from "../src/util/random";

function makeCsv(rows: number, columns: number, seed: number): string {
  const random = createRandom(seed);
  const channels = columns - 5;
  const header = ["date", ...Array.from({ length: channels }, (_, c) => `ch${c}_spend`), "revenue", "price", "promo", "index"];
  const out: string[] = [header.join(",")];
  const start = Date.UTC(1700, 0, 1) / 86_400_000;
  for (let r = 0; r < rows; r++) {
    const date = new Date((start + r) * 86_400_000).toISOString().slice(0, 10);
    let line = date;
    for (let c = 0; c < channels; c++) line += `,${(random.uniform() * 1000).toFixed(2)}`;
    line += `,${(50_000 + random.normal() * 5000).toFixed(2)}`;
    line += `,${(10 + random.uniform()).toFixed(3)},${random.uniform() < 0.1 ? 1 : 0},${random.normal().toFixed(4)}`;
    out.push(line);
  }
  return `${out.join("\n")}\n`;
}

if (process.argv[2] === "--measure") {
  const file = process.argv[3];
  const t0 = process.hrtime.bigint();
  const dataset = loadInput(file);
  const t1 = process.hrtime.bigint();
  const report = validate(dataset);
  const t2 = process.hrtime.bigint();
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ load: Number(t1 - t0) / 1e9, validate: Number(t2 - t1) / 1e9, rows: report.rows, issues: report.issues.length, maxRssMb: rss }));
} else {
  const rows = Number(process.argv[2] ?? 130_000);
  const columns = Number(process.argv[3] ?? 50);
  const dir = mkdtempSync(join(tmpdir(), "mixlab-bench-"));
  const file = join(dir, "wide.csv");
  writeFileSync(file, makeCsv(rows, columns, 1));
  const mb = statSync(file).size / 1e6;
  const runs: { load: number; validate: number; maxRssMb: number; rows: number; issues: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--measure", file], { encoding: "utf8" });
    runs.push(JSON.parse(out.trim().split("\n").pop() as string));
  }
  rmSync(dir, { recursive: true, force: true });
  const best = runs.reduce((a, b) => (a.load + a.validate <= b.load + b.validate ? a : b));
  console.log(`load+validate, wide CSV ${rows} rows × ${columns} columns (${mb.toFixed(1)} MB), best of 3 fresh processes:`);
  console.log(`  load     ${best.load.toFixed(3)} s`);
  console.log(`  validate ${best.validate.toFixed(3)} s   (${best.rows} periods, ${best.issues} issues)`);
  console.log(`  total    ${(best.load + best.validate).toFixed(3)} s   (aim < 1.5 s)`);
  console.log(`  peak RSS ${Math.max(...runs.map((r) => r.maxRssMb)).toFixed(0)} MB (aim < 500 MB; includes Node itself, ~45 MB)`);
}
