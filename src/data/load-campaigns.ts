/**
 * The campaigns shape: one long CSV, `date,campaign_name,spend,impressions,clicks,conversions,revenue`,
 * one row per campaign and day. It is pivoted to one spend series per campaign (or per channel when
 * a channel map groups campaigns), and the target is the revenue summed over the campaigns of each
 * date. A campaign with no row on a date did not run that date: its spend there is 0, not missing.
 * Two rows for the same campaign and date are a duplicate; the pivot keeps both (as two records with
 * the same date) so that validation reports the duplicate and cleaning keeps the first and reports
 * the dropped values. CTR, CVR, CPA and ROAS are reported per campaign.
 */
import { makeIssue, type Issue } from "./issue";
import { parseIsoDate } from "./parse-date";
import type { BadCell } from "./parse-number";
import {
  emptyFileIssue, findColumn, missingColumnIssue, readCsvColumns, readText,
  type CampaignKpi, type Dataset, type SourceColumn,
} from "./source";

export const CAMPAIGN_COLUMNS = ["date", "campaign_name", "spend", "impressions", "clicks", "conversions", "revenue"] as const;

/** channelOfCampaign(name) → a channel identifier: lower case, runs of other characters as `_`. */
export function channelOfCampaign(campaign: string): string {
  const id = campaign.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return id.length > 0 ? id : "campaign";
}

/** Options: `channelMap` maps campaign names to channel names (unmapped ones keep their own). */
export interface CampaignOptions {
  channelMap?: Readonly<Record<string, string>>;
}

/** loadCampaigns(path, options) reads and pivots a long campaign file (see the module comment). */
export function loadCampaigns(path: string, options: CampaignOptions = {}): Dataset {
  return campaignsFromText(readText(path), path, options);
}

/** campaignsFromText(text, path, options) is loadCampaigns on text already read. */
export function campaignsFromText(text: string, path: string, options: CampaignOptions = {}): Dataset {
  const csv = readCsvColumns(text, path, new Set(["date", "campaign_name"]));
  const issues: Issue[] = [...csv.issues];
  const dataset: Dataset = { format: "campaigns", input: path, target: "revenue", channels: [], controls: [], files: [], issues, campaigns: [] };
  if (csv.header.length === 0 || csv.rows === 0) {
    issues.push(emptyFileIssue(path, csv.header.length > 0));
    return dataset;
  }
  const headerOf: Record<string, string | null> = {};
  for (const name of CAMPAIGN_COLUMNS) headerOf[name] = findColumn(csv.header, name);
  for (const name of ["date", "campaign_name", "spend", "revenue"]) {
    if (headerOf[name] === null) issues.push(missingColumnIssue(path, name, csv.header, "required in a campaign file"));
  }
  if (issues.some((i) => i.kind === "missing_column")) return dataset;
  const dates = csv.text.get(headerOf.date as string) as string[];
  const campaigns = csv.text.get(headerOf.campaign_name as string) as string[];
  const numeric = (name: string) => (headerOf[name] === null ? null : csv.numbers.get(headerOf[name] as string) ?? null);
  const spend = numeric("spend")!;
  const revenue = numeric("revenue")!;
  const badText = (col: { bad: BadCell[] }): Map<number, BadCell> => new Map(col.bad.map((b) => [b.index, b]));
  const spendBad = badText(spend);
  const revenueBad = badText(revenue);

  // Channels in order of first appearance of their campaigns, sorted for stable output.
  const channelOf = (campaign: string): string => options.channelMap?.[campaign] ?? channelOfCampaign(campaign);
  const channels = [...new Set(campaigns.map((c) => channelOf(c)))].sort();
  dataset.channels = channels;
  const channelIndex = new Map(channels.map((c, i) => [c, i]));

  // Group rows by date text; within a date, the k-th row of a campaign goes to occurrence k.
  const groups = new Map<string, number[][]>();
  for (let r = 0; r < csv.rows; r++) {
    const date = dates[r];
    let occurrences = groups.get(date);
    if (occurrences === undefined) {
      occurrences = [];
      groups.set(date, occurrences);
    }
    let k = 0;
    while (k < occurrences.length && occurrences[k].some((row) => campaigns[row] === campaigns[r])) k++;
    if (k === occurrences.length) occurrences.push([]);
    occurrences[k].push(r);
  }
  const order = [...groups.keys()].sort((a, b) => {
    const da = parseIsoDate(a), db = parseIsoDate(b);
    if (da === db || (Number.isNaN(da) && Number.isNaN(db))) return a < b ? -1 : a > b ? 1 : 0;
    if (Number.isNaN(da)) return 1;
    if (Number.isNaN(db)) return -1;
    return da - db;
  });
  const records: { date: string; rows: number[]; first: boolean }[] = [];
  for (const date of order) (groups.get(date) as number[][]).forEach((rows, k) => { records.push({ date, rows, first: k === 0 }); });

  const n = records.length;
  const lines = new Int32Array(n);
  const dateText: string[] = [];
  const days = new Float64Array(n);
  const target: SourceColumn = { name: "revenue", role: "target", header: headerOf.revenue as string, values: new Float64Array(n), bad: [], cellLines: new Int32Array(n) };
  const spendColumns: SourceColumn[] = channels.map((name) => ({
    name, role: "channel", header: `spend (${name})`, values: new Float64Array(n), bad: [], cellLines: new Int32Array(n), absent: new Uint8Array(n),
  }));
  records.forEach((rec, i) => {
    lines[i] = csv.lines[rec.rows[0]];
    dateText.push(rec.date);
    days[i] = parseIsoDate(rec.date);
    // Target: revenue summed over the rows of this record.
    let total = 0;
    target.cellLines![i] = csv.lines[rec.rows[0]];
    for (const row of rec.rows) {
      const v = revenue.values[row];
      if (Number.isNaN(v)) {
        const bad = revenueBad.get(row);
        if (bad !== undefined && !target.bad.some((b) => b.index === i)) target.bad.push({ index: i, text: bad.text, reason: `${bad.reason} (revenue of campaign "${campaigns[row]}")` });
        target.cellLines![i] = csv.lines[row];
        total = NaN;
      } else total += v;
    }
    target.values[i] = total;
    // Spend per channel: 0 where the channel has no row in the first record of a date.
    for (const col of spendColumns) {
      col.values[i] = rec.first ? 0 : NaN;
      col.absent![i] = rec.first ? 0 : 1;
      col.cellLines![i] = lines[i];
    }
    const touched = new Set<number>();
    for (const row of rec.rows) {
      const c = channelIndex.get(channelOf(campaigns[row])) as number;
      const col = spendColumns[c];
      if (!touched.has(c)) {
        col.values[i] = 0;
        col.absent![i] = 0;
        col.cellLines![i] = csv.lines[row];
        touched.add(c);
      }
      const v = spend.values[row];
      if (Number.isNaN(v)) {
        const bad = spendBad.get(row);
        if (bad !== undefined) col.bad.push({ index: i, text: bad.text, reason: `${bad.reason} (spend of campaign "${campaigns[row]}")` });
        col.cellLines![i] = csv.lines[row];
      }
      col.values[i] += v;
    }
  });
  target.bad.sort((a, b) => a.index - b.index);
  for (const col of spendColumns) col.bad.sort((a, b) => a.index - b.index);
  dataset.files.push({ path, dateHeader: headerOf.date as string, lines, dateText, days, columns: [...spendColumns, target] });
  dataset.campaigns = campaignKpis(csv.rows, campaigns, channelOf, dates, records, {
    spend: spend.values, revenue: revenue.values,
    impressions: numeric("impressions")?.values ?? null,
    clicks: numeric("clicks")?.values ?? null,
    conversions: numeric("conversions")?.values ?? null,
  });
  if (headerOf.impressions === null || headerOf.clicks === null || headerOf.conversions === null) {
    const absent = ["impressions", "clicks", "conversions"].filter((c) => headerOf[c] === null);
    issues.push(makeIssue({ file: path, row: 1, column: absent.join(","), date: null, kind: "ignored_column", value: null, message: `no ${absent.join(", ")} column: CTR, CVR and CPA cannot be computed` }));
  }
  return dataset;
}

/** Totals per campaign over rows with a valid date, first occurrences only, NaN cells skipped. */
function campaignKpis(
  rowCount: number, campaigns: string[], channelOf: (c: string) => string, dates: string[],
  records: { rows: number[]; first: boolean }[],
  cols: { spend: Float64Array; revenue: Float64Array; impressions: Float64Array | null; clicks: Float64Array | null; conversions: Float64Array | null },
): CampaignKpi[] {
  const counted = new Uint8Array(rowCount);
  for (const rec of records) if (rec.first) for (const r of rec.rows) counted[r] = 1;
  const totals = new Map<string, { spend: number; impressions: number; clicks: number; conversions: number; revenue: number }>();
  const add = (x: number): number => (Number.isNaN(x) ? 0 : x);
  for (let r = 0; r < rowCount; r++) {
    if (!counted[r] || Number.isNaN(parseIsoDate(dates[r]))) continue;
    const key = campaigns[r];
    let t = totals.get(key);
    if (t === undefined) {
      t = { spend: 0, impressions: 0, clicks: 0, conversions: 0, revenue: 0 };
      totals.set(key, t);
    }
    t.spend += add(cols.spend[r]);
    t.revenue += add(cols.revenue[r]);
    if (cols.impressions) t.impressions += add(cols.impressions[r]);
    if (cols.clicks) t.clicks += add(cols.clicks[r]);
    if (cols.conversions) t.conversions += add(cols.conversions[r]);
  }
  const ratio = (a: number, b: number, present: boolean): number | null => (present && b > 0 ? a / b : null);
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([campaign, t]) => ({
    campaign, channel: channelOf(campaign), ...t,
    ctr: ratio(t.clicks, t.impressions, cols.clicks !== null && cols.impressions !== null),
    cvr: ratio(t.conversions, t.clicks, cols.conversions !== null && cols.clicks !== null),
    cpa: ratio(t.spend, t.conversions, cols.conversions !== null),
    roas: ratio(t.revenue, t.spend, true),
  }));
}
