/**
 * On generated data whose true saturation is logistic (generate's `saturation: "logistic"`), the
 * default fit — the structure chosen from the data — recovers each channel's ROAS within 15 % with
 * a 90 % interval that covers it, where the former default (Hill saturation, linear trend, Fourier
 * order 2, US holidays, fixed) misses. Seeds 7–14 of this set-up are tabled in
 * docs/decisions/012-structure-from-the-data.md; seed 8 is the one where the contrast shows.
 */
import { describe, expect, it } from "vitest";
import { fitModel } from "../../src/analysis/fit";
import { generate } from "../../src/generate/generate";
import { generatedTable, trueReturns } from "../../src/generate/generated-table";
import { defaultSpec } from "../../src/spec/model-spec";

describe("a logistic truth", () => {
  it("fitModel(table, defaultSpec(roles)) on a logistic truth chooses logistic saturation, and every ROAS is within 15 % and covered where the former Hill default misses one", async () => {
    const data = generate({ seed: 8, saturation: "logistic", channels: 2, alwaysOn: 0, snr: 20 });
    const table = generatedTable(data);
    const roles = { target: "revenue", channels: table.channels, controls: table.controls, frequency: "weekly" as const };
    const chosen = await fitModel(table, defaultSpec(roles));
    const former = await fitModel(table, defaultSpec({ ...roles, saturation: "hill", trend: "linear", seasonality: 2, holidays: "US" }));
    expect(chosen.spec.saturation).toBe("logistic");
    const truth = trueReturns(data, chosen.summary.fit_window.rows);
    const covers = (c: { roas_low: number | null; roas_high: number | null }, roas: number) => (c.roas_low as number) <= roas && roas <= (c.roas_high as number);
    chosen.summary.channels.forEach((c, i) => {
      expect(Math.abs((c.roas as number) / truth[i].roas - 1)).toBeLessThan(0.15);
      expect(covers(c, truth[i].roas)).toBe(true);
    });
    expect(former.summary.channels.some((c, i) => !covers(c, truth[i].roas))).toBe(true);
  }, 120_000);
});
