/**
 * Ridge regression on rows with integer weights — bootstrap counts — by sufficient statistics: the
 * inner loop of the block bootstrap (bootstrap.ts).
 *
 * A bootstrap resample repeats some rows and leaves others out; fitRidge on the duplicated rows
 * (selectRows with repeated indices) is the reference. With counts w_i (N = Σ w_i rows in all) that
 * fit is a weighted one: means μ = Σ w x / N, population sds √(Σ w (x − μ)² / N), the constant
 * rules of standardizeColumns / fitRidge with N rows, and the standardised normal equations
 * (G_s + alpha·I) s = c_s with G_s = Σ w d dᵀ / (scale scaleᵀ), d = x − μ. The fixed columns (trend,
 * seasonality, controls) and y are the same for every pool member, so `setRowCounts` computes their
 * block once per resample — the distinct rows with their counts, weighted means, scales and the
 * q × q block of G_s and c_s — and `fitWeightedRidge` only the media blocks (m × m, m × q, m × y)
 * over the distinct rows, then solves by Cholesky, or with non-negative media by Lawson–Hanson on
 * the Gram system (gram-solvers.ts). All buffers belong to the prepared problem and are reused.
 *
 * Exactly fitRidge's problem, per column: centred on the weighted mean; scaled by the population
 * sd, or 1 when scikit-learn's rule calls the column constant (variance ≤ N·ε·variance +
 * (N·mean·ε)², then the column is exactly zero after standardisation); with `scaleByMean`, by
 * |mean| instead unless the column is exactly constant on the rows used or has mean 0. As in the
 * ridge CV kernel (ridge-cv-kernel.ts, which argues it), solving normal equations instead of QR on
 * the augmented system is safe here because the penalty bounds the conditioning; sums are two-pass
 * (centred on the weighted mean first) so nothing cancels. The tests compare with fitRidge on the
 * duplicated rows on random problems to 1e-9 relative.
 */
import { createGramWorkspace, solveGramBounded, type GramWorkspace } from "./gram-solvers";
import type { NumberArray } from "../util/vector-checks";

/** Options of createWeightedRidge. */
export interface WeightedRidgeOptions {
  /** Per fixed column: scale by |mean| instead of the sd (fitRidge's scaleByMean). Default: none. */
  readonly fixedScaleByMean?: readonly boolean[];
}

/** Options of fitWeightedRidge. */
export interface WeightedRidgeFitOptions {
  /** Constrain every media coefficient to be ≥ 0 (default false); fixed coefficients are free. */
  readonly nonNegative?: boolean;
  /** Scale media columns by |mean| instead of the sd: one flag for all, or one per media column. */
  readonly scaleByMean?: boolean | readonly boolean[];
}

/**
 * A weighted ridge fit. The object and its arrays belong to the prepared problem and are
 * overwritten by the next fitWeightedRidge call on it: copy what you keep.
 */
export interface WeightedRidgeFit {
  /** b_j = s_j/scale_j on the original scale, media columns first, then the fixed columns. */
  readonly coefficients: Float64Array;
  /** b0 = ȳ − Σ_j b_j·mean_j (weighted ȳ and means). */
  readonly intercept: number;
  /** Coefficients s on the standardised scale. */
  readonly standardizedCoefficients: Float64Array;
  /** Weighted column means and the scales used (media first). */
  readonly means: Float64Array;
  readonly scales: Float64Array;
  /**
   * false if the system was not positive definite (possible only with alpha = 0 and a constant or
   * collinear column, where fitRidge throws); the coefficients and intercept are then NaN.
   */
  readonly positiveDefinite: boolean;
}

/** A weighted ridge problem from createWeightedRidge; its statistics are internal. */
export interface WeightedRidge {
  /** Number of rows n (of y, of every column, of the counts). */
  readonly rows: number;
  /** Number of fixed columns q (may be 0). */
  readonly fixedCols: number;
}

/** Key of the internal state carried by a prepared problem. */
const STATE: unique symbol = Symbol("weightedRidgeState");

/** Mutable view of WeightedRidgeFit, used inside this file only. */
interface FitSlots {
  coefficients: Float64Array;
  intercept: number;
  standardizedCoefficients: Float64Array;
  means: Float64Array;
  scales: Float64Array;
  positiveDefinite: boolean;
}

/** Internal state: the data, the current counts' statistics, and working storage. */
interface State {
  readonly n: number;
  readonly q: number;
  /** Fixed columns, column-major (l·n + i). */
  readonly F: Float64Array;
  readonly y: Float64Array;
  readonly fixedByMean: Uint8Array;
  /** Whether setRowCounts has been called. */
  ready: boolean;
  /** Distinct rows with a positive count (u of them, ascending) and their counts. */
  u: number;
  /** Σ counts. */
  total: number;
  readonly rowIdx: Int32Array;
  readonly weight: Float64Array;
  /** Weighted ȳ. */
  yMean: number;
  /** Fixed means, scales; centred fixed columns d over the distinct rows (l·n + t). */
  readonly fMean: Float64Array;
  readonly fScale: Float64Array;
  readonly fd: Float64Array;
  /**
   * The weighted centred columns every media column is multiplied with, one slot of n per column
   * (slot·n + t): slot 0 is w·(y − ȳ), slots 1 … q the fixed columns' w·d, slots 1 + q + j the
   * media columns' w·d (grown by workspace to fit m).
   */
  wc: Float64Array;
  /** Standardised fixed block of G_s (q × q) and of c_s. */
  readonly fGram: Float64Array;
  readonly fRhs: Float64Array;
  work: Workspace | null;
}

/** Buffers for m media columns (p = m + q coefficients). */
interface Workspace extends GramWorkspace {
  readonly m: number;
  /** Centred media columns d over the distinct rows (j·n + t); their w·d are in State.wc. */
  readonly dm: Float64Array;
  /** Slots of State.wc a media column's dot products take, and four results at a time. */
  readonly slots: Int32Array;
  readonly four: Float64Array;
  readonly result: FitSlots;
}

const EPS = Number.EPSILON;

/**
 * createWeightedRidge(fixed, y, options) stores the fixed columns and y of a weighted ridge problem
 * (checked once), for setRowCounts and fitWeightedRidge. O(n·q).
 * @param fixed - q fixed columns of n finite values each (q may be 0); not mutated
 * @param y - target, n finite values
 * @param options - `fixedScaleByMean`: per fixed column, scale by |mean| (default none)
 * @returns the prepared problem; call setRowCounts before fitting
 * @throws RangeError if y is empty, a column's length differs from y's, a value is not finite, or
 *   fixedScaleByMean does not have one entry per fixed column
 * @example const ridge = createWeightedRidge([trend], y); setRowCounts(ridge, counts); fitWeightedRidge(ridge, [tv], 1)
 */
export function createWeightedRidge(fixed: readonly NumberArray[], y: NumberArray, options: WeightedRidgeOptions = {}): WeightedRidge {
  const n = y.length;
  if (!(n >= 1)) throw new RangeError("createWeightedRidge requires at least one row");
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new RangeError(`createWeightedRidge requires finite y: y[${i}] is ${y[i]}`);
  const q = fixed.length;
  const F = new Float64Array(q * n);
  for (let l = 0; l < q; l++) {
    const col = fixed[l];
    if (col.length !== n) throw new RangeError(`createWeightedRidge requires fixed columns of length ${n}: column ${l} has ${col.length}`);
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (!Number.isFinite(v)) throw new RangeError(`createWeightedRidge requires finite fixed values: row ${i} column ${l} is ${v}`);
      F[l * n + i] = v;
    }
  }
  const mask = options.fixedScaleByMean;
  if (mask !== undefined && mask.length !== q) throw new RangeError(`createWeightedRidge requires fixedScaleByMean to have one entry per fixed column (${q})`);
  const state: State = {
    n,
    q,
    F,
    y: Float64Array.from(y),
    fixedByMean: Uint8Array.from({ length: q }, (_, l) => (mask?.[l] === true ? 1 : 0)),
    ready: false,
    u: 0,
    total: 0,
    rowIdx: new Int32Array(n),
    weight: new Float64Array(n),
    yMean: 0,
    fMean: new Float64Array(q),
    fScale: new Float64Array(q),
    fd: new Float64Array(q * n),
    wc: new Float64Array((1 + q) * n),
    fGram: new Float64Array(q * q),
    fRhs: new Float64Array(q),
    work: null,
  };
  const prepared: WeightedRidge & { readonly [STATE]: State } = { rows: n, fixedCols: q, [STATE]: state };
  return prepared;
}

function stateOf(fn: string, ridge: WeightedRidge): State {
  const S = (ridge as { readonly [STATE]?: State })[STATE];
  if (S === undefined) throw new RangeError(`${fn} requires a problem made by createWeightedRidge`);
  return S;
}

/**
 * centre(x, xo, S, d, o, dw, wo, byMean, out, at) centres a column (row i is x[xo + i]) on its
 * weighted mean over the distinct rows of S into d[o + t], and w·d into dw[wo + t], both zero for
 * a column that fitRidge's standardisation makes exactly 0; stores the mean in out[at] and returns
 * the scale.
 */
function centre(x: NumberArray, xo: number, S: State, d: Float64Array, o: number, dw: Float64Array, wo: number, byMean: boolean, out: Float64Array, at: number): number {
  const { u, rowIdx, weight, total } = S;
  // Gather the rows once (d holds x for now), then centre in place: two passes over u values.
  const x0 = x[xo + rowIdx[0]];
  let exact = true;
  let sum = 0;
  for (let t = 0; t < u; t++) {
    const v = x[xo + rowIdx[t]];
    if (v !== x0) exact = false;
    d[o + t] = v;
    sum += weight[t] * v;
  }
  const mean = sum / total;
  let ss = 0;
  for (let t = 0; t < u; t++) {
    const dv = d[o + t] - mean;
    const wd = weight[t] * dv;
    d[o + t] = dv;
    dw[wo + t] = wd;
    ss += wd * dv;
  }
  const variance = ss / total;
  // scikit-learn's constant rule (sklearn/preprocessing/_data.py, _is_constant_feature), with N rows.
  const constant = variance <= total * EPS * variance + (total * mean * EPS) ** 2;
  let scale = constant ? 1 : Math.sqrt(variance);
  if (byMean && !exact && mean !== 0) scale = Math.abs(mean);
  out[at] = mean;
  if (constant && scale === 1) {
    // standardizeColumns makes such a column exactly 0 (and rescaleByMean leaves it so).
    d.fill(0, o, o + u);
    dw.fill(0, wo, wo + u);
  }
  return scale;
}

/**
 * Σ_t a[ao + t]·b[bo + t] for t < len. Four interleaved partial sums break the floating-point add
 * latency chain.
 */
function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < len; t += 4) {
    s0 += a[ao + t] * b[bo + t];
    s1 += a[ao + t + 1] * b[bo + t + 1];
    s2 += a[ao + t + 2] * b[bo + t + 2];
    s3 += a[ao + t + 3] * b[bo + t + 3];
  }
  for (; t < len; t++) s0 += a[ao + t] * b[bo + t];
  return s0 + s1 + (s2 + s3);
}

/**
 * Four dot products sharing a: out[r] = Σ_t a[ao + t]·b[o_r + t] for t < len. Reading a once for
 * four products, with two partial sums each (eight independent add chains), is about twice as fast
 * in V8 as four separate dot calls.
 */
function dot4(a: Float64Array, ao: number, b: Float64Array, o0: number, o1: number, o2: number, o3: number, len: number, out: Float64Array): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let r0 = 0;
  let r1 = 0;
  let r2 = 0;
  let r3 = 0;
  let t = 0;
  for (; t + 1 < len; t += 2) {
    const x = a[ao + t];
    const z = a[ao + t + 1];
    s0 += x * b[o0 + t];
    s1 += x * b[o1 + t];
    s2 += x * b[o2 + t];
    s3 += x * b[o3 + t];
    r0 += z * b[o0 + t + 1];
    r1 += z * b[o1 + t + 1];
    r2 += z * b[o2 + t + 1];
    r3 += z * b[o3 + t + 1];
  }
  if (t < len) {
    const x = a[ao + t];
    s0 += x * b[o0 + t];
    s1 += x * b[o1 + t];
    s2 += x * b[o2 + t];
    s3 += x * b[o3 + t];
  }
  out[0] = s0 + r0;
  out[1] = s1 + r1;
  out[2] = s2 + r2;
  out[3] = s3 + r3;
}

/**
 * setRowCounts(ridge, counts) sets the row weights of the fits that follow — counts[i] copies of
 * row i, as a bootstrap resample — and computes what does not depend on the media columns: the
 * distinct rows, weighted ȳ, the fixed columns' weighted means and scales (fitRidge's rules with
 * N = Σ counts rows) and the standardised fixed block of G_s and c_s. O(n + u·q²) for u rows with a
 * positive count.
 * @param ridge - from createWeightedRidge
 * @param counts - per row, a non-negative integer; at least one positive
 * @throws RangeError if counts has the wrong length, a count is not a non-negative integer, or all are 0
 * @example setRowCounts(ridge, Int32Array.from([2, 0, 1, 1]))
 */
export function setRowCounts(ridge: WeightedRidge, counts: Int32Array | Float64Array | readonly number[]): void {
  const S = stateOf("setRowCounts", ridge);
  const { n, q, F, y, rowIdx, weight, fMean, fScale, fd, fGram, fRhs } = S;
  if (counts.length !== n) throw new RangeError(`setRowCounts requires one count per row (${n}), got ${counts.length}`);
  let u = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i];
    if (!(Number.isInteger(c) && c >= 0)) throw new RangeError(`setRowCounts requires non-negative integer counts: counts[${i}] is ${c}`);
    if (c > 0) {
      rowIdx[u] = i;
      weight[u] = c;
      u++;
      total += c;
    }
  }
  if (!(u >= 1)) throw new RangeError("setRowCounts requires at least one positive count");
  S.u = u;
  S.total = total;
  let ySum = 0;
  for (let t = 0; t < u; t++) ySum += weight[t] * y[rowIdx[t]];
  const yMean = ySum / total;
  S.yMean = yMean;
  const wc = S.wc;
  for (let t = 0; t < u; t++) wc[t] = weight[t] * (y[rowIdx[t]] - yMean);
  for (let l = 0; l < q; l++) fScale[l] = centre(F, l * n, S, fd, l * n, wc, (1 + l) * n, S.fixedByMean[l] === 1, fMean, l);
  for (let l = 0; l < q; l++) {
    fRhs[l] = dot(fd, l * n, wc, 0, u) / fScale[l];
    for (let l2 = l; l2 < q; l2++) {
      const v = dot(fd, l * n, wc, (1 + l2) * n, u) / (fScale[l] * fScale[l2]);
      fGram[l * q + l2] = v;
      fGram[l2 * q + l] = v;
    }
  }
  S.ready = true;
}

/**
 * Puts Σ w·d_j·(column of `slot`) into c or H, standardised: slot 0 is y (c_j), 1 … q the fixed
 * columns, 1 + q + l media column l (H symmetric).
 */
function store(w: Workspace, j: number, slot: number, v: number, q: number): void {
  const { m, p, H, c, result } = w;
  const scales = result.scales;
  const sj = scales[j];
  if (slot === 0) c[j] = v / sj;
  else {
    const col = slot <= q ? m + slot - 1 : slot - 1 - q;
    const h = v / (sj * scales[col]);
    H[j * p + col] = h;
    H[col * p + j] = h;
  }
}

function workspace(S: State, m: number): Workspace {
  if (S.work !== null && S.work.m === m) return S.work;
  const p = m + S.q;
  const slotsNeeded = (1 + p) * S.n;
  if (S.wc.length < slotsNeeded) {
    // Room for m media slots; keep y's and the fixed columns' (set by setRowCounts).
    const wc = new Float64Array(slotsNeeded);
    wc.set(S.wc.subarray(0, (1 + S.q) * S.n));
    S.wc = wc;
  }
  const gram = createGramWorkspace(p);
  const w: Workspace = {
    ...gram,
    m,
    dm: new Float64Array(m * S.n),
    slots: new Int32Array(1 + p),
    four: new Float64Array(4),
    result: {
      coefficients: new Float64Array(p),
      intercept: 0,
      standardizedCoefficients: new Float64Array(p),
      means: new Float64Array(p),
      scales: new Float64Array(p),
      positiveDefinite: true,
    },
  };
  S.work = w;
  return w;
}

/**
 * fitWeightedRidge(ridge, media, alpha, options) fits ridge regression on [media | fixed] with the
 * row weights of the last setRowCounts: exactly fitRidge on the rows repeated count times, with
 * standardised predictors, an unpenalised intercept, `nonNegative` on the media columns and
 * `scaleByMean` as fitRidge's options. Builds the media blocks of (G_s + alpha·I) and c_s over the
 * distinct rows, joins the fixed block and solves by Cholesky (Lawson–Hanson under the
 * constraint). Only rows with a positive count are read. O(u·m·(m + q) + (m + q)³); allocation
 * free after the first call with a given m.
 * @param ridge - from createWeightedRidge, after setRowCounts
 * @param media - m media columns of length n (m + q ≥ 1); not mutated
 * @param alpha - penalty, finite and ≥ 0
 * @param options - `nonNegative` (default false), `scaleByMean` (one flag or one per media column)
 * @returns the fit; the object is reused by the next call on the same problem
 * @throws RangeError if setRowCounts was not called, a media column has the wrong length or a
 *   non-finite value on a weighted row, there are no columns, or alpha is not finite and ≥ 0
 * @example fitWeightedRidge(ridge, [tv, radio], 1, { nonNegative: true }).coefficients // => media then fixed
 */
export function fitWeightedRidge(ridge: WeightedRidge, media: readonly NumberArray[], alpha: number, options: WeightedRidgeFitOptions = {}): WeightedRidgeFit {
  const S = stateOf("fitWeightedRidge", ridge);
  if (!S.ready) throw new RangeError("fitWeightedRidge requires setRowCounts first");
  const { n, q, u } = S;
  const m = media.length;
  if (!(m + q >= 1)) throw new RangeError("fitWeightedRidge requires at least one media or fixed column");
  for (let j = 0; j < m; j++) {
    if (media[j].length !== n) throw new RangeError(`fitWeightedRidge requires media columns of length ${n}: column ${j} has ${media[j].length}`);
  }
  if (!(alpha >= 0) || alpha === Infinity) throw new RangeError("fitWeightedRidge requires a finite alpha ≥ 0");
  const sbm = options.scaleByMean ?? false;
  if (typeof sbm !== "boolean" && sbm.length !== m) throw new RangeError(`fitWeightedRidge requires scaleByMean as one boolean or one per media column (${m})`);
  const w = workspace(S, m);
  const { p, H, c, s, dm, slots, four } = w;
  const wc = S.wc;
  const res = w.result;
  const { means, scales } = res;

  for (let j = 0; j < m; j++) {
    const byMean = typeof sbm === "boolean" ? sbm : sbm[j] === true;
    scales[j] = centre(media[j], 0, S, dm, j * n, wc, (1 + q + j) * n, byMean, means, j);
    if (!Number.isFinite(means[j])) throw new RangeError(`fitWeightedRidge requires finite media values: column ${j} is not`);
  }
  for (let l = 0; l < q; l++) {
    means[m + l] = S.fMean[l];
    scales[m + l] = S.fScale[l];
  }
  const { fGram, fRhs } = S;
  // Media column j times: y (slot 0), the fixed columns (slots 1 … q), media columns l ≥ j.
  for (let j = 0; j < m; j++) {
    const oj = j * n;
    let count = 0;
    for (let slot = 0; slot <= q; slot++) slots[count++] = slot;
    for (let l = j; l < m; l++) slots[count++] = 1 + q + l;
    let g = 0;
    for (; g + 3 < count; g += 4) {
      dot4(dm, oj, wc, slots[g] * n, slots[g + 1] * n, slots[g + 2] * n, slots[g + 3] * n, u, four);
      for (let r = 0; r < 4; r++) store(w, j, slots[g + r], four[r], q);
    }
    for (; g < count; g++) store(w, j, slots[g], dot(dm, oj, wc, slots[g] * n, u), q);
  }
  for (let l = 0; l < q; l++) {
    c[m + l] = fRhs[l];
    const row = (m + l) * p + m;
    for (let l2 = 0; l2 < q; l2++) H[row + l2] = fGram[l * q + l2];
  }
  for (let j = 0; j < p; j++) H[j * p + j] += alpha;

  const coefficients = res.coefficients;
  const standardized = res.standardizedCoefficients;
  if (!solveGramBounded(w, options.nonNegative === true ? m : 0)) {
    res.positiveDefinite = false;
    res.intercept = NaN;
    coefficients.fill(NaN);
    standardized.fill(NaN);
    return res;
  }
  let b0 = S.yMean;
  for (let j = 0; j < p; j++) {
    let sv = s[j];
    if (sv === 0) sv = 0; // normalise −0
    standardized[j] = sv;
    const b = sv / scales[j];
    coefficients[j] = b;
    b0 -= b * means[j];
  }
  res.intercept = b0;
  res.positiveDefinite = true;
  return res;
}
