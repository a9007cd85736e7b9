/**
 * Decomposition and returns of a fitted model over a window: per-period contributions of the
 * baseline terms and of each channel (summing exactly to the prediction), and per channel the
 * spend, contribution, ROAS, marginal ROAS at current spend and the shares of spend and effect.
 */
import { predictChannel, predictTerms, type TermContributions } from "../models/predict";
import type { DesignInput } from "../features/design";
import type { FittedCore } from "../models/fitted-model";

/** Figures of one channel over a window (no intervals: those come from the bootstrap). */
export interface ChannelReturns {
  name: string;
  /** Σ spend over the window, currency. */
  spend: number;
  /** Σ modelled contribution over the window, target units. */
  contribution: number;
  /** contribution / spend (NaN when nothing was spent). */
  roas: number;
  /** d contribution / d spend at the current spend: the return of one more unit spent, spread like the current spend. */
  mroas: number;
  share_of_spend: number;
  share_of_effect: number;
}

/** Relative step of the central difference used for marginal ROAS. */
const MROAS_STEP = 1e-4;

function sumRange(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i];
  return s;
}

/**
 * channelReturns(model, input, window) → per channel figures over rows [from, to) of `input`.
 * Contribution is the channel term of predictTerms; marginal ROAS is the central difference
 * [C((1+h)·spend) − C((1−h)·spend)] / (2h·Σspend), h = 1e-4, computed through the same predict path
 * (spend scaled in every row of the input, so carry-over inside the window counts; predictChannel
 * builds that channel's term alone).
 */
export function channelReturns(model: FittedCore, input: DesignInput, window: { from: number; to: number }, terms?: TermContributions): ChannelReturns[] {
  const base = terms ?? predictTerms(model, input);
  const { from, to } = window;
  const channels = model.spec.channels;
  const spend = channels.map((c) => sumRange(input.columns[c], from, to));
  const contribution = channels.map((c) => {
    const j = base.names.indexOf(c);
    return j < 0 ? 0 : sumRange(base.contributions[j], from, to);
  });
  const totalSpend = spend.reduce((a, b) => a + b, 0);
  const totalEffect = contribution.reduce((a, b) => a + b, 0);
  return channels.map((name, k) => {
    const j = base.names.indexOf(name);
    let mroas = NaN;
    if (j >= 0 && spend[k] > 0) {
      const scaled = (factor: number) => {
        const columns = { ...input.columns, [name]: input.columns[name].map((v) => v * factor) };
        return sumRange(predictChannel(model, { days: input.days, columns }, name), from, to);
      };
      mroas = (scaled(1 + MROAS_STEP) - scaled(1 - MROAS_STEP)) / (2 * MROAS_STEP * spend[k]);
    }
    return {
      name,
      spend: spend[k],
      contribution: contribution[k],
      roas: spend[k] > 0 ? contribution[k] / spend[k] : NaN,
      mroas,
      share_of_spend: totalSpend > 0 ? spend[k] / totalSpend : 0,
      share_of_effect: totalEffect !== 0 ? contribution[k] / totalEffect : 0,
    };
  });
}

/**
 * decomposition(model, input) → per-period contributions grouped for charts and exports: `base`
 * (intercept), `trend`, `seasonality` (Fourier and day-of-week terms), `holidays`, each control and
 * each channel; the groups sum exactly to the prediction.
 */
export function decomposition(model: FittedCore, input: DesignInput): { groups: Record<string, Float64Array>; predicted: Float64Array } {
  const t = predictTerms(model, input);
  const n = t.predicted.length;
  const groups: Record<string, Float64Array> = { base: new Float64Array(n).fill(t.intercept) };
  const groupOf = (term: string): string => {
    if (model.spec.channels.includes(term) || model.spec.controls.includes(term)) return term;
    if (term === "trend") return "trend";
    if (term.startsWith("season_") || term.startsWith("dow_")) return "seasonality";
    if (term === "holidays") return "holidays";
    return term;
  };
  t.names.forEach((term, j) => {
    const g = groupOf(term);
    groups[g] ??= new Float64Array(n);
    const target = groups[g];
    const c = t.contributions[j];
    for (let i = 0; i < n; i++) target[i] += c[i];
  });
  return { groups, predicted: t.predicted };
}
