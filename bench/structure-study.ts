/**
 * The structure-selection study (issue #13, docs/decisions/012-structure-from-the-data.md): on
 * generated sets from varied truths (Hill or logistic saturation × trend on/off × seasonal or flat ×
 * weekly or daily, `seeds` seeds each), the holdout MAPE of the default fit (the structure chosen
 * from the data) against every fixed structure of a grid (saturation hill/logistic × trend
 * none/linear/damped × Fourier order 0–3 × holidays on/off), and the MAPE of the structure each of
 * a few rules (RULES) would choose from the same candidates' scores and evidence. Seeded: the same arguments print the same table.
 *
 *   npx tsx bench/structure-study.ts [seeds=101,102] [trials=500] [bootstrap=20] [--small] [--cache FILE]
 *
 * (trials and bootstrap apply to every fit alike, the default's and the fixed ones; --small: a grid
 * of 8 structures, for the test; --cache: a JSON file keeping each fixed structure's holdout MAPE
 * by set, so a rerun refits only the default.)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fitModel } from "../src/analysis/fit";
import type { Table } from "../src/data/table";
import { generate } from "../src/generate/generate";
import { generatedTable } from "../src/generate/generated-table";
import type { GenerateOptions } from "../src/generate/options";
import type { Structure, StructureSummary } from "../src/models/fit-summary";
import { withStructure } from "../src/models/fit/structure";
import { defaultSpec, type ModelSpec } from "../src/spec/model-spec";

/** One generated truth of the study. */
export interface StudyTruth {
  name: string;
  options: GenerateOptions;
}

/**
 * studyTruths(seeds) → 16 truths per seed: saturation hill/logistic × trend on/off × seasonal/flat
 * × weekly (156 periods) / daily (365).
 */
export function studyTruths(seeds: readonly number[]): StudyTruth[] {
  const out: StudyTruth[] = [];
  for (const seed of seeds) {
    for (const frequency of ["weekly", "daily"] as const) for (const saturation of ["hill", "logistic"] as const) {
      for (const trend of [true, false]) for (const seasonal of [true, false]) {
        out.push({
          name: `${frequency} ${saturation} ${trend ? "trend" : "flat-trend"} ${seasonal ? "seasonal" : "flat"} #${seed}`,
          options: { seed, frequency, periods: frequency === "weekly" ? 156 : 365, saturation, trend, seasonal, channels: 4 },
        });
      }
    }
  }
  return out;
}

/** The fixed structures of the grid (small: 8 of them), with day-of-week on for daily data. */
export function studyGrid(frequency: "weekly" | "daily", small = false): Structure[] {
  const out: Structure[] = [];
  for (const saturation of ["hill", "logistic"]) for (const trend of small ? ["none", "linear"] : ["none", "linear", "damped"]) {
    for (const seasonality of small ? [0, 2] : [0, 1, 2, 3]) for (const holidays of small ? ["US"] : ["US", "none"]) {
      out.push({ saturation, trend, seasonality, holidays, day_of_week: frequency === "daily" });
    }
  }
  return out;
}

/** One set's result: holdout MAPEs (percent) of the default, the grid, and each rule's choice. */
export interface StudyRow {
  name: string;
  chosen: Structure;
  defaultMape: number;
  median: number;
  best: number;
  /** Rank of the default among the grid's MAPEs (1 = best), out of grid.length + 1. */
  rank: number;
  gridSize: number;
  /** Holdout MAPE of each rule's choice among the default's candidates (RULES), by rule name. */
  rules: Record<string, number>;
  oldDefaultMape: number;
}

type Scored = StructureSummary["candidates"][number];

/** lowest(candidates, f) → the candidate with the lowest finite f (the first on ties). */
function lowest(candidates: readonly Scored[], f: (c: Scored) => number | null): Scored {
  let best = candidates[0];
  let value = Infinity;
  for (const c of candidates) {
    const v = f(c);
    if (v !== null && Number.isFinite(v) && v < value) { best = c; value = v; }
  }
  return best;
}

/**
 * Rules a structure could be chosen by from the candidates' rolling-origin score and evidence:
 * "score" (the fit's), "evidence", "hybrid" (the evidence chooses saturation, Fourier order,
 * holidays and day-of-week, the score the trend among those), "season by evidence" (the evidence
 * chooses the Fourier order, the score the rest; "season+holidays by evidence" likewise), "score|evidence+D" (the lowest score
 * among candidates whose −2 log evidence is within D of the lowest), "evidence|score×F" (the lowest
 * evidence among candidates whose score is within F × the lowest, ties by score).
 */
export const RULES: Record<string, (candidates: readonly Scored[]) => Scored> = {
  score: (cs) => lowest(cs, (c) => c.score),
  evidence: (cs) => lowest(cs, (c) => c.evidence),
  hybrid: (cs) => {
    const e = lowest(cs, (c) => c.evidence);
    return lowest(cs.filter((c) => c.saturation === e.saturation && c.seasonality === e.seasonality && c.holidays === e.holidays && c.day_of_week === e.day_of_week), (c) => c.score);
  },
  "season by evidence": (cs) => {
    const e = lowest(cs, (c) => c.evidence);
    return lowest(cs.filter((c) => c.seasonality === e.seasonality), (c) => c.score);
  },
  "season+holidays by evidence": (cs) => {
    const e = lowest(cs, (c) => c.evidence);
    return lowest(cs.filter((c) => c.seasonality === e.seasonality && c.holidays === e.holidays), (c) => c.score);
  },
  ...Object.fromEntries([10, 30].map((d) => [`score|evidence+${d}`, (cs: readonly Scored[]) => {
    const e = lowest(cs, (c) => c.evidence).evidence as number;
    return lowest(cs.filter((c) => c.evidence !== null && c.evidence <= e + d), (c) => c.score);
  }])),
  ...Object.fromEntries([1.05, 1.1].map((f) => [`evidence|score×${f}`, (cs: readonly Scored[]) => {
    const m = lowest(cs, (c) => c.score).score as number;
    const near = cs.filter((c) => c.score !== null && c.score <= f * m);
    const e = lowest(near, (c) => c.evidence).evidence;
    return lowest(near.filter((c) => c.evidence === e), (c) => c.score);
  }])),
};

const key = (s: Structure) => `${s.saturation}|${s.trend}|${s.seasonality}|${s.holidays}|${s.day_of_week}`;

function median(x: readonly number[]): number {
  const s = [...x].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** studySet(truth, trials, bootstrap, small, cache) → the set's StudyRow (fits every grid structure not in `cache`, keyed by set and structure). */
export async function studySet(truth: StudyTruth, trials: number, bootstrap: number, small = false, cache: Record<string, number> = {}): Promise<StudyRow> {
  const table: Table = generatedTable(generate({ shape: "wide", ...truth.options }));
  const frequency = table.frequency as "weekly" | "daily";
  const base = defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency, search: { trials, seed: 1 }, bootstrap: { resamples: bootstrap } });
  const mapeOf = async (s: Structure): Promise<number> => {
    const k = `${truth.name}|${trials}|${bootstrap}|${key(s)}`;
    if (cache[k] === undefined) {
      const fixed: ModelSpec = { ...withStructure(base, s), auto: [] };
      cache[k] = (await fitModel(table, fixed)).summary.holdout?.mape ?? NaN;
    }
    return cache[k];
  };
  const grid = studyGrid(frequency, small);
  const gridMapes: number[] = [];
  for (const s of grid) gridMapes.push(await mapeOf(s));
  const fitted = await fitModel(table, base);
  const structure = fitted.summary.structure;
  if (structure === undefined) throw new RangeError("structure-study: the default fit chose no structure");
  const defaultMape = fitted.summary.holdout?.mape ?? NaN;
  const rules: Record<string, number> = {};
  for (const [name, rule] of Object.entries(RULES)) rules[name] = await mapeOf(rule(structure.candidates));
  const oldDefaultMape = await mapeOf({ saturation: "hill", trend: "linear", seasonality: 2, holidays: "US", day_of_week: frequency === "daily" });
  return {
    name: truth.name, chosen: structure.chosen, defaultMape, median: median(gridMapes), best: Math.min(...gridMapes),
    rank: 1 + gridMapes.filter((m) => m < defaultMape).length, gridSize: grid.length, rules, oldDefaultMape,
  };
}

/** The study's tallies: sets where the default is no worse than the median, within 1.25 × the best. */
export function tally(rows: readonly StudyRow[], mape: (r: StudyRow) => number): { notWorseThanMedian: number; withinBest: number } {
  return {
    notWorseThanMedian: rows.filter((r) => mape(r) <= r.median).length,
    withinBest: rows.filter((r) => mape(r) <= 1.25 * r.best).length,
  };
}

function describe(s: Structure): string {
  return `${s.saturation}/${s.trend}/F${s.seasonality}/${s.holidays === "none" ? "noHol" : "hol"}${s.day_of_week ? "/dow" : ""}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const cacheAt = argv.indexOf("--cache");
  const cachePath = cacheAt >= 0 ? argv[cacheAt + 1] : null;
  const args = argv.filter((a, i) => !a.startsWith("--") && (cacheAt < 0 || i !== cacheAt + 1));
  const small = argv.includes("--small");
  const seeds = (args[0] ?? "101,102").split(",").map(Number);
  const cache: Record<string, number> = cachePath !== null && existsSync(cachePath) ? JSON.parse(readFileSync(cachePath, "utf8")) : {};
  const trials = Number(args[1] ?? 500);
  const bootstrap = Number(args[2] ?? 20);
  const rows: StudyRow[] = [];
  const names = Object.keys(RULES);
  console.log(`| set | chosen | default | median | best | rank | old default | ${names.join(" | ")} |`);
  console.log(`|---|---|---:|---:|---:|---:|---:|${names.map(() => "---:|").join("")}`);
  for (const truth of studyTruths(seeds)) {
    const r = await studySet(truth, trials, bootstrap, small, cache);
    if (cachePath !== null) writeFileSync(cachePath, JSON.stringify(cache));
    rows.push(r);
    console.log(`| ${r.name} | ${describe(r.chosen)} | ${r.defaultMape.toFixed(2)} | ${r.median.toFixed(2)} | ${r.best.toFixed(2)} | ${r.rank}/${r.gridSize + 1} | ${r.oldDefaultMape.toFixed(2)} | ${names.map((n) => r.rules[n].toFixed(2)).join(" | ")} |`);
  }
  const tallies: Array<[string, (r: StudyRow) => number]> = [["default", (r) => r.defaultMape], ["old default", (r) => r.oldDefaultMape], ...names.map((n): [string, (r: StudyRow) => number] => [`rule ${n}`, (r) => r.rules[n]])];
  for (const [label, f] of tallies) {
    const t = tally(rows, f);
    console.log(`${label}: no worse than the median on ${t.notWorseThanMedian}/${rows.length}, within 1.25 × best on ${t.withinBest}/${rows.length}, mean ratio to best ${(rows.reduce((a, r) => a + f(r) / r.best, 0) / rows.length).toFixed(3)}`);
  }

}

if (process.argv[1]?.endsWith("structure-study.ts")) void main();
