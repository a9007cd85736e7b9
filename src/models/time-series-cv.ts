/**
 * Time-ordered cross-validation: expanding-window folds (scikit-learn's TimeSeriesSplit) and the
 * choice of a penalty strength for ridge, lasso or elastic net on those folds. Deterministic:
 * no shuffling, no randomness.
 */
import type { NumberArray } from "../util/vector-checks";
import { fitElasticNet } from "./elastic-net";
import { fitRidge } from "./ridge";
import { checkDesign, predictLinear, selectRows, type DesignMatrix } from "./standardize";

/** One train/test split; indices are row numbers in time order. */
export interface TimeSeriesFold {
  /** Training rows 0 … trainEnd − 1 (everything before the test window, minus the gap). */
  readonly train: number[];
  /** Test rows testStart … testStart + testSize − 1. */
  readonly test: number[];
}

/** Options of timeSeriesFolds. */
export interface TimeSeriesFoldOptions {
  /** Number of splits (default 5). */
  readonly folds?: number;
  /**
   * Minimum training size of the first fold. When given (and testSize is not), the test size is
   * ⌊(n − gap − minTrain)/folds⌋, so the first training window has at least minTrain rows; when
   * testSize is also given, it is only checked.
   */
  readonly minTrain?: number;
  /** Test window length (default ⌊n/(folds + 1)⌋, as scikit-learn). */
  readonly testSize?: number;
  /** Rows dropped between the end of each training window and its test window (default 0). */
  readonly gap?: number;
}

/**
 * timeSeriesFolds(n, options) returns expanding-window splits identical to scikit-learn's
 * `TimeSeriesSplit(n_splits=folds, test_size, gap)`: test size t = ⌊n/(folds + 1)⌋ by default;
 * fold k (k = 0 … folds − 1) tests rows [n − (folds − k)·t, n − (folds − k − 1)·t) and trains on
 * every row before its test window except the last `gap`. O(n·folds).
 * @param n - number of rows (periods), an integer ≥ 2
 * @param options - `folds` (5), `minTrain`, `testSize`, `gap` (0)
 * @returns folds in time order, each `{ train, test }` with ascending row indices
 * @throws RangeError if n, folds, testSize, gap or minTrain are not valid integers, or the first
 *   training window would be empty (or shorter than minTrain)
 * @example timeSeriesFolds(6, { folds: 2 }).map((f) => f.test) // => [[2, 3], [4, 5]]
 */
export function timeSeriesFolds(n: number, options: TimeSeriesFoldOptions = {}): TimeSeriesFold[] {
  const folds = options.folds ?? 5;
  const gap = options.gap ?? 0;
  if (!(Number.isInteger(n) && n >= 2)) throw new RangeError("timeSeriesFolds requires an integer n ≥ 2");
  if (!(Number.isInteger(folds) && folds >= 1)) throw new RangeError("timeSeriesFolds requires an integer folds ≥ 1");
  if (!(Number.isInteger(gap) && gap >= 0)) throw new RangeError("timeSeriesFolds requires an integer gap ≥ 0");
  const minTrain = options.minTrain;
  if (minTrain !== undefined && !(Number.isInteger(minTrain) && minTrain >= 1)) {
    throw new RangeError("timeSeriesFolds requires an integer minTrain ≥ 1");
  }
  let testSize: number;
  if (options.testSize !== undefined) testSize = options.testSize;
  else if (minTrain !== undefined) testSize = Math.floor((n - gap - minTrain) / folds);
  else testSize = Math.floor(n / (folds + 1));
  if (!(Number.isInteger(testSize) && testSize >= 1)) {
    throw new RangeError(`timeSeriesFolds requires at least one test row per fold: n = ${n}, folds = ${folds}`);
  }
  const firstTest = n - folds * testSize;
  const firstTrain = firstTest - gap;
  if (!(firstTrain >= 1)) {
    throw new RangeError(`timeSeriesFolds requires a non-empty first training window: n = ${n}, folds = ${folds}, testSize = ${testSize}, gap = ${gap}`);
  }
  if (minTrain !== undefined && firstTrain < minTrain) {
    throw new RangeError(`timeSeriesFolds requires the first training window (${firstTrain} rows) to have at least minTrain = ${minTrain} rows`);
  }
  const out: TimeSeriesFold[] = [];
  for (let k = 0; k < folds; k++) {
    const testStart = firstTest + k * testSize;
    const train = Array.from({ length: testStart - gap }, (_, i) => i);
    const test = Array.from({ length: testSize }, (_, i) => testStart + i);
    out.push({ train, test });
  }
  return out;
}

/** Model families chooseAlpha can tune. */
export type PenalizedModel = "ridge" | "lasso" | "elastic-net";

/** Options of chooseAlpha; `folds`, `minTrain`, `testSize` and `gap` are passed to timeSeriesFolds. */
export interface ChooseAlphaOptions extends TimeSeriesFoldOptions {
  /** Candidate penalties (default: 25 values log-spaced from 1e-3 to 1e3, 10^(−3 + k/4)). */
  readonly alphas?: NumberArray;
  /** Model family (default "ridge"). */
  readonly model?: PenalizedModel;
  /** L1 share for "elastic-net" (default 0.5); "lasso" uses 1. */
  readonly l1Ratio?: number;
  /** Per column non-negativity, passed to the model. */
  readonly nonNegative?: readonly boolean[];
  /** Coordinate-descent settings for lasso / elastic net (defaults 10000 and 1e-4). */
  readonly maxIter?: number;
  readonly tol?: number;
}

/** Result of chooseAlpha. */
export interface ChooseAlphaResult {
  /** The candidate with the smallest mean test MSE (the first one on ties). */
  readonly alpha: number;
  /** Candidates in the order given. */
  readonly alphas: Float64Array;
  /** Mean over folds of the test mean squared error, per candidate. */
  readonly cvScores: Float64Array;
  /** Test MSE per candidate (outer) and fold (inner). */
  readonly foldScores: Float64Array[];
  /** The folds used. */
  readonly folds: TimeSeriesFold[];
}

/** The default alpha grid: 25 values 10^(−3 + k/4), k = 0 … 24 (numpy.logspace(-3, 3, 25)). */
export function defaultAlphas(): Float64Array {
  return Float64Array.from({ length: 25 }, (_, k) => 10 ** (-3 + (6 * k) / 24));
}

/**
 * chooseAlpha(X, y, options) picks the penalty by time-series cross-validation: for each
 * candidate alpha and each expanding-window fold (timeSeriesFolds), fit the model on the training
 * rows (standardisation learnt on those rows only, so nothing leaks from the test window), predict
 * the test rows and take MSE = Σ(y − ŷ)²/n_test; the score of alpha is the mean MSE over folds
 * and the chosen alpha minimises it. Same objective and scaling as fitRidge / fitElasticNet,
 * i.e. the same numbers as scikit-learn's Pipeline(StandardScaler(), Ridge|Lasso|ElasticNet)
 * scored on TimeSeriesSplit. Deterministic. O(alphas × folds × fit).
 * @param X - n × p design matrix (row-major); not mutated
 * @param y - target of length n
 * @param options - alphas (25 log-spaced 1e-3 … 1e3), folds (5), model ("ridge"), l1Ratio,
 *   nonNegative, maxIter, tol, minTrain, testSize, gap
 * @returns `{ alpha, alphas, cvScores, foldScores, folds }`
 * @throws RangeError if shapes disagree, a value is not finite, an alpha is not ≥ 0, the model is
 *   unknown, or the folds cannot be formed
 * @example chooseAlpha(X, y, { model: "ridge" }).alpha // => the best of the 25 default alphas
 */
export function chooseAlpha(X: DesignMatrix, y: NumberArray, options: ChooseAlphaOptions = {}): ChooseAlphaResult {
  checkDesign("chooseAlpha", X, y);
  const model = options.model ?? "ridge";
  if (model !== "ridge" && model !== "lasso" && model !== "elastic-net") {
    throw new RangeError(`chooseAlpha requires model "ridge", "lasso" or "elastic-net", got ${String(model)}`);
  }
  const alphas = options.alphas === undefined ? defaultAlphas() : Float64Array.from(options.alphas);
  if (alphas.length === 0) throw new RangeError("chooseAlpha requires at least one alpha");
  for (const a of alphas) if (!(a >= 0) || a === Infinity) throw new RangeError("chooseAlpha requires finite alphas ≥ 0");
  const folds = timeSeriesFolds(X.rows, {
    folds: options.folds ?? 5,
    minTrain: options.minTrain,
    testSize: options.testSize,
    gap: options.gap,
  });
  const l1Ratio = model === "lasso" ? 1 : (options.l1Ratio ?? 0.5);
  const yArr = Float64Array.from(y);
  const cvScores = new Float64Array(alphas.length);
  const foldScores: Float64Array[] = [];
  const splits = folds.map((f) => ({
    Xtr: selectRows(X, f.train),
    ytr: f.train.map((i) => yArr[i]),
    Xte: selectRows(X, f.test),
    yte: f.test.map((i) => yArr[i]),
  }));
  for (let a = 0; a < alphas.length; a++) {
    const scores = new Float64Array(folds.length);
    for (let k = 0; k < splits.length; k++) {
      const { Xtr, ytr, Xte, yte } = splits[k];
      const fit =
        model === "ridge"
          ? fitRidge(Xtr, ytr, alphas[a], { nonNegative: options.nonNegative })
          : fitElasticNet(Xtr, ytr, {
              alpha: alphas[a],
              l1Ratio,
              nonNegative: options.nonNegative,
              maxIter: options.maxIter,
              tol: options.tol,
            });
      const pred = predictLinear(Xte, fit.coefficients, fit.intercept);
      let sse = 0;
      for (let i = 0; i < yte.length; i++) sse += (yte[i] - pred[i]) ** 2;
      scores[k] = sse / yte.length;
    }
    foldScores.push(scores);
    let s = 0;
    for (const v of scores) s += v;
    cvScores[a] = s / scores.length;
  }
  let best = 0;
  for (let a = 1; a < alphas.length; a++) if (cvScores[a] < cvScores[best]) best = a;
  return { alpha: alphas[best], alphas, cvScores, foldScores, folds };
}
