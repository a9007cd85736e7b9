/**
 * The structure-selection study (issue #13, docs/decisions/006-structure-from-the-data.md): on
 * generated sets from varied truths (Hill or logistic saturation × trend on/off × seasonal or flat ×
 * weekly or daily, `seeds` seeds each), the holdout MAPE of the default fit (the structure chosen
 * from the data) against every fixed structure of a grid (saturation hill/logistic × trend
 * none/linear/damped × Fourier order 0–3 × holidays on/off), and the MAPE of the structures two
 * other rules would choose from the same candidates: the evidence alone, and the hybrid (byHybrid). Seeded: the same arguments print the same table.
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

/** One set's result: holdout MAPEs (percent) of the default, the grid, the evidence's choice. */
export interface StudyRow {
  name: string;
  chosen: Structure;
  defaultMape: number;
  median: number;
  best: number;
  /** Rank of the default among the grid's MAPEs (1 = best), out of grid.length + 1. */
  rank: number;
  gridSize: number;
  evidenceMape: number;
  /** The hybrid rule's choice (byHybrid). */
  hybridMape: number;
  oldDefaultMape: number;
}

type Scored = StructureSummary["candidates"][number];

/** byEvidence(candidates) → the candidate with the lowest −2 log evidence (the first on ties). */
export function byEvidence(candidates: readonly Scored[]): Scored {
  return candidates.reduce((m, c) => (c.evidence !== null && (m.evidence === null || c.evidence < m.evidence) ? c : m));
}

/**
 * byHybrid(candidates) → the evidence chooses saturation, Fourier order, holidays and day-of-week
 * (what the fit window shows); the rolling-origin score then chooses the trend among the
 * candidates that share them (how the level moves on past the window).
 */
export function byHybrid(candidates: readonly Scored[]): Scored {
  const e = byEvidence(candidates);
  const same = candidates.filter((c) => c.saturation === e.saturation && c.seasonality === e.seasonality && c.holidays === e.holidays && c.day_of_week === e.day_of_week);
  return same.reduce((m, c) => (c.score !== null && (m.score === null || c.score < m.score) ? c : m));
}

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
  const evidenceMape = await mapeOf(byEvidence(structure.candidates));
  const hybridMape = await mapeOf(byHybrid(structure.candidates));
  const oldDefaultMape = await mapeOf({ saturation: "hill", trend: "linear", seasonality: 2, holidays: "US", day_of_week: frequency === "daily" });
  return {
    name: truth.name, chosen: structure.chosen, defaultMape, median: median(gridMapes), best: Math.min(...gridMapes),
    rank: 1 + gridMapes.filter((m) => m < defaultMape).length, gridSize: grid.length, evidenceMape, hybridMape, oldDefaultMape,
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
  console.log("| set | chosen | default | median | best | rank | evidence's choice | hybrid's choice | old default |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const truth of studyTruths(seeds)) {
    const r = await studySet(truth, trials, bootstrap, small, cache);
    if (cachePath !== null) writeFileSync(cachePath, JSON.stringify(cache));
    rows.push(r);
    console.log(`| ${r.name} | ${describe(r.chosen)} | ${r.defaultMape.toFixed(2)} | ${r.median.toFixed(2)} | ${r.best.toFixed(2)} | ${r.rank}/${r.gridSize + 1} | ${r.evidenceMape.toFixed(2)} | ${r.hybridMape.toFixed(2)} | ${r.oldDefaultMape.toFixed(2)} |`);
  }
  for (const [label, f] of [["default (rolling-origin)", (r: StudyRow) => r.defaultMape], ["evidence's choice", (r: StudyRow) => r.evidenceMape], ["hybrid's choice", (r: StudyRow) => r.hybridMape], ["old default", (r: StudyRow) => r.oldDefaultMape]] as const) {
    const t = tally(rows, f);
    console.log(`${label}: no worse than the median on ${t.notWorseThanMedian}/${rows.length}, within 1.25 × best on ${t.withinBest}/${rows.length}`);
  }
}

if (process.argv[1]?.endsWith("structure-study.ts")) void main();
