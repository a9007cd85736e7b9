import { describe, expect, it } from "vitest";
import { CV_LIMIT, roasStability, stabilityOf } from "../../src/analysis/roas-stability";

describe("roasStability", () => {
  it("a steady channel: sample sd and cv by hand, intervals overlapping, not flagged", () => {
    const s = stabilityOf([{ estimate: 2, low: 1.5, high: 2.5 }, { estimate: 2.2, low: 1.8, high: 2.6 }, { estimate: 1.8, low: 1.4, high: 2.4 }]);
    expect(s.mean).toBeCloseTo(2, 14);
    expect(s.sd).toBeCloseTo(0.2, 14); // sqrt((0 + 0.04 + 0.04) / 2)
    expect(s.cv).toBeCloseTo(0.1, 14);
    expect(s).toMatchObject({ intervals_overlap: true, flagged: false, reason: null });
  });

  it(`flags a cv above ${CV_LIMIT} and intervals without a common value, saying why`, () => {
    const wild = stabilityOf([{ estimate: 1, low: 0.8, high: 1.2 }, { estimate: 3, low: 2.5, high: 3.5 }]);
    expect(wild.cv).toBeCloseTo(Math.SQRT2 / 2, 14); // sd = sqrt(2), mean 2
    expect(wild.intervals_overlap).toBe(false);
    expect(wild.flagged).toBe(true);
    expect(wild.reason).toBe("coefficient of variation 0.71 > 0.5; the 90 % intervals of two blocks do not overlap");
    const shifted = stabilityOf([{ estimate: 2, low: 1.9, high: 2.1 }, { estimate: 2.3, low: 2.2, high: 2.4 }]);
    expect(shifted.cv).toBeLessThan(CV_LIMIT);
    expect(shifted.reason).toBe("the 90 % intervals of two blocks do not overlap");
  });

  it("per channel, without intervals: overlap unknown, only the cv decides", () => {
    const r = roasStability([{ tv: { estimate: 1, low: null, high: null } }, { tv: { estimate: 1.1, low: null, high: null } }]);
    expect(Object.keys(r)).toEqual(["tv"]);
    expect(r.tv.intervals_overlap).toBeNull();
    expect(r.tv.flagged).toBe(false);
  });
});
