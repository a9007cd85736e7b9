import { describe, expect, it } from "vitest";
import { carriedSpend, design, mediaColumn } from "../../src/features/design";
import { defaultSpec } from "../../src/models/model-spec";

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
});
