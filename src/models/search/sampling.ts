/**
 * Sampling the unit cube and mapping it onto a search box.
 *
 * Every search in mixlab works in the unit cube [0, 1]^d and maps points to parameter values only
 * at the end, by `toBox`: linear bounds uniformly, log bounds log-uniformly. Random choices go
 * through a seeded `Random` (src/util/random.ts) and are drawn in a fixed order, so a seed fixes
 * the points.
 */
import type { Random } from "../../util/random";

/**
 * One searched parameter: its name, its range [lower, upper] and how the unit interval maps onto
 * it — `linear` (default) uniformly, `log` log-uniformly (lower > 0 required).
 */
export interface SearchBound {
  name: string;
  lower: number;
  upper: number;
  scale?: "linear" | "log";
}

function checkCountAndDims(name: string, count: number, dims: number): void {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`${name} requires an integer count ≥ 0`);
  if (!(Number.isInteger(dims) && dims >= 1)) throw new RangeError(`${name} requires an integer dims ≥ 1`);
}

/**
 * latinHypercube(count, dims, random): a Latin hypercube sample of the unit cube (McKay, Beckman &
 * Conover 1979, "A comparison of three methods for selecting values of input variables in the
 * analysis of output from a computer code", Technometrics 21(2)). Each dimension is cut into
 * `count` equal strata [k/count, (k+1)/count); every stratum holds exactly one point, at a uniform
 * position inside it, and the strata are matched across dimensions by independent random
 * permutations (Fisher–Yates). Draw order: dimension by dimension, first the permutation, then the
 * `count` positions. O(count·dims).
 * @param count - number of points, an integer ≥ 0
 * @param dims - number of dimensions, an integer ≥ 1
 * @param random - the seeded generator (advanced by dims·(2·count − 1) draws when count ≥ 1)
 * @returns `count` points, each a Float64Array of length `dims` with coordinates in [0, 1)
 * @throws RangeError if count or dims is not a valid integer
 * @example latinHypercube(4, 2, createRandom(1)).map((p) => Math.floor(p[0] * 4)).sort() // => [0, 1, 2, 3]
 */
export function latinHypercube(count: number, dims: number, random: Random): Float64Array[] {
  checkCountAndDims("latinHypercube", count, dims);
  const points = Array.from({ length: count }, () => new Float64Array(dims));
  const perm = new Int32Array(count);
  for (let d = 0; d < dims; d++) {
    for (let i = 0; i < count; i++) perm[i] = i;
    for (let i = count - 1; i > 0; i--) {
      const j = random.int(i + 1);
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    for (let i = 0; i < count; i++) points[i][d] = (perm[i] + random.uniform()) / count;
  }
  return points;
}

/**
 * uniformPoints(count, dims, random): independent uniform points in the unit cube, drawn point by
 * point, coordinate by coordinate. O(count·dims).
 * @param count - number of points, an integer ≥ 0
 * @param dims - number of dimensions, an integer ≥ 1
 * @param random - the seeded generator (advanced by count·dims draws)
 * @returns `count` points, each a Float64Array of length `dims` with coordinates in [0, 1)
 * @throws RangeError if count or dims is not a valid integer
 * @example uniformPoints(2, 3, createRandom(1)).length // => 2
 */
export function uniformPoints(count: number, dims: number, random: Random): Float64Array[] {
  checkCountAndDims("uniformPoints", count, dims);
  const points: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const p = new Float64Array(dims);
    for (let d = 0; d < dims; d++) p[d] = random.uniform();
    points.push(p);
  }
  return points;
}

/**
 * checkBounds(bounds, name): throws unless every bound is finite with lower ≤ upper (and lower > 0
 * for log bounds) and names are distinct. O(d).
 * @throws RangeError naming the caller and the offending bound
 */
export function checkBounds(bounds: readonly SearchBound[], name = "toBox"): void {
  const seen = new Set<string>();
  for (const b of bounds) {
    if (!(Number.isFinite(b.lower) && Number.isFinite(b.upper) && b.lower <= b.upper)) {
      throw new RangeError(`${name} requires finite bounds with lower ≤ upper for "${b.name}"`);
    }
    if (b.scale === "log" && !(b.lower > 0)) throw new RangeError(`${name} requires lower > 0 for the log bound "${b.name}"`);
    if (seen.has(b.name)) throw new RangeError(`${name} requires distinct bound names, "${b.name}" repeats`);
    seen.add(b.name);
  }
}

/**
 * toValue(u, bound): one unit coordinate mapped onto one bound — linear: lower + u·(upper − lower);
 * log: exp(ln lower + u·(ln upper − ln lower)), so 0.5 maps to the geometric mean. u is clamped
 * to [0, 1]; u = 0 and u = 1 give lower and upper exactly, and the result never leaves the bound.
 * O(1). Same formula as `fromUnit` in src/models/transform-space.ts. The bound is not checked
 * (toBox does that).
 * @throws RangeError if u is NaN
 * @example toValue(0.5, { name: "a", lower: 1, upper: 100, scale: "log" }) // => 10 (to rounding)
 */
export function toValue(u: number, bound: SearchBound): number {
  const { lower, upper } = bound;
  if (Number.isNaN(u)) throw new RangeError(`toBox requires unit coordinates that are not NaN ("${bound.name}")`);
  if (u <= 0) return lower;
  if (u >= 1) return upper;
  const v = bound.scale === "log"
    ? Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower)))
    : lower + u * (upper - lower);
  return Math.min(upper, Math.max(lower, v));
}

/**
 * toBox(unit, bounds): a point of the unit cube mapped onto the box, as `{ name: value }` in bound
 * order (coordinate d goes to bounds[d], by `toValue`). O(d).
 * @param unit - coordinates in [0, 1] (clamped), one per bound
 * @param bounds - the box; see SearchBound
 * @returns a record from bound name to value
 * @throws RangeError if the lengths differ, a coordinate is NaN or a bound is invalid (see checkBounds)
 * @example toBox([0, 0.5], [{ name: "decay", lower: 0, upper: 0.8 }, { name: "alpha", lower: 0.01, upper: 1, scale: "log" }])
 * // => { decay: 0, alpha: 0.1 } (alpha to rounding)
 */
export function toBox(unit: Float64Array | readonly number[], bounds: readonly SearchBound[]): Record<string, number> {
  if (unit.length !== bounds.length) throw new RangeError("toBox requires one unit coordinate per bound");
  checkBounds(bounds);
  const x: Record<string, number> = {};
  for (let d = 0; d < bounds.length; d++) x[bounds[d].name] = toValue(unit[d], bounds[d]);
  return x;
}
