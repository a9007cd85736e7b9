/**
 * The state a prepared cross-validated ridge problem carries between prepareRidgeCv and
 * scoreCandidate: the public RidgeCvPrepared shape, the internal statistics behind the STATE key,
 * and the per-m working storage that keeps scoreCandidate allocation free.
 */
import { createGramWorkspace, type GramWorkspace } from "../../linalg/gram-solvers";

/**
 * A prepared cross-validation problem, from prepareRidgeCv, for scoreCandidate. Its statistics
 * and working storage are internal; the fields below describe the problem.
 */
export interface RidgeCvPrepared {
  /** Number of rows n. */
  readonly rows: number;
  /** Number of fixed columns q (may be 0). */
  readonly fixedCols: number;
  /** Number of folds. */
  readonly folds: number;
  /** Rows [0, trainEnd) form the full fit's training window. */
  readonly trainEnd: number;
  /** Number of test rows per fold. */
  readonly foldN: Int32Array;
  /** max − min of y on each fold's test window. */
  readonly foldRange: Float64Array;
}

/** Key of the internal state carried by a prepared problem. */
export const STATE: unique symbol = Symbol("ridgeCvState");

/** Internal state of a prepared problem. */
export interface State {
  readonly rows: number;
  readonly fixedCols: number;
  readonly folds: number;
  readonly foldN: Int32Array;
  readonly foldRange: Float64Array;
  /** Fixed columns as given, row-major n × q. */
  readonly F: Float64Array;
  /** Centred fixed columns, column-major (l·n + i), for the column-wise dot products. */
  readonly FdCols: Float64Array;
  /** y as given and centred on its mean over the pass. */
  readonly y: Float64Array;
  readonly yd: Float64Array;
  /** Distinct training-window ends, ascending (B of them). */
  readonly bounds: Int32Array;
  /** Per fold, the index into bounds of its training end; and its test window [testStart, testEnd). */
  readonly foldBound: Int32Array;
  readonly testStart: Int32Array;
  readonly testEnd: Int32Array;
  /** Index into bounds of trainEnd. */
  readonly fullBound: number;
  /** Per bound b: fixed means, scales, constant flags, sums of the centred columns (b·q + l). */
  readonly fMean: Float64Array;
  readonly fScale: Float64Array;
  readonly fConst: Uint8Array;
  readonly fSum: Float64Array;
  /** Per bound b: standardised fixed Gram block (b·q² + l·q + l′) and right-hand side (b·q + l). */
  readonly fGram: Float64Array;
  readonly fRhs: Float64Array;
  /** Per bound b: Σ(y − centre) and ȳ over [0, bounds[b]). */
  readonly ySum: Float64Array;
  readonly yMean: Float64Array;
  /** Storage sized for the current number of media columns (reallocated only when it changes). */
  work: Workspace | null;
}

/** Mutable view of RidgeCvScore (score.ts), filled in place by scoreCandidate. */
export interface ScoreSlots {
  foldSse: Float64Array;
  foldN: Int32Array;
  foldRange: Float64Array;
  nrmse: number;
  fullFit: { coefficients: Float64Array; intercept: number };
  positiveDefinite: boolean;
}

/** Reusable buffers for m media columns (p = m + q coefficients). */
export interface Workspace extends GramWorkspace {
  readonly m: number;
  readonly centre: Float64Array;
  readonly firstChange: Int32Array;
  /** Centred media columns, column-major m × n. */
  readonly dm: Float64Array;
  readonly snapM: Float64Array;
  readonly snapMM: Float64Array;
  readonly snapMF: Float64Array;
  readonly snapMY: Float64Array;
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  readonly isConst: Uint8Array;
  readonly beta: Float64Array;
  readonly result: ScoreSlots;
}

/** The workspace of P for m media columns: P's current one if it has m columns, else a new one stored in P. */
export function workspace(P: State, m: number): Workspace {
  if (P.work !== null && P.work.m === m) return P.work;
  const q = P.fixedCols;
  const p = m + q;
  const B = P.bounds.length;
  const nf = P.folds;
  const w: Workspace = {
    ...createGramWorkspace(p),
    m,
    centre: new Float64Array(m),
    firstChange: new Int32Array(m),
    dm: new Float64Array(m * P.rows),
    snapM: new Float64Array(B * m),
    snapMM: new Float64Array(B * m * m),
    snapMF: new Float64Array(B * m * q),
    snapMY: new Float64Array(B * m),
    mean: new Float64Array(p),
    scale: new Float64Array(p),
    isConst: new Uint8Array(p),
    beta: new Float64Array(p),
    result: {
      foldSse: new Float64Array(nf),
      foldN: P.foldN,
      foldRange: P.foldRange,
      nrmse: 0,
      fullFit: { coefficients: new Float64Array(p), intercept: 0 },
      positiveDefinite: true,
    },
  };
  P.work = w;
  return w;
}
