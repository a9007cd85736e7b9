/**
 * Step 1 of a fit: split the periods in time — the fit window [0, k), then the holdout [k, n), never
 * shuffled — and build what every later step reads from the fit window: the target, the spend per
 * channel and the baseline terms (trend, seasonality, day of week, holidays, controls), built once.
 * Baseline terms constant over the fit window are dropped: they would be collinear with the intercept.
 */
import { parseIsoDate } from "../../data/parse-date";
import { periodDays, type Table } from "../../data/table";
import { baselineTerms, type DesignContext, type DesignInput } from "../../features/design";
import type { ModelSpec } from "../../spec/model-spec";

/** Options of `holdoutSplit`: give at most one of them. */
export interface HoldoutOptions {
  /** Share of periods held out at the end, in [0, 1); default 0.2. 0 means no holdout. */
  fraction?: number;
  /** First held-out index k, an integer in [1, n]; n means no holdout. */
  splitIndex?: number;
}

/** A time-ordered split: half-open index ranges, usable as `series.slice(...split.train)`. */
export interface HoldoutSplit {
  /** The first held-out index k (= n when nothing is held out). */
  splitIndex: number;
  /** Fit window [0, k). */
  train: [number, number];
  /** Holdout window [k, n); empty (k = n) when nothing is held out. */
  test: [number, number];
}

/**
 * Time-ordered holdout split, never shuffled: train = [0, k), test = [k, n).
 *
 * With `fraction` f the last round(f · n) periods are held out (default f = 0.2, the `fit`
 * contract's default; f = 0 gives no holdout). With `splitIndex` k the split is at k. At least one
 * training period must remain. O(1).
 *
 * @param n - number of periods, an integer ≥ 1
 * @param options - `fraction` in [0, 1) or `splitIndex` in [1, n], not both
 * @returns { splitIndex, train: [0, k], test: [k, n] } as half-open ranges
 * @throws RangeError if n is not a positive integer, fraction is outside [0, 1), splitIndex is not
 *   an integer in [1, n], both are given, or the split leaves no training period
 * @example holdoutSplit(10) // => { splitIndex: 8, train: [0, 8], test: [8, 10] }
 */
export function holdoutSplit(n: number, options: HoldoutOptions = {}): HoldoutSplit {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError("holdoutSplit requires an integer n >= 1");
  const { fraction, splitIndex } = options;
  if (fraction !== undefined && splitIndex !== undefined) {
    throw new RangeError("holdoutSplit requires either fraction or splitIndex, not both");
  }
  let k: number;
  if (splitIndex !== undefined) {
    if (!(Number.isInteger(splitIndex) && splitIndex >= 1 && splitIndex <= n)) {
      throw new RangeError(`holdoutSplit requires splitIndex to be an integer in [1, ${n}]`);
    }
    k = splitIndex;
  } else {
    const f = fraction ?? 0.2;
    if (!(f >= 0 && f < 1)) throw new RangeError("holdoutSplit requires fraction in [0, 1)");
    k = n - Math.round(f * n);
    if (!(k >= 1)) {
      throw new RangeError(`holdoutSplit leaves no training periods (n = ${n}, fraction = ${f})`);
    }
  }
  return { splitIndex: k, train: [0, k], test: [k, n] };
}

/** The split index of a spec on a table: the first held-out row (n when nothing is held out). */
export function splitIndexOf(spec: ModelSpec, table: Table): number {
  const n = table.dates.length;
  if ("splitDate" in spec.holdout) {
    const day = parseIsoDate(spec.holdout.splitDate);
    if (Number.isNaN(day)) throw new RangeError(`fit requires --split-date as YYYY-MM-DD, not "${spec.holdout.splitDate}"`);
    let k = 0;
    while (k < n && table.days[k] < day) k++;
    if (k < 2) throw new RangeError(`fit: split date ${spec.holdout.splitDate} leaves fewer than 2 periods to fit on`);
    return k;
  }
  return holdoutSplit(n, { fraction: spec.holdout.fraction }).splitIndex;
}

/** isConstant(x, from, to) → true when x[from..to) holds one value. */
export function isConstant(x: Float64Array, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (x[i] !== x[from]) return false;
  return true;
}

/** The fit window of a spec on a table and what the later steps read from it. */
export interface FitWindow {
  /** Rows of the table, and the first held-out row k (n without a holdout). */
  n: number;
  k: number;
  /** The target over every row, and over the fit window. */
  y: Float64Array;
  yK: Float64Array;
  /** The design input (every row) and context (trend over the fit window, no spend history). */
  input: DesignInput;
  context: DesignContext;
  /** Each control's mean over the fit window (the value predict uses for a missing control). */
  controlDefaults: Record<string, number>;
  /** The baseline terms kept (not constant over the fit window): names, every row, fit window. */
  fixedNames: string[];
  fixed: Float64Array[];
  fixedK: Float64Array[];
  /** Spend per channel (every row), its total per channel over the fit window and their shares. */
  spend: Record<string, Float64Array>;
  spendTrain: number[];
  spendShares: number[];
}

/**
 * splitWindow(table, spec) → the fit window (see FitWindow). O(n · terms).
 * @throws RangeError when the table lacks a column of the spec or the split leaves too few rows
 */
export function splitWindow(table: Table, spec: ModelSpec): FitWindow {
  for (const name of [spec.target, ...spec.channels, ...spec.controls]) {
    if (table.columns[name] === undefined) throw new RangeError(`fit: the data has no column "${name}"`);
  }
  const n = table.dates.length;
  const k = splitIndexOf(spec, table);
  const y = table.columns[spec.target];
  const input: DesignInput = { days: table.days, columns: table.columns };
  const controlDefaults: Record<string, number> = {};
  for (const c of spec.controls) {
    let s = 0;
    for (let i = 0; i < k; i++) s += table.columns[c][i];
    controlDefaults[c] = s / k;
  }
  const context: DesignContext = { trendStart: table.days[0], trendEnd: table.days[k - 1], periodDays: periodDays(table.frequency), history: null, controlDefaults };
  const base = baselineTerms(spec, input, context);
  const keptBase = base.names.map((_, j) => !isConstant(base.columns[j], 0, k));
  const fixedNames = base.names.filter((_, j) => keptBase[j]);
  const fixed = base.columns.filter((_, j) => keptBase[j]);
  const fixedK = fixed.map((c) => c.subarray(0, k));
  const yK = y.subarray(0, k);
  const spend: Record<string, Float64Array> = {};
  for (const c of spec.channels) spend[c] = table.columns[c];
  const spendTrain = spec.channels.map((c) => { let s = 0; for (let i = 0; i < k; i++) s += spend[c][i]; return s; });
  const spendTotal = spendTrain.reduce((a, b) => a + b, 0);
  const spendShares = spendTrain.map((s) => (spendTotal > 0 ? s / spendTotal : 0));
  return { n, k, y, yK, input, context, controlDefaults, fixedNames, fixed, fixedK, spend, spendTrain, spendShares };
}
