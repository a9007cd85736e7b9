import { describe, expect, it } from "vitest";
import { adstock } from "../../src/features/adstock";
import { saturate } from "../../src/features/saturation";
import { toPanel } from "../../src/data/load";
import { wideFromText } from "../../src/data/load-wide";
import { validate } from "../../src/data/validate";
import { generate } from "../../src/generate/generate";
import { expectClose } from "../helpers/expect-close";

const data = generate({ seed: 11, groups: 12, periods: 104 });
const truth = data.truth;
const panel = toPanel(wideFromText(data.files[0].content, data.files[0].path, { group: "geo", population: "population" }));

describe("generate({ groups })", () => {
  it("writes one wide file, group after group, that validates clean when read with --group geo --population population", () => {
    expect(data.files.map((f) => f.path)).toEqual(["mmm_weekly.csv"]);
    expect(data.files[0].content.split("\n")[0]).toBe("date,geo,tv_spend,radio_spend,social_media_spend,search_spend,outdoor_spend,revenue,price,promo,population");
    const report = validate(wideFromText(data.files[0].content, "p.csv", { group: "geo", population: "population" }));
    expect(report).toMatchObject({ ok: true, rows: 12 * 104, groups: 12, issues: [] });
  });

  it("truth.groups lists every group with the population written in the file and shares that sum to 1", () => {
    expect(truth.group_column).toBe("geo");
    expect(truth.groups!.map((g) => g.name)).toEqual(panel.groups.map((g) => g.name));
    expect(truth.groups!.map((g) => g.population)).toEqual(panel.groups.map((g) => g.population));
    const total = truth.groups!.reduce((s, g) => s + g.population, 0);
    truth.groups!.forEach((g) => { expectClose(g.share, g.population / total, { rel: 1e-9 }); });
  });

  it("each group's contribution in the truth equals m·w·β·sat(adstock(spend / w)) recomputed from the written spend", () => {
    truth.groups!.forEach((g, k) => {
      const table = panel.groups[k].table;
      g.channels.forEach((c, ci) => {
        const ch = truth.channels[ci];
        const spend = table.columns[c.name];
        const response = saturate(adstock(spend.map((v) => v / g.share), ch.adstock), ch.saturation);
        const recomputed = response.reduce((s, v) => s + c.multiplier * g.share * ch.coefficient * v, 0);
        expectClose(c.contribution, recomputed, { rel: 1e-9 });
        expectClose(c.spend, spend.reduce((s, v) => s + v, 0), { rel: 1e-9 });
        expectClose(c.coefficient, c.multiplier * g.share * ch.coefficient, { rel: 1e-12 });
        expectClose(c.roas, c.contribution / c.spend, { rel: 1e-12 });
      });
    });
  });

  it("the national truth is the sum over groups: spend, contribution and ROAS per channel", () => {
    truth.channels.forEach((ch, ci) => {
      const spend = truth.groups!.reduce((s, g) => s + g.channels[ci].spend, 0);
      const contribution = truth.groups!.reduce((s, g) => s + g.channels[ci].contribution, 0);
      expectClose(ch.spend, spend, { rel: 1e-12 });
      expectClose(ch.contribution, contribution, { rel: 1e-9 });
      expectClose(ch.roas, contribution / spend, { rel: 1e-9 });
    });
  });

  it("per-group media effects differ around the shared one, and baselines scale with the group's size and level", () => {
    const multipliers = truth.groups!.map((g) => g.channels[0].multiplier);
    expect(Math.min(...multipliers)).toBeLessThan(1);
    expect(Math.max(...multipliers)).toBeGreaterThan(1);
    // intercept_g = w_g · ℓ_g · (the national process's intercept), and the truth's national intercept is their sum.
    const perUnit = truth.groups!.map((g) => g.intercept / (g.share * g.level));
    expectClose(perUnit, perUnit.map(() => perUnit[0]), { rel: 1e-9 });
    expectClose(truth.baseline.intercept, truth.groups!.reduce((s, g) => s + g.intercept, 0), { rel: 1e-9 });
  });

  it("the revenue written per date, summed over groups, is the national signal plus noise (to the cent per group)", () => {
    const n = 104;
    for (let t = 0; t < n; t += 13) {
      const written = panel.groups.reduce((s, g) => s + g.table.columns.revenue[t], 0);
      expect(Math.abs(written - (data.series.signal[t] + data.series.noise[t]))).toBeLessThan(0.005 * 12 + 1e-6);
    }
  });

  it("the same seed gives the same bytes; another seed other data", () => {
    const again = generate({ seed: 11, groups: 12, periods: 104 });
    expect(again.files[0].content).toBe(data.files[0].content);
    expect(JSON.stringify(again.truth)).toBe(JSON.stringify(truth));
    expect(generate({ seed: 12, groups: 12, periods: 104 }).files[0].content).not.toBe(data.files[0].content);
  });

  it("generate refuses groups with dirt, another shape or fewer than 2 groups", () => {
    expect(() => generate({ groups: 3, dirt: true })).toThrow("wide shape without dirt");
    expect(() => generate({ groups: 3, shape: "channel-dir" })).toThrow("wide shape without dirt");
    expect(() => generate({ groups: 1 })).toThrow("groups to be an integer in [2, 500]");
  });

  it("a national generate has no group fields in its truth", () => {
    const national = generate({ seed: 11, periods: 52 }).truth;
    expect("groups" in national).toBe(false);
    expect("groups" in national.options).toBe(false);
  });
});
