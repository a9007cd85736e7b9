/**
 * The seeded series and small statistics the generator draws from: uniform draws, AR(1) noise,
 * flight masks, a shuffle, and sum/mean/sd/standardize as the generator has always computed them
 * (left-to-right sums, so the generated files stay byte for byte the same).
 */
import type { Random } from "../util/random";

/** uniform(r, lo, hi) → a uniform draw in [lo, hi) from the stream r. */
export function uniform(r: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * r.uniform();
}

/** roundTo(x, decimals) → x rounded to that many decimals. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** sum(x) → Σx, summed left to right. */
export function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** mean(x) → the mean of x (0 for an empty x). */
export function mean(x: ArrayLike<number>): number {
  return x.length === 0 ? 0 : sum(x) / x.length;
}

/** Sample standard deviation (n − 1). */
export function sd(x: ArrayLike<number>): number {
  if (x.length < 2) return 0;
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - m) ** 2;
  return Math.sqrt(ss / (x.length - 1));
}

/** standardize(x) → (x − mean)/sd per value (all 0 when sd is 0). */
export function standardize(x: Float64Array): Float64Array {
  const m = mean(x);
  const s = sd(x);
  return x.map((v) => (s > 0 ? (v - m) / s : 0));
}

/** Stationary AR(1) with unit variance. */
export function ar1(r: Random, n: number, phi: number): Float64Array {
  const out = new Float64Array(n);
  const innov = Math.sqrt(1 - phi * phi);
  let z = r.normal();
  for (let t = 0; t < n; t++) {
    if (t > 0) z = phi * z + innov * r.normal();
    out[t] = z;
  }
  return out;
}

/** On/off flight mask with run lengths around the given means (in periods). */
export function flightMask(r: Random, n: number, onMean: number, offMean: number): Uint8Array {
  const mask = new Uint8Array(n);
  let on = r.uniform() < 0.6;
  let t = 0;
  while (t < n) {
    const len = Math.max(1, Math.round((on ? onMean : offMean) * (0.5 + r.uniform())));
    for (let i = 0; i < len && t < n; i++, t++) mask[t] = on ? 1 : 0;
    on = !on;
  }
  if (n >= 3 && !mask.includes(0)) mask[1 + r.int(n - 2)] = 0;
  if (!mask.includes(1)) mask[r.int(n)] = 1;
  return mask;
}

/** shuffle(r, items) → items shuffled in place (Fisher–Yates, from the stream r) and returned. */
export function shuffle<T>(r: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}
