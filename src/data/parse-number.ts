/**
 * Numbers as they appear in exported marketing data: plain decimals (`1234.5`, `-3`, `1e6`), with
 * surrounding spaces, and with thousands separators where that reading is the only one
 * (`"1,234.50"`, `"1,234,567"`). A lone group such as `"1,234"` could be 1234 or 1.234, so on its own
 * it is reported as ambiguous; a column that elsewhere uses unambiguous thousands separators
 * resolves it (see `NumberColumnParser`).
 */

/** How a cell that is not a plain number was read. */
export type CellStatus = "empty" | "bad" | "ambiguous";

const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The fast path for the common cell `-?digits(.digits)?` with at most 15 significant digits: the
 * digits form an integer m < 2^53 and the result is m / 10^k with k ≤ 22 fraction digits. Both are
 * exact doubles, so the one division is correctly rounded and equals Number(text) (Clinger's fast
 * path). Anything else returns NaN and goes the general way.
 */
function fastDecimal(s: string): number {
  const n = s.length;
  let i = 0;
  let negative = false;
  if (n === 0) return NaN;
  let c = s.charCodeAt(0);
  if (c === 45) {
    negative = true;
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === 46 && fraction < 0) {
      fraction = 0;
      continue;
    } else return NaN;
    if (fraction >= 0) fraction++;
  }
  if (digits === 0 || digits > 15 || fraction > 22) return NaN;
  const v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  return negative ? -v : v;
}

function plainNumber(s: string): number {
  // Number() alone also accepts "0x1f", "Infinity" and "" (as 0): allow only decimal characters.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || c === 101 || c === 69;
    if (!ok) return NaN;
  }
  return s.length === 0 ? NaN : Number(s);
}

/**
 * parseNumberCell(text) → the number, or NaN when the cell is empty, not a number, or an ambiguous
 * thousands group; `cellStatus(text)` tells which. O(length).
 * @example parseNumberCell(" 1,234.5 ") // => 1234.5
 * @example parseNumberCell("1,234") // => NaN (ambiguous)
 */
export function parseNumberCell(text: string): number {
  const fast = fastDecimal(text);
  if (!Number.isNaN(fast)) return fast;
  const s = text.trim();
  const v = plainNumber(s);
  if (!Number.isNaN(v)) return v;
  if (s.indexOf(",") >= 0 && THOUSANDS.test(s) && (s.indexOf(".") >= 0 || s.indexOf(",") !== s.lastIndexOf(","))) {
    return Number(s.replace(/,/g, ""));
  }
  return NaN;
}

/** cellStatus(text) classifies a cell for which parseNumberCell gave NaN. */
export function cellStatus(text: string): CellStatus {
  const s = text.trim();
  if (s.length === 0) return "empty";
  if (THOUSANDS.test(s)) return "ambiguous";
  return "bad";
}

/** True when the text is a decimal-comma number such as `12,5` (never read as thousands). */
export function isDecimalComma(text: string): boolean {
  const s = text.trim();
  return DECIMAL_COMMA.test(s) && !THOUSANDS.test(s);
}

/** A cell that did not parse: its record index, the raw text and why. */
export interface BadCell {
  index: number;
  text: string;
  reason: string;
}

/**
 * Reads one column cell by cell into a Float64Array (NaN for empty and bad cells) and keeps the raw
 * text of every non-empty cell that is not a number, so validation can quote it.
 */
export class NumberColumnParser {
  readonly values: Float64Array;
  readonly bad: BadCell[] = [];
  private ambiguous: BadCell[] = [];
  private sawThousands = false;
  private sawDecimalComma = false;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  /** push(index, text) reads the cell of record `index`. */
  push(index: number, text: string): void {
    const v = parseNumberCell(text);
    if (!Number.isNaN(v)) {
      this.values[index] = v;
      if (!this.sawThousands && text.indexOf(",") >= 0) this.sawThousands = true;
      return;
    }
    this.values[index] = NaN;
    const status = cellStatus(text);
    if (status === "empty") return;
    if (status === "ambiguous") {
      this.ambiguous.push({ index, text, reason: "" });
      return;
    }
    if (isDecimalComma(text)) this.sawDecimalComma = true;
    this.bad.push({ index, text, reason: `"${text}" is not a number` });
  }

  /**
   * finish() resolves ambiguous thousands groups: read as thousands when the column has other
   * unambiguous thousands-separated values and no decimal commas, otherwise reported as bad.
   */
  finish(): { values: Float64Array; bad: BadCell[] } {
    for (const cell of this.ambiguous) {
      if (this.sawThousands && !this.sawDecimalComma) {
        this.values[cell.index] = Number(cell.text.trim().replace(/,/g, ""));
      } else {
        this.bad.push({
          index: cell.index,
          text: cell.text,
          reason: `"${cell.text}" is ambiguous: it could be ${cell.text.trim().replace(/,/g, "")} (thousands separator) or ${cell.text.trim().replace(",", ".")} (decimal comma); write it without the comma`,
        });
      }
    }
    this.ambiguous = [];
    this.bad.sort((a, b) => a.index - b.index);
    return { values: this.values, bad: this.bad };
  }
}
