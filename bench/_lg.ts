import { fitModel } from "../src/analysis/fit";
import { generate } from "../src/generate/generate";
import { generatedTable, trueReturns } from "../src/generate/generated-table";
import { defaultSpec } from "../src/spec/model-spec";
async function main() {
  console.log("| seed | chosen | true ROAS | default: error [90 % interval] | former Hill default: error [90 % interval] | holdout MAPE default / former |");
  console.log("|---|---|---|---|---|---|");
  for (const seed of [7, 8, 9, 10, 11, 12, 13, 14]) {
    const data = generate({ seed, saturation: "logistic", channels: 2, alwaysOn: 0, snr: 20 });
    const table = generatedTable(data);
    const base = { target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly" as const };
    const auto = await fitModel(table, defaultSpec(base));
    const old = await fitModel(table, defaultSpec({ ...base, saturation: "hill", trend: "linear", seasonality: 2, holidays: "US" }));
    const truth = trueReturns(data, auto.summary.fit_window.rows);
    const row = (m: typeof auto) => m.summary.channels.map((c, i) => `${(100 * ((c.roas ?? 0) / truth[i].roas - 1)).toFixed(0)} % [${(c.roas_low ?? 0).toFixed(2)}, ${(c.roas_high ?? 0).toFixed(2)}]${truth[i].roas >= (c.roas_low ?? 0) && truth[i].roas <= (c.roas_high ?? 0) ? "" : " miss"}`).join("; ");
    const ch = auto.summary.structure?.chosen;
    console.log(`| ${seed} | ${ch?.saturation}/${ch?.trend}/F${ch?.seasonality} | ${truth.map((t) => t.roas.toFixed(2)).join(", ")} | ${row(auto)} | ${row(old)} | ${auto.summary.holdout?.mape?.toFixed(2)} / ${old.summary.holdout?.mape?.toFixed(2)} |`);
  }
}
void main();
