/**
 * Calendar seasonality features computed from day numbers (days since 1970-01-01, UTC), so a
 * feature's phase depends only on the calendar date, never on where a series starts.
 */

type DayArray = Int32Array | readonly number[];

function checkDays(name: string, dayNumbers: DayArray): void {
  for (let i = 0; i < dayNumbers.length; i++) {
    if (!Number.isInteger(dayNumbers[i])) throw new RangeError(`${name} requires integer day numbers`);
  }
}

/** The names sin<k> and cos<k> by k, made once each (a design's names are then the same strings every call, cheap to compare and look up). */
const SIN_NAMES: string[] = [];
const COS_NAMES: string[] = [];
/** At most this many harmonics keep their names (a bound on the two arrays above); higher ones are named afresh. */
const NAMED_HARMONICS = 64;

function harmonicName(names: string[], prefix: string, k: number): string {
  if (k > NAMED_HARMONICS) return `${prefix}${k}`;
  names[k] ??= `${prefix}${k}`;
  return names[k];
}

/**
 * Fourier terms of a period: for k = 1..order, sin(2πk·day/period) and cos(2πk·day/period), in the
 * order sin1, cos1, sin2, cos2, … Use period 365.25 for yearly and 7 for weekly seasonality. The
 * features are dimensionless in [-1, 1]. O(n·order).
 *
 * @param dayNumbers - days since 1970-01-01 (UTC), integers
 * @param period - period in days, > 0
 * @param order - number of harmonics, an integer ≥ 0
 * @returns 2·order named features
 * @throws RangeError if period ≤ 0, order is not an integer ≥ 0 or a day number is not an integer
 * @example fourierTerms([0, 1], 4, 1) // => [{ name: "sin1", values: [0, 1] }, { name: "cos1", values: [1, ≈0] }]
 */
export function fourierTerms(
  dayNumbers: DayArray,
  period: number,
  order: number,
): Array<{ name: string; values: Float64Array }> {
  if (!(period > 0 && Number.isFinite(period))) throw new RangeError("fourierTerms requires period > 0");
  if (!(Number.isInteger(order) && order >= 0)) throw new RangeError("fourierTerms requires order to be an integer >= 0");
  checkDays("fourierTerms", dayNumbers);
  const out: Array<{ name: string; values: Float64Array }> = [];
  const n = dayNumbers.length;
  for (let k = 1; k <= order; k++) {
    const sin = new Float64Array(n);
    const cos = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const angle = (2 * Math.PI * k * dayNumbers[i]) / period;
      sin[i] = Math.sin(angle);
      cos[i] = Math.cos(angle);
    }
    out.push({ name: harmonicName(SIN_NAMES, "sin", k), values: sin }, { name: harmonicName(COS_NAMES, "cos", k), values: cos });
  }
  return out;
}

/** Day-of-week dummy names, Tuesday..Sunday; Monday is the baseline. */
export const DAY_OF_WEEK_NAMES: readonly string[] = ["dow_tue", "dow_wed", "dow_thu", "dow_fri", "dow_sat", "dow_sun"];

/**
 * ISO day of week of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday, 3). O(1).
 *
 * @param dayNumber - days since 1970-01-01, an integer
 * @returns 0..6, Monday = 0
 * @example dayOfWeek(0) // => 3
 */
export function dayOfWeek(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/**
 * Day-of-week dummies: six 0/1 features dow_tue … dow_sun, Monday being the baseline (all zero).
 * O(n).
 *
 * @param dayNumbers - days since 1970-01-01 (UTC), integers
 * @returns six named 0/1 features
 * @throws RangeError if a day number is not an integer
 * @example dayOfWeekDummies([4])  // 1970-01-05, a Monday => all six values 0
 */
export function dayOfWeekDummies(dayNumbers: DayArray): Array<{ name: string; values: Float64Array }> {
  checkDays("dayOfWeekDummies", dayNumbers);
  const n = dayNumbers.length;
  const out = DAY_OF_WEEK_NAMES.map((name) => ({ name, values: new Float64Array(n) }));
  for (let i = 0; i < n; i++) {
    const d = dayOfWeek(dayNumbers[i]);
    if (d > 0) out[d - 1].values[i] = 1;
  }
  return out;
}
