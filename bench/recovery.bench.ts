/**
 * Recovery on generated data with known truth: for easy and hard sets, fit with mixlab's defaults
 * (search + stable selection + bootstrap intervals) and with a plain random search that keeps the
 * lowest CV error and no safeguards, and print per channel the true ROAS, the estimates, the 90 %
 * interval and whether it covers the truth, the share of effect against the truth, and the holdout
 * accuracy of both fits.
 * Usage: tsx bench/recovery.bench.ts [trials] [resamples]
 */
import { generate, type GenerateOptions } from "../src/data/generate";
import { generatedTable, trueReturns } from "../src/data/generated-table";
import { fitModel } from "../src/models/fit-model";
import { defaultSpec } from "../src/models/model-spec";

const trials = Number(process.argv[2] ?? 2000);
const resamples = Number(process.argv[3] ?? 100);

const SETS: Array<{ name: string; options: GenerateOptions }> = [
  { name: "easy (weekly, 4 years, snr 8)", options: { seed: 101, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.2 } },
  { name: "season-correlated spend", options: { seed: 102, periods: 208, channels: 5, snr: 8, seasonCorrelation: 0.9 } },
  { name: "all channels always on", options: { seed: 103, periods: 208, channels: 5, snr: 8, alwaysOn: 5 } },
  { name: "confounder given as a control", options: { seed: 104, periods: 208, channels: 5, snr: 8, confounder: true } },
  { name: "bundled weekly (seed 42)", options: { seed: 42, periods: 208, channels: ["tv", "radio", "social_media", "search", "outdoor"], seasonCorrelation: 0.4, alwaysOn: 3 } },
];

async function main(): Promise<void> {
  for (const set of SETS) {
    const data = generate({ shape: "wide", frequency: "weekly", ...set.options });
    const table = generatedTable(data);
    const controls = table.controls;
    const spec = defaultSpec({ target: "revenue", channels: table.channels, controls, frequency: "weekly", search: { trials, seed: 7 }, bootstrap: { resamples }, holidays: "US" });
    const t0 = Date.now();
    const model = await fitModel(table, spec);
    const seconds = (Date.now() - t0) / 1000;
    const plain = await fitModel(table, { ...spec, search: { ...spec.search, method: "random" }, bootstrap: { ...spec.bootstrap, resamples: 0 } }, { selection: "lowest-cv" });
    const k = model.summary.fit_window.rows;
    const truth = trueReturns(data, k);
    console.log(`\n${set.name}: fit ${seconds.toFixed(1)} s; holdout MAPE ${model.summary.holdout?.mape.toFixed(2)} % (plain lowest-CV random search: ${plain.summary.holdout?.mape.toFixed(2)} %)`);
    console.log("  channel        true ROAS  est ROAS  [90 % interval]      covers  err %   share true/est   plain ROAS");
    let covered = 0;
    model.summary.channels.forEach((c, i) => {
      const trueRoas = truth[i].roas;
      const inside = c.roas_low !== null && c.roas_high !== null && trueRoas >= c.roas_low && trueRoas <= c.roas_high;
      if (inside) covered++;
      const err = (100 * (c.roas - trueRoas)) / trueRoas;
      console.log(`  ${c.name.padEnd(14)} ${trueRoas.toFixed(3).padStart(9)} ${c.roas.toFixed(3).padStart(9)}  [${(c.roas_low ?? NaN).toFixed(3)}, ${(c.roas_high ?? NaN).toFixed(3)}]`.padEnd(62) +
        `${inside ? "yes" : "NO "}  ${err.toFixed(1).padStart(6)}   ${truth[i].share_of_effect.toFixed(3)}/${c.share_of_effect.toFixed(3)}     ${plain.summary.channels[i].roas.toFixed(3)}`);
    });
    console.log(`  covered ${covered} of ${model.summary.channels.length}`);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
