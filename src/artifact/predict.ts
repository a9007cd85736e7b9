/**
 * predict(model, input): design() plus the fitted coefficients — the one prediction path used by
 * the library, the CLI, the server and the notebooks. predictTerms gives the same prediction split
 * into the intercept and one contribution per term (the decomposition sums to it exactly).
 */
import { parseIsoDate } from "../data/parse-date";
import { design, type DesignContext, type DesignInput, type SpendHistory } from "../features/design";
import type { FittedModel } from "../models/fitted-model";

const contexts = new WeakMap<FittedModel, DesignContext>();

/** designContext(model) → the context design() needs, built once per model object and cached. */
export function designContext(model: FittedModel): DesignContext {
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

const termIndexes = new WeakMap<FittedModel, { terms: readonly string[]; names: readonly string[]; at: readonly number[] }>();

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
function termColumns(model: FittedModel, names: readonly string[]): readonly number[] {
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
 * predictTerms(model, input) → each term's contribution per row and their sum with the intercept.
 * Spend dated before the input's first row (from the model's history) is carried over by adstock.
 * @throws RangeError when the input lacks a channel's spend
 */
export function predictTerms(model: FittedModel, input: DesignInput, context: DesignContext = designContext(model)): TermContributions {
  const d = design(model.spec, model.transforms, input, context);
  const at = termColumns(model, d.names);
  const predicted = new Float64Array(d.n).fill(model.intercept);
  const contributions = model.terms.map((_, j) => {
    const column = d.columns[at[j]];
    const b = model.coefficients[j];
    const out = new Float64Array(d.n);
    for (let i = 0; i < d.n; i++) {
      out[i] = b * column[i];
      predicted[i] += out[i];
    }
    return out;
  });
  return { names: [...model.terms], contributions, intercept: model.intercept, predicted };
}

/** predict(model, input) → the predicted target per row (intercept + Σ coefficient × feature). */
export function predict(model: FittedModel, input: DesignInput, context?: DesignContext): Float64Array {
  return predictTerms(model, input, context).predicted;
}
