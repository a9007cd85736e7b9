/**
 * The one in-memory shape of modelling data: ascending unique dates on a regular daily or weekly
 * grid, and one Float64Array per series (channels by channel name, the target by its name, controls
 * by their names). Everything after loading and cleaning works on this.
 */
import { formatDay } from "./parse-date";

/** The period grids a table may have (spec/model-spec.ts's FrequencySchema is built from it). */
export const FREQUENCIES = ["daily", "weekly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface Table {
  /** ISO dates, ascending, one per period. */
  dates: string[];
  /** The same dates as day numbers (days since 1970-01-01). */
  days: Int32Array;
  frequency: Frequency;
  target: string;
  channels: string[];
  controls: string[];
  /** Values per series name; every array has `dates.length` entries. */
  columns: Record<string, Float64Array>;
  /** Role decisions the user did not make (columns left out or recoded), one sentence each; absent when none. */
  warnings?: string[];
}

/** periodDays(frequency) → 1 for daily, 7 for weekly. */
export function periodDays(frequency: Frequency): 1 | 7 {
  return frequency === "daily" ? 1 : 7;
}

/** makeTable builds a Table from day numbers and columns, checking lengths. */
export function makeTable(fields: Omit<Table, "dates">): Table {
  const n = fields.days.length;
  for (const name of [fields.target, ...fields.channels, ...fields.controls]) {
    const col = fields.columns[name];
    if (col === undefined) throw new RangeError(`makeTable requires a column for "${name}"`);
    if (col.length !== n) throw new RangeError(`makeTable requires column "${name}" to have ${n} values, not ${col.length}`);
  }
  return { ...fields, dates: Array.from(fields.days, formatDay) };
}

/** spendColumn(channel) → the wide-CSV header of a channel: `tv` → `tv_spend`. */
export function spendColumn(channel: string): string {
  return `${channel}_spend`;
}
