import { describe, expect, it } from "vitest";
import { drawBootstrap } from "../../../src/models/draw-returns";
import { chooseAtReturns, intervalsOf, RETURNS_AT } from "../../../src/models/fit/intervals";
import { mostCentral } from "../../../src/models/select-candidate";
import { decodeCandidate } from "../../../src/models/transform-space";
import { problem, spec } from "./fit-fixture";

/** Type-7 quantile by hand: sorted values, position p·(n − 1), linear between neighbours. */
function type7(values: ArrayLike<number>, p: number): number {
  const sorted = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

function pool(s: ReturnType<typeof spec>, units: number[]) {
  const { window, setup } = problem(s);
  return { window, setup, pool: units.map((u) => decodeCandidate(s, setup.decode(Float64Array.from(setup.dims, () => u)), window.spend, window.k)) };
}

describe("intervalsOf", () => {
  it("intervalsOf(...) bounds each channel's ROAS and contribution by the 5th and 95th percentiles of the block bootstrap", () => {
    const s = spec({ bootstrap: { resamples: 20, blockLength: 4 } });
    const { window, setup, pool: p } = pool(s, [0.3, 0.6]);
    const out = intervalsOf(s, window, setup, p, [[0, 0, 1, 1], [0, 0, 1, 1]], 1, null);
    const boot = drawBootstrap({
      draws: p.map((c) => ({ media: c.media, alpha: setup.searchAlpha(c.alpha) })), fixed: window.fixed, y: window.y, trainRows: window.k,
      spend: s.channels.map((c) => window.spend[c]), resamples: 20, blockLength: 4, seed: s.search.seed + 1, ridge: setup.ridge,
    });
    expect(out.intervals.length).toBe(2);
    for (let c = 0; c < 2; c++) {
      expect(out.intervals[c].roas[0]).toBeCloseTo(type7(boot.roas[c], 0.05), 12);
      expect(out.intervals[c].roas[1]).toBeCloseTo(type7(boot.roas[c], 0.95), 12);
      expect(out.intervals[c].contribution[0]).toBeCloseTo(type7(boot.contribution[c], 0.05), 12);
      expect(out.intervals[c].contribution[1]).toBeCloseTo(type7(boot.contribution[c], 0.95), 12);
    }
    expect(out.draws.length).toBe(20);
    expect(out.bootstrap).toMatchObject({ resamples: 20, block_length: 4, trials: 2 });
    expect(out.sampler).toBeNull();
  });

  it("intervalsOf(...) gives no intervals for lasso or without resamples, and keeps the choice", () => {
    for (const s of [spec({ model: "lasso" }), spec({ bootstrap: { resamples: 0 } })]) {
      const { window, setup, pool: p } = pool(s, [0.3, 0.6]);
      expect(intervalsOf(s, window, setup, p, [[0, 0, 1, 1], [0, 0, 1, 1]], 1, null)).toEqual({ draws: [], intervals: [], bootstrap: null, sampler: null, chosenIndex: 1 });
    }
  });
});

describe("chooseAtReturns", () => {
  it("chooseAtReturns(...) with linear media (no adstock, no saturation) is the draw most central in ROAS alone", () => {
    const s = spec({ adstock: "none", saturation: "none", alpha: 1 });
    const { window, pool: p } = pool(s, [0.5]);
    const three = [p[0], p[0], p[0]];
    const objectives = [[0, 0, 1, 5], [0, 0, 2, 4], [0, 0, 3, 3]];
    const boot = { roas: [Float64Array.from([1, 2, 2, 3]), Float64Array.from([3, 4, 4, 5])], draw: Int32Array.from([0, 1, 1, 2]) };
    // Every ratio is 1, so each row repeats a channel's ROAS once per spend multiple.
    const rows = objectives.map((o) => [o[2], o[2], o[2], o[3], o[3], o[3]]);
    const columns = [boot.roas[0], boot.roas[0], boot.roas[0], boot.roas[1], boot.roas[1], boot.roas[1]];
    expect(RETURNS_AT).toEqual([0.5, 1, 2]);
    expect(chooseAtReturns(s, window.k, window.spend, three, objectives, boot)).toBe(mostCentral(rows, columns));
    expect(chooseAtReturns(s, window.k, window.spend, three, objectives, boot)).toBe(1);
  });
});
