import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { saveModel } from "../../src/artifact/save";
import { startServer } from "../../src/server/main";
import { runCli } from "../cli/run-cli";
import { fixtureModel, fixtureRows } from "./server-helpers";

const dir = mkdtempSync(join(tmpdir(), "mixlab-server-main-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const modelPath = join(dir, "fixture.json");
saveModel(modelPath, fixtureModel());

describe("startServer and mixlab serve", () => {
  it("startServer({ model, port: 0 }) listens on 127.0.0.1, logs one ready line, serves /health and /predict, and closes", async () => {
    const lines: string[] = [];
    const running = await startServer({ model: modelPath, port: 0, log: (l) => lines.push(l) });
    try {
      expect(lines).toHaveLength(1);
      const ready = JSON.parse(lines[0]);
      expect(ready).toMatchObject({ msg: "ready", url: running.url, models: ["fixture"] });
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${running.url}/health`)).json()).toEqual({ status: "ok", models: 1 });
      const r = await fetch(`${running.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rows: fixtureRows(0, 2) }) });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { predictions: unknown[] }).predictions).toHaveLength(2);
      // one access-log line per request, after the ready line
      await new Promise((done) => setImmediate(done));
      expect(lines.slice(1).map((l) => JSON.parse(l).path)).toEqual(["/health", "/predict"]);
    } finally {
      await running.close();
    }
  });

  it("mixlab serve without --model or --models, or with both, exits 2", async () => {
    expect((await runCli("serve")).code).toBe(2);
    const both = await runCli("serve", "--model", modelPath, "--models", dir);
    expect(both.code).toBe(2);
    expect(both.err).toBe("mixlab: serve needs either --model model.json or --models DIR (one of them)\n");
    expect((await runCli("serve", "--model", modelPath, "--port", "70000")).code).toBe(2);
  });

  it("mixlab serve --help lists the options", async () => {
    const r = await runCli("serve", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--models <dir>/);
    expect(r.out).toMatch(/--port <n>/);
  });
});
