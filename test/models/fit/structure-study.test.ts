/**
 * The structure study (bench/structure-study.ts) on one set with the small grid: its figures are
 * what they claim (median and best of the grid's holdout MAPEs, the rank), and the default fit is the
 * fit of its chosen structure fixed — the premise that lets the study compare them.
 */
import { describe, expect, it } from "vitest";
import { RULES, studyGrid, studySet, studyTruths, tally } from "../../../bench/structure-study";

describe("structure study", () => {
  it("studyTruths(seeds) crosses saturation × trend × season × frequency: 16 sets per seed", () => {
    const truths = studyTruths([101, 102]);
    expect(truths.length).toBe(32);
    expect(new Set(truths.map((t) => t.name)).size).toBe(32);
    expect(studyGrid("weekly").length).toBe(48);
    expect(studyGrid("daily").every((s) => s.day_of_week)).toBe(true);
  });

  it("studySet(truth, …, small) ranks the default among the grid and equals the fit of its chosen structure fixed", async () => {
    const truth = studyTruths([101])[1];
    const cache: Record<string, number> = {};
    const row = await studySet(truth, 100, 0, true, cache);
    const grid = studyGrid("weekly", true).map((s) => cache[`${truth.name}|100|0|${s.saturation}|${s.trend}|${s.seasonality}|${s.holidays}|${s.day_of_week}`]);
    expect(grid.every(Number.isFinite)).toBe(true);
    const sorted = [...grid].sort((a, b) => a - b);
    expect(row.best).toBe(sorted[0]);
    expect(row.median).toBe((sorted[3] + sorted[4]) / 2);
    expect(row.rank).toBe(1 + grid.filter((m) => m < row.defaultMape).length);
    const c = row.chosen;
    expect(row.rules["evidence|score×1.1"]).toBe(cache[`${truth.name}|100|0|${c.saturation}|${c.trend}|${c.seasonality}|${c.holidays}|${c.day_of_week}`]);
    expect(row.rules["evidence|score×1.1"]).toBeCloseTo(row.defaultMape, 12);
    expect(Object.keys(RULES).length).toBe(9);
    expect(tally([row], (r) => r.best)).toEqual({ notWorseThanMedian: 1, withinBest: 1 });
  }, 120_000);
});
