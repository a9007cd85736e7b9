/**
 * The in-memory shape of panel data (regions, geos): one Table per group, every group on the same
 * frequency and grid steps (a group's dates run from its own first to its own last date, so a panel
 * may be unbalanced), the same roles in every group, and each group's population when given.
 *
 * Models use `stackPanel(panel)`: the groups' rows one after the other (group-major), with the
 * offsets where each group starts. Fixed effects are then per-block means (the within transform),
 * Gram matrices are sums of per-block products, and per-group baselines index by block — no dense
 * dummy matrix is ever built.
 */
import type { Frequency, Table } from "./table";

/** One group of a panel. */
export interface PanelGroup {
  /** The group's name as written in the group column. */
  name: string;
  /** Its population (constant per group), or null when the panel has no population column. */
  population: number | null;
  /** Its series: dates ascending and unique within the group. */
  table: Table;
}

export interface Panel {
  /** The header of the group column (`geo`, `region`). */
  groupColumn: string;
  /** The header of the population column, or null. */
  populationColumn: string | null;
  frequency: Frequency;
  target: string;
  channels: string[];
  controls: string[];
  /** In order of first appearance in the file. */
  groups: PanelGroup[];
  /** Role decisions the user did not make (as Table.warnings); absent when none. */
  warnings?: string[];
}

/** A panel's rows stacked group after group, for models. */
export interface StackedPanel {
  /** Day number of each row. */
  days: Int32Array;
  /** Group index (into panel.groups) of each row. */
  groupOf: Int32Array;
  /** Group g's rows are [offsets[g], offsets[g + 1]); length groups + 1. */
  offsets: Int32Array;
  /** Values per series name (target, channels, controls), every array one value per row. */
  columns: Record<string, Float64Array>;
}

/**
 * stackPanel(panel) → the rows of every group one after the other, in group order (see StackedPanel).
 * O(rows · series).
 * @example stackPanel(panel).offsets // => Int32Array [0, 156, 312] for two groups of 156 weeks
 */
export function stackPanel(panel: Panel): StackedPanel {
  const offsets = new Int32Array(panel.groups.length + 1);
  panel.groups.forEach((g, k) => { offsets[k + 1] = offsets[k] + g.table.days.length; });
  const rows = offsets[panel.groups.length];
  const days = new Int32Array(rows);
  const groupOf = new Int32Array(rows);
  const names = [panel.target, ...panel.channels, ...panel.controls];
  const columns: Record<string, Float64Array> = {};
  for (const name of names) columns[name] = new Float64Array(rows);
  panel.groups.forEach((g, k) => {
    days.set(g.table.days, offsets[k]);
    groupOf.fill(k, offsets[k], offsets[k + 1]);
    for (const name of names) columns[name].set(g.table.columns[name], offsets[k]);
  });
  return { days, groupOf, offsets, columns };
}

/** panelRows(panel) → the number of group × date rows. */
export function panelRows(panel: Panel): number {
  return panel.groups.reduce((n, g) => n + g.table.days.length, 0);
}
