import { describe, expect, it } from "vitest";
import { historyInput } from "../../src/artifact/history-input";
import { predict } from "../../src/models/predict";
import { parseIsoDate } from "../../src/data/parse-date";
import { fixtureInput, fixtureModel } from "./fixture-model";

describe("historyInput", () => {
  it("rebuilds the observed periods with spend and observed controls: predict() of it is predict() of the fit data", () => {
    const model = fixtureModel({ controlHistory: true });
    const input = historyInput(model);
    const data = fixtureInput();
    expect(input.dates).toEqual(model.history.dates);
    expect(Array.from(input.days)).toEqual(model.history.dates.map((d) => parseIsoDate(d)));
    expect(Array.from(input.columns.tv)).toEqual(model.history.spend.tv);
    expect(Array.from(input.columns.price)).toEqual(Array.from(data.columns.price));
    expect(input.defaultedControls).toEqual([]);
    expect(Array.from(predict(model, input))).toEqual(Array.from(predict(model, data)));
  });

  it("lists the controls of a model saved without control history as defaulted and leaves them to predict()'s fit-window mean", () => {
    const model = fixtureModel();
    const input = historyInput(model);
    expect(input.defaultedControls).toEqual(["price"]);
    expect(input.columns.price).toBeUndefined();
    const mean = model.controlDefaults.price;
    const held = { ...fixtureInput(), columns: { ...fixtureInput().columns, price: new Float64Array(40).fill(mean) } };
    expect(Array.from(predict(model, input))).toEqual(Array.from(predict(model, held)));
  });
});
