import { generate } from "../src/generate/generate";
import { generatedTable } from "../src/generate/generated-table";
import { chooseStructure } from "../src/models/fit/structure";
import { defaultSpec } from "../src/spec/model-spec";
async function main() {
  for (const [trend, seasonal] of [[false, false], [false, true], [true, true]] as const) for (const seed of [1, 2, 3, 4]) {
    const table = generatedTable(generate({ seed, trend, seasonal, snr: 8, channels: 3 }));
    const spec = defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly" });
    const t = Date.now();
    const r = await chooseStructure(table, spec);
    console.log(trend, seasonal, seed, JSON.stringify(r.report?.chosen), r.report?.candidates.find((c) => c.saturation === r.report?.chosen.saturation && c.trend === "none" && c.seasonality === 0 && c.holidays === r.report?.chosen.holidays)?.score.toFixed(3), Math.min(...(r.report?.candidates ?? []).map((c) => c.score)).toFixed(3), Date.now() - t);
  }
}
void main();
