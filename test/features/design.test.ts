import { describe, expect, it } from "vitest";
import type { AdstockParams, ChannelTransform } from "../../src/spec/transform-params";
import { baselineTerms, carriedSpend, design, mediaColumn, type DesignContext } from "../../src/features/design";
import { defaultSpec } from "../../src/spec/model-spec";
import { createRandom } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";
import { RESOLVED_ADSTOCKS } from "../helpers/adstock-kinds";

const spec = defaultSpec({ target: "revenue", channels: ["tv"], controls: ["price"], frequency: "weekly", seasonality: 1, holidays: "none" });
const tv = { adstock: { type: "geometric" as const, decay: 0.5 }, saturation: { type: "hill" as const, halfSaturation: 50, shape: 1 } };
const days = Int32Array.from([19723, 19730, 19737]); // 2024-01-01, -08, -15

describe("design", () => {
  it("design(spec, transforms, input, context) builds hill(adstock(spend)), trend, Fourier terms and controls by hand", () => {
    const d = design(spec, { tv }, { days, columns: { tv: Float64Array.from([100, 0, 0]), price: Float64Array.from([9, 10, 11]) } }, { trendStart: 19723, trendEnd: 19737, periodDays: 7 });
    expect(d.names).toEqual(["tv", "trend", "season_sin1", "season_cos1", "price"]);
    expect(d.kinds).toEqual(["media", "trend", "season", "season", "control"]);
    // adstock [100, 50, 25]; hill k=50 s=1: x/(x+50)
    expect(Array.from(d.columns[0])).toEqual([100 / 150, 50 / 100, 25 / 75]);
    expect(Array.from(d.columns[1])).toEqual([0, 0.5, 1]);
    expect(d.columns[2][0]).toBeCloseTo(Math.sin((2 * Math.PI * 19723) / 365.25), 12);
    expect(Array.from(d.columns[4])).toEqual([9, 10, 11]);
  });

  it("design(…) of rows after the history carries over the earlier spend: equals the tail of the whole series", () => {
    const all = Float64Array.from([100, 40, 0, 0, 30]);
    const whole = mediaColumn(all, tv);
    const history = { days: Int32Array.from([0, 7, 14]), spend: { tv: all.subarray(0, 3) } };
    const tail = design({ ...spec, controls: [] }, { tv }, { days: Int32Array.from([21, 28]), columns: { tv: all.subarray(3) } }, { trendStart: 0, trendEnd: 14, periodDays: 7, history });
    expect(tail.columns[0][0]).toBeCloseTo(whole[3], 14);
    expect(tail.columns[0][1]).toBeCloseTo(whole[4], 14);
  });

  it("carriedSpend(history, channel, firstDay) fills periods between the history and the input with zero spend", () => {
    const history = { days: Int32Array.from([0, 7]), spend: { tv: Float64Array.from([5, 6]) } };
    expect(Array.from(carriedSpend(history, "tv", 28, 7))).toEqual([5, 6, 0, 0]);
    expect(Array.from(carriedSpend(history, "tv", 7, 7))).toEqual([5]);
    expect(carriedSpend(history, "tv", 0, 7)).toHaveLength(0);
  });

  it("design(…) uses the control default when an input lacks the control, and refuses a missing channel", () => {
    const d = design(spec, { tv }, { days, columns: { tv: Float64Array.from([1, 2, 3]) } }, { trendStart: 19723, trendEnd: 19737, periodDays: 7, controlDefaults: { price: 7.5 } });
    expect(Array.from(d.columns[4])).toEqual([7.5, 7.5, 7.5]);
    expect(() => design(spec, { tv }, { days, columns: {} }, { trendStart: 0, trendEnd: 1, periodDays: 7 })).toThrow(/spend for channel "tv"/);
  });

  it("design(…) with trend \"damped\" equals the linear trend up to trendEnd and dampedTrend after it", () => {
    const later = Int32Array.from([19723, 19730, 19737, 19744, 19751]);
    const input = { days: later, columns: { tv: Float64Array.from([1, 2, 3, 4, 5]), price: Float64Array.from([9, 9, 9, 9, 9]) } };
    const context = { trendStart: 19723, trendEnd: 19737, periodDays: 7 };
    const damped = design({ ...spec, trend: "damped" }, { tv }, input, context).columns[1];
    const linear = design(spec, { tv }, input, context).columns[1];
    expect(Array.from(damped.subarray(0, 3))).toEqual(Array.from(linear.subarray(0, 3)));
    // past the window the slope (0.5 per week) shrinks by φ = 0.5^(7/91) each week
    const phi = 0.5 ** (7 / 91);
    expect(damped[3]).toBeCloseTo(1 + 0.5 * phi, 12);
    expect(damped[4]).toBeCloseTo(1 + 0.5 * (phi + phi * phi), 12);
    expect(linear[4]).toBe(2);
  });

  describe("carry-over from a cached state", () => {
    /** Every adstock kind, including a Weibull window left open (resolved to the carried length). */
    const kinds: AdstockParams[] = [...RESOLVED_ADSTOCKS.slice(0, 6), { type: "weibull_cdf", shape: 0.9, scale: 0.2 }, ...RESOLVED_ADSTOCKS.slice(6)];
    const channels = kinds.map((_, i) => `c${i}`);
    const transforms: Record<string, ChannelTransform> = Object.fromEntries(kinds.map((adstock, i) => [channels[i], { adstock, saturation: { type: "hill", halfSaturation: 400, shape: 1.7 } }]));
    const mediaSpec = { ...spec, channels, controls: [], seasonality: 0, trend: "none" as const };

    /** seededHistory(seed, length, periodDays) → `length` periods of random spend per channel from day 1000 on (some zero). */
    function seededHistory(seed: number, length: number, periodDays: number) {
      const random = createRandom(seed);
      const days = Int32Array.from({ length }, (_, i) => 1000 + i * periodDays);
      const spend = Object.fromEntries(channels.map((c) => [c, Float64Array.from({ length }, () => (random.uniform() < 0.2 ? 0 : 1000 * random.uniform()))]));
      return { days, spend };
    }

    /** The general path of design(): the whole carried history through mediaColumn. */
    const general = (context: DesignContext, days: Int32Array, columns: Record<string, Float64Array>, channel: string, t: ChannelTransform = transforms[channel]) =>
      mediaColumn(columns[channel], t, carriedSpend(context.history, channel, days[0], context.periodDays));

    function inputAt(seed: number, firstDay: number, n: number, periodDays: number) {
      const random = createRandom(seed);
      const days = Int32Array.from({ length: n }, (_, i) => firstDay + i * periodDays);
      const columns = Object.fromEntries(channels.map((c) => [c, Float64Array.from({ length: n }, () => 800 * random.uniform())]));
      return { days, columns };
    }

    it("design(…) of rows right after the history or after a gap equals the full carry-over for every adstock kind (seeded histories)", () => {
      for (let seed = 1; seed <= 12; seed++) {
        const periodDays = seed % 3 === 0 ? 1 : 7;
        const length = 20 + createRandom(seed).int(240);
        const history = seededHistory(seed, length, periodDays);
        const context: DesignContext = { trendStart: 1000, trendEnd: 1000 + (length - 1) * periodDays, periodDays, history };
        const last = history.days[length - 1];
        for (const gap of [0, 1, 3, 70]) {
          const input = inputAt(100 * seed + gap, last + (gap + 1) * periodDays, 1 + (seed % 5) * 7, periodDays);
          for (let repeat = 0; repeat < 2; repeat++) { // the second call reads the cached state
            const d = design(mediaSpec, transforms, input, context);
            channels.forEach((c, j) => { expectClose(d.columns[j], general(context, input.days, input.columns, c), { rel: 1e-12 }); });
          }
        }
      }
    });

    it("design(…) of a row whose first day is off the period grid carries over like carriedSpend rounds the gap", () => {
      const history = seededHistory(7, 50, 7);
      const context: DesignContext = { trendStart: 1000, trendEnd: 1343, periodDays: 7, history };
      for (const offset of [1, 3, 4, 10, 11]) {
        const input = inputAt(offset, history.days[49] + offset, 2, 7);
        const d = design(mediaSpec, transforms, input, context);
        channels.forEach((c, j) => { expectClose(d.columns[j], general(context, input.days, input.columns, c), { rel: 1e-12 }); });
      }
    });

    it("design(…) keeps agreeing after many first days (the cache drops its oldest states) and after the transforms change", () => {
      const history = seededHistory(3, 120, 7);
      const context: DesignContext = { trendStart: 1000, trendEnd: 1833, periodDays: 7, history };
      const last = history.days[119];
      for (let k = 1; k <= 80; k++) {
        const input = inputAt(k, last + k * 7, 1, 7);
        const d = design(mediaSpec, transforms, input, context);
        channels.forEach((c, j) => { expectClose(d.columns[j], general(context, input.days, input.columns, c), { rel: 1e-12 }); });
      }
      const input = inputAt(1, last + 7, 3, 7); // a first day evicted above
      const changed: Record<string, ChannelTransform> = Object.fromEntries(channels.map((c) => {
        const a = transforms[c].adstock;
        const adstock: AdstockParams = a.type === "geometric" || a.type === "delayed" ? { ...a, decay: a.decay / 2 } : a.type === "none" ? a : { ...a, shape: a.shape + 0.5 };
        return [c, { ...transforms[c], adstock }];
      }));
      for (const t of [transforms, changed, transforms]) {
        const d = design(mediaSpec, t, input, context);
        channels.forEach((c, j) => { expectClose(d.columns[j], general(context, input.days, input.columns, c, t[c]), { rel: 1e-12 }); });
      }
    });

    it("design(…) of rows starting inside the history still carries over only the periods before them", () => {
      const history = seededHistory(5, 60, 7);
      const context: DesignContext = { trendStart: 1000, trendEnd: 1413, periodDays: 7, history };
      for (const first of [history.days[0], history.days[30], history.days[59], history.days[0] - 14]) {
        const input = inputAt(first, first, 4, 7);
        const d = design(mediaSpec, transforms, input, context);
        channels.forEach((c, j) => { expectClose(d.columns[j], general(context, input.days, input.columns, c), { rel: 1e-12 }); });
      }
    });

    it("design(…) after the history equals mediaColumn of the whole series' tail (carry-over of the observed spend)", () => {
      const history = seededHistory(9, 80, 7);
      const context: DesignContext = { trendStart: 1000, trendEnd: 1553, periodDays: 7, history };
      const input = inputAt(9, history.days[79] + 7, 5, 7);
      const d = design(mediaSpec, transforms, input, context);
      channels.forEach((c, j) => {
        const all = new Float64Array(85);
        all.set(history.spend[c]);
        all.set(input.columns[c], 80);
        const a = transforms[c].adstock;
        const t = a.type === "weibull_cdf" && a.window === undefined ? { ...transforms[c], adstock: { ...a, window: 80 } } : transforms[c];
        expectClose(d.columns[j], mediaColumn(all, t).subarray(80), { rel: 1e-12 });
      });
    });

    it("design(…) from a cached state is bit-identical to the full carry-over, for rows after, inside and across the end of the history, on first and repeated calls", () => {
      for (let seed = 1; seed <= 6; seed++) {
        const periodDays = seed % 2 === 0 ? 1 : 7;
        const length = 30 + createRandom(seed).int(200);
        const history = seededHistory(seed, length, periodDays);
        const context: DesignContext = { trendStart: 1000, trendEnd: 1000 + (length - 1) * periodDays, periodDays, history };
        const days = history.days;
        for (const first of [days[1], days[length >> 1], days[length - 3], days[length - 1], days[length - 1] + periodDays, days[length - 1] + 5 * periodDays]) {
          for (const n of [1, 6]) {
            const input = inputAt(seed * 1000 + first, first, n, periodDays);
            for (let repeat = 0; repeat < 2; repeat++) {
              const d = design(mediaSpec, transforms, input, context);
              channels.forEach((c, j) => { expect(Array.from(d.columns[j])).toEqual(Array.from(general(context, input.days, input.columns, c))); });
            }
          }
        }
      }
    });
  });

  it("design(…) names and orders the baseline terms as baselineTerms does, with the same columns", () => {
    const full = defaultSpec({ target: "revenue", channels: ["tv"], controls: ["price"], frequency: "daily", seasonality: 2, holidays: "US", dayOfWeek: true });
    const input = { days: Int32Array.from({ length: 9 }, (_, i) => 20081 + i), columns: { tv: Float64Array.from({ length: 9 }, (_, i) => 10 * i), price: Float64Array.from({ length: 9 }, (_, i) => 9 + i) } };
    const context: DesignContext = { trendStart: 20000, trendEnd: 20100, periodDays: 1 };
    const d = design(full, { tv }, input, context);
    const base = baselineTerms(full, input, context);
    expect(d.names).toEqual(["tv", ...base.names]);
    expect(d.names).toEqual(["tv", "trend", "season_sin1", "season_cos1", "season_sin2", "season_cos2", "dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun", "holidays", "price"]);
    expect(d.kinds.slice(1)).toEqual(base.kinds);
    base.columns.forEach((column, j) => { expect(Array.from(d.columns[j + 1])).toEqual(Array.from(column)); });
    expect(Array.from(d.columns[1])).toEqual(Array.from(input.days, (day) => (day - 20000) / 100));
    expect(Array.from(d.columns[12])).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 1]); // from 2024-12-24: Christmas, New Year 2025
  });
});

