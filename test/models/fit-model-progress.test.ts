import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate/generate";
import { generatedTable } from "../../src/generate/generated-table";
import { fitModel } from "../../src/analysis/fit";
import type { FitPhase } from "../../src/models/fit/progress";
import { defaultSpec } from "../../src/spec/model-spec";

describe("fitModel progress", () => {
  it("fitModel(table, spec, { onProgress }) reports the search, then the sampler, then the bootstrap, each counting up to its own total", async () => {
    const table = generatedTable(generate({ shape: "wide", frequency: "weekly", seed: 5, periods: 104, channels: 2 }));
    const spec = defaultSpec({ target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly", search: { trials: 100, seed: 1 }, bootstrap: { resamples: 20, trials: 20 } });
    const calls: Array<{ done: number; total: number; phase: FitPhase }> = [];
    await fitModel(table, spec, { onProgress: (done, total, _best, phase) => calls.push({ done, total, phase }) });
    const phases = calls.map((c) => c.phase).filter((p, i, all) => i === 0 || all[i - 1] !== p);
    expect(phases).toEqual(["search", "sampler", "bootstrap"]);
    for (const phase of phases) {
      const mine = calls.filter((c) => c.phase === phase);
      for (let i = 1; i < mine.length; i++) expect(mine[i].done).toBeGreaterThan(mine[i - 1].done);
      expect(mine[mine.length - 1].done).toBe(mine[0].total);
    }
    expect(calls.filter((c) => c.phase === "search").at(-1)!.total).toBe(100);
    expect(calls.filter((c) => c.phase === "bootstrap").map((c) => c.done)).toEqual([10, 20]);
  }, 60_000);
});
