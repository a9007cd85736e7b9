/**
 * The default search as `fit` runs it, beside a numpy/scipy reference of the same candidates:
 * 1. `mixlab fit data/weekly/mmm_weekly.csv` with default flags, twice: summary.search's
 *    candidates_per_second (search + sampler evaluations over their seconds) and the whole command;
 * 2. the library call behind it (createEvaluator of the default spec: decode, geometric adstock +
 *    Hill per channel, media-prior ridge with media ≥ 0 and its evidence) on CANDIDATES seeded unit
 *    points, in batches of 64 as the search sends them;
 * 3. bench/search_reference.py on the same candidates (the decoded transforms and penalties, the
 *    same fit-window columns): lfilter + Hill + numpy.linalg.solve per candidate, and the largest
 *    relative difference of its −2 log evidence from mixlab's where no media coefficient is clamped.
 * Usage: tsx bench/search.bench.ts [candidates]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { specFromOptions } from "../src/cli/spec-options";
import { loadInput, toTable } from "../src/data/load";
import { createEvaluator, MEDIA_PENALTY_FACTOR, searchSetup } from "../src/models/fit/search";
import { splitWindow } from "../src/models/fit/split";
import { decodeCandidate } from "../src/models/transform-space";
import { createRandom } from "../src/util/random";

const count = Number(process.argv[2] ?? 3000);
const root = join(__dirname, "..");
const weekly = join(root, "data", "weekly", "mmm_weekly.csv");
const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const dir = mkdtempSync(join(tmpdir(), "mixlab-search-"));
const load = loadavg()[0];

// 1. The whole command, twice.
const commands = [0, 1].map(() => {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(root, "bin", "mixlab.js"), "fit", weekly, "--no-progress", "--json", "--out", join(dir, "m.json")], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`mixlab fit failed: ${run.stderr}`);
  return { whole: Number(process.hrtime.bigint() - t0) / 1e9, search: JSON.parse(run.stdout).search };
});

// 2. The library call on seeded candidates.
const table = toTable(loadInput(weekly));
const spec = specFromOptions({}, {}, table);
const window = splitWindow(table, spec);
const setup = searchSetup(spec, window, true);
const evaluate = createEvaluator(spec, window, setup);
const random = createRandom(7);
const units = Array.from({ length: count }, () => Float64Array.from(setup.dims, () => random.uniform()));
evaluate(units.slice(0, 500)); // warm-up
const t0 = process.hrtime.bigint();
const objectives: number[][] = [];
for (let s = 0; s < units.length; s += 64) objectives.push(...evaluate(units.slice(s, s + 64)));
const libSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

// 3. The numpy/scipy reference on the same candidates.
const { k, fixedK, yK, spend } = window;
const candidates = units.map((u) => {
  const cand = decodeCandidate(spec, setup.decode(u), spend, k, k);
  const channels = spec.channels.map((c) => {
    const t = cand.transforms[c];
    if (t.adstock.type !== "geometric" || t.saturation.type !== "hill") throw new Error("the default spec is geometric adstock + Hill");
    return [t.adstock.decay, t.saturation.halfSaturation, t.saturation.shape];
  });
  return { channels, alpha: setup.searchAlpha(cand.alpha) };
});
const job = join(dir, "job.json");
writeFileSync(job, JSON.stringify({ y: Array.from(yK), fixed: fixedK.map((c) => Array.from(c)), spend: spec.channels.map((c) => Array.from(spend[c].subarray(0, k))), mediaFactor: MEDIA_PENALTY_FACTOR, candidates }));
const py = spawnSync(python, [join(root, "bench", "search_reference.py"), job], { encoding: "utf8", maxBuffer: 1 << 26 });
if (py.status !== 0) throw new Error(`search_reference.py failed: ${py.stderr}`);
const reference = JSON.parse(py.stdout) as { seconds: number; evidence: number[] };
rmSync(dir, { recursive: true, force: true });
let maxDiff = 0;
let compared = 0;
objectives.forEach((o, i) => {
  if (o.slice(2).some((roas) => roas === 0)) return; // a media coefficient held at 0: another problem
  compared++;
  maxDiff = Math.max(maxDiff, Math.abs(o[0] - reference.evidence[i]) / Math.abs(reference.evidence[i]));
});

const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString("en-US")} candidates/s`;
console.log(`default search as fit runs it: ${table.dates.length} weekly rows (fit window ${k}), ${spec.channels.length} channels, ${setup.dims.length} searched dimensions`);
commands.forEach((c, i) => {
  console.log(`  mixlab fit (default flags) run ${i + 1}: ${c.search.candidates_per_second.toLocaleString("en-US")} candidates/s in summary.search (search + sampler, ${c.search.seconds.toFixed(2)} s); whole command ${c.whole.toFixed(2)} s`);
});
console.log(`  library call (createEvaluator, ${count} seeded candidates in batches of 64): ${rate(count, libSeconds)}`);
console.log(`  numpy/scipy reference, same candidates (bench/search_reference.py, no clamp): ${rate(count, reference.seconds)}`);
console.log(`  library / reference ${((count / libSeconds) / (count / reference.seconds)).toFixed(1)}×; −2 log evidence agrees to ${maxDiff.toExponential(1)} relative on the ${compared} candidates with no media coefficient clamped at 0`);
console.log(`  load average at start ${load.toFixed(1)} on ${cpus().length} cores: on a shared machine each figure varies by 2× or more between runs`);
