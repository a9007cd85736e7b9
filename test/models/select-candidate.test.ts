import { describe, expect, it } from "vitest";
import { selectCandidate } from "../../src/models/select-candidate";

describe("selectCandidate", () => {
  it("selectCandidate(candidates) picks the medoid of the near-optimal set in log-ROAS, not the lowest CV error", () => {
    // objectives: [cv, rssd, roas_a, roas_b]
    const candidates = [
      { objectives: [1.000, 0, 8, 0.5] }, // lowest CV, extreme ROAS
      { objectives: [1.010, 0, 2, 2] },
      { objectives: [1.015, 0, 2.2, 1.9] }, // central
      { objectives: [1.019, 0, 2.4, 1.8] },
      { objectives: [1.500, 0, 2.2, 1.9] }, // not near-optimal
    ];
    const s = selectCandidate(candidates, 2, 0.02);
    expect(s.best).toBe(0);
    expect(s.nearOptimal).toEqual([0, 1, 2, 3]);
    expect(s.index).toBe(2);
  });

  it("selectCandidate(candidates) with one near-optimal candidate returns it", () => {
    expect(selectCandidate([{ objectives: [2, 0, 1] }, { objectives: [1, 0, 3] }], 1, 0.01).index).toBe(1);
  });
});
