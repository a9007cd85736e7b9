/**
 * Recovery on generated data with known truth: for easy and hard sets, fit with mixlab's defaults
 * (evidence search, posterior draws, block bootstrap over the draws) and with a plain random
 * search that keeps the lowest CV error and no safeguards, and print per channel the true ROAS,
 * the estimates, the 90 % interval and whether it covers the truth, the share of effect against
 * the truth, and the holdout accuracy of both fits; then one line per set and the aggregate.
 * Every scenario can be generated with further seeds (seed + offset), so the figures are not those
 * of five data sets only.
 * Usage: tsx bench/recovery.bench.ts [trials] [resamples] [seed offsets, e.g. 0,1000,2000] [--quiet]
 */
import { generate, type GenerateOptions } from "../src/data/generate";
import { generatedTable, trueReturns } from "../src/data/generated-table";
import { fitModel } from "../src/models/fit-model";
import { defaultSpec } from "../src/models/model-spec";

const trials = Number(process.argv[2] ?? 2000);
const resamples = Number(process.argv[3] ?? 100);
const offsets = (process.argv[4] ?? "0").split(",").map(Number);
const quiet = process.argv.includes("--quiet");

const SETS: Array<{ name: string; options: GenerateOptions }> = [
  { name: "easy", options: { seed: 101, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.2 } },
  { name: "season-correlated spend", options: { seed: 102, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.9 } },
  { name: "all channels always on", options: { seed: 103, periods: 208, channels: 5, snr: 8, alwaysOn: 5 } },
  { name: "confounder given as a control", options: { seed: 104, periods: 208, channels: 5, snr: 8, confounder: true } },
  { name: "bundled weekly", options: { seed: 42, periods: 208, channels: ["tv", "radio", "social_media", "search", "outdoor"], seasonCorrelation: 0.4, alwaysOn: 3 } },
];

/** A 90 % interval counts as narrow — the data identify the channel — when high ≤ NARROW × low. */
const NARROW = 1.5;

interface Row { name: string; covered: number; maxErr: number; maxShare: number; mape: number; plain: number; seconds: number; errors: number[]; shares: number[]; narrow: number[] }

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const offset of offsets) {
    for (const set of SETS) {
      const seed = (set.options.seed ?? 42) + offset;
      const data = generate({ shape: "wide", frequency: "weekly", ...set.options, seed });
      const table = generatedTable(data);
      const spec = defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly", search: { trials, seed: 7 }, bootstrap: { resamples }, holidays: "US" });
      const t0 = Date.now();
      const model = await fitModel(table, spec);
      const seconds = (Date.now() - t0) / 1000;
      const plain = await fitModel(table, { ...spec, search: { ...spec.search, method: "random" }, bootstrap: { ...spec.bootstrap, resamples: 0 } }, { selection: "lowest-cv" });
      const truth = trueReturns(data, model.summary.fit_window.rows);
      const row: Row = { name: `${set.name} (seed ${seed})`, covered: 0, maxErr: 0, maxShare: 0, mape: model.summary.holdout?.mape ?? NaN, plain: plain.summary.holdout?.mape ?? NaN, seconds, errors: [], shares: [], narrow: [] };
      if (!quiet) {
        console.log(`\n${row.name}: fit ${seconds.toFixed(1)} s; holdout MAPE ${row.mape.toFixed(2)} % (plain lowest-CV random search: ${row.plain.toFixed(2)} %)`);
        console.log("  channel        true ROAS  est ROAS  [90 % interval]      covers  err %   share true/est   plain ROAS");
      }
      model.summary.channels.forEach((c, i) => {
        const trueRoas = truth[i].roas;
        const inside = c.roas_low !== null && c.roas_high !== null && trueRoas >= c.roas_low && trueRoas <= c.roas_high;
        if (inside) row.covered++;
        const err = c.roas / trueRoas - 1;
        const shareErr = c.share_of_effect - truth[i].share_of_effect;
        row.errors.push(err);
        row.shares.push(shareErr);
        if (c.roas_low !== null && c.roas_high !== null && c.roas_high <= NARROW * c.roas_low) row.narrow.push(err);
        row.maxErr = Math.max(row.maxErr, Math.abs(err));
        row.maxShare = Math.max(row.maxShare, Math.abs(shareErr));
        if (!quiet) {
          console.log(`  ${c.name.padEnd(14)} ${trueRoas.toFixed(3).padStart(9)} ${c.roas.toFixed(3).padStart(9)}  [${(c.roas_low ?? NaN).toFixed(3)}, ${(c.roas_high ?? NaN).toFixed(3)}]`.padEnd(62) +
            `${inside ? "yes" : "NO "}  ${(100 * err).toFixed(1).padStart(6)}   ${truth[i].share_of_effect.toFixed(3)}/${c.share_of_effect.toFixed(3)}     ${plain.summary.channels[i].roas.toFixed(3)}`);
        }
      });
      if (!quiet) console.log(`  covered ${row.covered} of ${model.summary.channels.length}`);
      rows.push(row);
    }
  }
  console.log(`\n${"set".padEnd(44)} covered  max|ROAS err|  max|share err|  holdout MAPE (plain)   fit s`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(44)} ${`${r.covered}/${r.errors.length}`.padStart(7)}  ${`${(100 * r.maxErr).toFixed(0)} %`.padStart(13)}  ${r.maxShare.toFixed(3).padStart(14)}  ${`${r.mape.toFixed(2)} (${r.plain.toFixed(2)})${r.mape <= r.plain ? "" : " worse"}`.padStart(20)}  ${r.seconds.toFixed(1).padStart(6)}`);
  }
  const errors = rows.flatMap((r) => r.errors);
  const shares = rows.flatMap((r) => r.shares);
  const narrow = rows.flatMap((r) => r.narrow);
  const covered = rows.reduce((a, r) => a + r.covered, 0);
  console.log(`\n${rows.length} sets, ${errors.length} channels: 90 % intervals cover ${covered} (${((100 * covered) / errors.length).toFixed(0)} %); ` +
    `sets with ≥ 4 of 5 covered ${rows.filter((r) => r.covered >= 4).length} of ${rows.length}`);
  console.log(`ROAS within 15 %: ${errors.filter((e) => Math.abs(e) <= 0.15).length} of ${errors.length}, median |error| ${(100 * median(errors.map(Math.abs))).toFixed(0)} %; ` +
    `share of effect within 0.05: ${shares.filter((e) => Math.abs(e) <= 0.05).length} of ${shares.length}`);
  console.log(`narrow intervals (high ≤ ${NARROW} × low): ${narrow.length} channels, ROAS within 15 % for ${narrow.filter((e) => Math.abs(e) <= 0.15).length}, max |error| ${narrow.length > 0 ? (100 * Math.max(...narrow.map(Math.abs))).toFixed(0) : "–"} %`);
  console.log(`holdout MAPE ≤ the plain search's in ${rows.filter((r) => r.mape <= r.plain).length} of ${rows.length} sets; mean ${(rows.reduce((a, r) => a + r.mape, 0) / rows.length).toFixed(3)} % against ${(rows.reduce((a, r) => a + r.plain, 0) / rows.length).toFixed(3)} %`);
}

main().catch((err) => { console.error(err); process.exit(1); });
