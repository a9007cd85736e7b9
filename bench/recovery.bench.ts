/**
 * Recovery on generated data with known truth: for easy and hard sets, fit with mixlab's defaults
 * (evidence search, posterior draws, block bootstrap over the draws) and the generator's structure
 * fixed (TRUE_STRUCTURE: what the fit otherwise chooses from the data is studied by
 * bench/structure-study.ts) and with a plain random
 * search that keeps the lowest CV error and no safeguards, and print per channel the true ROAS,
 * the estimates, the 90 % interval and whether it covers the truth, the share of effect against
 * the truth, and the holdout accuracy of both fits; then one line per set and the aggregate.
 * Every scenario can be generated with further seeds (seed + offset), so the figures are not those
 * of five data sets only.
 *
 * Beside them, an oracle: the true transforms (the generator's adstock decay and Hill curve) fitted
 * by OLS on the same baseline terms — the best a fit that had to learn only the coefficients could
 * do; the distance of the oracle from the truth is the noise of the data set, not of the method.
 * And the claims the fit makes: a channel whose 90 % interval is narrow (high ≤ NARROW × low) is
 * one the fit says the data identify; among those, how many are within 15 %, how many are
 * "confident and wrong" (narrow, yet the point more than 15 % off), and how many narrow intervals
 * miss the truth (calibrated 90 % intervals miss one in ten, narrow or not); then the share within
 * 15 % by interval width.
 * The comparison with the truth (coverage, share error) is src/analysis/recovery.ts, as in
 * `mixlab evaluate`, which runs a suite of scenarios from the command line.
 * `--bayes` fits `model: "bayes"` instead of the default ridge (posterior intervals; resamples unused).
 * Usage: tsx bench/recovery.bench.ts [trials] [resamples] [seed offsets, e.g. 0,1000,2000] [--quiet] [--generator-bounds] [--bayes]
 */
import { generate } from "../src/generate/generate";
import type { GenerateOptions } from "../src/generate/options";
import type { GeneratedData } from "../src/generate/truth";
import { generatedTable, trueReturns } from "../src/generate/generated-table";
import { adstock } from "../src/features/adstock";
import { covers, recoveryOf } from "../src/analysis/recovery";
import { fitModel } from "../src/analysis/fit";
import { splitIndexOf } from "../src/models/fit/split";
import { defaultSpec, type ChannelBounds, type SpecInput } from "../src/spec/model-spec";
import type { Table } from "../src/data/table";

/** The generator's structure: Hill saturation, a linear trend, Fourier order 2, US holidays. */
const TRUE_STRUCTURE: Partial<SpecInput> = { saturation: "hill", trend: "linear", seasonality: 2, holidays: "US" };

const trials = Number(process.argv[2] ?? 2000);
const resamples = Number(process.argv[3] ?? 100);
const offsets = (process.argv[4] ?? "0").split(",").map(Number);
const quiet = process.argv.includes("--quiet");
/**
 * --generator-bounds: search only the generator's own parameter ranges (decay 0.1–0.7, Hill
 * half-saturation 0.5–1.5 × the mean adstocked spend, shape 0.8–2.5) — a diagnosis, not a fit a
 * user could make: how much of the error is the search bounds' (the prior's) fault.
 */
const generatorBounds = process.argv.includes("--generator-bounds");
const bayes = process.argv.includes("--bayes");

const SETS: Array<{ name: string; options: GenerateOptions }> = [
  { name: "easy", options: { seed: 101, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.2 } },
  { name: "season-correlated spend", options: { seed: 102, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.9 } },
  { name: "all channels always on", options: { seed: 103, periods: 208, channels: 5, snr: 8, alwaysOn: 5 } },
  { name: "confounder given as a control", options: { seed: 104, periods: 208, channels: 5, snr: 8, confounder: true } },
  { name: "bundled weekly", options: { seed: 42, periods: 208, channels: ["tv", "radio", "social_media", "search", "outdoor"], seasonCorrelation: 0.4, alwaysOn: 3 } },
];

/** A 90 % interval counts as narrow — the data identify the channel — when 0 < low and high ≤ NARROW × low. */
const NARROW = 1.5;

interface Row { name: string; covered: number; maxErr: number; maxShare: number; mape: number; plain: number; seconds: number; errors: number[]; shares: number[]; narrow: number[]; narrowShares: number[]; narrowMissed: number; oracle: number[]; widths: number[] }

/**
 * oracleRoas(data, table) → per channel the ROAS of OLS on the true transforms (searched
 * bounds pinned to the generator's decay, half-saturation as a ratio of the fit window's mean
 * adstocked spend, and Hill shape) with the default baseline terms.
 */
async function oracleRoas(data: GeneratedData, table: Table): Promise<number[]> {
  const probe = defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly" });
  const rows = splitIndexOf(probe, table);
  const bounds: Record<string, Partial<ChannelBounds>> = {};
  for (const tc of data.truth.channels) {
    if (tc.adstock.type !== "geometric" || tc.saturation.type !== "hill") throw new RangeError("oracleRoas requires geometric adstock and Hill saturation");
    const decay = tc.adstock.decay;
    const ad = adstock(table.columns[tc.name], { type: "geometric", decay });
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += ad[i];
    const ratio = tc.saturation.halfSaturation / (mean / rows);
    bounds[tc.name] = { decay: [decay, decay], saturationRatio: [ratio, ratio], hillShape: [tc.saturation.shape, tc.saturation.shape] };
  }
  const ols = await fitModel(table, defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly", model: "ols", bounds, bootstrap: { resamples: 0 }, ...TRUE_STRUCTURE }));
  return ols.summary.channels.map((c) => c.roas ?? NaN);
}

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Search bounds around the generator's true transforms (with --generator-bounds). */
const GENERATOR_BOUNDS: Partial<ChannelBounds> = { decay: [0.1, 0.7], saturationRatio: [0.5, 1.5], hillShape: [0.8, 2.5] };

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const offset of offsets) {
    for (const set of SETS) {
      const seed = (set.options.seed ?? 42) + offset;
      const data = generate({ shape: "wide", frequency: "weekly", ...set.options, seed });
      const table = generatedTable(data);
      const spec = defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly", search: { trials, seed: 7 }, bootstrap: { resamples }, ...TRUE_STRUCTURE,
        ...(bayes ? { model: "bayes" as const } : {}),
        ...(generatorBounds ? { bounds: Object.fromEntries(table.channels.map((c) => [c, GENERATOR_BOUNDS])) } : {}) });
      const t0 = Date.now();
      const model = await fitModel(table, spec);
      const seconds = (Date.now() - t0) / 1000;
      const plain = await fitModel(table, { ...spec, model: "ridge", search: { ...spec.search, method: "random" }, bootstrap: { ...spec.bootstrap, resamples: 0 } }, { selection: "lowest-cv" });
      const truth = trueReturns(data, model.summary.fit_window.rows);
      const oracle = await oracleRoas(data, table);
      const row: Row = { name: `${set.name} (seed ${seed})`, covered: 0, maxErr: 0, maxShare: 0, mape: model.summary.holdout?.mape ?? NaN, plain: plain.summary.holdout?.mape ?? NaN, seconds, errors: [], shares: [], narrow: [], narrowShares: [], narrowMissed: 0, oracle: [], widths: [] };
      if (!quiet) {
        console.log(`\n${row.name}: fit ${seconds.toFixed(1)} s; holdout MAPE ${row.mape.toFixed(2)} % (plain lowest-CV random search: ${row.plain.toFixed(2)} %)`);
        console.log("  channel        true ROAS  est ROAS  [90 % interval]      covers  err %   share true/est   plain ROAS  oracle ROAS");
      }
      const recovery = recoveryOf(model.summary.channels, truth);
      model.summary.channels.forEach((c, i) => {
        const trueRoas = recovery.roas[c.name].true;
        const inside = covers(recovery.roas[c.name]);
        if (inside) row.covered++;
        const err = (c.roas ?? NaN) / trueRoas - 1;
        const shareErr = (c.share_of_effect ?? NaN) - truth[i].share_of_effect;
        row.errors.push(err);
        row.shares.push(shareErr);
        row.oracle.push(oracle[i] / trueRoas - 1);
        row.widths.push(c.roas_low !== null && c.roas_high !== null && c.roas_low > 0 ? c.roas_high / c.roas_low : Infinity);
        if (c.roas_low !== null && c.roas_high !== null && c.roas_low > 0 && c.roas_high <= NARROW * c.roas_low) {
          row.narrow.push(err);
          row.narrowShares.push(shareErr);
          if (!inside) row.narrowMissed++;
        }
        row.maxErr = Math.max(row.maxErr, Math.abs(err));
        if (!quiet) {
          console.log(`  ${c.name.padEnd(14)} ${trueRoas.toFixed(3).padStart(9)} ${(c.roas ?? NaN).toFixed(3).padStart(9)}  [${(c.roas_low ?? NaN).toFixed(3)}, ${(c.roas_high ?? NaN).toFixed(3)}]`.padEnd(62) +
            `${inside ? "yes" : "NO "}  ${(100 * err).toFixed(1).padStart(6)}   ${truth[i].share_of_effect.toFixed(3)}/${(c.share_of_effect ?? NaN).toFixed(3)}     ${(plain.summary.channels[i].roas ?? NaN).toFixed(3).padStart(6)}      ${oracle[i].toFixed(3).padStart(6)}`);
        }
      });
      row.maxShare = recovery.share_error_max;
      if (!quiet) console.log(`  covered ${row.covered} of ${model.summary.channels.length}`);
      rows.push(row);
    }
  }
  console.log(`\n${"set".padEnd(44)} covered  max|ROAS err|  (oracle)  max|share err|  holdout MAPE (plain)   fit s`);
  for (const r of rows) {
    const oracleMax = Math.max(...r.oracle.map(Math.abs));
    console.log(`${r.name.padEnd(44)} ${`${r.covered}/${r.errors.length}`.padStart(7)}  ${`${(100 * r.maxErr).toFixed(0)} %`.padStart(13)}  ${`${(100 * oracleMax).toFixed(0)} %`.padStart(8)}  ${r.maxShare.toFixed(3).padStart(14)}  ${`${r.mape.toFixed(2)} (${r.plain.toFixed(2)})${r.mape <= r.plain ? "" : " worse"}`.padStart(20)}  ${r.seconds.toFixed(1).padStart(6)}`);
  }
  const errors = rows.flatMap((r) => r.errors);
  const shares = rows.flatMap((r) => r.shares);
  const narrow = rows.flatMap((r) => r.narrow);
  const covered = rows.reduce((a, r) => a + r.covered, 0);
  console.log(`\n${rows.length} sets, ${errors.length} channels: 90 % intervals cover ${covered} (${((100 * covered) / errors.length).toFixed(0)} %); ` +
    `sets with ≥ 4 of 5 covered ${rows.filter((r) => r.covered >= 4).length} of ${rows.length}`);
  console.log(`ROAS within 15 %: ${errors.filter((e) => Math.abs(e) <= 0.15).length} of ${errors.length}, median |error| ${(100 * median(errors.map(Math.abs))).toFixed(0)} %; ` +
    `share of effect within 0.05: ${shares.filter((e) => Math.abs(e) <= 0.05).length} of ${shares.length}`);
  const oracle = rows.flatMap((r) => r.oracle);
  console.log(`oracle (true transforms, OLS): ROAS within 15 % for ${oracle.filter((e) => Math.abs(e) <= 0.15).length} of ${oracle.length}, median |error| ${(100 * median(oracle.map(Math.abs))).toFixed(0)} %`);
  console.log(`narrow intervals (high ≤ ${NARROW} × low): ${narrow.length} channels, ROAS within 15 % for ${narrow.filter((e) => Math.abs(e) <= 0.15).length}, max |error| ${narrow.length > 0 ? (100 * Math.max(...narrow.map(Math.abs))).toFixed(0) : "–"} %; ` +
    `confident and wrong (narrow, more than 15 % off): ${narrow.filter((e) => Math.abs(e) > 0.15).length}; narrow intervals missing the truth: ${rows.reduce((a, r) => a + r.narrowMissed, 0)}; ` +
    `their share of effect within 0.05: ${rows.flatMap((r) => r.narrowShares).filter((e) => Math.abs(e) <= 0.05).length}`);
  const bands = [1.5, 2, 3, Infinity];
  console.log(`by interval width (high/low ≤): ${bands.map((b, t) => {
    const lo = t === 0 ? 0 : bands[t - 1];
    const sel = rows.flatMap((r) => r.errors.filter((_, i) => { const w = r.widths[i]; return w > lo && w <= b; }));
    return `${b === Infinity ? "wider" : b}: ${sel.filter((e) => Math.abs(e) <= 0.15).length}/${sel.length} within 15 %`;
  }).join(", ")}`);
  console.log(`holdout MAPE ≤ the plain search's in ${rows.filter((r) => r.mape <= r.plain).length} of ${rows.length} sets; mean ${(rows.reduce((a, r) => a + r.mape, 0) / rows.length).toFixed(3)} % against ${(rows.reduce((a, r) => a + r.plain, 0) / rows.length).toFixed(3)} %`);
}

main().catch((err) => { console.error(err); process.exit(1); });
