/**
 * Whole-process textbook OLS, as a user runs it: `mixlab fit FILE --model ols --adstock none
 * --saturation none --trend none --seasonality 0 --day-of-week off --holidays none --out m.json`
 * (default bootstrap: 100 block resamples) on a generated daily CSV of 130,000 rows × 9 features
 * (6 channels, 3 controls), from node start to the artifact written — beside the same fit by a
 * Python user, interpreter start to fitted model: pandas.read_csv + scikit-learn LinearRegression
 * (bench/ols_reference.py), timed in the same run, alternating, each 3 times.
 * Usage: tsx bench/ols.bench.ts [rows]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom } from "../src/util/random";

const rows = Number(process.argv[2] ?? 130_000);
const root = join(__dirname, "..");
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const TEXTBOOK = ["--model", "ols", "--adstock", "none", "--saturation", "none", "--trend", "none", "--seasonality", "0", "--day-of-week", "off", "--holidays", "none"];

/** makeCsv(n) → a seeded daily wide CSV: 6 spend columns, revenue, price, promo, temperature. */
function makeCsv(n: number): string {
  const random = createRandom(4);
  const channels = Array.from({ length: 6 }, (_, c) => `ch${c}_spend`);
  const out = [["date", ...channels, "revenue", "price", "promo", "temperature"].join(",")];
  const start = Date.UTC(1700, 0, 1) / 86_400_000;
  for (let r = 0; r < n; r++) {
    const spends = channels.map(() => random.uniform() * 1000);
    const price = 10 + random.uniform();
    const promo = random.uniform() < 0.2 ? 1 : 0;
    const temperature = 15 + 10 * random.normal();
    let revenue = 20_000 - 300 * price + 800 * promo + 20 * temperature + random.normal() * 500;
    spends.forEach((s, c) => { revenue += (0.5 + 0.3 * c) * s; });
    const cells = [new Date((start + r) * 86_400_000).toISOString().slice(0, 10), ...spends.map((s) => s.toFixed(2)), revenue.toFixed(2), price.toFixed(3), promo, temperature.toFixed(2)];
    out.push(cells.join(","));
  }
  return `${out.join("\n")}\n`;
}

/** timed(command, args) → wall seconds of a child process, and its stdout; throws when it fails. */
function timed(command: string, args: string[]): { seconds: number; out: string } {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: "utf8", cwd: root, maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${run.stderr}`);
  return { seconds, out: run.stdout };
}

const dir = mkdtempSync(join(tmpdir(), "mixlab-ols-"));
const file = join(dir, "ols.csv");
const model = join(dir, "m.json");
writeFileSync(file, makeCsv(rows));
const mixlab: number[] = [];
const reference: number[] = [];
const load = loadavg()[0];
let python2: { coef: number[]; intercept: number } | null = null;
for (let rep = 0; rep < 3; rep++) {
  mixlab.push(timed(process.execPath, [join(root, "bin", "mixlab.js"), "fit", file, ...TEXTBOOK, "--no-progress", "--out", model]).seconds);
  const py = timed(python, [join(root, "bench", "ols_reference.py"), file, "revenue"]);
  reference.push(py.seconds);
  python2 = JSON.parse(py.out);
}
const artifact = JSON.parse(readFileSync(model, "utf8"));
rmSync(dir, { recursive: true, force: true });
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const fmt = (x: number[]) => `median ${median(x).toFixed(2)} s, best ${Math.min(...x).toFixed(2)} s`;
console.log(`OLS whole process, ${rows.toLocaleString("en-US")} daily rows × 9 features (6 channels, 3 controls), 3 runs each, alternating:`);
console.log(`  mixlab fit (textbook flags, 100 block-bootstrap resamples, diagnostics, model.json)  ${fmt(mixlab)}`);
console.log(`  python3 pandas.read_csv + sklearn LinearRegression (bench/ols_reference.py)          ${fmt(reference)}`);
console.log(`  mixlab / python (medians) ${(median(mixlab) / median(reference)).toFixed(2)}×; load average at start ${load.toFixed(1)} on ${cpus().length} cores — on a shared machine both sides vary by 2× or more from run to run`);
console.log(`  (mixlab fits the first 80 % of rows, python all of them; ch0 coefficient ${artifact.summary.coefficients.ch0.toFixed(4)} vs ${python2?.coef[0].toFixed(4)}, truth 0.5)`);
