import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInput, toTable, detectFormat } from "../../src/data/load";
import { wideFromText } from "../../src/data/load-wide";

const fixtures = join(__dirname, "..", "fixtures", "data");

describe("loadInput on the wide shape", () => {
  it("loadInput(file) assigns default roles and reads BOM, CRLF, quotes and thousands separators exactly", () => {
    const ds = loadInput(join(fixtures, "wide.csv"));
    expect(ds.format).toBe("wide");
    expect(ds.target).toBe("revenue");
    expect(ds.channels).toEqual(["tv", "search"]);
    // The text column region (north/south) becomes the indicator region=south, with a warning.
    expect(ds.controls).toEqual(["price", "region=south"]);
    expect(ds.issues.map((i) => [i.kind, i.column])).toEqual([["ignored_column", "region"]]);
    const t = toTable(ds);
    expect(t.frequency).toBe("weekly");
    expect(t.dates).toEqual(["2024-01-01", "2024-01-08", "2024-01-15"]);
    expect(Array.from(t.columns.tv)).toEqual([100, 0, 1200]);
    expect(Array.from(t.columns.search)).toEqual([1000.5, 2500.25, 1250]);
    expect(Array.from(t.columns.revenue)).toEqual([5000, 12345, 4000.5]);
    expect(Array.from(t.columns.price)).toEqual([9.5, 9.75, 10]);
    expect(Array.from(t.columns["region=south"])).toEqual([0, 1, 0]);
  });

  it("loadInput(file, roles) takes roles from options: channels by name or column, explicit controls", () => {
    const ds = loadInput(join(fixtures, "wide.csv"), { target: "revenue", channels: ["tv", "search_spend"], controls: [] });
    expect(ds.channels).toEqual(["tv", "search"]);
    expect(ds.controls).toEqual([]);
    expect(ds.issues).toEqual([]);
  });

  it("wideFromText(text) names a daily series and reads a sales target", () => {
    const t = toTable(wideFromText("date,a_spend,sales\n2024-01-02,1,10\n2024-01-01,2,20\n2024-01-03,3,30\n", "mem.csv"));
    expect(t.frequency).toBe("daily");
    expect(t.target).toBe("sales");
    expect(t.dates).toEqual(["2024-01-01", "2024-01-02", "2024-01-03"]);
    expect(Array.from(t.columns.a)).toEqual([2, 1, 3]);
  });
});

describe("loadInput on the channel-dir shape", () => {
  it("loadInput(folder) outer-joins the channel files and sales on date, leaving holes where a file lacks a date", () => {
    const dir = join(fixtures, "channel-dir");
    expect(detectFormat(dir)).toBe("channel-dir");
    const ds = loadInput(dir);
    expect(ds.channels).toEqual(["radio", "tv"]);
    expect(ds.target).toBe("sales");
    expect(() => toTable(ds)).toThrow(/2 missing value/);
    const radioGap = ds.files.find((f) => f.path.endsWith("radio_spend.csv"))!;
    expect(Array.from(radioGap.days)).toHaveLength(3);
  });
});

describe("loadInput on the campaigns shape", () => {
  it("loadInput(file) pivots campaigns to channels, sums revenue per date, and treats an absent campaign as zero spend", () => {
    const file = join(fixtures, "campaigns.csv");
    expect(detectFormat(file)).toBe("campaigns");
    const ds = loadInput(file);
    expect(ds.channels).toEqual(["search_brand", "search_generic", "tv_brand"]);
    const t = toTable(ds);
    expect(t.frequency).toBe("daily");
    expect(t.dates).toEqual(["2024-05-01", "2024-05-02", "2024-05-03"]);
    expect(Array.from(t.columns.tv_brand)).toEqual([100, 120, 0]);
    expect(Array.from(t.columns.search_generic)).toEqual([50, 0, 60]);
    expect(Array.from(t.columns.search_brand)).toEqual([0, 30, 0]);
    expect(Array.from(t.columns.revenue)).toEqual([800, 750, 350]);
  });

  it("loadInput(file) reports CTR, CVR, CPA and ROAS per campaign", () => {
    const ds = loadInput(join(fixtures, "campaigns.csv"));
    const generic = ds.campaigns!.find((c) => c.campaign === "Search - Generic")!;
    // spend 110, impressions 11000, clicks 550, conversions 55, revenue 650
    expect(generic.ctr).toBeCloseTo(550 / 11000, 15);
    expect(generic.cvr).toBeCloseTo(55 / 550, 15);
    expect(generic.cpa).toBeCloseTo(110 / 55, 15);
    expect(generic.roas).toBeCloseTo(650 / 110, 15);
    expect(ds.campaigns!.map((c) => c.campaign)).toEqual(["Search - Generic", "Search, Brand", "TV Brand"]);
  });

  it("loadInput(file, {channelMap}) groups campaigns into channels by summing their spend", () => {
    const ds = loadInput(join(fixtures, "campaigns.csv"), { channelMap: { "Search - Generic": "search", "Search, Brand": "search", "TV Brand": "tv" } });
    const t = toTable(ds);
    expect(t.channels).toEqual(["search", "tv"]);
    expect(Array.from(t.columns.search)).toEqual([50, 30, 60]);
  });
});
