import { describe, expect, it } from "vitest";
import { plan } from "../../src/analysis/plan";
import { recentSpend } from "../../src/analysis/recent-spend";
import { responseCurve } from "../../src/analysis/response-curve";
import { expectClose } from "../helpers/expect-close";
import { seededModel, syntheticModel } from "../helpers/synthetic-model";

describe("responseCurve", () => {
  const model = seededModel(4, 21);

  it("responseCurve(model, c, { periods }) at each spend equals plan() with only that channel spending it", () => {
    const curve = responseCurve(model, "ch1", { periods: 13, points: 9 });
    for (const p of curve.points) {
      const onlyCh1 = Object.fromEntries(model.spec.channels.map((c) => [c, c === "ch1" ? p.spend : 0]));
      expectClose(p.response, plan(model, { spend: onlyCh1, periods: 13 }).response, { rel: 1e-11, abs: 1e-9 });
      expect(p.total_spend).toBe(13 * p.spend);
    }
  });

  it("responseCurve(model, c) marks the current spend (last K periods' average) and puts it on the grid", () => {
    const curve = responseCurve(model, "ch2", { periods: 13 });
    const current = recentSpend(model, 13).perPeriod.ch2;
    expect(curve.current.spend).toBe(current);
    expect(curve.points[curve.current.index].spend).toBe(current);
    expect(curve.points.length).toBe(42);
    expect(curve.points[0]).toMatchObject({ spend: 0, response: 0 });
  });

  it("responseCurve(model, c).mroas is the derivative of the response with respect to total spend", () => {
    const curve = responseCurve(model, "ch0", { periods: 6, grid: [500, 1000, 1000 * (1 + 1e-5), 2000] });
    const [, a, b] = curve.points;
    expectClose(a.mroas, (b.response - a.response) / (b.total_spend - a.total_spend), { rel: 1e-4 });
  });

  it("responseCurve(model, c) of a log channel without adstock is K·β·log(1 + u/s) by hand", () => {
    const m = syntheticModel([{ name: "tv", transform: { adstock: { type: "none" }, saturation: { type: "log", scale: 200 } }, coefficient: 50, history: [100, 300] }]);
    const curve = responseCurve(m, "tv", { periods: 4, grid: [0, 200, 600] });
    expectClose(curve.points.map((p) => p.response), [0, 200 * Math.LN2, 200 * Math.log(4)], { rel: 1e-14 });
    expectClose(curve.points.map((p) => p.mroas), [50 / 200, 50 / 400, 50 / 800], { rel: 1e-14 });
    expect(curve.current.spend).toBe(200); // mean of the last 4 (only 2 observed) periods
  });

  it("responseCurve(model, c) with draws brackets the response by the draws' 5th–95th percentiles", () => {
    const draws = [0.8, 1, 1.25].map((f) => ({ transforms: model.transforms, coefficients: Object.fromEntries(model.spec.channels.map((c, i) => [c, f * model.coefficients[i]])) }));
    const curve = responseCurve({ ...model, draws }, "ch3", { periods: 13, points: 5 });
    for (const p of curve.points.slice(1)) {
      expect(p.response_low!).toBeLessThanOrEqual(p.response);
      expect(p.response_high!).toBeGreaterThanOrEqual(p.response);
    }
  });

  it("responseCurve(model, c) refuses an unknown channel or a negative grid value", () => {
    expect(() => responseCurve(model, "cinema")).toThrow(/cinema/);
    expect(() => responseCurve(model, "ch0", { grid: [-1] })).toThrow(/>= 0/);
  });
});
