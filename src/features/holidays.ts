/**
 * Public-holiday indicator features from the date-holidays package (rules for ~200 countries,
 * offline). Only holidays of type "public" count, including the substitute ("observed") days that
 * date-holidays lists as public, e.g. US Christmas 2021 fell on a Saturday and Friday 2021-12-24 is
 * listed as "Christmas Day (substitute day)". A holiday lasting several days counts each day.
 * The day sets are cached per country and year.
 */
import Holidays from "date-holidays";

type DayArray = Int32Array | readonly number[];

const MS_PER_DAY = 86_400_000;
const instances = new Map<string, Holidays>();
const yearCache = new Map<string, Set<number>>();

function dayOfIso(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY);
}

function instanceFor(country: string): Holidays {
  const cached = instances.get(country);
  if (cached) return cached;
  const [code, state, ...rest] = country.split("-");
  const probe = new Holidays();
  const countries = probe.getCountries();
  if (rest.length > 0 || !code || !Object.prototype.hasOwnProperty.call(countries, code)) {
    throw new Error(`holidayIndicator requires a known country code such as "US", got "${country}"`);
  }
  if (state !== undefined) {
    const states = probe.getStates(code) ?? {};
    if (!Object.prototype.hasOwnProperty.call(states, state)) {
      throw new Error(`holidayIndicator requires a known state of ${code}, got "${country}"`);
    }
  }
  const hd = state === undefined ? new Holidays(code, { types: ["public"] }) : new Holidays(code, state, { types: ["public"] });
  instances.set(country, hd);
  return hd;
}

/** Day numbers (days since 1970-01-01) of the public holidays of one country and year. */
function holidayDays(country: string, year: number): Set<number> {
  const key = `${country}:${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const days = new Set<number>();
  for (const h of instanceFor(country).getHolidays(year)) {
    if (h.type !== "public") continue;
    const first = dayOfIso(h.date);
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / MS_PER_DAY));
    for (let i = 0; i < length; i++) days.add(first + i);
  }
  yearCache.set(key, days);
  return days;
}

/** Day number of 1 January of `year` (any year: setUTCFullYear, unlike Date.UTC, keeps years 0–99). */
function firstDayOfYear(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/**
 * Public-holiday indicator. Daily: 1 if the day is a public holiday of `country`, else 0. Weekly:
 * the number of public-holiday days among the 7 days starting at that date (date .. date + 6), e.g.
 * US week starting Monday 2024-12-23 → 1 (Christmas, 2024-12-25). O(n) after the per-year cache.
 *
 * @param dayNumbers - days since 1970-01-01 (UTC), integers (the first day of each period)
 * @param frequency - "daily" or "weekly"
 * @param country - ISO 3166 country code as date-holidays knows it, e.g. "US", "GB", "DE", or
 *   country-state such as "US-CA"
 * @returns counts per period (0/1 for daily)
 * @throws Error for an unknown country code; RangeError for a bad frequency or non-integer days
 * @example holidayIndicator([20082], "daily", "US") // 2024-12-25 => [1]
 */
export function holidayIndicator(dayNumbers: DayArray, frequency: "daily" | "weekly", country: string): Float64Array {
  if (!(frequency === "daily" || frequency === "weekly")) {
    throw new RangeError('holidayIndicator requires frequency "daily" or "weekly"');
  }
  instanceFor(country);
  const span = frequency === "daily" ? 1 : 7;
  const out = new Float64Array(dayNumbers.length);
  // The year's day set, looked up again only when a day leaves [yearStart, nextYearStart).
  let yearStart = Infinity;
  let nextYearStart = -Infinity;
  let days: Set<number> = new Set();
  for (let i = 0; i < dayNumbers.length; i++) {
    const d = dayNumbers[i];
    if (!Number.isInteger(d)) throw new RangeError("holidayIndicator requires integer day numbers");
    let count = 0;
    for (let j = 0; j < span; j++) {
      const day = d + j;
      if (!(day >= yearStart && day < nextYearStart)) {
        const year = new Date(day * MS_PER_DAY).getUTCFullYear();
        yearStart = firstDayOfYear(year);
        nextYearStart = firstDayOfYear(year + 1);
        days = holidayDays(country, year);
      }
      if (days.has(day)) count++;
    }
    out[i] = count;
  }
  return out;
}
