/**
 * tableToDataFrame(table) → a danfojs DataFrame of a Table, for exploring it in a notebook
 * (`df.head().print()`, `df.shape`, column selection, plotting with danfojs). danfojs is the edge
 * of mixlab, not its core: it is required when this function is first called, never when the
 * library is loaded (it takes about a second to import and is a dev dependency).
 */
import type { DataFrame } from "danfojs-node";
import type { Table } from "../data/table";

type Danfo = typeof import("danfojs-node");
let danfo: Danfo | null = null;

/** loadDanfo() → the danfojs-node module, required once on first use. */
export function loadDanfo(): Danfo {
  if (danfo === null) {
    try {
      danfo = require("danfojs-node") as Danfo;
    } catch (err) {
      throw new Error(`tableToDataFrame requires danfojs-node (a dev dependency: run \`npm install\`): ${(err as Error).message}`);
    }
  }
  return danfo;
}

/**
 * tableToDataFrame(table) → a DataFrame with a `date` column (ISO text) then the target, the
 * channels' spend and the controls, one row per period. Missing values stay NaN. O(cells).
 * @throws Error when danfojs-node is not installed
 * @example tableToDataFrame(table).shape // => [208, 9]
 */
export function tableToDataFrame(table: Table): DataFrame {
  const { DataFrame } = loadDanfo();
  const data: Record<string, (string | number)[]> = { date: [...table.dates] };
  for (const name of [table.target, ...table.channels, ...table.controls]) data[name] = Array.from(table.columns[name]);
  return new DataFrame(data);
}

/**
 * recordsToDataFrame(rows, columns) → a DataFrame of plain records (issues, change reports, summary
 * statistics), with the given columns in that order (default: the first record's keys). Objects
 * and null become text so danfojs can print them.
 * @throws Error when danfojs-node is not installed
 * @example recordsToDataFrame([{ a: 1, b: "x" }]).columns // => ["a", "b"]
 */
export function recordsToDataFrame(rows: readonly object[], columns?: readonly string[]): DataFrame {
  const { DataFrame } = loadDanfo();
  const names = columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const data: Record<string, (string | number | boolean)[]> = {};
  for (const name of names) {
    data[name] = rows.map((r) => {
      const v = (r as Record<string, unknown>)[name];
      return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : v === null || v === undefined ? "" : JSON.stringify(v);
    });
  }
  return new DataFrame(data, { columns: [...names] });
}

/**
 * dataFrameRecords(df) → the rows of a DataFrame as plain records (column name → value), e.g. to
 * show `df.head()` as an HTML table with htmlTable instead of danfojs' wide text print. Needs no
 * danfojs import. O(cells).
 * @example dataFrameRecords(tableToDataFrame(table).head(1)) // => [{ date: "2021-01-04", revenue: 667070.14, … }]
 */
export function dataFrameRecords(df: DataFrame): Record<string, unknown>[] {
  const columns = df.columns;
  return (df.values as unknown[][]).map((row) => Object.fromEntries(columns.map((c, j) => [c, row[j]])));
}
