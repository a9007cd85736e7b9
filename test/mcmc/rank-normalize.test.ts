// Reference: Blom's normal scores Φ⁻¹((r − 3/8)/(S + 1/4)) by hand; scipy.stats.norm.ppf(5/34) =
// −1.0491193917723942 (/usr/bin/python3, scipy 1.10).
import { describe, expect, it } from "vitest";
import { rankNormalize } from "../../src/mcmc/rank-normalize";
import { normalQuantile } from "../../src/util/distributions";
import { expectClose } from "../helpers/expect-close";

describe("rankNormalize", () => {
  it("rankNormalize(chains) gives each draw the normal score of its pooled rank", () => {
    const [a, b] = rankNormalize([[10, 30], [20, 40]]);
    expectClose(a, [-1.0491313979639707, normalQuantile(21 / 34)], { rel: 1e-14 });
    expectClose(b, [normalQuantile(13 / 34), normalQuantile(29 / 34)], { rel: 1e-14 });
  });

  it("rankNormalize gives tied draws their average rank", () => {
    const [a] = rankNormalize([[5, 1, 5, 3]]);
    // ranks 3.5, 1, 3.5, 2 of S = 4.
    expectClose(a, [3.5, 1, 3.5, 2].map((r) => normalQuantile((r - 0.375) / 4.25)), { rel: 1e-14 });
    expect(a[0]).toBe(a[2]);
  });
});
