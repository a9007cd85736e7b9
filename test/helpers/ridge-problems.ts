/**
 * Seeded ridge problems and the fit comparison shared by the fast ridge kernels' tests
 * (test/models/ridge-cv/score.test.ts), which checks them
 * against fitRidge.
 */
import type { RidgeResult } from "../../src/models/ridge";
import type { Random } from "../../src/util/random";
import { expectClose } from "./expect-close";

/** A ridge problem: n rows of media columns, fixed (unconstrained) columns and the target y. */
export interface Problem {
  readonly n: number;
  readonly media: Float64Array[];
  readonly fixed: Float64Array[];
  readonly y: Float64Array;
}

/**
 * makeProblem(random, n, m, q, mediaEffects?) → a seeded marketing-like problem: m spend-like media
 * columns (positive, bursty, some zero weeks), q fixed columns mixing a trend, yearly sin/cos,
 * sparse dummies and random controls, and y = base + effects + noise. `mediaEffects` sets the true
 * media coefficients per unit of the column's mean (default 0.5 + uniform).
 */
export function makeProblem(random: Random, n: number, m: number, q: number, mediaEffects?: readonly number[]): Problem {
  const media: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    const level = 50 + 1000 * random.uniform();
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = random.uniform() < 0.15 ? 0 : level * Math.exp(0.6 * random.normal());
    media.push(col);
  }
  const fixed: Float64Array[] = [];
  for (let l = 0; l < q; l++) {
    const col = new Float64Array(n);
    const kind = l % 4;
    const phase = 2 * Math.PI * random.uniform();
    const offset = 10 * random.normal();
    for (let i = 0; i < n; i++) {
      if (kind === 0) col[i] = i / (n - 1);
      else if (kind === 1) col[i] = Math.sin((2 * Math.PI * i) / 52 + phase);
      else if (kind === 2) col[i] = random.uniform() < 0.1 ? 1 : 0;
      else col[i] = offset + random.normal();
    }
    fixed.push(col);
  }
  const y = new Float64Array(n);
  const gamma = Array.from({ length: q }, () => 200 * random.normal());
  const beta = media.map((col, j) => {
    const mean = col.reduce((a, b) => a + b, 0) / n;
    return (mediaEffects?.[j] ?? 0.5 + random.uniform()) * (500 / mean);
  });
  for (let i = 0; i < n; i++) {
    let v = 5000 + 300 * random.normal();
    for (let l = 0; l < q; l++) v += gamma[l] * fixed[l][i];
    for (let j = 0; j < m; j++) v += beta[j] * media[j][i];
    y[i] = v;
  }
  return { n, media, fixed, y };
}

/** maxAbs(v) → the largest |v[i]| (0 for an empty v). */
export function maxAbs(v: ArrayLike<number>): number {
  let out = 0;
  for (let i = 0; i < v.length; i++) out = Math.max(out, Math.abs(v[i]));
  return out;
}

/** The largest errors seen by expectSameRidgeFit, for the tests' MIXLAB_PRINT_ERRORS report. */
export interface RidgeFitErrors {
  /** |Δ coefficient| relative to the largest reference coefficient. */
  coefNorm: number;
  /** |Δ coefficient| relative to the coefficient itself (non-zero ones only). */
  coefElement: number;
  /** |Δ intercept| relative to the terms the intercept is the difference of. */
  intercept: number;
}

/**
 * expectSameRidgeFit(got, ref, rel, worst) asserts that a fast fit equals the fitRidge reference to
 * `rel`: coefficients relative to their largest magnitude (so that a coefficient near 0 is not
 * judged on its own digits), the intercept relative to the size of the terms it is the difference
 * of (|standardized intercept| + Σ|b_j·mean_j|). It raises `worst` to the errors it sees first.
 */
export function expectSameRidgeFit(got: { readonly coefficients: ArrayLike<number>; readonly intercept: number }, ref: RidgeResult, rel: number, worst: RidgeFitErrors): void {
  const b = ref.coefficients;
  const scale = maxAbs(b);
  for (let j = 0; j < b.length; j++) {
    const diff = Math.abs(got.coefficients[j] - b[j]);
    worst.coefNorm = Math.max(worst.coefNorm, scale > 0 ? diff / scale : diff);
    if (b[j] !== 0) worst.coefElement = Math.max(worst.coefElement, diff / Math.abs(b[j]));
  }
  expectClose(got.coefficients, b, { rel, floor: scale });
  let interceptScale = Math.abs(ref.standardizedIntercept);
  for (let j = 0; j < b.length; j++) interceptScale += Math.abs(b[j] * ref.means[j]);
  worst.intercept = Math.max(worst.intercept, Math.abs(got.intercept - ref.intercept) / interceptScale);
  expectClose(got.intercept, ref.intercept, { rel, floor: interceptScale });
}
