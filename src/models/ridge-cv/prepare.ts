/**
 * prepareRidgeCv: the once-per-search half of the cross-validated ridge kernel (see index.ts).
 * Everything that does not depend on the media columns, per distinct training-window end.
 */
import { isConstantFeature, type DesignMatrix } from "../standardize";
import type { TimeSeriesFold } from "../time-series-cv";
import { STATE, type RidgeCvPrepared, type State } from "./state";

/** Numeric vector: a typed array or a plain read-only array, never mutated. */
type NumberArray = Float64Array | readonly number[];

/** Options of prepareRidgeCv. */
export interface PrepareRidgeCvOptions {
  /** Rows [0, trainEnd) form the training window of the full fit (default: all rows). */
  readonly trainEnd?: number;
}

/**
 * prepareRidgeCv(fixed, y, folds, options) precomputes everything about a cross-validated ridge
 * problem that does not depend on the media columns. For every distinct training-window end k
 * (the folds' and trainEnd): the fixed columns' means, population sds and constant flags on
 * [0, k) and the standardised fixed block Xfᵀ Xf, Xfᵀ y of the normal equations, computed two-pass
 * exactly as standardizeColumns and fitRidge would; ȳ; the prefix sums Σ(xf − centre) and
 * Σ(y − centre) the media cross-products need; and y's range on each test window. Done once per
 * search, so it favours accuracy over speed: O(B·n·q²) for B distinct window ends.
 * @param fixed - n × q fixed columns (row-major; q may be 0); not mutated
 * @param y - target of length n
 * @param folds - expanding-window folds (timeSeriesFolds): train = [0, k), test a contiguous window
 * @param options - `trainEnd`, end of the full fit's training window (default n)
 * @returns the prepared problem, for scoreCandidate
 * @throws RangeError if shapes disagree, a value is not finite, there are no folds, a training
 *   window is not a non-empty prefix, a test window is not a non-empty contiguous run of rows, or
 *   trainEnd is not an integer in [1, n]
 * @example prepareRidgeCv(fixed, y, timeSeriesFolds(y.length, { folds: 5 })).folds // => 5
 */
export function prepareRidgeCv(
  fixed: DesignMatrix,
  y: NumberArray,
  folds: readonly TimeSeriesFold[],
  options: PrepareRidgeCvOptions = {},
): RidgeCvPrepared {
  const { n, q, data, trainEnd } = checkInputs(fixed, y, folds, options);
  const nf = folds.length;
  const { trainEnds, testStart, testEnd } = foldWindows(folds, n);
  const bounds = Int32Array.from(new Set([...trainEnds, trainEnd])).sort();
  const boundIndex = (k: number): number => bounds.indexOf(k);
  const foldBound = Int32Array.from(trainEnds, boundIndex);
  const yArr = Float64Array.from(y);
  const F = Float64Array.from(data);
  const { Fd, FdCols, yd } = centredOnPass(data, yArr, n, q, bounds[bounds.length - 1]);
  const blocks = fixedBlocks(data, yArr, Fd, yd, bounds, n, q);
  const { foldN, foldRange } = testRanges(yArr, testStart, testEnd);

  const state: State = {
    rows: n,
    fixedCols: q,
    folds: nf,
    foldN,
    foldRange,
    F,
    FdCols,
    y: yArr,
    yd,
    bounds,
    foldBound,
    testStart,
    testEnd,
    fullBound: boundIndex(trainEnd),
    ...blocks,
    work: null,
  };
  const prepared: RidgeCvPrepared & { readonly [STATE]: State } = { rows: n, fixedCols: q, folds: nf, trainEnd, foldN, foldRange, [STATE]: state };
  return prepared;
}

/**
 * Checks fixed (an n × q Float64Array matrix of finite values, n ≥ 1), y (n finite values), that
 * there is at least one fold and that trainEnd (default n) is an integer in [1, n]; returns the
 * shape, fixed's row-major data and trainEnd.
 */
function checkInputs(
  fixed: DesignMatrix,
  y: NumberArray,
  folds: readonly TimeSeriesFold[],
  options: PrepareRidgeCvOptions,
): { n: number; q: number; data: Float64Array; trainEnd: number } {
  if (fixed === null || typeof fixed !== "object" || !(fixed.data instanceof Float64Array)) {
    throw new RangeError("prepareRidgeCv requires fixed as { rows, cols, data: Float64Array }");
  }
  const { rows: n, cols: q, data } = fixed;
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError("prepareRidgeCv requires fixed with at least one row");
  if (!(Number.isInteger(q) && q >= 0)) throw new RangeError("prepareRidgeCv requires fixed.cols to be an integer ≥ 0");
  if (data.length !== n * q) throw new RangeError(`prepareRidgeCv requires fixed.data of length rows × cols = ${n * q}, got ${data.length}`);
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) throw new RangeError(`prepareRidgeCv requires finite fixed values: row ${Math.floor(k / q)} column ${k % q} is ${data[k]}`);
  }
  if (y.length !== n) throw new RangeError(`prepareRidgeCv requires y of length fixed.rows = ${n}, got ${y.length}`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new RangeError(`prepareRidgeCv requires finite y: y[${i}] is ${y[i]}`);
  if (!Array.isArray(folds) || folds.length === 0) throw new RangeError("prepareRidgeCv requires at least one fold");
  const trainEnd = options.trainEnd ?? n;
  if (!(Number.isInteger(trainEnd) && trainEnd >= 1 && trainEnd <= n)) throw new RangeError(`prepareRidgeCv requires trainEnd to be an integer in [1, ${n}]`);
  return { n, q, data, trainEnd };
}

/**
 * Checks that every fold trains on a prefix [0, k) with 1 ≤ k ≤ n and tests on a non-empty
 * contiguous ascending window [a, a + t) inside [0, n); returns, per fold, k (in rows) and the
 * test window's start and end (exclusive).
 */
function foldWindows(folds: readonly TimeSeriesFold[], n: number): { trainEnds: number[]; testStart: Int32Array; testEnd: Int32Array } {
  const nf = folds.length;
  const trainEnds: number[] = [];
  const testStart = new Int32Array(nf);
  const testEnd = new Int32Array(nf);
  for (let f = 0; f < nf; f++) {
    const { train, test } = folds[f];
    const k = train.length;
    if (!(k >= 1 && k <= n)) throw new RangeError(`prepareRidgeCv requires fold ${f} to have 1 … ${n} training rows`);
    for (let i = 0; i < k; i++) if (train[i] !== i) throw new RangeError(`prepareRidgeCv requires fold ${f}'s training rows to be 0 … k − 1`);
    const t = test.length;
    const a = test[0];
    if (!(t >= 1 && Number.isInteger(a) && a >= 0 && a + t <= n)) throw new RangeError(`prepareRidgeCv requires fold ${f}'s test rows to be a non-empty window inside [0, ${n})`);
    for (let i = 1; i < t; i++) if (test[i] !== a + i) throw new RangeError(`prepareRidgeCv requires fold ${f}'s test rows to be contiguous and ascending`);
    trainEnds.push(k);
    testStart[f] = a;
    testEnd[f] = a + t;
  }
  return { trainEnds, testStart, testEnd };
}

/**
 * The centred copies for the candidates' one-pass sums: d = x − centre, each fixed column and y
 * centred on its mean over the pass's rows [0, passEnd) (so "Σd_a d_b − Σd_a Σd_b/k" cancels
 * little on any window); Fd row-major (i·q + l), FdCols column-major (l·n + i), yd; in the
 * columns' and y's own units.
 */
function centredOnPass(data: Float64Array, yArr: Float64Array, n: number, q: number, passEnd: number): { Fd: Float64Array; FdCols: Float64Array; yd: Float64Array } {
  const fCentre = new Float64Array(q);
  for (let i = 0; i < passEnd; i++) for (let l = 0; l < q; l++) fCentre[l] += data[i * q + l];
  for (let l = 0; l < q; l++) fCentre[l] /= passEnd;
  let yCentre = 0;
  for (let i = 0; i < passEnd; i++) yCentre += yArr[i];
  yCentre /= passEnd;
  const Fd = new Float64Array(n * q);
  for (let i = 0; i < n; i++) for (let l = 0; l < q; l++) Fd[i * q + l] = data[i * q + l] - fCentre[l];
  const FdCols = new Float64Array(n * q);
  for (let i = 0; i < n; i++) for (let l = 0; l < q; l++) FdCols[l * n + i] = Fd[i * q + l];
  const yd = new Float64Array(n);
  for (let i = 0; i < n; i++) yd[i] = yArr[i] - yCentre;
  return { Fd, FdCols, yd };
}

/** The per-window statistics of the fixed columns and y, as stored in State (see its fields). */
type FixedBlocks = Pick<State, "fMean" | "fScale" | "fConst" | "fSum" | "fGram" | "fRhs" | "ySum" | "yMean">;

/**
 * For every window [0, k), k = bounds[b]: ȳ and Σ(y − centre) (targetWindow), the fixed columns'
 * means, scales and constant flags exactly as standardizeColumns computes them (fixedColumnStats),
 * and the standardised fixed block of fitRidge's normal equations (fixedNormalEquations).
 * O(B·n·q²).
 */
function fixedBlocks(data: Float64Array, yArr: Float64Array, Fd: Float64Array, yd: Float64Array, bounds: Int32Array, n: number, q: number): FixedBlocks {
  const B = bounds.length;
  const blocks: FixedBlocks = {
    fMean: new Float64Array(B * q),
    fScale: new Float64Array(B * q),
    fConst: new Uint8Array(B * q),
    fSum: new Float64Array(B * q),
    fGram: new Float64Array(B * q * q),
    fRhs: new Float64Array(B * q),
    ySum: new Float64Array(B),
    yMean: new Float64Array(B),
  };
  const centred = new Float64Array(n * q);
  const yc = new Float64Array(n);
  for (let b = 0; b < B; b++) {
    const k = bounds[b];
    targetWindow(yArr, yd, k, b, yc, blocks);
    fixedColumnStats(data, Fd, q, k, b, centred, blocks);
    fixedNormalEquations(centred, yc, q, k, b, blocks);
  }
  return blocks;
}

/**
 * On [0, k): ȳ = Σy/k into yMean[b], Σ(y − centre) = Σyd into ySum[b], and y − ȳ into yc[0 … k).
 */
function targetWindow(yArr: Float64Array, yd: Float64Array, k: number, b: number, yc: Float64Array, blocks: FixedBlocks): void {
  let sy = 0;
  let sd = 0;
  for (let i = 0; i < k; i++) {
    sy += yArr[i];
    sd += yd[i];
  }
  const ym = sy / k;
  blocks.yMean[b] = ym;
  blocks.ySum[b] = sd;
  for (let i = 0; i < k; i++) yc[i] = yArr[i] - ym;
}

/**
 * On [0, k), per fixed column l (at b·q + l): mean Σx/k, scale the two-pass population sd
 * √(Σ(x − mean)²/k) (1 if constant by scikit-learn's rule, flagged in fConst), and Σ(x − centre)
 * into fSum; x − mean into centred (i·q + l).
 */
function fixedColumnStats(data: Float64Array, Fd: Float64Array, q: number, k: number, b: number, centred: Float64Array, blocks: FixedBlocks): void {
  const { fMean, fScale, fConst, fSum } = blocks;
  const o = b * q;
  for (let l = 0; l < q; l++) {
    let sum = 0;
    let sumD = 0;
    for (let i = 0; i < k; i++) {
      sum += data[i * q + l];
      sumD += Fd[i * q + l];
    }
    const mean = sum / k;
    let ss = 0;
    for (let i = 0; i < k; i++) {
      const v = data[i * q + l] - mean;
      centred[i * q + l] = v;
      ss += v * v;
    }
    const constant = isConstantFeature(ss / k, mean, k);
    fMean[o + l] = mean;
    fScale[o + l] = constant ? 1 : Math.sqrt(ss / k);
    fConst[o + l] = constant ? 1 : 0;
    fSum[o + l] = sumD;
  }
}

/**
 * On [0, k), the standardised fixed block (dimensionless Gram entries): fGram[b·q² + l·q + l′] =
 * Σ c_l c_l′ /(scale_l·scale_l′) and fRhs[b·q + l] = Σ c_l (y − ȳ) / scale_l (in y's units), with
 * c the centred columns; rows and columns of constant columns are 0.
 */
function fixedNormalEquations(centred: Float64Array, yc: Float64Array, q: number, k: number, b: number, blocks: FixedBlocks): void {
  const { fScale, fConst, fGram, fRhs } = blocks;
  const o = b * q;
  const g = b * q * q;
  for (let l = 0; l < q; l++) {
    const cl = fConst[o + l] === 1;
    let r = 0;
    if (!cl) for (let i = 0; i < k; i++) r += centred[i * q + l] * yc[i];
    fRhs[o + l] = r / fScale[o + l];
    for (let l2 = l; l2 < q; l2++) {
      let v = 0;
      if (!cl && fConst[o + l2] === 0) {
        for (let i = 0; i < k; i++) v += centred[i * q + l] * centred[i * q + l2];
        v /= fScale[o + l] * fScale[o + l2];
      }
      fGram[g + l * q + l2] = v;
      fGram[g + l2 * q + l] = v;
    }
  }
}

/** Per fold: the number of test rows (foldN) and max − min of y on its test window (foldRange, y's units). */
function testRanges(yArr: Float64Array, testStart: Int32Array, testEnd: Int32Array): { foldN: Int32Array; foldRange: Float64Array } {
  const nf = testStart.length;
  const foldN = new Int32Array(nf);
  const foldRange = new Float64Array(nf);
  for (let f = 0; f < nf; f++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = testStart[f]; r < testEnd[f]; r++) {
      lo = Math.min(lo, yArr[r]);
      hi = Math.max(hi, yArr[r]);
    }
    foldN[f] = testEnd[f] - testStart[f];
    foldRange[f] = hi - lo;
  }
  return { foldN, foldRange };
}
