/**
 * `mixlab batch`: N small fits of the bundled weekly set (seeds 1…N, --trials T --bootstrap 10)
 * through `mixlab batch --workers 2` and `--workers 1`, against the same fits as N `mixlab fit`
 * commands run one after another — the commands a user runs, each timed as a whole process (wall
 * time, Node start-up included). Checks that every batched model equals its one-at-a-time fit,
 * creation time and durations aside. The machine may be shared: wall times are noisy.
 * Usage: tsx bench/batch.bench.ts [fits=24] [trials=200]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

const fits = Number(process.argv[2] ?? 24);
const trials = Number(process.argv[3] ?? 200);
const root = join(__dirname, "..");
const cli = join(root, "bin", "mixlab.js");
const weekly = join(root, "data", "weekly", "mmm_weekly.csv");
const dir = mkdtempSync(join(tmpdir(), "mixlab-batch-bench-"));
const args = (seed: number) => ["fit", weekly, "--trials", String(trials), "--bootstrap", "10", "--seed", String(seed)];
const seeds = Array.from({ length: fits }, (_, i) => i + 1);

/** seconds(f) → the wall time of f, s. */
function seconds(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** mask(path) → the model's text with created_at, every duration and the search's rate blanked (as test/helpers/mask-run-times.ts). */
const mask = (path: string) => readFileSync(path, "utf8").replace(/^(\s*"(created_at|fit_seconds|seconds|candidates_per_second)": ).*$/gm, "$1…");

const alone = seconds(() => {
  for (const s of seeds) execFileSync(process.execPath, [cli, ...args(s), "--out", join(dir, "alone", `${s}.json`), "--no-progress"], { stdio: "ignore" });
});
const batch = (workers: number): number => {
  const manifest = join(dir, `manifest-${workers}.json`);
  writeFileSync(manifest, JSON.stringify({ jobs: seeds.map((s) => ({ id: `seed-${s}`, args: args(s), out: join(dir, `w${workers}`, `${s}.json`) })) }));
  const t = seconds(() => execFileSync(process.execPath, [cli, "batch", manifest, "--workers", String(workers), "--json"], { stdio: "ignore" }));
  const same = seeds.every((s) => mask(join(dir, `w${workers}`, `${s}.json`)) === mask(join(dir, "alone", `${s}.json`)));
  if (!same) throw new Error(`batch --workers ${workers}: a model differs from its one-at-a-time fit`);
  return t;
};
const w1 = batch(1);
const w2 = batch(2);
rmSync(dir, { recursive: true, force: true });

console.log(`${fits} fits (weekly, --trials ${trials} --bootstrap 10), ${availableParallelism()} cores, wall time (shared machine: noisy)`);
console.log(`  ${fits} × mixlab fit, one after another  ${alone.toFixed(1)} s`);
console.log(`  mixlab batch --workers 1            ${w1.toFixed(1)} s  (${(alone / w1).toFixed(2)}× faster)`);
console.log(`  mixlab batch --workers 2            ${w2.toFixed(1)} s  (${(alone / w2).toFixed(2)}× faster)`);
console.log("  every batched model equals its one-at-a-time fit (creation time and durations aside)");
