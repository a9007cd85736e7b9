import { describe, expect, it } from "vitest";
import { spendShares } from "../../../src/report/charts/spend-shares";

describe("spendShares", () => {
  it("spendShares(names, spend) draws each channel's percentage of total spend", () => {
    const fig = spendShares(["tv", "radio"], [300, 100]);
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0]).toMatchObject({ type: "bar", name: "share of spend", x: ["tv", "radio"], y: [75, 25] });
  });

  it("spendShares(names, spend, effect) puts the share of effect beside the share of spend", () => {
    const fig = spendShares(["tv", "radio"], [300, 100], Float64Array.of(100, 300));
    expect(fig.data.map((t) => [t.name, t.y])).toEqual([["share of spend", [75, 25]], ["share of effect", [25, 75]]]);
    expect(fig.layout.barmode).toBe("group");
  });

  it("spendShares(names, spend) with nothing spent has no shares", () => {
    expect(spendShares(["tv"], [0]).data[0].y).toEqual([null]);
  });
});
