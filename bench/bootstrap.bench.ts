/**
 * The block bootstrap of `mixlab fit data/weekly/mmm_weekly.csv`: 100 resamples × a pool of 80
 * candidates refitted on every resample, with the weighted sufficient-statistics path
 * (blockBootstrap → fitWeightedRidge) and with the old fitRidge path on the duplicated rows
 * (test/helpers/reference-bootstrap.ts), as fitModel sets it up: default spec (ridge, geometric
 * adstock + Hill, penalty on the contribution scale, media ≥ 0), fit window = first 80 % of rows,
 * fixed columns = the baseline terms not constant on it, block length min(⌊k/5⌋, 8). The pool is
 * seeded random points of the search space (the fit's pool is the near-optimal set of its search,
 * capped at spec.bootstrap.trials = 300 — on this data it is 300 members: pass 300 as poolSize for
 * the fit's own load; the cost per fit is about the same).
 * Timings: a first, cold run (what a fit pays) and the best of 5 warm runs (1 for the reference), in
 * wall and CPU seconds. Usage: tsx bench/bootstrap.bench.ts [resamples] [poolSize]
 */
import { join } from "node:path";
import { loadInput, toTable } from "../src/data/load";
import { periodDays } from "../src/data/table";
import { baselineTerms, type DesignContext, type DesignInput } from "../src/features/design";
import { blockBootstrap, type BootstrapInput, type BootstrapResult } from "../src/models/bootstrap";
import { splitIndexOf } from "../src/models/fit-model";
import { defaultSpec } from "../src/models/model-spec";
import { decodeCandidate, fromUnit, searchDimensions } from "../src/models/transform-space";
import { createRandom } from "../src/util/random";
import { referenceBootstrap } from "../test/helpers/reference-bootstrap";

const resamples = Number(process.argv[2] ?? 100);
const poolSize = Number(process.argv[3] ?? 80);

const table = toTable(loadInput(join(__dirname, "..", "data", "weekly", "mmm_weekly.csv")));
const spec = defaultSpec({ target: table.target, channels: table.channels, controls: table.controls, frequency: table.frequency });
const k = splitIndexOf(spec, table);
const y = table.columns[spec.target];
const controlDefaults: Record<string, number> = {};
for (const c of spec.controls) {
  let s = 0;
  for (let i = 0; i < k; i++) s += table.columns[c][i];
  controlDefaults[c] = s / k;
}
const input: DesignInput = { days: table.days, columns: table.columns };
const context: DesignContext = { trendStart: table.days[0], trendEnd: table.days[k - 1], periodDays: periodDays(table.frequency), history: null, controlDefaults };
const base = baselineTerms(spec, input, context);
const fixed = base.columns.filter((c) => c.subarray(0, k).some((v) => v !== c[0]));
const spend: Record<string, Float64Array> = {};
for (const c of spec.channels) spend[c] = table.columns[c];

const dims = searchDimensions(spec);
const random = createRandom(20240611);
const pool = Array.from({ length: poolSize }, () => {
  const values = Object.fromEntries(dims.map((d) => [d.name, fromUnit(random.uniform(), d)]));
  const cand = decodeCandidate(spec, values, spend, k);
  return { media: cand.media, alpha: cand.alpha };
});
const problem: BootstrapInput = {
  pool, fixed, y, trainRows: k, spend: spec.channels.map((c) => spend[c]), resamples,
  blockLength: Math.max(2, Math.min(Math.floor(k / 5), 8)), seed: spec.search.seed + 1, nonNegative: true, mediaScaleByMean: true, tolerance: 0.02,
};

const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const cpuSeconds = (c0: NodeJS.CpuUsage): number => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1e6; };
interface Timing { result: BootstrapResult; wall: number; cpu: number; coldWall: number; coldCpu: number }
/** A first (cold, as in a fit) run, then the best of `repeats` warm runs; wall and CPU seconds (CPU is steadier on a busy machine). */
function time(run: () => BootstrapResult, repeats: number): Timing {
  let t0 = process.hrtime.bigint();
  let c0 = process.cpuUsage();
  let result = run();
  const coldWall = seconds(t0);
  const coldCpu = cpuSeconds(c0);
  let wall = coldWall;
  let cpu = coldCpu;
  for (let r = 0; r < repeats; r++) {
    t0 = process.hrtime.bigint();
    c0 = process.cpuUsage();
    result = run();
    wall = Math.min(wall, seconds(t0));
    cpu = Math.min(cpu, cpuSeconds(c0));
  }
  return { result, wall, cpu, coldWall, coldCpu };
}

const fast = time(() => blockBootstrap(problem), 5);
const slow = time(() => referenceBootstrap(problem), 1);
let roasErr = 0;
for (let c = 0; c < spec.channels.length; c++) {
  let scale = 0;
  for (const v of slow.result.roas[c]) scale = Math.max(scale, Math.abs(v));
  for (let r = 0; r < resamples; r++) roasErr = Math.max(roasErr, Math.abs(fast.result.roas[c][r] - slow.result.roas[c][r]) / scale);
}
const sameChoice = fast.result.chosen.every((j, r) => j === slow.result.chosen[r]);
const fits = resamples * poolSize;
console.log(`bootstrap: ${k} fit rows × ${spec.channels.length} channels + ${fixed.length} fixed columns, ${resamples} resamples × ${poolSize} pool members = ${fits} fits, block length ${problem.blockLength}`);
const line = (name: string, t: Timing): string =>
  `  ${name}  warm ${t.wall.toFixed(3)} s wall / ${t.cpu.toFixed(3)} s CPU = ${((1e6 * t.cpu) / fits).toFixed(1)} µs/fit; first (cold) run ${t.coldWall.toFixed(3)} s wall / ${t.coldCpu.toFixed(3)} s CPU`;
console.log(line("weighted (fitWeightedRidge)", fast));
console.log(line("reference (fitRidge, dup.) ", slow));
console.log(`  weighted is ${(slow.cpu / fast.cpu).toFixed(0)}× faster warm, ${(slow.coldCpu / fast.coldCpu).toFixed(0)}× cold (CPU time)`);
console.log(`  same chosen pool members: ${sameChoice} (${new Set(fast.result.chosen).size} distinct); max rel. error of ROAS (vs the largest per channel) ${roasErr.toExponential(1)}`);
