import { describe, expect, it } from "vitest";
import { BAYES_CHAINS, samplePosterior } from "../../../src/models/fit/sample";
import { createEvaluator, searchTransforms } from "../../../src/models/fit/search";
import { mostCentral } from "../../../src/models/select-candidate";
import { problem, spec } from "./fit-fixture";

async function sampled(options: Parameters<typeof spec>[0], stable = true) {
  const s = spec(options);
  const { window, setup } = problem(s, stable);
  const evaluate = createEvaluator(s, window, setup);
  const searched = await searchTransforms(s, setup, evaluate);
  const phases: string[] = [];
  const out = samplePosterior(s, setup, searched, evaluate, (_d, _t, _b, phase) => phases.push(phase));
  return { s, window, setup, searched, out, phases, evaluate };
}

describe("samplePosterior", () => {
  it("samplePosterior(...) with the lowest-cv selection keeps just the best candidate", async () => {
    const { searched, out, phases } = await sampled({}, false);
    expect(out.members).toEqual([searched.best]);
    expect(out.chosenIndex).toBe(0);
    expect(out.trace).toBeNull();
    expect(phases).toEqual([]);
  });

  it("samplePosterior(...) thins the draws to bootstrap.trials, each scored as the objective scores its point, and picks the most central ROAS", async () => {
    const { s, window, setup, out, phases } = await sampled({});
    expect(out.members.length).toBe(12);
    expect(out.trace).toBeNull();
    expect(phases.length).toBeGreaterThan(0);
    expect(new Set(phases)).toEqual(new Set(["sampler"]));
    const again = createEvaluator(s, window, setup)(out.members.map((d) => d.unit));
    out.members.forEach((d, j) => { expect(d.objectives).toEqual(again[j]); });
    expect(out.chosenIndex).toBe(mostCentral(out.members.map((d) => d.objectives.slice(2, 4))));
  });

  it("samplePosterior(...) gives the same draws for the same seed", async () => {
    const a = await sampled({});
    const b = await sampled({});
    expect(b.out.members.map((d) => Array.from(d.unit))).toEqual(a.out.members.map((d) => Array.from(d.unit)));
  });

  it("samplePosterior(...) for bayes runs BAYES_CHAINS DE-MCz chains and reports finite R̂ ≥ 1 and ESS > 0", async () => {
    const { out } = await sampled({ model: "bayes" });
    expect(out.trace?.chains).toBe(BAYES_CHAINS);
    expect(out.trace?.rhatMax).toBeGreaterThanOrEqual(0.99);
    expect(Number.isFinite(out.trace?.rhatMax)).toBe(true);
    expect(out.trace?.essMin).toBeGreaterThan(0);
    expect(out.members.length).toBe(12);
  });
});
