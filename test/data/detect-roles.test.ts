/**
 * detectRoles / detectWide (`mixlab init`, issue #17): the roles of exports named the way other
 * tools name them — `DATE`, Robyn's `*_S`, `*_cost`, `Channel0_spend`, a `geo` panel — and of the
 * three bundled shapes, each with a reason.
 */
import { describe, expect, it } from "vitest";
import { detectRoles, detectWide } from "../../src/data/detect-roles";
import { DataError } from "../../src/data/issue";
import { readCsvColumns } from "../../src/data/source";
import { channelIndexStyle, costStyle, geoPanel, robynStyle, type ExportFixture } from "../helpers/export-csv-fixtures";

const wide = (text: string) => detectWide(readCsvColumns(text, "x.csv", new Set()));

describe("detectWide(csv) on exports with other namings", () => {
  const cases: [string, ExportFixture][] = [
    ["Robyn (DATE, *_S, an exposure *_I only by correlation)", robynStyle()],
    ["*_cost with a <channel>_impressions exposure, target sales, date column week", costStyle()],
    ["Channel0_spend, target conversions, an unnamed index column", channelIndexStyle()],
    ["a geo panel", geoPanel()],
  ];
  for (const [name, f] of cases) {
    it(`finds date, target, channels, exposures, controls and group: ${name}`, () => {
      const r = wide(f.text);
      expect(r.format).toBe("wide");
      expect(r.frequency).toBe("weekly");
      expect(r.date).toBe(f.date);
      expect(r.target).toBe(f.target);
      expect(r.channels).toEqual(f.channels);
      expect(r.controls).toEqual(f.controls);
      expect(r.exposures).toEqual(f.exposures);
      expect(r.group).toBe(f.group);
      for (const role of ["format", "date", "frequency", "target", "channels", "exposures", "controls", "group"]) expect(r.reasons[role]).toMatch(/\S/);
    });
  }

  it("gives the reason of each finding in words: the _S suffix, the correlation of an exposure, the group's repeats", () => {
    const robyn = wide(robynStyle().text);
    expect(robyn.reasons.channels).toContain('"tv_S" → tv_S (it ends in "_S"');
    expect(robyn.reasons.exposures).toMatch(/"facebook_I" moves with the spend of channel "facebook" \(r = (0\.9[5-9]\d|1\.000), \|r\| ≥ 0\.95\)/);
    const panel = wide(geoPanel().text);
    expect(panel.reasons.group).toBe('"geo": text with 3 values; the 60 dates repeat, once per value (a panel: one model over the groups)');
    const index = wide(channelIndexStyle().text);
    expect(index.leftOut).toEqual(['column 1 (no header) is an unnamed or index column (row numbers), so it is not used as a control (name it with --controls to use it)']);
  });

  it("finds a daily frequency from dates a day apart", () => {
    const text = "date,tv_spend,sales\n" + Array.from({ length: 10 }, (_, i) => `2023-03-${String(i + 1).padStart(2, "0")},${i},${100 + i}`).join("\n") + "\n";
    expect(wide(text).frequency).toBe("daily");
  });

  it("fails with a message naming the columns when no column is named like spend or like a target", () => {
    expect(() => wide("date,tv,revenue\n2023-01-02,1,2\n2023-01-09,1,2\n")).toThrow(/no numeric column is named like spend .*columns are: date, tv, revenue/);
    expect(() => wide("date,tv_spend,y\n2023-01-02,1,2\n2023-01-09,1,2\n")).toThrow(/no numeric column is named like a target/);
    expect(() => wide("when,tv_spend,revenue\nmonday,1,2\n")).toThrow(DataError);
  });
});

describe("detectRoles(path) on the bundled shapes", () => {
  it("data/weekly: wide, weekly, revenue, five *_spend channels, price and promo as controls", () => {
    const r = detectRoles("data/weekly/mmm_weekly.csv");
    expect([r.format, r.frequency, r.date, r.target]).toEqual(["wide", "weekly", "date", "revenue"]);
    expect(r.channels).toEqual(["tv_spend", "radio_spend", "social_media_spend", "search_spend", "outdoor_spend"]);
    expect(r.controls).toEqual(["price", "promo"]);
    expect(r.group).toBeNull();
  });

  it("data/daily: channel-dir, daily, six channels from the file names, target sales", () => {
    const r = detectRoles("data/daily");
    expect([r.format, r.frequency, r.target]).toEqual(["channel-dir", "daily", "sales"]);
    expect(r.channels).toEqual(["outdoor", "print", "radio", "search", "social_media", "tv"]);
  });

  it("data/campaigns: campaigns, daily, one channel per campaign", () => {
    const r = detectRoles("data/campaigns/campaigns.csv");
    expect([r.format, r.frequency]).toEqual(["campaigns", "daily"]);
    expect(r.channels).toHaveLength(8);
    expect(r.reasons.channels).toContain("group them with channel_map");
  });
});
