/**
 * exportData(model, input) computes once everything an export shows — prediction, decomposition,
 * channel returns, metrics, diagnostics, response curves and budget scenarios — and
 * exportTables(data) lays it out as named tables of plain rows. The SQLite file, the CSV folder and
 * the HTML report are all written from these, so each table is defined here and only here.
 *
 * Tables (columns in order):
 * - meta(key, value): model, input and plan facts as text
 * - actuals(date, actual): the observed target, rows where the input has one
 * - predictions(date, predicted, window): window = fit | holdout | outside (of the model's windows)
 * - contributions(date, channel, kind, contribution): long, every input row × every decomposition
 *   group (kind: base, trend, seasonality, holidays, control, media); per row they sum to predicted
 * - channels(name, spend, contribution, contribution_low, contribution_high, roas, roas_low,
 *   roas_high, mroas, share_of_spend, share_of_effect, adstock, saturation): the fit summary (fit
 *   window); adstock and saturation as JSON text
 * - coefficients(term, coefficient, std_error)
 * - metrics(window, metric, value): train and holdout from the fit, `input` over this input's rows
 *   with an observed target
 * - diagnostics(name, value, text): numbers in value (vif.<term> flattened), anything else in text
 * - response_curves(channel, spend, total_spend, response, response_low, response_high, roas, mroas,
 *   is_current): responseCurve per channel — a flat spend per period over the plan horizon, the
 *   incremental response over the horizon (with the bootstrap 90 % band when the model has draws);
 *   is_current = 1 on the current spend
 * - budget_scenarios(multiplier, budget, channel, spend, response, roas, mroas): optimal split per
 *   multiplier of the current budget (totals over the plan horizon)
 * - budget_scenario_totals(multiplier, budget, response, roas, mroas, current_mix_response)
 * Numbers that are not finite (a ROAS without spend) are NULL.
 */
import { decomposition } from "../analysis/decompose";
import { budgetScenarios, DEFAULT_BUDGET_MULTIPLIERS, type BudgetScenarioTable } from "../analysis/budget-scenarios";
import { defaultPlanPeriods } from "../analysis/future-periods";
import { regressionMetrics } from "../analysis/metrics";
import { responseCurve, type ResponseCurve } from "../analysis/response-curve";
import type { ChannelSummary, FittedModel } from "../models/fitted-model";
import { VERSION } from "../version";
import type { ExportInput } from "./export-input";

export type Cell = string | number | null;

export type ColumnType = "TEXT" | "REAL" | "INTEGER";

/** One table of an export: its columns (name and SQL type), rows in column order, and indexed columns. */
export interface ExportTable {
  name: string;
  columns: { name: string; type: ColumnType }[];
  rows: Cell[][];
  /** Column lists to index (SQLite only). */
  indexes: string[][];
}

export type GroupKind = "base" | "trend" | "seasonality" | "holidays" | "control" | "media";

/** One decomposition group: its contribution per input row. */
export interface GroupSeries {
  name: string;
  kind: GroupKind;
  values: Float64Array;
}

export type RowWindow = "fit" | "holdout" | "outside";

/** Everything an export shows, computed once (see the module comment). */
export interface ExportData {
  model: FittedModel;
  source: string;
  dates: string[];
  /** Which of the model's windows each input row falls in. */
  windows: RowWindow[];
  actual: Float64Array | null;
  predicted: Float64Array;
  /** The input's spend per row by channel (spec order). */
  spend: Record<string, Float64Array>;
  /** Baseline groups first (base, trend, seasonality, holidays, controls), then the channels in spec order. */
  groups: GroupSeries[];
  channels: ChannelSummary[];
  metrics: { window: string; metric: string; value: number | null }[];
  diagnostics: { name: string; value: number | null; text: string | null }[];
  defaultedControls: string[];
  /** Plan horizon of the curves and scenarios, periods. */
  periods: number;
  /** responseCurve of each channel over the plan horizon. */
  curves: ResponseCurve[];
  scenarios: BudgetScenarioTable;
}

export interface ExportOptions {
  /** Plan horizon of the response curves and budget scenarios (default one quarter: 13 weekly, 91 daily periods). */
  periods?: number;
  /** Multipliers of the current budget (default 0.9, 1, 1.1, 1.2, 1.5). */
  multipliers?: readonly number[];
  /** Points per response curve (default 41). */
  curvePoints?: number;
}

const finite = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** windowOf(model, date) → fit, holdout or outside, by the summary's windows (ISO dates compare as text). */
function windowOf(model: FittedModel, date: string): RowWindow {
  const { fit_window: fit, holdout_window: holdout } = model.summary;
  if (date >= fit.start && date <= fit.end) return "fit";
  if (holdout !== null && date >= holdout.start && date <= holdout.end) return "holdout";
  return "outside";
}

/** kindOf(model, group) → the kind of a decomposition group. */
function kindOf(model: FittedModel, group: string): GroupKind {
  if (model.spec.channels.includes(group)) return "media";
  if (model.spec.controls.includes(group)) return "control";
  if (group === "base" || group === "trend" || group === "seasonality" || group === "holidays") return group;
  return "control";
}

/** flattenDiagnostics(d) → one row per scalar: numbers in value, strings and booleans in text; nested objects as prefix.key. */
function flattenDiagnostics(d: Record<string, unknown>, prefix = ""): ExportData["diagnostics"] {
  const rows: ExportData["diagnostics"] = [];
  for (const [key, v] of Object.entries(d)) {
    const name = prefix + key;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) rows.push(...flattenDiagnostics(v as Record<string, unknown>, `${name}.`));
    else if (typeof v === "number") rows.push({ name, value: finite(v), text: Number.isFinite(v) ? null : String(v) });
    else rows.push({ name, value: null, text: v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v) });
  }
  return rows;
}

/**
 * exportData(model, input, options) → everything an export shows (see the module comment): one
 * decomposition of the input (its groups sum to the prediction), the fit summary's channel figures,
 * metrics, diagnostics, response curves and budget scenarios over the plan horizon.
 * O(predict + channels · curve points · horizon + multipliers · optimise).
 * @throws RangeError as predictTerms, responseCurve and budgetScenarios do
 */
export function exportData(model: FittedModel, input: ExportInput, options: ExportOptions = {}): ExportData {
  const n = input.dates.length;
  if (input.days.length !== n) throw new RangeError(`exportData requires one day per date (${n} dates, ${input.days.length} days)`);
  const { groups, predicted } = decomposition(model, input);
  const channels = model.spec.channels;
  const baseline = Object.keys(groups).filter((g) => !channels.includes(g));
  const ordered: GroupSeries[] = [
    ...baseline.map((name) => ({ name, kind: kindOf(model, name), values: groups[name] })),
    ...channels.map((name) => ({ name, kind: "media" as const, values: groups[name] ?? new Float64Array(n) })),
  ];
  let actual: Float64Array | null = null;
  if (input.actual != null) {
    if (input.actual.length !== n) throw new RangeError(`exportData requires one actual per date (${n} dates, ${input.actual.length} actuals)`);
    actual = Float64Array.from(input.actual);
  }
  const metrics: ExportData["metrics"] = [];
  for (const [window, set] of [["train", model.summary.train], ["holdout", model.summary.holdout]] as const) {
    if (set === null) continue;
    for (const [metric, value] of Object.entries(set)) metrics.push({ window, metric, value: finite(value) });
  }
  if (actual !== null) {
    const y = actual;
    const observed = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(y[i]));
    if (observed.length > 0) {
      const m = regressionMetrics(observed.map((i) => y[i]), observed.map((i) => predicted[i]), model.terms.length);
      for (const [metric, value] of Object.entries(m)) metrics.push({ window: "input", metric, value: finite(value) });
    }
  }
  const periods = options.periods ?? defaultPlanPeriods(model);
  return {
    model,
    source: input.source ?? "input",
    dates: [...input.dates],
    windows: input.dates.map((d) => windowOf(model, d)),
    actual,
    predicted,
    spend: Object.fromEntries(channels.map((c) => [c, Float64Array.from(input.columns[c])])),
    groups: ordered,
    channels: model.summary.channels,
    metrics,
    diagnostics: flattenDiagnostics(model.summary.diagnostics),
    defaultedControls: [...(input.defaultedControls ?? [])],
    periods,
    curves: channels.map((c) => responseCurve(model, c, { periods, points: options.curvePoints ?? 41 })),
    scenarios: budgetScenarios(model, { periods, multipliers: options.multipliers ?? DEFAULT_BUDGET_MULTIPLIERS }),
  };
}

const text = (name: string) => ({ name, type: "TEXT" as const });
const real = (name: string) => ({ name, type: "REAL" as const });
const integer = (name: string) => ({ name, type: "INTEGER" as const });

/**
 * exportTables(data) → the tables of the module comment, in that order. Every sink (SQLite, CSV,
 * the report's tables) writes these rows. O(rows).
 */
export function exportTables(data: ExportData): ExportTable[] {
  const { model, dates } = data;
  const s = model.summary;
  const n = dates.length;
  const meta: [string, string][] = [
    ["format", "mixlab-export"],
    ["mixlab_version", VERSION],
    ["model_type", s.model_type],
    ["frequency", s.frequency],
    ["target", model.spec.target],
    ["channels", model.spec.channels.join(",")],
    ["controls", model.spec.controls.join(",")],
    ["fit_start", s.fit_window.start],
    ["fit_end", s.fit_window.end],
    ["holdout_start", s.holdout_window?.start ?? ""],
    ["holdout_end", s.holdout_window?.end ?? ""],
    ["input_source", data.source],
    ["input_start", dates[0] ?? ""],
    ["input_end", dates[n - 1] ?? ""],
    ["input_rows", String(n)],
    ["defaulted_controls", data.defaultedControls.join(",")],
    ["plan_periods", String(data.periods)],
    ["current_budget", String(data.scenarios.current_budget)],
    ["current_window_start", data.scenarios.current_window.start],
    ["current_window_end", data.scenarios.current_window.end],
  ];
  const actuals: Cell[][] = [];
  if (data.actual !== null) for (let i = 0; i < n; i++) if (Number.isFinite(data.actual[i])) actuals.push([dates[i], data.actual[i]]);
  const contributions: Cell[][] = [];
  for (let i = 0; i < n; i++) for (const g of data.groups) contributions.push([dates[i], g.name, g.kind, finite(g.values[i])]);
  const terms = Object.keys(s.coefficients);
  return [
    { name: "meta", columns: [text("key"), text("value")], rows: meta, indexes: [] },
    { name: "actuals", columns: [text("date"), real("actual")], rows: actuals, indexes: [["date"]] },
    { name: "predictions", columns: [text("date"), real("predicted"), text("window")], rows: dates.map((d, i) => [d, finite(data.predicted[i]), data.windows[i]]), indexes: [["date"]] },
    { name: "contributions", columns: [text("date"), text("channel"), text("kind"), real("contribution")], rows: contributions, indexes: [["date"], ["channel", "date"]] },
    {
      name: "channels",
      columns: [text("name"), real("spend"), real("contribution"), real("contribution_low"), real("contribution_high"), real("roas"), real("roas_low"), real("roas_high"), real("mroas"), real("share_of_spend"), real("share_of_effect"), text("adstock"), text("saturation")],
      rows: data.channels.map((c) => [c.name, finite(c.spend), finite(c.contribution), finite(c.contribution_low), finite(c.contribution_high), finite(c.roas), finite(c.roas_low), finite(c.roas_high), finite(c.mroas), finite(c.share_of_spend), finite(c.share_of_effect), JSON.stringify(c.adstock), JSON.stringify(c.saturation)]),
      indexes: [],
    },
    {
      name: "coefficients",
      columns: [text("term"), real("coefficient"), real("std_error")],
      rows: [["intercept", finite(s.intercept), finite(s.std_errors.intercept)], ...terms.map((t): Cell[] => [t, finite(s.coefficients[t]), finite(s.std_errors[t])])],
      indexes: [],
    },
    { name: "metrics", columns: [text("window"), text("metric"), real("value")], rows: data.metrics.map((m) => [m.window, m.metric, m.value]), indexes: [] },
    { name: "diagnostics", columns: [text("name"), real("value"), text("text")], rows: data.diagnostics.map((d) => [d.name, d.value, d.text]), indexes: [] },
    {
      name: "response_curves",
      columns: [text("channel"), real("spend"), real("total_spend"), real("response"), real("response_low"), real("response_high"), real("roas"), real("mroas"), integer("is_current")],
      rows: data.curves.flatMap((c) => c.points.map((p, i): Cell[] => [
        c.channel, finite(p.spend), finite(p.total_spend), finite(p.response), finite(p.response_low), finite(p.response_high), finite(p.roas), finite(p.mroas), i === c.current.index ? 1 : 0,
      ])),
      indexes: [["channel"]],
    },
    {
      name: "budget_scenarios",
      columns: [real("multiplier"), real("budget"), text("channel"), real("spend"), real("response"), real("roas"), real("mroas")],
      rows: data.scenarios.scenarios.flatMap((sc) => sc.channels.map((c): Cell[] => [sc.multiplier, finite(sc.budget), c.name, finite(c.spend), finite(c.response), finite(c.roas), finite(c.mroas)])),
      indexes: [],
    },
    {
      name: "budget_scenario_totals",
      columns: [real("multiplier"), real("budget"), real("response"), real("roas"), real("mroas"), real("current_mix_response")],
      rows: data.scenarios.scenarios.map((sc) => [sc.multiplier, finite(sc.budget), finite(sc.response), finite(sc.roas), finite(sc.mroas), finite(sc.current_mix_response)]),
      indexes: [],
    },
  ];
}
