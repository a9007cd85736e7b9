/**
 * Rolling-origin validation folds inside a fit window: each fold fits on the rows before its origin
 * and forecasts the next `horizon` rows, as the holdout forecasts the rows after the fit window.
 * Deterministic.
 */

/** One fold: fit on rows [0, origin), forecast rows [origin, end). */
export interface RollingOriginFold {
  readonly origin: number;
  readonly end: number;
}

/**
 * rollingOriginFolds(k, horizon, folds, minTrain) → up to `folds` origins spaced evenly from
 * max(minTrain, 2) to k − h (rounded, duplicates dropped), each forecasting h rows, where
 * h = min(horizon, k − max(minTrain, 2)): so the last fold forecasts the fit window's last h rows and
 * every fold fits on at least minTrain rows. O(folds).
 * @param k - rows of the fit window, an integer ≥ 3
 * @param horizon - rows to forecast (the holdout's length), an integer ≥ 1
 * @param folds - number of origins, an integer ≥ 1
 * @param minTrain - fewest rows a fold fits on (default ⌈k/2⌉)
 * @throws RangeError for a non-integer argument or when no row is left to forecast
 * @example rollingOriginFolds(10, 3, 3) // => [{ origin: 5, end: 8 }, { origin: 6, end: 9 }, { origin: 7, end: 10 }]
 */
export function rollingOriginFolds(k: number, horizon: number, folds: number, minTrain = Math.ceil(k / 2)): RollingOriginFold[] {
  for (const [name, v] of [["k", k], ["horizon", horizon], ["folds", folds], ["minTrain", minTrain]] as const) {
    if (!(Number.isInteger(v) && v >= 1)) throw new RangeError(`rollingOriginFolds requires an integer ${name} ≥ 1`);
  }
  const first = Math.max(minTrain, 2);
  const h = Math.min(horizon, k - first);
  if (!(h >= 1)) throw new RangeError(`rollingOriginFolds leaves no row to forecast (k = ${k}, minTrain = ${minTrain})`);
  const last = k - h;
  const out: RollingOriginFold[] = [];
  for (let f = 0; f < folds; f++) {
    const origin = folds === 1 ? last : Math.round(first + (f * (last - first)) / (folds - 1));
    if (out.length === 0 || out[out.length - 1].origin !== origin) out.push({ origin, end: origin + h });
  }
  return out;
}
