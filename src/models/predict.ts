/**
 * predict(model, input): design() plus the fitted coefficients — the one prediction path used by
 * the library, the CLI, the server and the notebooks. predictTerms gives the same prediction split
 * into the intercept and one contribution per term (the decomposition sums to it exactly).
 */
import { parseIsoDate } from "../data/parse-date";
import { design, mediaTerm, type Design, type DesignContext, type DesignInput, type SpendHistory } from "../features/design";
import type { FittedCore } from "./fitted-model";

const contexts = new WeakMap<FittedCore, DesignContext>();

/** designContext(model) → the context design() needs, built once per model object and cached. */
export function designContext(model: FittedCore): DesignContext {
  let context = contexts.get(model);
  if (context === undefined) {
    const history: SpendHistory = {
      days: Int32Array.from(model.history.dates, (d) => parseIsoDate(d)),
      spend: Object.fromEntries(Object.entries(model.history.spend).map(([c, v]) => [c, Float64Array.from(v)])),
    };
    context = { trendStart: model.trendStart, trendEnd: model.trendEnd, periodDays: model.periodDays, history, controlDefaults: model.controlDefaults };
    contexts.set(model, context);
  }
  return context;
}

const termIndexes = new WeakMap<FittedCore, { terms: readonly string[]; names: readonly string[]; at: readonly number[] }>();

const sameStrings = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * termColumns(model, names) → for each of model.terms, its index in the design's `names`; kept per
 * model and reused while the terms and the design's names stay the same (they depend on the spec only).
 * @throws RangeError when a term is not in the design
 */
function termColumns(model: FittedCore, names: readonly string[]): readonly number[] {
  const cached = termIndexes.get(model);
  if (cached !== undefined && sameStrings(cached.names, names) && sameStrings(cached.terms, model.terms)) return cached.at;
  const index = new Map(names.map((name, i) => [name, i]));
  const at = model.terms.map((term) => {
    const i = index.get(term);
    if (i === undefined) throw new RangeError(`predict: the model's term "${term}" is not in the design`);
    return i;
  });
  termIndexes.set(model, { terms: [...model.terms], names: [...names], at });
  return at;
}

export interface TermContributions {
  /** Term names (model.terms order). */
  names: string[];
  /** coefficient × feature per term and row, in target units. */
  contributions: Float64Array[];
  intercept: number;
  /** intercept + Σ contributions. */
  predicted: Float64Array;
}

/**
 * combine(model, d, contributions) → intercept + Σ_j coefficient_j × feature_j per row, summed term
 * by term in model.terms order; when `contributions` is given, each term's coefficient × feature is
 * also stored there (one array per term). The one sum behind predict and predictTerms, so both
 * give the same bits.
 */
function combine(model: FittedCore, d: Design, contributions: Float64Array[] | null): Float64Array {
  const at = termColumns(model, d.names);
  const n = d.n;
  const predicted = new Float64Array(n).fill(model.intercept);
  for (let j = 0; j < at.length; j++) {
    const column = d.columns[at[j]];
    const b = model.coefficients[j];
    if (contributions === null) {
      for (let i = 0; i < n; i++) predicted[i] += b * column[i];
    } else {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        out[i] = b * column[i];
        predicted[i] += out[i];
      }
      contributions.push(out);
    }
  }
  return predicted;
}

/**
 * predictTerms(model, input) → each term's contribution per row and their sum with the intercept.
 * Spend dated before the input's first row (from the model's history) is carried over by adstock.
 * @throws RangeError when the input lacks a channel's spend
 */
export function predictTerms(model: FittedCore, input: DesignInput, context: DesignContext = designContext(model)): TermContributions {
  const contributions: Float64Array[] = [];
  const predicted = combine(model, design(model.spec, model.transforms, input, context), contributions);
  return { names: [...model.terms], contributions, intercept: model.intercept, predicted };
}

/**
 * predictChannel(model, input, channel) → the channel's contribution per row, coefficient × media
 * column: predictTerms(model, input).contributions of that channel, bit for bit, without building
 * the other terms. Zeros when the model has no term for the channel.
 * @throws RangeError when the input lacks the channel's spend
 */
export function predictChannel(model: FittedCore, input: DesignInput, channel: string, context: DesignContext = designContext(model)): Float64Array {
  const spend = input.columns[channel];
  if (spend === undefined) throw new RangeError(`design requires spend for channel "${channel}"`);
  const j = model.terms.indexOf(channel);
  const out = new Float64Array(spend.length);
  if (j < 0) return out;
  const column = mediaTerm(channel, spend, model.transforms[channel], spend.length > 0 ? input.days[0] : 0, context);
  const b = model.coefficients[j];
  for (let i = 0; i < out.length; i++) out[i] = b * column[i];
  return out;
}

/**
 * predict(model, input) → the predicted target per row (intercept + Σ coefficient × feature): the
 * `predicted` of predictTerms, bit for bit, without keeping each term's contribution.
 */
export function predict(model: FittedCore, input: DesignInput, context: DesignContext = designContext(model)): Float64Array {
  return combine(model, design(model.spec, model.transforms, input, context), null);
}
