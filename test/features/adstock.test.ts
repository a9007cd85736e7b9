import { describe, it, expect } from "vitest";
import type { AdstockParams } from "../../src/spec/transform-params";
import {
  adstock,
  adstockCarryover,
  adstockKernel,
  adstockKernelLength,
  adstockWeights,
  carriedAdstock,
  delayedAdstock,
  delayedWeights,
  geometricAdstock,
  resolveAdstockParams,
  weibullAdstock,
  weibullWeights,
} from "../../src/features/adstock";

import { createRandom } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";
import { RESOLVED_ADSTOCKS } from "../helpers/adstock-kinds";

const sumOf = (x: ArrayLike<number>): number => Array.from(x).reduce((a, b) => a + b, 0);

describe("geometricAdstock", () => {
  it("geometricAdstock(spend, decay) of an impulse decays by the decay rate each period", () => {
    expect(Array.from(geometricAdstock([100, 0, 0, 0], 0.5))).toEqual([100, 50, 25, 12.5]);
  });

  it("geometricAdstock(spend, decay) adds new spend to the carried-over adstock", () => {
    // a = [10, 20 + 0.5·10, 0 + 0.5·25]
    expect(Array.from(geometricAdstock([10, 20, 0], 0.5))).toEqual([10, 25, 12.5]);
  });

  it("geometricAdstock(spend, 0) is the spend itself", () => {
    expect(Array.from(geometricAdstock([3, 1, 4], 0))).toEqual([3, 1, 4]);
  });

  it("geometricAdstock(spend, decay, {normalize}) has weights that sum to 1, so constant spend converges to itself", () => {
    const impulse = new Float64Array(80);
    impulse[0] = 1;
    // Σ (1 - 0.5)·0.5^l over 80 lags = 1 - 0.5^80
    expect(sumOf(geometricAdstock(impulse, 0.5, { normalize: true }))).toBeCloseTo(1, 14);
    const constant = geometricAdstock(new Array(80).fill(100), 0.5, { normalize: true });
    expect(constant[79]).toBeCloseTo(100, 10);
    expect(constant[0]).toBe(50);
  });

  it("geometricAdstock(spend, decay, {maxLag}) cuts the carry-over after maxLag periods", () => {
    expect(Array.from(geometricAdstock([100, 0, 0, 0], 0.5, { maxLag: 1 }))).toEqual([100, 50, 0, 0]);
  });

  it("geometricAdstock(spend, decay, {maxLag, normalize}) divides by the truncated weight sum", () => {
    // weights [1, 0.5, 0.25] / 1.75 = [4/7, 2/7, 1/7]
    const out = geometricAdstock([100, 0, 0, 0], 0.5, { maxLag: 2, normalize: true });
    expect(out[0]).toBeCloseTo(400 / 7, 12);
    expect(out[1]).toBeCloseTo(200 / 7, 12);
    expect(out[2]).toBeCloseTo(100 / 7, 12);
    expect(out[3]).toBe(0);
    expect(out[0] + out[1] + out[2]).toBeCloseTo(100, 12);
  });

  it("geometricAdstock(spend, decay, {maxLag}) equals the recursion while the lags fit", () => {
    const spend = [5, 7, 0, 3, 9, 1];
    const full = geometricAdstock(spend, 0.3);
    const cut = geometricAdstock(spend, 0.3, { maxLag: spend.length - 1 });
    for (let t = 0; t < spend.length; t++) expect(cut[t]).toBeCloseTo(full[t], 12);
  });

  it("geometricAdstock(spend, decay) rejects decay outside [0, 1), NaN and a fractional maxLag", () => {
    expect(() => geometricAdstock([1], 1)).toThrow(RangeError);
    expect(() => geometricAdstock([1], -0.1)).toThrow(RangeError);
    expect(() => geometricAdstock([1], NaN)).toThrow("geometricAdstock requires decay in [0, 1)");
    expect(() => geometricAdstock([1], 0.5, { maxLag: 1.5 })).toThrow(RangeError);
    expect(() => geometricAdstock([1], 0.5, { maxLag: -1 })).toThrow(RangeError);
  });

  it("geometricAdstock(spend, decay) does not mutate its input and accepts a Float64Array", () => {
    const spend = Float64Array.from([100, 0]);
    const out = geometricAdstock(spend, 0.5);
    expect(Array.from(spend)).toEqual([100, 0]);
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual([100, 50]);
  });
});

describe("weibullWeights", () => {
  it("weibullWeights(2, 0.5, 5, 'cdf') matches Robyn's cumprod(c(1, 1 - pweibull(1:4, 2, 3)))", () => {
    // scaleTrans = round(quantile(1:5, 0.5)) = round(3) = 3.
    // pweibull(q, k, λ) = 1 - exp(-(q/λ)^k), so 1 - pweibull(j, 2, 3) = exp(-j²/9):
    // pweibull(1, 2, 3) = 1 - exp(-1/9) = 0.10516; theta = [1, e^-1/9, e^-4/9, e^-9/9, e^-16/9]
    // cumprod → [1, e^(-1/9), e^(-5/9), e^(-14/9), e^(-30/9)] = [1, 0.894839, 0.573753, 0.211072, 0.035674]
    const w = weibullWeights(2, 0.5, 5, "cdf");
    const expected = [1, Math.exp(-1 / 9), Math.exp(-5 / 9), Math.exp(-14 / 9), Math.exp(-30 / 9)];
    expect(w[0]).toBe(1);
    for (let l = 0; l < 5; l++) expect(w[l]).toBeCloseTo(expected[l], 14);
    expect(w[3]).toBeCloseTo(0.211072, 6);
  });

  it("weibullWeights(shape, scale, L, 'cdf') start at 1 and never increase", () => {
    for (const [shape, scale] of [[0.5, 0.1], [1, 0.3], [3, 0.05], [8, 0.9]]) {
      const w = weibullWeights(shape, scale, 30, "cdf");
      expect(w[0]).toBe(1);
      for (let l = 1; l < w.length; l++) expect(w[l]).toBeLessThanOrEqual(w[l - 1]);
    }
  });

  it("weibullWeights(2, 0.5, 5, 'pdf') is Robyn's min-max normalised dweibull(1:5, 2, 3)", () => {
    // dweibull(x, 2, 3) = (2/3)(x/3)exp(-(x/3)²) = (2x/9)·exp(-x²/9):
    // x = 1..5 → 0.198853, 0.284969, 0.245253, 0.150234, 0.069086; max at x = 2, min at x = 5.
    const d = (x: number): number => ((2 * x) / 9) * Math.exp((-x * x) / 9);
    const w = weibullWeights(2, 0.5, 5, "pdf");
    expect(w[1]).toBe(1);
    expect(w[4]).toBe(0);
    expect(w[0]).toBeCloseTo((d(1) - d(5)) / (d(2) - d(5)), 14);
    expect(w[0]).toBeCloseTo(0.601101, 6);
  });

  it("weibullWeights(shape, scale, L, 'pdf') has maximum 1 and minimum 0 (normalised as Robyn defines it)", () => {
    for (const [shape, scale] of [[0.5, 0.1], [1.5, 0.2], [4, 0.05]]) {
      const w = Array.from(weibullWeights(shape, scale, 40, "pdf"));
      expect(Math.max(...w)).toBe(1);
      expect(Math.min(...w)).toBe(0);
    }
  });

  it("weibullWeights(shape, scale, 1, 'pdf') of a single lag is [1], Robyn's constant-range case", () => {
    expect(Array.from(weibullWeights(2, 0.5, 1, "pdf"))).toEqual([1]);
  });

  it("weibullWeights rounds the scale quantile half to even, as R's round does", () => {
    // R: quantile(1:4, 0.5) = 2.5 and round(2.5) = 2, so λ = 2 and w[1] = exp(-(1/2)^1).
    expect(weibullWeights(1, 0.5, 4, "cdf")[1]).toBeCloseTo(Math.exp(-1 / 2), 15);
    // R: quantile(1:6, 0.5) = 3.5 and round(3.5) = 4, so λ = 4 and w[1] = exp(-1/4).
    expect(weibullWeights(1, 0.5, 6, "cdf")[1]).toBeCloseTo(Math.exp(-1 / 4), 15);
  });

  it("weibullWeights rejects shape ≤ 0, scale outside (0, 1], a bad window and an unknown type", () => {
    expect(() => weibullWeights(0, 0.5, 5, "cdf")).toThrow("weibullWeights requires shape > 0");
    expect(() => weibullWeights(1, 0, 5, "cdf")).toThrow(RangeError);
    expect(() => weibullWeights(1, 1.5, 5, "cdf")).toThrow(RangeError);
    expect(() => weibullWeights(1, NaN, 5, "cdf")).toThrow(RangeError);
    expect(() => weibullWeights(1, 0.5, 0, "cdf")).toThrow(RangeError);
    expect(() => weibullWeights(1, 0.5, 5, "xyz" as "cdf")).toThrow(RangeError);
  });
});

describe("weibullAdstock", () => {
  it("weibullAdstock(impulse, shape, scale) returns the kernel weights scaled by the impulse", () => {
    const out = weibullAdstock([100, 0, 0, 0, 0], 2, 0.5);
    const w = weibullWeights(2, 0.5, 5, "cdf");
    for (let l = 0; l < 5; l++) expect(out[l]).toBeCloseTo(100 * w[l], 12);
  });

  it("weibullAdstock(spend, shape, scale) is the convolution Σ_{s≤t} x[s]·w[t-s]", () => {
    const w = weibullWeights(2, 0.5, 3, "pdf");
    const out = weibullAdstock([1, 2, 3], 2, 0.5, { type: "pdf" });
    expect(out[0]).toBeCloseTo(w[0], 14);
    expect(out[1]).toBeCloseTo(2 * w[0] + w[1], 14);
    expect(out[2]).toBeCloseTo(3 * w[0] + 2 * w[1] + w[2], 14);
  });

  it("weibullAdstock(spend, shape, scale) uses the series length as the default window", () => {
    const spend = [5, 0, 2, 8, 1, 0, 4];
    const a = weibullAdstock(spend, 1.5, 0.3, { type: "pdf" });
    const b = weibullAdstock(spend, 1.5, 0.3, { type: "pdf", window: spend.length });
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("weibullAdstock(spend, shape, scale, {window}) ignores lags at or beyond the window", () => {
    const out = weibullAdstock([100, 0, 0, 0], 1, 1, { window: 2 });
    expect(out[2]).toBe(0);
    expect(out[3]).toBe(0);
  });
});

describe("delayedAdstock", () => {
  it("delayedWeights(0.5, 2, 4) is 0.5^((l - 2)^2) normalised, peaking at lag 2", () => {
    // raw [0.5^4, 0.5^1, 1, 0.5^1, 0.5^4] = [1/16, 1/2, 1, 1/2, 1/16], sum 17/8 → [1/34, 4/17, 8/17, 4/17, 1/34]
    const w = delayedWeights(0.5, 2, 4);
    const expected = [1 / 34, 4 / 17, 8 / 17, 4 / 17, 1 / 34];
    for (let l = 0; l < 5; l++) expect(w[l]).toBeCloseTo(expected[l], 15);
    expect(sumOf(w)).toBeCloseTo(1, 15);
    expect(Array.from(w).indexOf(Math.max(...w))).toBe(2);
  });

  it("delayedAdstock(impulse, decay, peakLag, maxLag) peaks peakLag periods after the spend", () => {
    const out = delayedAdstock([100, 0, 0, 0, 0, 0], 0.6, 3, 5);
    expect(Array.from(out).indexOf(Math.max(...out))).toBe(3);
    expect(sumOf(out)).toBeCloseTo(100, 12);
  });

  it("delayedAdstock([100, 0, 0], 0.5, 1, 2) spreads the spend as 25, 50, 25", () => {
    const out = delayedAdstock([100, 0, 0], 0.5, 1, 2);
    expect(Array.from(out)).toEqual([25, 50, 25]);
  });

  it("delayedAdstock rejects peakLag beyond maxLag and decay outside [0, 1)", () => {
    expect(() => delayedAdstock([1], 0.5, 3, 2)).toThrow("delayedAdstock requires peakLag in [0, maxLag]");
    expect(() => delayedAdstock([1], 1, 0, 2)).toThrow(RangeError);
    expect(() => delayedAdstock([1], 0.5, 0, 2.5)).toThrow(RangeError);
  });
});

describe("adstock", () => {
  const spend = [120, 0, 30, 0, 0, 75, 10, 0];

  it("adstock(spend, params) dispatches to the function of each type", () => {
    expect(Array.from(adstock(spend, { type: "geometric", decay: 0.4 }))).toEqual(Array.from(geometricAdstock(spend, 0.4)));
    expect(Array.from(adstock(spend, { type: "geometric", decay: 0.4, normalize: true, maxLag: 3 })))
      .toEqual(Array.from(geometricAdstock(spend, 0.4, { normalize: true, maxLag: 3 })));
    expect(Array.from(adstock(spend, { type: "weibull_cdf", shape: 2, scale: 0.3 })))
      .toEqual(Array.from(weibullAdstock(spend, 2, 0.3, { type: "cdf" })));
    expect(Array.from(adstock(spend, { type: "weibull_pdf", shape: 2, scale: 0.3, window: 5 })))
      .toEqual(Array.from(weibullAdstock(spend, 2, 0.3, { type: "pdf", window: 5 })));
    expect(Array.from(adstock(spend, { type: "delayed", decay: 0.5, peakLag: 1, maxLag: 3 })))
      .toEqual(Array.from(delayedAdstock(spend, 0.5, 1, 3)));
  });

  it("adstock(spend, {type: 'none'}) returns an equal copy", () => {
    const out = adstock(spend, { type: "none" });
    expect(Array.from(out)).toEqual(spend);
    expect(out).toBeInstanceOf(Float64Array);
  });

  it("adstock(spend, params) gives the same result after a JSON round trip of params", () => {
    const params: AdstockParams = { type: "weibull_pdf", shape: 1.7, scale: 0.2, window: 8 };
    const copy = JSON.parse(JSON.stringify(params)) as AdstockParams;
    expect(Array.from(adstock(spend, copy))).toEqual(Array.from(adstock(spend, params)));
  });

  it("adstock(spend, params) rejects an unknown type", () => {
    expect(() => adstock(spend, { type: "exotic" } as unknown as AdstockParams)).toThrow(RangeError);
  });

  it("adstockWeights(params, length) is the response to a unit impulse", () => {
    expect(Array.from(adstockWeights({ type: "geometric", decay: 0.5 }, 3))).toEqual([1, 0.5, 0.25]);
    expect(Array.from(adstockWeights({ type: "geometric", decay: 0.5, normalize: true }, 3))).toEqual([0.5, 0.25, 0.125]);
    expect(Array.from(adstockWeights({ type: "delayed", decay: 0.5, peakLag: 1, maxLag: 2 }, 4))).toEqual([0.25, 0.5, 0.25, 0]);
    const w = adstockWeights({ type: "weibull_cdf", shape: 2, scale: 0.5 }, 5);
    for (let l = 0; l < 5; l++) expect(w[l]).toBeCloseTo(weibullWeights(2, 0.5, 5, "cdf")[l], 15);
  });

  it("resolveAdstockParams(params, n) fills a missing Weibull window and leaves other types alone", () => {
    expect(resolveAdstockParams({ type: "weibull_cdf", shape: 1, scale: 0.1 }, 52)).toEqual({ type: "weibull_cdf", shape: 1, scale: 0.1, window: 52 });
    expect(resolveAdstockParams({ type: "weibull_pdf", shape: 1, scale: 0.1, window: 9 }, 52)).toEqual({ type: "weibull_pdf", shape: 1, scale: 0.1, window: 9 });
    expect(resolveAdstockParams({ type: "geometric", decay: 0.3 }, 52)).toEqual({ type: "geometric", decay: 0.3 });
  });
});

describe("adstockCarryover", () => {
  it("adstockCarryover(plan, params, history) inherits the carry-over of past spend", () => {
    // history 100 → next periods carry 50, 25 on top of zero planned spend
    expect(Array.from(adstockCarryover([0, 0], { type: "geometric", decay: 0.5 }, [100]))).toEqual([50, 25]);
  });

  it("adstockCarryover(plan, params, history) is the adstock of concat(history, plan) restricted to the plan", () => {
    const history = [10, 40, 0, 25, 5];
    const plan = [30, 0, 0, 12];
    const all = [...history, ...plan];
    const cases: AdstockParams[] = [
      { type: "geometric", decay: 0.6 },
      { type: "geometric", decay: 0.6, normalize: true, maxLag: 2 },
      { type: "delayed", decay: 0.4, peakLag: 1, maxLag: 3 },
      { type: "weibull_pdf", shape: 2, scale: 0.4, window: 6 },
    ];
    for (const params of cases) {
      const expected = Array.from(adstock(all, params)).slice(history.length);
      const got = Array.from(adstockCarryover(plan, params, history));
      for (let i = 0; i < plan.length; i++) expect(got[i]).toBeCloseTo(expected[i], 12);
    }
  });

  it("adstockCarryover(plan, weibull, history) resolves a missing window to history.length, the fitted series", () => {
    const history = [10, 40, 0, 25, 5];
    const plan = [30, 0, 0];
    const params: AdstockParams = { type: "weibull_cdf", shape: 1.5, scale: 0.5 };
    const expected = Array.from(adstock([...history, ...plan], { ...params, window: history.length })).slice(history.length);
    expect(Array.from(adstockCarryover(plan, params, history))).toEqual(expected);
  });

  it("adstockCarryover(spend, params) with no history equals adstock(spend, params)", () => {
    const spend = [3, 0, 9, 1];
    const params: AdstockParams = { type: "weibull_cdf", shape: 1.5, scale: 0.5 };
    expect(Array.from(adstockCarryover(spend, params))).toEqual(Array.from(adstock(spend, params)));
  });
});

/** seededSpend(seed, n) → n periods of spend: mostly uniform on [0, 1000), about one in five zero. */
function seededSpend(seed: number, n: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n }, () => (random.uniform() < 0.2 ? 0 : 1000 * random.uniform()));
}

const concat = (a: Float64Array, b: Float64Array): Float64Array => {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

describe("geometricAdstock with an initial state", () => {
  it("geometricAdstock([0, 10], 0.5, {initial: 100}) continues from a_{-1} = 100: [50, 35]", () => {
    expect(Array.from(geometricAdstock([0, 10], 0.5, { initial: 100 }))).toEqual([50, 35]);
  });

  it("geometricAdstock(spend, decay, {initial: last of the earlier adstock}) equals the tail of the adstock of concat(earlier, spend)", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = createRandom(1000 + seed);
      const earlier = seededSpend(seed, 1 + random.int(300));
      const spend = seededSpend(seed + 100, 1 + random.int(20));
      const decay = 0.95 * random.uniform();
      for (const normalize of [false, true]) {
        const whole = geometricAdstock(concat(earlier, spend), decay, { normalize }).subarray(earlier.length);
        const initial = geometricAdstock(earlier, decay).at(-1) as number;
        const continued = geometricAdstock(spend, decay, { normalize, initial });
        expectClose(continued, whole, { rel: 1e-12 });
        expect(Array.from(continued)).toEqual(Array.from(whole)); // the same operations in the same order
      }
    }
  });

  it("geometricAdstock(spend, decay, {initial}) rejects a non-finite initial state and an initial state with maxLag", () => {
    expect(() => geometricAdstock([1], 0.5, { initial: NaN })).toThrow("geometricAdstock requires a finite initial state");
    expect(() => geometricAdstock([1], 0.5, { initial: Infinity })).toThrow(RangeError);
    expect(() => geometricAdstock([1], 0.5, { initial: 1, maxLag: 2 })).toThrow(/requires no maxLag with an initial state/);
  });
});

describe("adstockKernelLength", () => {
  it("adstockKernelLength(params) is maxLag + 1, the Weibull window, 1 for none and Infinity for the geometric recursion", () => {
    expect(adstockKernelLength({ type: "geometric", decay: 0.5 })).toBe(Infinity);
    expect(adstockKernelLength({ type: "geometric", decay: 0.5, maxLag: 4 })).toBe(5);
    expect(adstockKernelLength({ type: "weibull_pdf", shape: 2, scale: 0.5, window: 12 })).toBe(12);
    expect(adstockKernelLength({ type: "delayed", decay: 0.5, peakLag: 1, maxLag: 3 })).toBe(4);
    expect(adstockKernelLength({ type: "none" })).toBe(1);
  });

  it("adstockKernelLength(params) equals the number of leading lags adstockWeights can make non-zero", () => {
    const params: AdstockParams = { type: "delayed", decay: 0.6, peakLag: 2, maxLag: 5 };
    const w = adstockWeights(params, 10);
    expect(w[adstockKernelLength(params) - 1]).toBeGreaterThan(0);
    expect(Array.from(w.subarray(adstockKernelLength(params)))).toEqual([0, 0, 0, 0]);
  });

  it("adstockKernelLength(params) refuses a Weibull kernel without a window and an unknown type", () => {
    expect(() => adstockKernelLength({ type: "weibull_cdf", shape: 2, scale: 0.5 })).toThrow(/requires a Weibull window/);
    expect(() => adstockKernelLength({ type: "bogus" } as unknown as AdstockParams)).toThrow(/requires a known type/);
  });

  it("adstockCarryover(spend, params, history) is unchanged when the history is cut to its last L − 1 periods", () => {
    const kinds: AdstockParams[] = [
      { type: "geometric", decay: 0.7, maxLag: 6 },
      { type: "geometric", decay: 0.4, maxLag: 3, normalize: true },
      { type: "geometric", decay: 0.4, maxLag: 0 },
      { type: "weibull_cdf", shape: 1.3, scale: 0.3, window: 20 },
      { type: "weibull_pdf", shape: 2.5, scale: 0.2, window: 40 },
      { type: "delayed", decay: 0.5, peakLag: 2.5, maxLag: 8 },
      { type: "none" },
    ];
    for (let seed = 1; seed <= 10; seed++) {
      const random = createRandom(2000 + seed);
      const history = seededSpend(seed, 1 + random.int(200));
      const spend = seededSpend(seed + 50, 1 + random.int(15));
      for (const params of kinds) {
        const keep = Math.min(history.length, adstockKernelLength(params) - 1);
        const cut = history.slice(history.length - keep);
        const full = adstockCarryover(spend, params, history);
        expectClose(adstockCarryover(spend, params, cut), full, { rel: 1e-12 });
      }
    }
  });
});

describe("adstock kernels kept by a caller", () => {
  /** Every kind, resolved (a Weibull window explicit), as design() keeps them in a carry-over state. */
  const kinds = RESOLVED_ADSTOCKS;

  it("adstockKernel(params) is the impulse response adstockWeights gives for finite kernels, and null for the recursion and none", () => {
    for (const params of kinds) {
      const kernel = adstockKernel(params);
      const length = adstockKernelLength(params);
      if (length === Infinity || params.type === "none") expect(kernel).toBeNull();
      else expect(Array.from(kernel as Float64Array)).toEqual(Array.from(adstockWeights(params, length)));
    }
    expect(adstockKernel({ type: "weibull_cdf", shape: 1, scale: 0.5 })).toBeNull();
    expect(() => adstockKernel({ type: "delayed", decay: 0.5, peakLag: 3, maxLag: 2 })).toThrow(RangeError);
  });

  it("adstockCarryover(spend, params, history) is the tail of adstock(concat(history, spend)) bit for bit, for every kind (seeded)", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const history = seededSpend(seed, 5 + 17 * seed);
      const spend = seededSpend(100 + seed, 1 + 3 * seed);
      for (const params of kinds) {
        const whole = Array.from(adstock(concat(history, spend), resolveAdstockParams(params, history.length))).slice(history.length);
        expect(Array.from(adstockCarryover(spend, params, history))).toEqual(whole);
        expect(Array.from(carriedAdstock(spend, params, adstockKernel(params), history))).toEqual(whole);
      }
    }
  });
});
