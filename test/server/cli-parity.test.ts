/**
 * POST /whatif and POST /optimize take the flags of `mixlab whatif` and `mixlab optimize` as JSON
 * fields and answer exactly what those commands print with --json, for the same saved model.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { saveModel } from "../../src/artifact/save";
import { createApp } from "../../src/server/app";
import { loadModels } from "../../src/server/models";
import { runCli } from "../cli/run-cli";
import { fixtureModel, fixtureRows, postJson } from "./server-helpers";

const dir = mkdtempSync(join(tmpdir(), "mixlab-server-parity-"));
const modelPath = join(dir, "fixture.json");
saveModel(modelPath, fixtureModel());
const app = createApp({ ...loadModels({ model: modelPath }) });
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function same(path: string, body: unknown, ...args: string[]): Promise<void> {
  const cli = await runCli(...args, "--json");
  expect(cli.code, cli.err).toBe(0);
  const r = await postJson(app, path, body);
  expect(r.status).toBe(200);
  expect(await r.json()).toEqual(JSON.parse(cli.out));
}

describe("the server answers what the CLI prints with --json", () => {
  it("POST /whatif {scale} = mixlab whatif --scale", () => same("/whatif", { scale: { tv: 1.3, radio: 0.8 } }, "whatif", modelPath, "--scale", "tv=1.3,radio=0.8"));

  it("POST /whatif {scale, spend, from, to} = mixlab whatif --scale --spend --from --to", () =>
    same("/whatif", { scale: { tv: 2 }, spend: { radio: 100 }, from: "2024-03-04", to: "2024-04-01" }, "whatif", modelPath, "--scale", "tv=2", "--spend", "radio=100", "--from", "2024-03-04", "--to", "2024-04-01"));

  it("POST /whatif {scale, rows} = mixlab whatif --scale --input (the same periods as a CSV)", async () => {
    const rows = fixtureRows(10, 30);
    const csv = join(dir, "input.csv");
    writeFileSync(csv, `date,tv_spend,radio_spend,price\n${rows.map((r) => `${r.date},${r.tv},${r.radio},${r.price}`).join("\n")}\n`);
    await same("/whatif", { scale: { tv: 0.5 }, rows }, "whatif", modelPath, "--scale", "tv=0.5", "--input", csv);
  });

  it("POST /whatif {spend, periods} = mixlab whatif --spend --periods", () => same("/whatif", { spend: { tv: 1200, radio: 350 }, periods: 6 }, "whatif", modelPath, "--spend", "tv=1200,radio=350", "--periods", "6"));

  it("POST /whatif {scenarios, periods} = mixlab whatif --scenarios FILE --periods", async () => {
    const scenarios = [{ tv: 1000 }, { tv: 1500, radio: [100, 200, 300] }];
    const file = join(dir, "scenarios.json");
    writeFileSync(file, JSON.stringify(scenarios));
    await same("/whatif", { scenarios, periods: 3 }, "whatif", modelPath, "--scenarios", file, "--periods", "3");
  });

  it("POST /optimize {budget, periods, min, max_share} = mixlab optimize --budget --periods --min --max-share", () =>
    same("/optimize", { budget: 25000, periods: 8, min: { radio: 2000 }, max_share: 0.85 }, "optimize", modelPath, "--budget", "25000", "--periods", "8", "--min", "radio=2000", "--max-share", "0.85"));

  it("POST /optimize {} splits the current budget, as mixlab optimize without --budget", () => same("/optimize", {}, "optimize", modelPath));

  it("POST /optimize {target_roas, share_rule} = mixlab optimize --target-roas --share-rule", () =>
    same("/optimize", { target_roas: 0.5, share_rule: true, periods: 8 }, "optimize", modelPath, "--target-roas", "0.5", "--share-rule", "--periods", "8"));

  it("POST /optimize {budgets, locked} = mixlab optimize --budgets --locked", () =>
    same("/optimize", { budgets: [0.9, 1, 1.2], locked: ["radio"], periods: 8 }, "optimize", modelPath, "--budgets", "0.9,1,1.2", "--locked", "radio", "--periods", "8"));
});
