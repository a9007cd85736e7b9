/**
 * The report leads with the answer (issue #17 item 5): headline(data)'s numbers against the fit
 * summary and `optimizeBudget` (what `mixlab optimize --budget <current> --periods K` answers), and
 * the headline section's place — first, before every detail table.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { optimizeBudget } from "../../src/analysis/optimize-budget";
import { planChangeInterval } from "../../src/analysis/plan";
import type { FittedModel } from "../../src/models/fitted-model";
import { exportData, type ExportData } from "../../src/report/export-tables";
import { headline, type Headline, unclear, WIDE_INTERVAL } from "../../src/report/headline";
import { HEADLINE_ID } from "../../src/report/headline-html";
import { renderReport } from "../../src/report/html-report";
import { fmt, signedPct } from "../../src/report/report-format";
import { weeklyModel } from "./weekly-model";

let model: FittedModel;
let data: ExportData;
let h: Headline;
let html: string;
beforeAll(async () => {
  const fitted = await weeklyModel();
  model = fitted.model;
  data = exportData(model, fitted.input);
  h = headline(data);
  html = renderReport(data);
}, 120_000);

/** The headline section's text, tags removed. */
const headlineText = () => {
  const at = html.indexOf(`<section id="${HEADLINE_ID}">`);
  return html.slice(at, html.indexOf("</section>", at)).replace(/<[^>]+>/g, "");
};

describe("headline(data)", () => {
  it("ranks the channels by the summary's ROAS and mROAS, highest first", () => {
    const s = model.summary.channels;
    expect(h.byRoas.map((c) => c.name)).toEqual([...s].sort((a, b) => b.roas! - a.roas!).map((c) => c.name));
    expect(h.byMroas.map((c) => c.name)).toEqual([...s].sort((a, b) => b.mroas! - a.mroas!).map((c) => c.name));
    expect(h.byRoas[0]).toMatchObject({ roas: Math.max(...s.map((c) => c.roas!)) });
  });

  it("the recommended split is optimizeBudget of the current budget over the plan horizon, with its lift", () => {
    const opt = optimizeBudget(model, { budget: data.scenarios.current_budget, periods: data.periods });
    expect(h.split.budget).toBe(data.scenarios.current_budget);
    expect(h.split.periods).toBe(13);
    expect(h.split.channels.map((c) => [c.name, c.current, c.optimal])).toEqual(opt.allocation.map((a) => [a.name, a.current, a.optimal]));
    expect([h.split.current_response, h.split.optimal_response, h.split.lift_pct]).toEqual([opt.current_response, opt.optimal_response, opt.lift_pct]);
    // The same row as the scenario table's 100 % budget.
    const row = data.scenarios.scenarios.find((r) => r.multiplier === 1)!;
    expect(h.split.optimal_response).toBeCloseTo(row.response, 6);
    expect(h.split.current_response).toBeCloseTo(row.current_mix_response, 6);
  });

  it("the lift's interval comes from the model's draws and contains the lift", () => {
    expect(model.draws.length).toBeGreaterThan(0);
    const perPeriod = (key: "current" | "optimal") => Object.fromEntries(h.split.channels.map((c) => [c.name, c[key] / h.split.periods]));
    expect([h.split.lift_low, h.split.lift_high]).toEqual(planChangeInterval(model, perPeriod("current"), perPeriod("optimal"), h.split.periods));
    expect(h.split.lift_low!).toBeLessThan(h.split.lift_pct);
    expect(h.split.lift_high!).toBeGreaterThan(h.split.lift_pct);
  });

  it("the holdout figures are the summary's; unclear channels are exactly those with a wide interval or one that misses the ROAS", () => {
    expect(h.holdout).toEqual({ mape: model.summary.holdout!.mape, r2: model.summary.holdout!.r2, ...model.summary.holdout_window });
    const expected = model.summary.channels.filter((c) => (c.roas_high! - c.roas_low!) / c.roas! >= WIDE_INTERVAL || c.roas! < c.roas_low! || c.roas! > c.roas_high!);
    expect(h.uncertain.map((c) => c.name).sort()).toEqual(expected.map((c) => c.name).sort());
    expect(h.uncertain.length).toBeGreaterThan(0);
  });

  it("a model without draws or intervals has no lift interval, and says it has no ROAS intervals", () => {
    const bare = { ...data, model: { ...model, draws: [] }, channels: data.channels.map((c) => ({ ...c, roas_low: null, roas_high: null })) };
    const b = headline(bare);
    expect([b.split.lift_low, b.split.lift_high]).toEqual([null, null]);
    expect(b.intervals).toBe(false);
    expect(b.uncertain).toEqual([]);
    expect(renderReport(bare)).toContain("the fit has no ROAS intervals");
    expect(unclear({ name: "x", roas: 2, roas_low: 1.5, roas_high: 2.5, mroas: 1 })).toBeNull();
  });
});

describe("renderReport(data) leads with the answer", () => {
  it("the headline section comes first: after the title, before the Data section and every detail table", () => {
    const at = html.indexOf(`<section id="${HEADLINE_ID}">`);
    expect(at).toBeGreaterThan(html.indexOf("<h1>"));
    expect(at).toBeLessThan(html.indexOf("<h2>Data</h2>"));
    const firstTable = html.indexOf("<table");
    expect(firstTable).toBeGreaterThan(at);
    expect(firstTable).toBeLessThan(html.indexOf("</section>", at)); // its own split table is the page's first table
  });

  it("says the best channel per unit and at the margin, the lift with its interval, the holdout MAPE and the unclear channels, in the summary's numbers", () => {
    const text = headlineText();
    const top = h.byRoas[0];
    expect(text).toContain(`Per unit of spend, ${top.name} returns most: ${fmt(top.roas, 2)} revenue per unit spent over the fit window (90 % interval ${fmt(top.roas_low, 2)} to ${fmt(top.roas_high, 2)})`);
    expect(text).toContain(`${h.byMroas[0].name} returns most (marginal ROAS ${fmt(h.byMroas[0].mroas, 2)})`);
    expect(text).toContain(`Expected lift: ${signedPct(h.split.lift_pct)} incremental revenue from media, from ${fmt(h.split.current_response, 0)} to ${fmt(h.split.optimal_response, 0)} (90 % interval ${signedPct(h.split.lift_low)} to ${signedPct(h.split.lift_high)})`);
    expect(text).toContain(`its predictions are off by ${fmt(model.summary.holdout!.mape, 1)} % on average (MAPE)`);
    for (const c of h.uncertain) expect(text).toContain(`${c.name} (ROAS ${fmt(c.roas, 2)}, 90 % interval ${fmt(c.roas_low, 2)} to ${fmt(c.roas_high, 2)}`);
    for (const c of h.split.channels) expect(text).toContain(`${c.name}${fmt(c.current, 0)}${fmt(c.optimal, 0)}`); // the split table's row
  });
});
