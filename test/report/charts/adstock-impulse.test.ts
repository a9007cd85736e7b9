import { describe, expect, it } from "vitest";
import { adstockImpulse } from "../../../src/report/charts/adstock-impulse";

describe("adstockImpulse", () => {
  it("adstockImpulse(curves) draws each impulse response against the lag 0, 1, 2, …", () => {
    const fig = adstockImpulse([{ name: "geometric 0.5", response: [1, 0.5, 0.25] }, { name: "weibull", response: Float64Array.of(0, 0.75, 0.25, 0) }]);
    expect(fig.data.map((t) => [t.name, t.x, t.y])).toEqual([["geometric 0.5", [0, 1, 2], [1, 0.5, 0.25]], ["weibull", [0, 1, 2, 3], [0, 0.75, 0.25, 0]]]);
  });
});
