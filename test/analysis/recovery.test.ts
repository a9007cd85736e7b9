import { describe, expect, it } from "vitest";
import { covers, evaluationOf, recoveryOf, roasApe, summarizeRecovery, type EvaluatedFit } from "../../src/analysis/recovery";
import type { ChannelSummary } from "../../src/models/fit-summary";

/** A fitted channel with only the fields recovery reads (the others are irrelevant here). */
const channel = (name: string, roas: number | null, low: number | null, high: number | null, share: number): ChannelSummary =>
  ({ name, roas, roas_low: low, roas_high: high, share_of_effect: share }) as ChannelSummary;

const truth = [
  { name: "tv", spend: 100, contribution: 200, roas: 2, share_of_effect: 0.8 },
  { name: "radio", spend: 50, contribution: 50, roas: 1, share_of_effect: 0.2 },
];

describe("recoveryOf", () => {
  it("matches channels by name and takes the largest share error (hand computed)", () => {
    const r = recoveryOf([channel("radio", 1.5, 1.2, 1.8, 0.3), channel("tv", 1.8, 1.5, 2.1, 0.7)], truth);
    expect(r.roas).toEqual({ radio: { true: 1, estimate: 1.5, low: 1.2, high: 1.8 }, tv: { true: 2, estimate: 1.8, low: 1.5, high: 2.1 } });
    expect(r.share_error_max).toBeCloseTo(0.1, 15); // |0.3 − 0.2| and |0.7 − 0.8|
    expect(covers(r.roas.tv)).toBe(true);
    expect(covers(r.roas.radio)).toBe(false); // 1 < 1.2
    expect(roasApe(r.roas.radio)).toBeCloseTo(50, 12);
    expect(roasApe(r.roas.tv)).toBeCloseTo(10, 12);
  });

  it("counts a channel without an interval as not covered, and refuses a channel without truth", () => {
    expect(covers({ true: 1, estimate: 1, low: null, high: null })).toBe(false);
    expect(() => recoveryOf([channel("print", 1, 1, 1, 1)], truth)).toThrow(/channel "print"/);
  });
});

describe("summarizeRecovery and evaluationOf", () => {
  const evaluated = (roas: EvaluatedFit["roas"], share: number, mape: number | null, seconds: number): EvaluatedFit => ({ roas, share_error_max: share, holdout_mape: mape, seconds });
  const a = evaluated({ tv: { true: 2, estimate: 2.2, low: 1.9, high: 2.5 }, radio: { true: 1, estimate: 0.5, low: 0.4, high: 0.9 } }, 0.1, 5, 2);
  const b = evaluated({ tv: { true: 2, estimate: 1, low: 0.5, high: 2 }, radio: { true: 1, estimate: 1.3, low: 0.9, high: 1.5 } }, 0.3, null, 4);
  const c = evaluated({ tv: { true: 2, estimate: 2, low: 1, high: 3 }, radio: { true: 1, estimate: 1, low: 0.9, high: 1.1 } }, 0.2, 3, 9);

  it("pools the channels for coverage and the ROAS error, and takes medians over fits (hand computed)", () => {
    const s = summarizeRecovery([a, b, c]);
    expect(s.coverage).toBeCloseTo(5 / 6, 15); // a.tv, b.tv (high = truth, bounds included), b.radio, c.tv, c.radio covered; a.radio (0.4–0.9 ∌ 1) not
    expect(s.roas_ape_median).toBeCloseTo(20, 12); // errors 10, 50, 50, 30, 0, 0 → sorted 0,0,10,30,50,50 → (10 + 30) / 2
    expect(s.share_error_median).toBeCloseTo(0.2, 15);
    expect(s.holdout_mape_median).toBeCloseTo(4, 15); // 5 and 3; b has none
    expect(s.seconds_median).toBe(4);
  });

  it("summarizes per model and per scenario", () => {
    const e = evaluationOf([
      { id: "01-easy", scenario: "easy", models: { ridge: { command: "x", ...a } } },
      { id: "02-hard", scenario: "hard", models: { ridge: { command: "y", ...b } } },
    ]);
    expect(Object.keys(e.scenarios)).toEqual(["easy", "hard"]);
    expect(e.scenarios.easy.ridge.coverage).toBeCloseTo(0.5, 15);
    expect(e.scenarios.hard.ridge.seconds_median).toBe(4);
    expect(e.models.ridge.seconds_median).toBe(3);
  });
});
