/**
 * Default roles of a wide CSV that do no silent harm (CONTRACTS, wide input; issue #13 item 2): a
 * channel's exposure (by name or by |r| ≥ 0.95 with its spend) and unnamed/index columns are not
 * controls, a text column becomes indicator columns, each decision is a warning naming the column,
 * and a control the user names is used as given.
 */
import { describe, expect, it } from "vitest";
import { correlation, isIndexColumn } from "../../src/data/control-roles";
import { roleWarnings, toTable } from "../../src/data/load";
import { wideFromText } from "../../src/data/load-wide";
import type { Dataset } from "../../src/data/source";
import { createRandom } from "../../src/util/random";
import { wideCsv } from "../helpers/wide-csv";

const warningFor = (d: Dataset, column: string) => d.issues.find((i) => i.kind === "ignored_column" && i.column === column);

describe("default controls of a wide CSV", () => {
  it("leaves out a channel's exposure named <channel>_impressions: controls = [price], a warning names it", () => {
    const d = wideFromText(wideCsv(60, 1), "wide.csv", {});
    expect(d.channels).toEqual(["tv", "radio"]);
    expect(d.controls).toEqual(["price"]);
    const w = warningFor(d, "tv_impressions");
    expect(w?.severity).toBe("warning");
    expect(w?.message).toContain('"tv_impressions"');
    expect(w?.message).toContain('channel "tv"');
    expect(toTable(d).warnings).toEqual([w?.message]);
  });

  it("leaves out exposure columns by name alone (uncorrelated values): radio_grps, total_clicks", () => {
    const rng = createRandom(9);
    const d = wideFromText(wideCsv(40, 8, { radio_grps: () => (100 * rng.uniform()).toFixed(1), total_clicks: () => (50 * rng.uniform()).toFixed(1) }), "wide.csv", {});
    expect(d.controls).toEqual(["price"]);
    expect(warningFor(d, "radio_grps")?.message).toContain('is the exposure (grps) of channel "radio"');
    expect(warningFor(d, "total_clicks")?.message).toContain("looks like a media exposure (clicks)");
  });

  it("leaves out an exposure found only by its correlation with a spend column (|r| ≥ 0.95)", () => {
    const rng = createRandom(7);
    const d = wideFromText(wideCsv(60, 2, { gross_rating: (_i, tv) => (tv / 10 + rng.normal()).toFixed(3) }), "wide.csv", { channels: ["tv", "radio"] });
    expect(d.controls).toEqual(["price"]);
    const w = warningFor(d, "gross_rating");
    expect(w?.message).toMatch(/column "gross_rating" moves with the spend of channel "tv" \(r = 0\.99\d/);
  });

  it("leaves out a pandas index column (empty header) and a column 1..n, naming both", () => {
    const d = wideFromText(wideCsv(30, 3, { week_no: (i) => String(i + 1) }, true), "pandas.csv", {});
    expect(d.controls).toEqual(["price"]);
    expect(warningFor(d, "")?.message).toContain("column 1 (no header) is an unnamed or index column");
    expect(warningFor(d, "week_no")?.message).toContain('column "week_no" is an unnamed or index column');
    expect(roleWarnings(d)).toHaveLength(3); // the index, week_no, tv_impressions
  });

  it("turns a text column into indicator columns <col>=<level>, the most frequent level the baseline", () => {
    const d = wideFromText(wideCsv(40, 4, { event: (i) => (i % 10 === 3 ? "event1" : i % 10 === 7 ? "event2" : "na") }), "wide.csv", {});
    expect(d.controls).toEqual(["price", "event=event1", "event=event2"]);
    const t = toTable(d);
    expect(Array.from(t.columns["event=event1"]).reduce((a, b) => a + b, 0)).toBe(4);
    expect(t.columns["event=event2"][7]).toBe(1);
    expect(t.columns["event=event2"][3]).toBe(0);
    expect(warningFor(d, "event")?.message).toContain('baseline');
    // A model fitted on those names reads them back from the raw file (predict).
    const again = wideFromText(wideCsv(40, 4, { event: (i) => (i % 10 === 3 ? "event1" : "na") }), "wide.csv", { controls: ["price", "event=event1"] });
    expect(again.controls).toEqual(["price", "event=event1"]);
    expect(toTable(again).columns["event=event1"][13]).toBe(1);
  });

  it("leaves out a text column with one value or with too many values", () => {
    const d = wideFromText(wideCsv(30, 5, { note: () => "x", id: (i) => `id${i}` }), "wide.csv", {});
    expect(d.controls).toEqual(["price"]);
    expect(warningFor(d, "note")?.message).toContain("one value only");
    expect(warningFor(d, "id")?.message).toContain("30 distinct values");
  });

  it("uses a column the user names with --controls, exposure or not, without a warning", () => {
    const d = wideFromText(wideCsv(30, 6), "wide.csv", { controls: ["tv_impressions"] });
    expect(d.controls).toEqual(["tv_impressions"]);
    expect(roleWarnings(d)).toEqual([]);
    expect(toTable(d).warnings).toBeUndefined();
  });
});

describe("the helpers", () => {
  it("correlation is Pearson r (skipping non-finite rows)", () => {
    const x = Float64Array.of(1, 2, 3, 4, NaN);
    expect(correlation(x, Float64Array.of(2, 4, 6, 8, 1))).toBeCloseTo(1, 12);
    // (1,2,3,4) against (1,3,2,4): Σ dx·dy = 4, Σ dx² = Σ dy² = 5 → r = 0.8
    expect(correlation(x, Float64Array.of(1, 3, 2, 4, 0))).toBeCloseTo(0.8, 12);
    expect(Number.isNaN(correlation(x, Float64Array.of(5, 5, 5, 5, 5)))).toBe(true);
  });

  it("isIndexColumn: by header (empty, Unnamed: 0, index) or values 0..n-1 / 1..n", () => {
    const v = Float64Array.of(3, 1, 2);
    expect(isIndexColumn("", v)).toBe(true);
    expect(isIndexColumn("Unnamed: 0", v)).toBe(true);
    expect(isIndexColumn("INDEX", v)).toBe(true);
    expect(isIndexColumn("t", Float64Array.of(0, 1, 2, 3))).toBe(true);
    expect(isIndexColumn("t", Float64Array.of(1, 2, 3, 4))).toBe(true);
    expect(isIndexColumn("t", Float64Array.of(1, 2, 4, 4))).toBe(false);
    expect(isIndexColumn("price", v)).toBe(false);
  });
});
