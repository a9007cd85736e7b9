/**
 * Public-holiday indicator features from the date-holidays package (rules for ~200 countries,
 * offline). Only holidays of type "public" count, including the substitute ("observed") days that
 * date-holidays lists as public, e.g. US Christmas 2021 fell on a Saturday and Friday 2021-12-24 is
 * listed as "Christmas Day (substitute day)". A holiday lasting several days counts each day.
 * The day sets are cached per country and year, and so are the per-day counts holidayIndicator
 * returns (see its comment).
 */
import { createRequire } from "node:module";
import type Holidays from "date-holidays";
import { parseIsoDate } from "../data/parse-date";

let holidaysClass: typeof Holidays | undefined;

/**
 * The date-holidays class, loaded on first use: the package reads its rules for every country when
 * it loads (a quarter to half a second), which every command would otherwise pay at start-up,
 * holidays or not.
 */
function holidaysConstructor(): typeof Holidays {
  holidaysClass ??= createRequire(__filename)("date-holidays") as typeof Holidays;
  return holidaysClass;
}

type DayArray = Int32Array | readonly number[];

const MS_PER_DAY = 86_400_000;
/** Per country: its date-holidays instance, its holiday day sets by year and its count tables per span (see holidayIndicator). */
interface CountryEntry {
  holidays: Holidays;
  years: Map<number, Set<number>>;
  daily: CountTables;
  weekly: CountTables;
}
const instances = new Map<string, CountryEntry>();

/** instanceFor(country) → the country's entry, made on first use. @throws Error for an unknown country or state */
function instanceFor(country: string): CountryEntry {
  const cached = instances.get(country);
  if (cached) return cached;
  const [code, state, ...rest] = country.split("-");
  const Ctor = holidaysConstructor();
  const probe = new Ctor();
  const countries = probe.getCountries();
  if (rest.length > 0 || !code || !Object.hasOwn(countries, code)) {
    throw new Error(`holidayIndicator requires a known country code such as "US", got "${country}"`);
  }
  if (state !== undefined) {
    const states = probe.getStates(code) ?? {};
    if (!Object.hasOwn(states, state)) {
      throw new Error(`holidayIndicator requires a known state of ${code}, got "${country}"`);
    }
  }
  const hd = state === undefined ? new Ctor(code, { types: ["public"] }) : new Ctor(code, state, { types: ["public"] });
  const entry: CountryEntry = { holidays: hd, years: new Map(), daily: { years: new Map(), last: null }, weekly: { years: new Map(), last: null } };
  instances.set(country, entry);
  return entry;
}

/** Day numbers (days since 1970-01-01) of the public holidays of one country and year, kept in the country's entry. */
function holidayDays(entry: CountryEntry, year: number): Set<number> {
  const cached = entry.years.get(year);
  if (cached) return cached;
  const days = new Set<number>();
  for (const h of entry.holidays.getHolidays(year)) {
    if (h.type !== "public") continue;
    const first = parseIsoDate(h.date); // "YYYY-MM-DD hh:mm:ss"
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / MS_PER_DAY));
    for (let i = 0; i < length; i++) days.add(first + i);
  }
  entry.years.set(year, days);
  return days;
}

/** Day number of 1 January of `year` (any year: setUTCFullYear, unlike Date.UTC, keeps years 0–99). */
function firstDayOfYear(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/**
 * holidayCount(day, span, country) → the number of public holidays of `country` among the `span`
 * days day .. day + span - 1, each looked up in the day set of its own calendar year (so a week
 * across a year end counts the new year's holidays too). This is what `holidayIndicator` returns
 * per period, which it reads from per-year tables of these counts; holidayCount itself looks every
 * day up afresh (a Date per day). O(span) after the per-year day sets are cached.
 *
 * @param day - days since 1970-01-01 (UTC), an integer
 * @param span - number of days, 1 (daily) or 7 (weekly)
 * @param country - as for `holidayIndicator`
 * @returns a count in 0..span
 * @throws Error for an unknown country code
 * @example holidayCount(20080, 7, "US") // week from 2024-12-23 => 1
 */
export function holidayCount(day: number, span: number, country: string): number {
  const entry = instanceFor(country);
  let count = 0;
  for (let j = 0; j < span; j++) {
    const d = day + j;
    if (holidayDays(entry, new Date(d * MS_PER_DAY).getUTCFullYear()).has(d)) count++;
  }
  return count;
}

/**
 * One calendar year's holiday counts for one country and span: counts[d - start] =
 * holidayCount(d, span, country) for every first day d of the year, start ≤ d < end.
 */
interface YearCounts {
  start: number;
  end: number;
  counts: Uint8Array;
}

/** The count tables of one country and span by year, and the year used last (most calls stay in one year). */
interface CountTables {
  years: Map<number, YearCounts>;
  last: YearCounts | null;
}

/**
 * yearCounts(tables, day, span, country) → the count table of the calendar year holding `day`,
 * built on first use from holidayCount; null for a year whose bounds Date cannot represent (beyond
 * ±100,000,000 days), whose days the caller counts one by one.
 */
function yearCounts(tables: CountTables, day: number, span: number, country: string): YearCounts | null {
  const year = new Date(day * MS_PER_DAY).getUTCFullYear();
  let table = tables.years.get(year);
  if (table === undefined) {
    const start = firstDayOfYear(year);
    const end = firstDayOfYear(year + 1);
    if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end))) return null;
    const counts = new Uint8Array(end - start);
    for (let k = 0; k < counts.length; k++) counts[k] = holidayCount(start + k, span, country);
    table = { start, end, counts };
    tables.years.set(year, table);
  }
  return table;
}

/**
 * Public-holiday indicator. Daily: 1 if the day is a public holiday of `country`, else 0. Weekly:
 * the number of public-holiday days among the 7 days starting at that date (date .. date + 6), e.g.
 * US week starting Monday 2024-12-23 → 1 (Christmas, 2024-12-25). O(n) after the per-year tables.
 *
 * Cache: per country, span (1 or 7) and calendar year, the table of holidayCount(d, span, country)
 * for each of the year's 365 or 366 days (one byte a day), built on the first call touching that
 * year (a weekly table also loads the next year's day set: its last six weeks reach into it). It
 * holds exactly the numbers holidayCount computes — small integers, copied, never
 * combined — so reading it is bit-identical to counting. Bound: one table per country, span and
 * year touched, next to the per-year day sets holidayCount already keeps (a server's dates are
 * limited to 1900–2199: at most 300 years × 2 spans × 366 bytes per country).
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
  const entry = instanceFor(country);
  const span = frequency === "daily" ? 1 : 7;
  const tables = span === 1 ? entry.daily : entry.weekly;
  const out = new Float64Array(dayNumbers.length);
  let table = tables.last;
  for (let i = 0; i < dayNumbers.length; i++) {
    const d = dayNumbers[i];
    if (!Number.isInteger(d)) throw new RangeError("holidayIndicator requires integer day numbers");
    if (table === null || !(d >= table.start && d < table.end)) table = yearCounts(tables, d, span, country);
    out[i] = table === null ? holidayCount(d, span, country) : table.counts[d - table.start];
  }
  if (table !== null) tables.last = table;
  return out;
}
