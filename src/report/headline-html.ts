/**
 * headlineHtml(h): the report's first screen — the headline (headline.ts) in plain words, one
 * finding per line, then the recommended split as a small table. Every name is escaped.
 */
import { escapeHtml } from "./html-escape";
import type { Headline } from "./headline";
import { fmt, signedPct, table } from "./report-format";

/** The id of the headline's section: the report's first section. */
export const HEADLINE_ID = "headline";

const b = (text: string) => `<strong>${escapeHtml(text)}</strong>`;
const unit = (frequency: string, n: number) => `${n} ${frequency === "daily" ? "day" : "week"}${n === 1 ? "" : "s"}`;

/** interval(low, high) → "90 % interval 1.20–3.40", or "" without one. */
function interval(low: number | null, high: number | null, format: (v: number) => string): string {
  return low === null || high === null ? "" : ` (90 % interval ${format(low)} to ${format(high)})`;
}

/** roasLine(h) → which channels return most and least per unit of spend. */
export function roasLine(h: Headline): string {
  const ranked = h.byRoas.filter((c) => c.roas !== null);
  if (ranked.length === 0) return "No channel has a ROAS: none was spent on over the fit window.";
  const [top, ...rest] = ranked;
  const others = rest.map((c) => `${escapeHtml(c.name)} ${fmt(c.roas, 2)}`).join(", ");
  return `Per unit of spend, ${b(top.name)} returns most: ${fmt(top.roas, 2)} ${escapeHtml(h.target)} per unit spent over the fit window` +
    `${interval(top.roas_low, top.roas_high, (v) => fmt(v, 2))}${others ? `; then ${others}` : ""}.`;
}

/** mroasLine(h) → which channels return most and least from the next unit of spend. */
export function mroasLine(h: Headline): string {
  const ranked = h.byMroas.filter((c) => c.mroas !== null);
  if (ranked.length === 0) return "No channel has a marginal ROAS.";
  const top = ranked[0];
  const low = ranked[ranked.length - 1];
  const least = ranked.length > 1 ? `; ${b(low.name)} least (${fmt(low.mroas, 2)})` : "";
  return `At the margin — the next unit spent at today's level — ${b(top.name)} returns most (marginal ROAS ${fmt(top.mroas, 2)})${least}.`;
}

/** splitLine(h) → the recommended split of the current budget and what it is expected to add. */
export function splitLine(h: Headline): string {
  const s = h.split;
  const moves = s.channels.filter((c) => c.change_pct !== null && Math.abs(c.change_pct) >= 0.5)
    .sort((x, y) => (y.change_pct ?? 0) - (x.change_pct ?? 0))
    .map((c) => `${escapeHtml(c.name)} ${signedPct(c.change_pct, 0)}`);
  const what = moves.length > 0 ? `move it: ${moves.join(", ")}` : "keep it as it is: the current split is already the best";
  return `Of the current budget, ${fmt(s.budget, 0)} over the next ${unit(h.frequency, s.periods)}, ${what}. ` +
    `Expected lift: ${b(signedPct(s.lift_pct))} incremental ${escapeHtml(h.target)} from media, from ${fmt(s.current_response, 0)} to ${fmt(s.optimal_response, 0)}` +
    `${interval(s.lift_low, s.lift_high, (v) => signedPct(v))}.`;
}

/** holdoutLine(h) → how well the model predicts the periods it was not fitted on. */
export function holdoutLine(h: Headline): string {
  const o = h.holdout;
  if (o === null) return "No holdout: the model was fitted on every period, so how well it predicts new periods is untested.";
  return `On the ${unit(h.frequency, o.rows)} it was not fitted on (${escapeHtml(o.start)} … ${escapeHtml(o.end)}), its predictions are off by ${b(`${fmt(o.mape, 1)} %`)} on average (MAPE)` +
    `${o.r2 === null ? "" : `, R² ${fmt(o.r2, 2)}`}.`;
}

/** uncertainLine(h) → the channels whose ROAS the model cannot pin down, and why. */
export function uncertainLine(h: Headline): string {
  if (!h.intervals) return "What it cannot tell: the fit has no ROAS intervals (fit with --bootstrap N, or --model bayes, to see how sure each figure is).";
  if (h.uncertain.length === 0) return "Every channel's 90 % ROAS interval is narrower than its ROAS and contains it: no channel's return is left unclear.";
  const listed = h.uncertain.map((c) => `${b(c.name)} (ROAS ${fmt(c.roas, 2)}, 90 % interval ${fmt(c.roas_low, 2)} to ${fmt(c.roas_high, 2)}: ` +
    `${c.why === "wide" ? "as wide as the estimate or wider" : "the resampled fits disagree with the estimate"})`);
  return `What it cannot tell: the return of ${listed.join("; ")}. An experiment (the channel switched off in some weeks or regions, given to fit with --lift) would settle ${h.uncertain.length === 1 ? "it" : "them"}.`;
}

/** headlineHtml(h) → the first section of the report: the findings, then the split table. */
export function headlineHtml(h: Headline): string {
  const rows = h.split.channels.map((c) => ({
    channel: c.name, current: fmt(c.current, 0), recommended: fmt(c.optimal, 0), change: signedPct(c.change_pct, 0),
  }));
  const lines = [roasLine(h), mroasLine(h), splitLine(h), holdoutLine(h), uncertainLine(h)];
  return `<section id="${HEADLINE_ID}">
<h2>The answer</h2>
<ul class="headline">
${lines.map((l) => `<li>${l}</li>`).join("\n")}
</ul>
${table(["channel", "current", "recommended", "change"], rows)}
<p class="note">${escapeHtml(`Spend over the next ${unit(h.frequency, h.split.periods)}; current = the average of the last ${h.split.periods} observed periods. The details follow.`)}</p>
</section>`;
}
