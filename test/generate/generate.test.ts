import { describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync, rmSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Fault } from "../../src/generate/dirt";
import { generate } from "../../src/generate/generate";
import { LOGISTIC_LAMBDA_TIMES_K } from "../../src/generate/process";
import { resolveGenerateOptions, type GenerateOptions } from "../../src/generate/options";
import type { GeneratedData } from "../../src/generate/truth";
import { writeGenerated } from "../../src/generate/write-generated";
import { BUNDLED_SETS, writeBundledSets } from "../../src/generate/bundled-sets";
import { adstock } from "../../src/features/adstock";
import { saturate } from "../../src/features/saturation";
import { linearTrend } from "../../src/features/trend";
import { fourierTerms } from "../../src/features/fourier";
import { holidayIndicator } from "../../src/features/holidays";

// ---------------------------------------------------------------------------------------------
// Helpers: our files have no quoting, so a line splits on commas.

interface Parsed { header: string[]; rows: string[][] }

function parse(content: string): Parsed {
  expect(content.endsWith("\n")).toBe(true);
  expect(content.includes("\r")).toBe(false);
  const lines = content.slice(0, -1).split("\n");
  return { header: lines[0].split(","), rows: lines.slice(1).map((l) => l.split(",")) };
}

function fileOf(data: GeneratedData, path: string): string {
  const f = data.files.find((x) => x.path === path);
  if (!f) throw new Error(`no file ${path}`);
  return f.content;
}

function column(p: Parsed, name: string): number[] {
  const j = p.header.indexOf(name);
  expect(j).toBeGreaterThan(-1);
  return p.rows.map((r) => Number(r[j]));
}

function quantile7(values: number[], prob: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * prob;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)]) - s[lo]);
}

function corr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i] / n; mb += b[i] / n; }
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Rebuild the pre-noise target from truth + the written spend/control columns only. */
function rebuild(data: GeneratedData, spendOf: (channel: string) => number[], controlOf: (name: string) => number[]): {
  contributions: number[][];
  baseline: number[];
} {
  const { truth, series } = data;
  const n = truth.periods;
  const contributions = truth.channels.map((ch) => {
    const response = saturate(adstock(spendOf(ch.name), ch.adstock), ch.saturation);
    return Array.from(response, (v) => ch.coefficient * v);
  });
  const b = truth.baseline;
  const trend = linearTrend(n);
  const season = fourierTerms(series.days, b.seasonality.period, b.seasonality.order);
  const hol = holidayIndicator(series.days, truth.frequency, b.holidays.country);
  const controls = Object.entries(b.controls).map(([name, coef]) => [coef, controlOf(name)] as const);
  const baseline = Array.from({ length: n }, (_, t) => {
    let v = b.intercept + b.trend * trend[t] + b.holidays.effect * hol[t];
    for (const term of season) v += b.seasonality.coefficients[term.name] * term.values[t];
    for (const [coef, values] of controls) v += coef * values[t];
    return v;
  });
  return { contributions, baseline };
}

// ---------------------------------------------------------------------------------------------

describe("generate options", () => {
  it("resolveGenerateOptions({}) fills the documented defaults", () => {
    const o = resolveGenerateOptions({});
    expect(o).toEqual({
      seed: 42, periods: 156, frequency: "weekly",
      channels: ["tv", "radio", "social_media", "search", "outdoor"],
      shape: "wide", start: "2021-01-04", adstock: "geometric", dirt: false, seasonCorrelation: 0.3, alwaysOn: 3,
      collinear: false, confounder: false, snr: 8, country: "US", fileName: "mmm_weekly.csv", campaigns: null,
      saturation: "hill", trend: true, seasonal: true,
    });
    expect(resolveGenerateOptions({ frequency: "daily" }).periods).toBe(730);
  });

  it("generate({ saturation: \"logistic\", trend: false, seasonal: false }) has logistic channels, no trend and a flat year, and records the knobs", () => {
    const plain = generate({ seed: 5, channels: 2 });
    const data = generate({ seed: 5, channels: 2, saturation: "logistic", trend: false, seasonal: false });
    const t = data.truth;
    expect(t.baseline.trend).toBe(0);
    expect(Object.values(t.baseline.seasonality.coefficients)).toEqual([0, 0, 0, 0]);
    expect([t.options.saturation, t.options.trend, t.options.seasonal]).toEqual(["logistic", false, false]);
    expect(plain.truth.options.saturation).toBeUndefined();
    t.channels.forEach((c, i) => {
      const hill = plain.truth.channels[i].saturation;
      // λ = LOGISTIC_LAMBDA_TIMES_K / k for the same drawn half-saturation k
      if (c.saturation.type !== "logistic" || hill.type !== "hill") throw new Error("expected logistic and Hill");
      expect(c.saturation.lambda).toBeCloseTo(LOGISTIC_LAMBDA_TIMES_K / hill.halfSaturation, 12);
    });
    // the spend is drawn as before: only the target changes
    expect(data.series.spend).toEqual(plain.series.spend);
  });

  it("resolveGenerateOptions({channels: 14}) names channels from the default list, then channel_13, channel_14", () => {
    const names = resolveGenerateOptions({ channels: 14 }).channels;
    expect(names.slice(0, 6)).toEqual(["tv", "radio", "social_media", "search", "outdoor", "print"]);
    expect(names[11]).toBe("influencer");
    expect(names.slice(12)).toEqual(["channel_13", "channel_14"]);
  });

  it("generate(options) rejects bad options with a RangeError naming the option", () => {
    expect(() => generate({ periods: 3 })).toThrow("generate requires periods to be an integer >= 8");
    expect(() => generate({ channels: ["tv", "tv"] })).toThrow(RangeError);
    expect(() => generate({ channels: ["revenue"] })).toThrow(RangeError);
    expect(() => generate({ start: "2021-02-30" })).toThrow(RangeError);
    expect(() => generate({ seasonCorrelation: 1.5 })).toThrow(RangeError);
    expect(() => generate({ alwaysOn: 9 })).toThrow(RangeError);
    expect(() => generate({ snr: 0 })).toThrow(RangeError);
    expect(() => generate({ collinear: true, channels: 1 })).toThrow(RangeError);
  });

  it("generate({shape: 'campaigns', dirt: true}) is refused with a clear error", () => {
    expect(() => generate({ shape: "campaigns", dirt: true })).toThrow(new RangeError("generate requires shape \"wide\" or \"channel-dir\" with dirt"));
  });

  it("generate({country: 'XX'}) fails on the unknown holiday country", () => {
    expect(() => generate({ country: "XX" })).toThrow(/known country code/);
  });
});

describe("generate determinism", () => {
  it("generate(options) twice gives byte-identical files and truth", () => {
    for (const options of [
      { seed: 5 },
      { seed: 5, shape: "channel-dir", frequency: "daily", periods: 200, dirt: true },
      { seed: 5, shape: "campaigns", frequency: "daily", periods: 120 },
      { seed: 5, adstock: "weibull", confounder: true, collinear: true },
    ] as GenerateOptions[]) {
      const a = generate(options);
      const b = generate(options);
      expect(b.files).toEqual(a.files);
      expect(JSON.stringify(b.truth, null, 2)).toBe(JSON.stringify(a.truth, null, 2));
    }
  });

  it("generate({seed}) with different seeds gives different data", () => {
    expect(generate({ seed: 1 }).files[0].content).not.toBe(generate({ seed: 2 }).files[0].content);
  });

  it("generate(options) with dirt has the same truth (but for dirt) and clean cells as without", () => {
    const options: GenerateOptions = { seed: 3, shape: "channel-dir", frequency: "daily", periods: 120 };
    const clean = generate(options);
    const dirty = generate({ ...options, dirt: true });
    expect({ ...dirty.truth, dirt: null, options: { ...dirty.truth.options, dirt: false } }).toEqual(clean.truth);
  });
});

describe("generate wide", () => {
  const data = generate({ seed: 42, confounder: true });
  const p = parse(data.files[0].content);

  it("generate({}) writes one wide file mmm_weekly.csv with date, spend columns, revenue and controls", () => {
    expect(data.files.map((f) => f.path)).toEqual(["mmm_weekly.csv"]);
    expect(p.header).toEqual([
      "date", "tv_spend", "radio_spend", "social_media_spend", "search_spend", "outdoor_spend",
      "revenue", "price", "promo", "demand_index",
    ]);
    expect(p.rows.length).toBe(156);
    expect(p.rows[0][0]).toBe("2021-01-04");
    expect(p.rows[1][0]).toBe("2021-01-11");
    expect(p.rows[155][0]).toBe(data.truth.end);
    expect(data.truth.end).toBe("2023-12-25"); // 2021-01-04 + 155 weeks
    expect(data.truth.target).toBe("revenue");
  });

  it("generate({}) writes money with two decimals and promo as 0/1", () => {
    for (const row of p.rows) {
      for (const cell of row.slice(1, 7)) expect(cell).toMatch(/^\d+\.\d\d$/);
      expect(row[8]).toMatch(/^[01]$/);
    }
  });

  it("truth.roas equals contribution / spend and shares sum to 1", () => {
    let sos = 0, soe = 0;
    for (const ch of data.truth.channels) {
      expect(ch.roas).toBe(ch.contribution / ch.spend);
      sos += ch.share_of_spend;
      soe += ch.share_of_effect;
    }
    expect(sos).toBeCloseTo(1, 12);
    expect(soe).toBeCloseTo(1, 12);
  });

  it("truth.channels[].spend is the total of the written spend column", () => {
    for (const ch of data.truth.channels) {
      const total = column(p, `${ch.name}_spend`).reduce((a, b) => a + b, 0);
      expect(ch.spend).toBeCloseTo(total, 6);
    }
  });

  it("channel contributions plus baseline, rebuilt from truth and the written columns, reproduce the pre-noise target", () => {
    const { contributions, baseline } = rebuild(data, (c) => column(p, `${c}_spend`), (name) => column(p, name));
    const revenue = column(p, "revenue");
    for (let t = 0; t < data.truth.periods; t++) {
      const rebuilt = baseline[t] + contributions.reduce((s, c) => s + c[t], 0);
      expect(rebuilt).toBeCloseTo(data.series.signal[t], 6);
      // the written revenue is the pre-noise target plus the noise, rounded to the cent
      expect(Math.abs(revenue[t] - (data.series.signal[t] + data.series.noise[t]))).toBeLessThanOrEqual(0.005 + 1e-6);
    }
    data.truth.channels.forEach((ch, c) => {
      expect(contributions[c].reduce((a, b) => a + b, 0)).toBeCloseTo(ch.contribution, 4);
    });
    expect(baseline.reduce((a, b) => a + b, 0)).toBeCloseTo(data.truth.baseline.contribution, 4);
  });

  it("truth: Σ channel contributions + baseline contribution = Σ pre-noise target", () => {
    const total = data.truth.channels.reduce((s, c) => s + c.contribution, 0) + data.truth.baseline.contribution;
    const signal = data.series.signal.reduce((a, b) => a + b, 0);
    expect(total / signal).toBeCloseTo(1, 12);
    expect(data.truth.media_share).toBeCloseTo(data.truth.channels.reduce((s, c) => s + c.contribution, 0) / signal, 12);
  });

  it("truth.noise_sd is sd(pre-noise target) / snr", () => {
    const s = Array.from(data.series.signal);
    const m = s.reduce((a, b) => a + b, 0) / s.length;
    const sd = Math.sqrt(s.reduce((a, b) => a + (b - m) ** 2, 0) / (s.length - 1));
    expect(data.truth.noise_sd).toBeCloseTo(sd / 8, 8);
  });

  it("truth.baseline lists price, promo and the confounder demand_index, with price lowering revenue", () => {
    expect(Object.keys(data.truth.baseline.controls)).toEqual(["price", "promo", "demand_index"]);
    expect(data.truth.baseline.controls.price).toBeLessThan(0);
    expect(data.truth.baseline.controls.promo).toBeGreaterThan(0);
    expect(data.truth.baseline.controls.demand_index).toBeGreaterThan(0);
    expect(Object.keys(data.truth.baseline.seasonality.coefficients)).toEqual(["sin1", "cos1", "sin2", "cos2"]);
  });
});

describe("generate plausibility", () => {
  const seeds = [1, 2, 3, 4, 5, 6];

  it("generate(options) keeps media at 20–40 % of the target and every ROAS in 0.5–6", () => {
    for (const seed of seeds) {
      for (const frequency of ["weekly", "daily"] as const) {
        const { truth } = generate({ seed, frequency });
        expect(truth.media_share).toBeGreaterThanOrEqual(0.2);
        expect(truth.media_share).toBeLessThanOrEqual(0.4);
        for (const ch of truth.channels) {
          expect(ch.roas).toBeGreaterThanOrEqual(0.5);
          expect(ch.roas).toBeLessThanOrEqual(6);
        }
      }
    }
  });

  it("generate(options) never writes a zero or negative target in clean data", () => {
    for (const seed of seeds) {
      for (const options of [
        { seed }, { seed, shape: "channel-dir", frequency: "daily" }, { seed, snr: 1 }, { seed, adstock: "weibull" },
      ] as GenerateOptions[]) {
        const data = generate(options);
        const p = parse(data.files[data.files.length - 1].content);
        const target = column(p, data.truth.target === "sales" ? "sales" : "revenue");
        expect(Math.min(...target)).toBeGreaterThan(0);
      }
    }
  });

  it("generate(options) spend never exceeds 20 × its column's 95th percentile; flighted channels have zeros, always-on ones none", () => {
    for (const seed of seeds) {
      const data = generate({ seed, frequency: seed % 2 === 0 ? "daily" : "weekly", confounder: true, seasonCorrelation: 0.9 });
      const p = parse(data.files[0].content);
      for (const ch of data.truth.channels) {
        const x = column(p, `${ch.name}_spend`);
        expect(Math.max(...x)).toBeLessThanOrEqual(20 * quantile7(x, 0.95));
        expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
        if (ch.always_on) expect(Math.min(...x)).toBeGreaterThan(0);
        else expect(x.filter((v) => v === 0).length).toBeGreaterThan(0);
      }
    }
  });

  it("generate({seasonCorrelation: 1}) makes always-on spend follow the season more than seasonCorrelation 0", () => {
    const season = (data: GeneratedData): Float64Array => {
      const c = data.truth.baseline.seasonality.coefficients;
      const terms = fourierTerms(data.series.days, 365.25, 2);
      return Float64Array.from(data.series.days, (_, t) => terms.reduce((s, term) => s + c[term.name] * term.values[t], 0));
    };
    const hi = generate({ seed: 9, seasonCorrelation: 1, alwaysOn: 5 });
    const lo = generate({ seed: 9, seasonCorrelation: 0, alwaysOn: 5 });
    const logSpend = (d: GeneratedData): Float64Array => d.series.spend[0].map((v) => Math.log(v));
    expect(corr(logSpend(hi), season(hi))).toBeGreaterThan(0.8);
    expect(Math.abs(corr(logSpend(lo), season(lo)))).toBeLessThan(0.5);
  });

  it("generate({collinear: true}) makes the second channel's spend the first's times a ratio, within 5 % noise", () => {
    const data = generate({ seed: 4, collinear: true });
    const [a, b] = data.series.spend;
    expect(corr(a, b)).toBeGreaterThan(0.99);
    const ratios = Array.from(a).flatMap((v, t) => (v > 100 ? [b[t] / v] : []));
    const m = ratios.reduce((s, r) => s + r, 0) / ratios.length;
    expect(m).toBeGreaterThanOrEqual(0.38);
    expect(m).toBeLessThanOrEqual(0.82);
    for (const r of ratios) expect(Math.abs(r / m - 1)).toBeLessThan(0.25);
    expect(data.truth.channels[1].always_on).toBe(data.truth.channels[0].always_on);
  });

  it("generate({adstock: 'weibull'}) records Robyn Weibull PDF kernels with an explicit window", () => {
    const data = generate({ seed: 8, adstock: "weibull", periods: 104 });
    for (const ch of data.truth.channels) {
      expect(ch.adstock.type).toBe("weibull_pdf");
      if (ch.adstock.type === "weibull_pdf") expect(ch.adstock.window).toBe(104);
    }
    const p = parse(data.files[0].content);
    const { contributions, baseline } = rebuild(data, (c) => column(p, `${c}_spend`), (name) => column(p, name));
    for (let t = 0; t < 104; t++) {
      expect(baseline[t] + contributions.reduce((s, c) => s + c[t], 0)).toBeCloseTo(data.series.signal[t], 6);
    }
  });
});

describe("generate channel-dir", () => {
  const data = generate({ seed: 21, shape: "channel-dir", frequency: "daily", periods: 100, channels: 3 });

  it("generate({shape: 'channel-dir'}) writes <channel>_spend.csv files and sales_data.csv", () => {
    expect(data.files.map((f) => f.path)).toEqual(["tv_spend.csv", "radio_spend.csv", "social_media_spend.csv", "sales_data.csv"]);
    expect(parse(fileOf(data, "tv_spend.csv")).header).toEqual(["date", "spend"]);
    expect(parse(fileOf(data, "sales_data.csv")).header).toEqual(["date", "sales"]);
    const dates = parse(fileOf(data, "sales_data.csv")).rows.map((r) => r[0]);
    expect(dates.slice(0, 3)).toEqual(["2021-01-04", "2021-01-05", "2021-01-06"]);
    expect(dates.length).toBe(100);
    expect(data.truth.target).toBe("sales");
  });

  it("generate({shape: 'channel-dir'}) has no price or promo effect", () => {
    expect(data.truth.baseline.controls).toEqual({});
  });

  it("channel contributions plus baseline reproduce the pre-noise sales", () => {
    const { contributions, baseline } = rebuild(
      data,
      (c) => column(parse(fileOf(data, `${c}_spend.csv`)), "spend"),
      () => { throw new Error("no controls expected"); },
    );
    for (let t = 0; t < 100; t++) {
      expect(baseline[t] + contributions.reduce((s, c) => s + c[t], 0)).toBeCloseTo(data.series.signal[t], 6);
    }
  });
});

describe("generate campaigns", () => {
  const data = generate({ seed: 11, shape: "campaigns", frequency: "daily", periods: 90, campaigns: 8 });
  const p = parse(fileOf(data, "campaigns.csv"));
  const j = (name: string): number => p.header.indexOf(name);
  const cents = (text: string): number => {
    expect(text).toMatch(/^-?\d+\.\d\d$/);
    return Number(text.replace(".", ""));
  };

  it("generate({shape: 'campaigns'}) writes one long file with the campaign columns and 8 campaigns", () => {
    expect(data.files.map((f) => f.path)).toEqual(["campaigns.csv"]);
    expect(p.header).toEqual(["date", "campaign_name", "spend", "impressions", "clicks", "conversions", "revenue"]);
    expect(data.truth.campaigns?.length).toBe(8);
    for (const c of data.truth.campaigns ?? []) expect(c.name.startsWith(`${c.channel}_`)).toBe(true);
    expect(new Set(p.rows.map((r) => r[j("campaign_name")]))).toEqual(new Set(data.truth.campaigns?.map((c) => c.name)));
  });

  it("generate({shape: 'campaigns'}) revenue rows of a date sum exactly, to the cent, to that date's total revenue", () => {
    const byDate = new Map<string, number>();
    for (const r of p.rows) byDate.set(r[0], (byDate.get(r[0]) ?? 0) + cents(r[j("revenue")]));
    expect(byDate.size).toBe(90);
    data.series.dates.forEach((date, t) => {
      expect(byDate.get(date)).toBe(Math.round((data.series.signal[t] + data.series.noise[t]) * 100));
    });
  });

  it("generate({shape: 'campaigns'}) campaign spend sums to the channel spend; a missing row means zero spend", () => {
    const channelOf = new Map((data.truth.campaigns ?? []).map((c) => [c.name, c.channel]));
    const totals = new Map<string, number>();
    for (const r of p.rows) {
      const key = `${r[0]}|${channelOf.get(r[j("campaign_name")])}`;
      totals.set(key, (totals.get(key) ?? 0) + cents(r[j("spend")]));
    }
    data.truth.channels.forEach((ch, c) => {
      data.series.dates.forEach((date, t) => {
        expect(totals.get(`${date}|${ch.name}`) ?? 0).toBe(Math.round(data.series.spend[c][t] * 100));
      });
    });
  });

  it("generate({shape: 'campaigns'}) impressions, clicks and conversions are non-negative integers with clicks ≤ impressions", () => {
    for (const r of p.rows) {
      const [imp, clk, conv] = [r[j("impressions")], r[j("clicks")], r[j("conversions")]].map(Number);
      for (const v of [imp, clk, conv]) expect(Number.isInteger(v) && v >= 0).toBe(true);
      expect(clk).toBeLessThanOrEqual(imp);
      expect(conv).toBeLessThanOrEqual(clk);
    }
  });

  it("generate({shape: 'campaigns'}) includes price and promo effects in the truth", () => {
    expect(Object.keys(data.truth.baseline.controls)).toEqual(["price", "promo"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Dirt: re-apply the recorded faults to the clean files and compare byte for byte.

function headerIndex(header: string[], column: string): number {
  const j = header.findIndex((h) => h === column || h === `${column}_spend`);
  return j >= 0 ? j : 1; // channel-dir files: the one value column
}

function applyFaults(cleanText: string, file: string, faults: Fault[]): string {
  const p = parse(cleanText);
  const out = [p.header.join(",")];
  for (const row of p.rows) {
    const here = faults.filter((f) => f.file === file && f.date === row[0]);
    const cells = [...row];
    const invalid = here.find((f) => f.kind === "invalid_date");
    if (invalid) cells[0] = invalid.value as string;
    else if (here.some((f) => f.kind === "missing" && f.value === null)) continue;
    for (const f of here) {
      if (f.kind === "duplicate_date" || f.kind === "invalid_date" || f.value === null) continue;
      cells[headerIndex(p.header, f.column)] = f.value;
    }
    out.push(cells.join(","));
    if (here.some((f) => f.kind === "duplicate_date")) out.push(cells.join(","));
  }
  return `${out.join("\n")}\n`;
}

function checkDirt(options: GenerateOptions): void {
  const dirty = generate({ ...options, dirt: true });
  const clean = generate({ ...options, dirt: false });
  const dirt = dirty.truth.dirt;
  expect(dirt).not.toBeNull();
  if (!dirt) return;
  const { faults, dropped_rows } = dirt;
  const first = dirty.truth.start, last = dirty.truth.end;

  // Re-applying the recorded faults to the clean files gives the dirty files exactly.
  expect(dirty.files.map((f) => f.path)).toEqual(clean.files.map((f) => f.path));
  for (const f of dirty.files) expect(f.content).toBe(applyFaults(fileOf(clean, f.path), f.path, faults));

  // Every fault is visible in the written text at its place.
  for (const f of faults) {
    const p = parse(fileOf(dirty, f.file));
    const rows = p.rows.filter((r) => r[0] === f.date);
    if (f.kind === "invalid_date") {
      expect(rows.length).toBe(0);
      expect(p.rows.some((r) => r[0] === f.value)).toBe(true);
      expect(f.value).toMatch(new RegExp(`^${f.date.slice(0, 4)}-13-${f.date.slice(8, 10)}$`));
    } else if (f.value === null) {
      expect(rows.length).toBe(0);
    } else if (f.kind === "duplicate_date") {
      expect(rows.length).toBe(2);
      expect(rows[0]).toEqual(rows[1]);
      expect(rows[0][headerIndex(p.header, f.column)]).toBe(f.value);
    } else {
      expect(rows.length).toBe(1);
      expect(rows[0][headerIndex(p.header, f.column)]).toBe(f.value);
    }
    expect(f.date).not.toBe(first);
    expect(f.date).not.toBe(last);
  }

  // Kinds and values.
  const count = (kind: string, pred: (f: Fault) => boolean = () => true): number => faults.filter((f) => f.kind === kind && pred(f)).length;
  for (const kind of ["negative", "outlier", "zero_target", "non_numeric", "duplicate_date", "invalid_date"]) {
    expect(count(kind)).toBeGreaterThanOrEqual(2);
  }
  expect(count("missing", (f) => f.value === "")).toBeGreaterThanOrEqual(2);
  const channels = dirty.truth.channels.map((c) => c.name);
  for (const f of faults) {
    if (f.kind === "negative") { expect(channels).toContain(f.column); expect(Number(f.value)).toBeLessThan(0); }
    if (f.kind === "outlier") {
      const c = channels.indexOf(f.column);
      expect(Number(f.value)).toBeCloseTo(50 * Math.max(...clean.series.spend[c]), 2);
    }
    if (f.kind === "zero_target") { expect(f.column).toBe(dirty.truth.target); expect(f.value).toBe("0"); }
    if (f.kind === "non_numeric") expect(f.value).toBe("n/a");
  }

  // Removed rows: (b) at least two single-file removals, (c) one date removed from every file.
  const files = dirty.files.map((f) => f.path);
  const removedFiles = new Map<string, string[]>();
  for (const d of dropped_rows) removedFiles.set(d.date, [...(removedFiles.get(d.date) ?? []), d.file]);
  const everywhere = [...removedFiles.values()].filter((fs) => fs.length === files.length);
  expect(everywhere.length).toBeGreaterThanOrEqual(1);
  expect([...removedFiles.values()].length).toBeGreaterThanOrEqual(3);
  for (const d of dropped_rows) {
    expect(faults.some((f) => f.file === d.file && f.date === d.date && f.kind === "missing" && f.value === null)).toBe(true);
  }

  // Each invalid_date cell also has a missing fault at the true date.
  for (const f of faults.filter((x) => x.kind === "invalid_date")) {
    expect(faults.some((m) => m.kind === "missing" && m.file === f.file && m.column === f.column && m.date === f.date && m.value === null)).toBe(true);
  }

  // Never two events on one date in one file: a cell fault is alone on its (file, date).
  for (const f of faults.filter((x) => x.value !== null && x.kind !== "duplicate_date" && x.kind !== "invalid_date")) {
    expect(faults.filter((g) => g.file === f.file && g.date === f.date).length).toBe(1);
  }
}

describe("generate dirt", () => {
  it("generate({shape: 'channel-dir', dirt}) records every fault exactly where it is written", () => {
    checkDirt({ seed: 7, shape: "channel-dir", frequency: "daily", periods: 400, channels: 6 });
  });

  it("generate({shape: 'wide', dirt}) records every fault exactly where it is written", () => {
    checkDirt({ seed: 12, shape: "wide", frequency: "weekly", periods: 156, confounder: true });
  });

  it("generate({dirt}) at the minimum length of 19 periods still injects every kind", () => {
    checkDirt({ seed: 2, shape: "channel-dir", periods: 19, channels: 2 });
    expect(() => generate({ dirt: true, periods: 18 })).toThrow(RangeError);
  });

  it("generate({shape: 'wide', dirt}) records a whole-row fault once per channel, target and control column", () => {
    const { truth } = generate({ seed: 12, dirt: true });
    const dup = truth.dirt?.faults.filter((f) => f.kind === "duplicate_date") ?? [];
    const firstDate = dup[0].date;
    expect(dup.filter((f) => f.date === firstDate).map((f) => f.column)).toEqual(
      ["outdoor", "price", "promo", "radio", "revenue", "search", "social_media", "tv"],
    );
  });

  it("generate({dirt}) hits about 1 % of the spend and target cells", () => {
    const { truth } = generate({ seed: 7, shape: "channel-dir", frequency: "daily", periods: 730, channels: 6 , dirt: true });
    const cells = 730 * 7;
    const events = new Set((truth.dirt?.faults ?? []).map((f) => f.date)).size;
    expect(events).toBe(Math.round(0.01 * cells));
  });
});

describe("writeGenerated and bundled sets", () => {
  it("writeGenerated(dir, data) writes every file plus truth.json with a final newline", () => {
    const dir = mkdtempSync(join(tmpdir(), "mixlab-gen-"));
    try {
      const data = generate({ seed: 1, shape: "channel-dir", periods: 30, channels: 2 });
      const written = writeGenerated(join(dir, "nested", "out"), data);
      expect(written.map((p) => p.slice(dir.length + 1))).toEqual([
        join("nested", "out", "tv_spend.csv"), join("nested", "out", "radio_spend.csv"),
        join("nested", "out", "sales_data.csv"), join("nested", "out", "truth.json"),
      ]);
      expect(readFileSync(join(dir, "nested", "out", "tv_spend.csv"), "utf8")).toBe(data.files[0].content);
      expect(readFileSync(join(dir, "nested", "out", "truth.json"), "utf8")).toBe(`${JSON.stringify(data.truth, null, 2)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("BUNDLED_SETS has the weekly, daily and campaigns specs with their seeds and shapes", () => {
    expect(Object.entries(BUNDLED_SETS).map(([name, s]) => [name, s.folder, s.options.shape, s.options.seed, s.options.frequency, s.options.periods])).toEqual([
      ["weekly", "weekly", "wide", 42, "weekly", 208],
      ["daily", "daily", "channel-dir", 7, "daily", 730],
      ["campaigns", "campaigns", "campaigns", 11, "daily", 365],
    ]);
    expect(BUNDLED_SETS.daily.options.dirt).toBe(true);
  });

  it("writeBundledSets(root) writes the three sets, in well under a second", () => {
    const dir = mkdtempSync(join(tmpdir(), "mixlab-bundled-"));
    try {
      const t0 = performance.now();
      const result = writeBundledSets(dir);
      const ms = performance.now() - t0;
      expect(ms).toBeLessThan(1000);
      expect(result.map((r) => r.name)).toEqual(["weekly", "daily", "campaigns"]);
      expect(readdirSync(join(dir, "weekly")).sort()).toEqual(["mmm_weekly.csv", "truth.json"]);
      expect(readdirSync(join(dir, "daily")).sort()).toEqual([
        "outdoor_spend.csv", "print_spend.csv", "radio_spend.csv", "sales_data.csv", "search_spend.csv",
        "social_media_spend.csv", "truth.json", "tv_spend.csv",
      ]);
      expect(readdirSync(join(dir, "campaigns")).sort()).toEqual(["campaigns.csv", "truth.json"]);
      const weekly = parse(readFileSync(join(dir, "weekly", "mmm_weekly.csv"), "utf8"));
      expect(weekly.header).toEqual(["date", "tv_spend", "radio_spend", "social_media_spend", "search_spend", "outdoor_spend", "revenue", "price", "promo"]);
      expect(weekly.rows.length).toBe(208);
      const truth = JSON.parse(readFileSync(join(dir, "campaigns", "truth.json"), "utf8"));
      expect(truth.campaigns.length).toBe(8);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
