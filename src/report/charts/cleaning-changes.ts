/**
 * cleaningChanges(dates, before, after, changes): one series before and after `clean` — the values
 * as read (gaps where there was none), the cleaned line, and a marker on the cleaned line at each
 * changed date whose hover gives the kind of repair and the value before and after. Works on the
 * whole series or on a window of it (say three weeks around a repair).
 */
import { baseLayout, checkLength, finiteOrNull, numbers, type Figure, type Trace } from "./figure";

/** The fields of a change the chart uses (a `Change` of clean()'s report has them all). */
export interface CleaningChange {
  /** ISO date of the cell; changes without a date, or outside `dates`, are not drawn. */
  date: string | null;
  kind: string;
  /** The value as read: a number, the raw text of a non-number, or null when there was none. */
  before: number | string | null;
  /** The value in the cleaned series, or null when it was dropped. */
  after: number | null;
}

export interface CleaningChangesOptions {
  /** The series' name, prefixed to the legend entries (e.g. "tv" → "tv as read"). */
  name?: string;
  /** Title of the y axis (default "value"). */
  yTitle?: string;
  title?: string;
}

/** Marker symbols of the kinds, in order of first appearance (cycling). */
const SYMBOLS = ["circle-open", "x", "diamond-open", "square-open", "triangle-up-open", "star-open", "cross"];

/** hoverValue(v) → a change's before or after value as hover text (raw text quoted, markup escaped). */
function hoverValue(v: number | string | null, none: string): string {
  if (v === null) return none;
  if (typeof v === "number") return String(v);
  return `"${v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}"`;
}

/**
 * cleaningChanges(dates, before, after, changes, options) → a line+marker trace "as read" (y =
 * before, non-finite values as gaps), a line trace "cleaned" (y = after) and one marker trace per
 * kind of change, named "changed: <kind>" in order of first appearance, with one point per changed
 * date inside `dates`: x = the date, y = the cleaned value there (else the change's after value),
 * hovertext "date · kind: before → after" (several changes of one kind and date on one point,
 * joined by <br>). Changes without a date or outside `dates` are left out, so the chart can be
 * drawn on a slice of the series around a repair. O(n + changes).
 * @param dates - ISO dates, one per period (the whole grid or a window of it)
 * @param before - the series as read, per date (NaN or null where there was no number)
 * @param after - the cleaned series, per date
 * @param changes - the changes of this series (e.g. report.changes.filter((c) => c.column === "tv"))
 * @throws RangeError when before or after do not have one value per date
 * @example cleaningChanges(["2024-01-01", "2024-01-02"], [10, -5], [10, 12], [{ date: "2024-01-02", kind: "negative", before: -5, after: 12 }]).data[2] // => { name: "changed: negative", x: ["2024-01-02"], y: [12], hovertext: ["2024-01-02 · negative: -5 → 12"], … }
 */
export function cleaningChanges(dates: readonly string[], before: ArrayLike<number | null>, after: ArrayLike<number>, changes: readonly CleaningChange[], options: CleaningChangesOptions = {}): Figure {
  checkLength("cleaningChanges", "before", before, dates.length);
  checkLength("cleaningChanges", "after", after, dates.length);
  const x = [...dates];
  const cleaned = numbers(after);
  const label = (what: string) => (options.name ? `${options.name} ${what}` : what);
  const data: Trace[] = [
    { type: "scatter", mode: "lines+markers", name: label("as read"), x, y: numbers(before), line: { color: "#7f7f7f", width: 1, dash: "dot" }, marker: { color: "#7f7f7f", size: 4 } },
    { type: "scatter", mode: "lines", name: label("cleaned"), x, y: cleaned, line: { color: "#1f77b4", width: 2 } },
  ];
  const index = new Map(dates.map((d, i) => [d, i]));
  // kind → date → the hover lines of that kind's changes on that date
  const byKind = new Map<string, Map<string, { y: number | null; lines: string[] }>>();
  for (const c of changes) {
    const i = c.date === null ? undefined : index.get(c.date);
    if (i === undefined) continue;
    const points = byKind.get(c.kind) ?? new Map();
    byKind.set(c.kind, points);
    const point = points.get(dates[i]) ?? { y: cleaned[i] ?? finiteOrNull(c.after), lines: [] };
    points.set(dates[i], point);
    point.lines.push(`${dates[i]} · ${c.kind}: ${hoverValue(c.before, "no value")} → ${hoverValue(c.after, "dropped")}`);
  }
  [...byKind].forEach(([kind, points], k) => {
    const p = [...points];
    data.push({
      type: "scatter", mode: "markers", name: `changed: ${kind}`, x: p.map(([d]) => d), y: p.map(([, v]) => v.y),
      hovertext: p.map(([, v]) => v.lines.join("<br>")), hovertemplate: "%{hovertext}<extra></extra>",
      marker: { symbol: SYMBOLS[k % SYMBOLS.length], size: 11, color: "#d62728", line: { color: "#d62728", width: 2 } },
    });
  });
  return { data, layout: baseLayout(options.title ?? "Before and after cleaning", "date", options.yTitle ?? "value") };
}
