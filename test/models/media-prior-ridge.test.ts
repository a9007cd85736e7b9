// References: fitRidge (Householder QR on the augmented system, checked against scikit-learn in
// test/models/ridge.test.ts) for the fits; for the evidence, the n × n Gaussian marginal
// likelihood computed directly — the matrix determinant lemma and the Woodbury identity turn it
// into the (m + q)-sized form the kernel uses (Bishop, PRML §3.5.1).
import { describe, expect, it } from "vitest";
import { createMediaPriorRidge, fitMediaPriorRidge, fitMediaPriorRidgeExact } from "../../src/models/media-prior-ridge";
import { fitRidge } from "../../src/models/ridge";
import { designMatrixFromColumns } from "../../src/models/standardize";
import { createRandom, type Random } from "../../src/util/random";
import { expectClose } from "../helpers/expect-close";

/** Spend-like media (positive, some zero weeks), a trend and a season, y = base + effects + noise. */
function problem(random: Random, n: number, m: number): { media: Float64Array[]; fixed: Float64Array[]; y: Float64Array } {
  const media = Array.from({ length: m }, () => {
    const level = 50 + 1000 * random.uniform();
    return Float64Array.from({ length: n }, () => (random.uniform() < 0.15 ? 0 : level * Math.exp(0.5 * random.normal())));
  });
  const fixed = [
    Float64Array.from({ length: n }, (_, i) => i / n),
    Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * i) / 52)),
  ];
  const effects = media.map((c) => (random.uniform() - 0.2) * 200 / (c.reduce((a, b) => a + b, 0) / n));
  const y = Float64Array.from({ length: n }, (_, i) => 1000 + 80 * fixed[0][i] + 30 * fixed[1][i] + media.reduce((s, c, j) => s + effects[j] * c[i], 0) + 20 * random.normal());
  return { media, fixed, y };
}

/** −2 log evidence the long way: (n − 1)·log(y_cᵀ K⁻¹ y_c) + log det K, K = I + X̃ Λ⁻¹ X̃ᵀ, by Cholesky of K. */
function evidenceDirect(media: Float64Array[], fixed: Float64Array[], y: Float64Array, lambda: number[]): number {
  const n = y.length;
  const cols = [...media, ...fixed].map((c, j) => {
    const mean = c.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(c.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    const scale = j < media.length ? Math.abs(mean) : sd;
    return Float64Array.from(c, (v) => (v - mean) / scale);
  });
  const ym = y.reduce((a, b) => a + b, 0) / n;
  const K = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      let v = a === b ? 1 : 0;
      cols.forEach((c, j) => { v += (c[a] * c[b]) / lambda[j]; });
      K[a * n + b] = v;
    }
  }
  let logDet = 0;
  for (let j = 0; j < n; j++) {
    let d = K[j * n + j];
    for (let t = 0; t < j; t++) d -= K[j * n + t] ** 2;
    const r = Math.sqrt(d);
    K[j * n + j] = r;
    logDet += 2 * Math.log(r);
    for (let i = j + 1; i < n; i++) {
      let v = K[i * n + j];
      for (let t = 0; t < j; t++) v -= K[i * n + t] * K[j * n + t];
      K[i * n + j] = v / r;
    }
  }
  const z = Float64Array.from(y, (v) => v - ym);
  for (let i = 0; i < n; i++) {
    let v = z[i];
    for (let t = 0; t < i; t++) v -= K[i * n + t] * z[t];
    z[i] = v / K[i * n + i];
  }
  const quad = z.reduce((a, b) => a + b * b, 0);
  return (n - 1) * Math.log(quad) + logDet;
}

describe("media-prior ridge", () => {
  it("fitMediaPriorRidge(prepared, media, alpha) with mediaFactor 1 equals fitRidge with scaleByMean to 1e-9", () => {
    const random = createRandom(11);
    for (const alpha of [1e-3, 0.1, 10]) {
      const { media, fixed, y } = problem(random, 90, 3);
      const fit = fitMediaPriorRidge(createMediaPriorRidge(fixed, y), media, alpha);
      const ref = fitRidge(designMatrixFromColumns([...media, ...fixed]), y, alpha, { nonNegative: [true, true, true, false, false], scaleByMean: [true, true, true, false, false] });
      expectClose(fit.coefficients, ref.coefficients, { rel: 1e-9, floor: 1e-6 });
      expectClose(fit.intercept, ref.intercept, { rel: 1e-9 });
      expectClose(fit.rss, ref.residuals.reduce((a, r) => a + r * r, 0), { rel: 1e-9 });
    }
  });

  it("fitMediaPriorRidgeExact(X, y, alpha, m, { mediaFactor }) equals the sufficient-statistics fit to 1e-9", () => {
    const random = createRandom(12);
    for (const mediaFactor of [1, 0.1, 0.01]) {
      const { media, fixed, y } = problem(random, 120, 4);
      const fast = fitMediaPriorRidge(createMediaPriorRidge(fixed, y), media, 0.3, { mediaFactor });
      const exact = fitMediaPriorRidgeExact(designMatrixFromColumns([...media, ...fixed]), y, 0.3, 4, { mediaFactor });
      expectClose(fast.coefficients, exact.coefficients, { rel: 1e-9, floor: 1e-6 });
      expectClose(fast.intercept, exact.intercept, { rel: 1e-9 });
    }
  });

  it("fitMediaPriorRidge with a smaller mediaFactor shrinks the media less", () => {
    const { media, fixed, y } = problem(createRandom(13), 60, 2);
    const prepared = createMediaPriorRidge(fixed, y);
    const total = (f: number) => fitMediaPriorRidge(prepared, media, 5, { mediaFactor: f }).coefficients.slice(0, 2).reduce((a, b) => a + Math.abs(b), 0);
    expect(total(0.1)).toBeGreaterThan(total(1));
  });

  it("createMediaPriorRidge(fixed, y, counts) fits as the rows repeated count times do", () => {
    const random = createRandom(14);
    const { media, fixed, y } = problem(random, 80, 3);
    const counts = Float64Array.from({ length: 80 }, () => random.int(3));
    const rows: number[] = [];
    counts.forEach((c, i) => { for (let t = 0; t < c; t++) rows.push(i); });
    const pick = (c: Float64Array) => Float64Array.from(rows, (i) => c[i]);
    const weighted = fitMediaPriorRidge(createMediaPriorRidge(fixed, y, counts), media, 0.2, { mediaFactor: 0.1 });
    const repeated = fitMediaPriorRidge(createMediaPriorRidge(fixed.map(pick), pick(y)), media.map(pick), 0.2, { mediaFactor: 0.1 });
    expectClose(weighted.coefficients, repeated.coefficients, { rel: 1e-9, floor: 1e-6 });
    expectClose(weighted.rss, repeated.rss, { rel: 1e-9 });
    expectClose(weighted.evidence, repeated.evidence, { rel: 1e-12 });
  });

  it("fitMediaPriorRidge(...).evidence equals (n − 1)·log(yᵀK⁻¹y) + log det K, K = I + X Λ⁻¹ Xᵀ, up to a constant", () => {
    const random = createRandom(15);
    const { media, fixed, y } = problem(random, 40, 2);
    const prepared = createMediaPriorRidge(fixed, y);
    const values = [[0.5, 1], [0.5, 0.1], [3, 0.2]].map(([alpha, f]) => {
      const fit = fitMediaPriorRidge(prepared, media, alpha, { mediaFactor: f, nonNegative: false });
      const direct = evidenceDirect(media, fixed, y, [alpha * f, alpha * f, alpha, alpha]);
      return fit.evidence - direct;
    });
    // The kernel's value differs from the direct one by the same constant for every alpha and factor.
    expectClose(values[1], values[0], { abs: 1e-8 });
    expectClose(values[2], values[0], { abs: 1e-8 });
  });

  it("fitMediaPriorRidge(...).evidence is lower for the media transform that made the data", () => {
    const random = createRandom(16);
    const n = 150;
    const spend = Float64Array.from({ length: n }, () => (random.uniform() < 0.3 ? 0 : 100 * Math.exp(0.5 * random.normal())));
    const adstocked = (decay: number) => { let carry = 0; return Float64Array.from(spend, (s) => (carry = s + decay * carry)); };
    const trend = Float64Array.from({ length: n }, (_, i) => i / n);
    const truth = adstocked(0.6);
    const y = Float64Array.from({ length: n }, (_, i) => 500 + 50 * trend[i] + 2 * truth[i] + 10 * random.normal());
    const prepared = createMediaPriorRidge([trend], y);
    const score = (decay: number) => fitMediaPriorRidge(prepared, [adstocked(decay)], 0.1, { mediaFactor: 0.1 }).evidence;
    expect(score(0.6)).toBeLessThan(score(0.2));
    expect(score(0.6)).toBeLessThan(score(0.9));
  });

  it("fitMediaPriorRidge rejects alpha ≤ 0 and a mediaFactor ≤ 0", () => {
    const { media, fixed, y } = problem(createRandom(17), 20, 1);
    const prepared = createMediaPriorRidge(fixed, y);
    expect(() => fitMediaPriorRidge(prepared, media, 0)).toThrow(/alpha > 0/);
    expect(() => fitMediaPriorRidge(prepared, media, 1, { mediaFactor: 0 })).toThrow(/mediaFactor > 0/);
    expect(() => createMediaPriorRidge(fixed, y, new Float64Array(20))).toThrow(/at least 2/);
  });
});
