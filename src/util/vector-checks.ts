/**
 * The numeric vector type of mixlab kernels and the argument checks on it shared by src/models
 * and src/analysis. Each check throws a RangeError that names the calling function, as STYLE.md
 * asks; comparisons are negated so NaN fails them.
 */

/** Numeric vector accepted by mixlab kernels: a typed array or a plain read-only array, never mutated. */
export type NumberArray = Float64Array | readonly number[];

/**
 * checkFinite(name, label, x, minLength) throws unless x has at least minLength entries, all
 * finite.
 * @throws RangeError "<name> requires at least <minLength> <label> values" or "... finite ..."
 */
export function checkFinite(name: string, label: string, x: NumberArray, minLength: number): void {
  if (!(x.length >= minLength)) {
    throw new RangeError(`${name} requires at least ${minLength} ${label} value${minLength === 1 ? "" : "s"}`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new RangeError(`${name} requires finite ${label} values (index ${i} is ${x[i]})`);
    }
  }
}

/**
 * checkPair(name, actual, predicted, minLength) checks two series of equal length, each finite.
 * @throws RangeError if the lengths differ, are below minLength, or a value is not finite
 */
export function checkPair(name: string, actual: NumberArray, predicted: NumberArray, minLength = 1): void {
  if (actual.length !== predicted.length) {
    throw new RangeError(
      `${name} requires actual and predicted of equal length (got ${actual.length} and ${predicted.length})`,
    );
  }
  checkFinite(name, "actual", actual, minLength);
  checkFinite(name, "predicted", predicted, minLength);
}
