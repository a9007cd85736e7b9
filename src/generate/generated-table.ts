/**
 * generatedTable(data) → the Table of a generated wide data set, read straight from its written file
 * (so it holds exactly the observed columns), and trueReturns(data, rows) → the true spend,
 * contribution and ROAS per channel over the first `rows` periods, for recovery checks.
 */
import { wideFromText } from "../data/load-wide";
import { toTable } from "../data/load";
import type { GeneratedData } from "./truth";
import type { Table } from "../data/table";

/** generatedTable(data) parses the generated wide file with the default roles. */
export function generatedTable(data: GeneratedData): Table {
  if (data.truth.shape !== "wide") throw new RangeError("generatedTable requires a wide data set");
  const file = data.files[0];
  return toTable(wideFromText(file.content, file.path));
}

export interface TrueReturns {
  name: string;
  spend: number;
  contribution: number;
  roas: number;
  share_of_effect: number;
}

/** trueReturns(data, rows) sums the generated spend and true contributions over periods [0, rows). */
export function trueReturns(data: GeneratedData, rows: number): TrueReturns[] {
  const s = data.series;
  const out = data.truth.channels.map((c, i) => {
    let spend = 0, contribution = 0;
    for (let r = 0; r < rows; r++) {
      spend += s.spend[i][r];
      contribution += s.contributions[i][r];
    }
    return { name: c.name, spend, contribution, roas: contribution / spend, share_of_effect: 0 };
  });
  const total = out.reduce((a, b) => a + b.contribution, 0);
  for (const o of out) o.share_of_effect = o.contribution / total;
  return out;
}
