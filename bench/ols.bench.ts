/**
 * Whole-process OLS: read a 130,000-row wide CSV with 12 features (10 channels, 2 controls) and fit
 * OLS with full statistics, in a fresh process (so the time includes Node start-up and module
 * loading), next to the same fit by ml-regression's MultivariateLinearRegression (normal equations,
 * no statistics) on the already-loaded data. Reference on this machine (issue #4): pandas read_csv +
 * scikit-learn LinearRegression ≈ 2.2 s whole process.
 * Usage: tsx bench/ols.bench.ts [rows]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom } from "../src/util/random";

const rows = Number(process.argv[2] ?? 130_000);

function makeCsv(n: number): string {
  const random = createRandom(4);
  const channels = Array.from({ length: 10 }, (_, c) => `ch${c}_spend`);
  const out = [["date", ...channels, "revenue", "price", "promo"].join(",")];
  const start = Date.UTC(1700, 0, 1) / 86_400_000;
  const beta = channels.map((_, c) => 0.5 + 0.3 * c);
  for (let r = 0; r < n; r++) {
    const spends = channels.map(() => random.uniform() * 1000);
    const price = 10 + random.uniform();
    const promo = random.uniform() < 0.2 ? 1 : 0;
    let revenue = 20000 - 300 * price + 800 * promo + random.normal() * 500;
    spends.forEach((s, c) => { revenue += beta[c] * s; });
    out.push([new Date((start + r) * 86_400_000).toISOString().slice(0, 10), ...spends.map((s) => s.toFixed(2)), revenue.toFixed(2), price.toFixed(3), promo].join(","));
  }
  return `${out.join("\n")}\n`;
}

const child = `
const t0 = process.hrtime.bigint();
const { loadInput, toTable } = require(${JSON.stringify(join(__dirname, "..", "dist", "data", "load.js"))});
const { fitOls } = require(${JSON.stringify(join(__dirname, "..", "dist", "models", "ols.js"))});
const { designMatrixFromColumns } = require(${JSON.stringify(join(__dirname, "..", "dist", "models", "standardize.js"))});
const table = toTable(loadInput(process.argv[1]));
const t1 = process.hrtime.bigint();
const names = [...table.channels, ...table.controls];
const X = designMatrixFromColumns(names.map((n) => table.columns[n]));
const fit = fitOls(X, table.columns[table.target], { names });
const t2 = process.hrtime.bigint();
const MLR = require("ml-regression").MultivariateLinearRegression;
const xs = []; const ys = [];
for (let i = 0; i < table.dates.length; i++) { xs.push(names.map((n) => table.columns[n][i])); ys.push([table.columns[table.target][i]]); }
const t3 = process.hrtime.bigint();
const mlr = new MLR(xs, ys);
const t4 = process.hrtime.bigint();
let maxDiff = 0;
names.forEach((n, j) => { maxDiff = Math.max(maxDiff, Math.abs(mlr.weights[j][0] - fit.coefficients[j]) / Math.abs(fit.coefficients[j])); });
console.log(JSON.stringify({ load: Number(t1 - t0) / 1e9, fit: Number(t2 - t1) / 1e9, mlrFit: Number(t4 - t3) / 1e9, r2: fit.r2, maxRelDiff: maxDiff, rssMb: process.resourceUsage().maxRSS / 1024 }));
`;

const dir = mkdtempSync(join(tmpdir(), "mixlab-ols-"));
const file = join(dir, "ols.csv");
writeFileSync(file, makeCsv(rows));
const runs = [0, 1, 2].map(() => {
  const t0 = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ["-e", child, file], { encoding: "utf8" });
  return { whole: Number(process.hrtime.bigint() - t0) / 1e9, ...JSON.parse(out) };
});
rmSync(dir, { recursive: true, force: true });
const best = runs.reduce((a, b) => (a.whole <= b.whole ? a : b));
console.log(`OLS whole process, ${rows} rows × 12 features, best of 3:`);
console.log(`  whole process (node start + read CSV + OLS with SE/t/p/F) ${best.whole.toFixed(3)} s   (reference: pandas + sklearn ≈ 2.2 s)`);
console.log(`  read + validate CSV ${best.load.toFixed(3)} s; OLS by QR with statistics ${best.fit.toFixed(3)} s`);
console.log(`  ml-regression MultivariateLinearRegression fit (same data in memory) ${best.mlrFit.toFixed(3)} s; max relative coefficient difference ${best.maxRelDiff.toExponential(2)}`);
console.log(`  peak RSS ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB`);
