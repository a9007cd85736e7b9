import { describe, expect, it } from "vitest";
import { designContext, predict, predictChannel, predictTerms } from "../../src/models/predict";
import { design } from "../../src/features/design";
import { fixtureInput, fixtureModel } from "../artifact/fixture-model";

const model = fixtureModel();

/** Inputs inside, across the end of and after the model's 40 observed weeks (from 2024-01-01, day 19723). */
function inputs() {
  const observed = fixtureInput();
  const at = (first: number, n: number, price: boolean) => {
    const days = Int32Array.from({ length: n }, (_, i) => first + 7 * i);
    const columns: Record<string, Float64Array> = {
      tv: Float64Array.from({ length: n }, (_, i) => 900 + 130 * ((i * 5) % 7)),
      radio: Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : 350 + 20 * i)),
    };
    if (price) columns.price = Float64Array.from({ length: n }, (_, i) => 9.5 + 0.1 * i);
    return { days, columns };
  };
  return [observed, at(19723 + 7 * 10, 12, true), at(19723 + 7 * 38, 5, false), at(19723 + 7 * 40, 1, true), at(19723 + 7 * 40, 13, false), at(19723 + 7 * 45, 3, true)];
}

describe("predict", () => {
  it("predictChannel(model, input, channel) is that channel's predictTerms contribution bit for bit, inside, across and after the history (carry-over)", () => {
    for (const input of inputs()) {
      const terms = predictTerms(model, input);
      for (const channel of model.spec.channels) {
        const j = terms.names.indexOf(channel);
        expect(Array.from(predictChannel(model, input, channel))).toEqual(Array.from(terms.contributions[j]));
      }
    }
    expect(() => predictChannel(model, { days: Int32Array.of(19723), columns: {} }, "tv")).toThrow(/spend for channel "tv"/);
  });

  it("predict(model, input) is predictTerms(model, input).predicted bit for bit, with or without the cached context, on repeated calls", () => {
    for (const input of inputs()) {
      const terms = predictTerms(model, input);
      for (let repeat = 0; repeat < 2; repeat++) {
        expect(Array.from(predict(model, input))).toEqual(Array.from(terms.predicted));
        expect(Array.from(predict(model, input, designContext(model)))).toEqual(Array.from(terms.predicted));
      }
    }
  });

  it("predictTerms(model, input) contributions are coefficient × feature, and the intercept plus them, in term order, is the prediction exactly", () => {
    for (const input of inputs()) {
      const t = predictTerms(model, input);
      const d = design(model.spec, model.transforms, input, designContext(model));
      expect(t.names).toEqual(model.terms);
      t.names.forEach((name, j) => {
        const column = d.columns[d.names.indexOf(name)];
        expect(Array.from(t.contributions[j])).toEqual(Array.from(column, (v) => model.coefficients[j] * v));
      });
      const sums = Array.from(t.predicted, (_, i) => t.contributions.reduce((acc, c) => acc + c[i], t.intercept));
      expect(Array.from(t.predicted)).toEqual(sums);
    }
  });
});
