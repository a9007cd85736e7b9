/**
 * Money as written in the generated CSVs: fixed two decimals, computed from whole cents where the
 * value is kept in cents, so the files never show floating-point noise.
 */

/** money(x) → x with two decimals ("-0.00" written as "0.00"). */
export function money(x: number): string {
  const s = x.toFixed(2);
  return s === "-0.00" ? "0.00" : s;
}

/** centsText(cents) → an integer number of cents as a decimal text, e.g. 12345 → "123.45". */
export function centsText(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const a = Math.abs(cents);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  return `${sign}${whole}.${frac < 10 ? "0" : ""}${frac}`;
}
