/**
 * detectRoles(path): what `mixlab init` finds in a user's own input — its shape, date column and
 * frequency, target, channels (spend columns by name), each channel's exposure columns, controls
 * and a group column — each with a one-line reason. A wide file is read once as typed columns
 * (readCsvColumns); the controls and exposures are the loader's own rules (control-roles.ts), so
 * what init writes is what `fit` would do with the same columns. A folder or a campaign file has
 * fixed roles (its loader's), reported with the frequency of its dates.
 */
import { assemble, detectFrequency } from "./assemble";
import { defaultControls, mostlyText, type ChannelColumn, type RoleWarning } from "./control-roles";
import { DataError } from "./issue";
import { loadInput, detectFormat } from "./load";
import { channelName } from "./load-wide";
import { parseIsoDate } from "./parse-date";
import { readCsvColumns, readText, type CsvColumns, type InputFormat } from "./source";
import type { Frequency } from "./table";

/** The roles found in an input, as a config's `roles` names them, with a reason per role. */
export interface DetectedRoles {
  format: InputFormat;
  frequency: Frequency;
  /** Date, target, channel and control columns as the config names them (wide only). */
  date: string;
  target: string;
  channels: string[];
  controls: string[];
  /** Channel name (as the model calls it) → its exposure columns, left out of the controls. */
  exposures: Record<string, string[]>;
  group: string | null;
  /** The panel's population column (named like one, constant within each group), or null. */
  population: string | null;
  /** One sentence per role: format, date, frequency, target, channels, exposures, controls, group, population. */
  reasons: Record<string, string>;
  /** Columns left out for another reason (index, text, an exposure of no known channel). */
  leftOut: string[];
}

/** Names a date column goes by, most likely first. */
const DATE_NAMES = ["date", "ds", "week", "day", "period", "time", "dt", "month"];
/** Name words of a target (`revenue`, `total_sales`, `conversions`). */
const TARGET_WORDS = ["revenue", "sales", "conversions", "orders", "purchases", "kpi", "bookings", "signups", "target"];
/** Name words of a spend column (`tv_spend`, `spend_tv`, `search_cost`). */
const SPEND_WORDS = new Set(["spend", "spending", "cost", "costs", "investment"]);
/** Names of a group (panel) column, most likely first. */
const GROUP_NAMES = ["geo", "region", "market", "dma", "state", "country", "city", "store", "area", "territory", "group"];

/** detectRoles(path) → the roles of a file or folder in any of the three shapes (see the module comment). @throws DataError when a role cannot be found */
export function detectRoles(path: string): DetectedRoles {
  const format = detectFormat(path);
  return format === "wide" ? detectWide(readCsvColumns(readText(path), path, new Set())) : detectFixed(path, format);
}

/** detectFixed(path, format) → the fixed roles of a channel-dir folder or a campaign file, with the frequency of its dates. */
function detectFixed(path: string, format: InputFormat): DetectedRoles {
  const dataset = loadInput(path, { format });
  const frequency = assemble(dataset).frequency;
  const structural = dataset.issues.find((i) => i.severity === "error" && (i.kind === "missing_file" || i.kind === "missing_column" || i.kind === "empty_file"));
  if (structural !== undefined) throw new DataError(`cannot set up ${path}: ${structural.message}`, [structural]);
  if (frequency === null) throw new DataError(`cannot set up ${path}: cannot tell the frequency of its dates (mixlab models daily or weekly data)`);
  const dir = format === "channel-dir";
  return {
    format, frequency, date: "date", target: dataset.target, channels: [...dataset.channels], controls: [], exposures: {}, group: null, population: null, leftOut: [],
    reasons: {
      format: dir ? "a folder: one <channel>_spend.csv (date,spend) per channel and sales_data.csv (channel-dir)"
        : "the header names campaign_name: one row per campaign and date (campaigns), pivoted to one spend column per campaign",
      date: 'the "date" column of every file (the shape fixes it)',
      frequency: `the dates are ${frequency === "daily" ? "1 day" : "7 days"} apart (${frequency})`,
      target: dir ? '"sales" of sales_data.csv (the shape fixes it)' : "the revenue of every campaign row of a date, summed (the shape fixes it)",
      channels: dir ? `one per spend file: ${dataset.channels.join(", ")}` : `one per campaign: ${dataset.channels.join(", ")} (group them with channel_map)`,
      exposures: dir ? "none: the spend files hold spend only" : "impressions and clicks stay per-campaign figures (CTR, CVR), not model inputs",
      controls: "none: the shape has no control columns",
      group: "none: one row per date",
    },
  };
}

/** detectWide(csv) → the roles of a wide file: date, frequency, group, target, channels, then controls and exposures by the loader's rules. */
export function detectWide(csv: CsvColumns): DetectedRoles {
  if (csv.header.length === 0 || csv.rows === 0) throw new DataError(`cannot set up ${csv.path}: the file has no data rows`);
  const date = dateColumn(csv);
  const days = dayNumbers(csv, date);
  const distinct = [...new Set(days.filter((d) => Number.isFinite(d)))].sort((a, b) => a - b);
  const freq = detectFrequency(distinct);
  if (freq.frequency === null) throw new DataError(`cannot set up ${csv.path}: cannot tell the frequency of column "${date}": ${freq.reason}`);
  const group = groupColumn(csv, date, days, distinct.length);
  const population = group === null ? null : populationColumn(csv, group.header);
  const taken = [date, ...(group === null ? [] : [group.header]), ...(population === null ? [] : [population.header])];
  const target = targetColumn(csv, taken);
  const channels = spendColumns(csv, [...taken, target.header]);
  const used = new Set([...taken, target.header, ...channels.map((c) => c.column.header)]);
  const chosen = defaultControls(csv, csv.header.filter((h) => !used.has(h)), channels.map((c) => c.column));
  const exposures = exposuresOf(chosen.warnings);
  const controls = chosen.controls.map((c) => c.name);
  return {
    format: "wide", frequency: freq.frequency, date, target: target.header, channels: channels.map((c) => c.column.header), controls,
    exposures: exposures.byChannel, group: group?.header ?? null, population: population?.header ?? null,
    leftOut: chosen.warnings.filter((w) => w.kind !== "indicator" && !(w.kind === "exposure" && w.channel)).map((w) => w.message),
    reasons: {
      format: "one file whose header has no campaign_name: one row per period (wide)",
      date: `"${date}": its cells are ISO dates (YYYY-MM-DD)`,
      frequency: `the dates are mostly ${freq.step === 1 ? "1 day" : "7 days"} apart (${freq.frequency})`,
      target: target.reason,
      channels: channels.map((c) => `"${c.column.header}" → ${channelName(c.column.header)} (${c.why})`).join("; "),
      exposures: exposures.reasons.length > 0 ? exposures.reasons.join("; ") : "none: no column is named like an exposure or moves with a spend column (|r| ≥ 0.95)",
      controls: controlsReason(controls, chosen.warnings),
      group: group?.reason ?? "none: every date appears once",
      ...(population !== null && { population: population.reason }),
    },
  };
}

/** The least share of a column's non-empty cells that must be ISO dates for it to be the date column (a raw export may have a few bad dates: clean drops them). */
export const DATE_SHARE = 0.9;

/** dateColumn(csv) → the column whose non-empty cells are ISO dates (at least DATE_SHARE of them; a date-like name first, else the first such column). */
function dateColumn(csv: CsvColumns): string {
  const isDates = (h: string): boolean => {
    const col = csv.numbers.get(h);
    if (col === undefined || col.bad.length === 0 || !mostlyText(col.values, col.bad)) return false;
    let dates = 0;
    for (const b of col.bad) if (Number.isFinite(parseIsoDate(b.text.trim()))) dates++;
    let filled = 0;
    for (const v of col.values) if (!Number.isNaN(v)) filled++;
    return dates >= DATE_SHARE * (col.bad.length + filled);
  };
  const dated = csv.header.filter(isDates);
  const rank = (h: string) => { const i = DATE_NAMES.indexOf(h.toLowerCase()); return i < 0 ? (/date/i.test(h) ? DATE_NAMES.length : DATE_NAMES.length + 1) : i; };
  const best = [...dated].sort((a, b) => rank(a) - rank(b))[0];
  if (best === undefined) throw new DataError(`cannot set up ${csv.path}: no column has ISO dates (YYYY-MM-DD) in at least ${100 * DATE_SHARE} % of its cells; its columns are: ${csv.header.join(", ")}`);
  return best;
}

/** dayNumbers(csv, date) → the day number of each record (NaN for an empty cell). */
function dayNumbers(csv: CsvColumns, date: string): number[] {
  const days = new Array<number>(csv.rows).fill(NaN);
  for (const b of csv.numbers.get(date)!.bad) days[b.index] = parseIsoDate(b.text.trim());
  return days;
}

/**
 * groupColumn(csv, date, days, distinctDays) → a text column that tells apart the records of a
 * repeated date (each date once per value, at least two values), with its reason; null when no
 * date repeats or no text column does that.
 */
function groupColumn(csv: CsvColumns, date: string, days: readonly number[], distinctDays: number): { header: string; reason: string } | null {
  if (distinctDays >= csv.rows) return null;
  const candidates: { header: string; levels: number }[] = [];
  for (const h of csv.header) {
    const col = csv.numbers.get(h);
    if (h === date || col === undefined || col.bad.length !== csv.rows) continue;
    const seen = new Set<string>();
    const levels = new Set<string>();
    for (const b of col.bad) { seen.add(`${days[b.index]}\u0000${b.text.trim()}`); levels.add(b.text.trim()); }
    if (seen.size === csv.rows && levels.size >= 2) candidates.push({ header: h, levels: levels.size });
  }
  const rank = (h: string) => { const i = GROUP_NAMES.indexOf(h.toLowerCase()); return i < 0 ? GROUP_NAMES.length : i; };
  const best = candidates.sort((a, b) => rank(a.header) - rank(b.header) || a.levels - b.levels)[0];
  if (best === undefined) return null;
  return { header: best.header, reason: `"${best.header}": text with ${best.levels} values; the ${distinctDays} dates repeat, once per value (a panel: one model over the groups)` };
}

/** Name of a population column (`population`, `pop`, `geo_population`). */
const POPULATION_NAME = /(^|_)(population|pop)($|_)/i;

/**
 * populationColumn(csv, group) → the numeric column named like a population whose value is one
 * positive number per group (as --population requires), with its reason; null when there is none.
 */
function populationColumn(csv: CsvColumns, group: string): { header: string; reason: string } | null {
  const groups = csv.numbers.get(group)!.bad;
  for (const h of csv.header) {
    const col = csv.numbers.get(h);
    if (!POPULATION_NAME.test(h) || col === undefined || col.bad.length > 0) continue;
    const byGroup = new Map<string, number>();
    let constant = true;
    for (const g of groups) {
      const v = col.values[g.index];
      const key = g.text.trim();
      const seen = byGroup.get(key);
      if (!(v > 0) || (seen !== undefined && seen !== v)) { constant = false; break; }
      byGroup.set(key, v);
    }
    if (constant) return { header: h, reason: `"${h}": named like a population, one positive value per group (the model is per capita)` };
  }
  return null;
}

/** targetColumn(csv, skip) → the numeric column named like a target (`revenue`, then `sales`, then a target word in the name), with its reason. */
function targetColumn(csv: CsvColumns, skip: readonly string[]): { header: string; reason: string } {
  const numeric = csv.header.filter((h) => !skip.includes(h) && isNumeric(csv, h) && spendWord(h) === null);
  for (const exact of ["revenue", "sales"]) {
    const h = numeric.find((x) => x.toLowerCase() === exact);
    if (h !== undefined) return { header: h, reason: `"${h}": the default target name (revenue, else sales)` };
  }
  for (const word of TARGET_WORDS) {
    const h = numeric.find((x) => words(x).includes(word));
    if (h !== undefined) return { header: h, reason: `"${h}": its name has "${word}", a target word (${TARGET_WORDS.join(", ")})` };
  }
  throw new DataError(`cannot set up ${csv.path}: no numeric column is named like a target (${TARGET_WORDS.join(", ")}); its columns are: ${csv.header.join(", ")}; rename the target or run fit with --target COL`);
}

/** spendColumns(csv, skip) → the numeric columns named like spend (`*_spend`, `spend_*`, `*_cost`, Robyn's `*_S`), with why. */
function spendColumns(csv: CsvColumns, skip: readonly string[]): { column: ChannelColumn; why: string }[] {
  const out: { column: ChannelColumn; why: string }[] = [];
  for (const h of csv.header) {
    if (skip.includes(h) || !isNumeric(csv, h)) continue;
    const found = spendWord(h);
    if (found !== null) out.push({ column: { name: found.stem, header: h }, why: found.why });
  }
  if (out.length === 0) {
    throw new DataError(`cannot set up ${csv.path}: no numeric column is named like spend (*_spend, spend_*, *_cost, *_S); its columns are: ${csv.header.join(", ")}`);
  }
  return out;
}

/** spendWord(header) → the channel stem and why the name reads as spend, or null: a spend word (`spend`, `cost`…) in the name, or a last word `S` (Robyn's `tv_S`). */
function spendWord(header: string): { stem: string; why: string } | null {
  const parts = header.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const at = parts.findIndex((w) => SPEND_WORDS.has(w.toLowerCase()));
  if (at >= 0 && parts.length > 1) return { stem: parts.filter((_, i) => i !== at).join("_"), why: `its name has "${parts[at]}"` };
  if (parts.length > 1 && parts[parts.length - 1] === "S") return { stem: parts.slice(0, -1).join("_"), why: 'it ends in "_S", the spend suffix of Robyn\'s exports' };
  return null;
}

/** exposuresOf(warnings) → per channel (as the model names it) the exposure columns the loader's rules left out, with reasons. */
function exposuresOf(warnings: readonly RoleWarning[]): { byChannel: Record<string, string[]>; reasons: string[] } {
  const byChannel: Record<string, string[]> = {};
  const reasons: string[] = [];
  for (const w of warnings) {
    if (w.kind !== "exposure" || w.channel === undefined) continue;
    const name = channelName(w.channel.header);
    byChannel[name] = [...(byChannel[name] ?? []), w.header];
    reasons.push(`"${w.header}" ${w.why}`);
  }
  return { byChannel, reasons };
}

/** controlsReason(controls, warnings) → why the controls are what they are. */
function controlsReason(controls: readonly string[], warnings: readonly RoleWarning[]): string {
  const indicators = warnings.filter((w) => w.kind === "indicator").map((w) => w.message);
  const head = controls.length > 0 ? `every other numeric column: ${controls.join(", ")}` : "none: no other numeric column";
  return [head, ...indicators].join("; ");
}

function isNumeric(csv: CsvColumns, header: string): boolean {
  const col = csv.numbers.get(header);
  return col !== undefined && !mostlyText(col.values, col.bad) && col.values.some((v) => Number.isFinite(v));
}

function words(header: string): string[] {
  return header.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
}
