/**
 * ISO dates and UTC day numbers for the generator's calendar: isoToDay checks the text is a real
 * date, dayToIso writes one back. O(1).
 */
const MS_PER_DAY = 86_400_000;

/** isoToDay("2021-01-04") → days since 1970-01-01 (UTC), or null when the text is not a real ISO date. */
export function isoToDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const day = Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
  return dayToIso(day) === iso ? day : null;
}

/** dayToIso(day) → the ISO date YYYY-MM-DD of a UTC day number. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
