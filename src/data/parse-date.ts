/**
 * ISO calendar dates as integer day numbers (days since 1970-01-01, UTC), which make gaps,
 * frequencies and weekly grids plain integer arithmetic.
 */

const MS_PER_DAY = 86_400_000;

function digit(code: number): number {
  const d = code - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * parseIsoDate(text) → day number of an ISO `YYYY-MM-DD` date, or NaN when the text is not a real
 * calendar date. A time part after `T` or a space (`2024-01-31T00:00:00`, `2024-01-31 00:00`) is
 * accepted and ignored; surrounding white space is ignored. O(length).
 * @example parseIsoDate("1970-01-02") // => 1
 * @example parseIsoDate("2023-02-30") // => NaN
 */
export function parseIsoDate(text: string): number {
  const s = text.trim();
  if (s.length < 10) return NaN;
  if (s.length > 10) {
    const sep = s.charCodeAt(10);
    if (sep !== 84 /* T */ && sep !== 32 /* space */) return NaN;
  }
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y0 = digit(s.charCodeAt(0)), y1 = digit(s.charCodeAt(1)), y2 = digit(s.charCodeAt(2)), y3 = digit(s.charCodeAt(3));
  const m0 = digit(s.charCodeAt(5)), m1 = digit(s.charCodeAt(6));
  const d0 = digit(s.charCodeAt(8)), d1 = digit(s.charCodeAt(9));
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * formatDay(day) → `YYYY-MM-DD` for a day number (days since 1970-01-01). Years 0–9999 by the
 * integer civil-from-days algorithm (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms":
 * eras of 146,097 days), a fifth of the cost of a Date and toISOString per call — a 130,000-row
 * daily file formats every date; other years (and non-integers) through Date as before.
 * @example formatDay(0) // => "1970-01-01"
 */
export function formatDay(day: number): string {
  if (!(Number.isInteger(day) && day >= -719_528 && day <= 2_932_896)) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const z = day + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153); // March = 0
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** dayOfWeek(day) → 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
