import { describe, expect, it } from "vitest";
import { ArtifactSchema, describeSchemaIssues, formatPath, fromArtifact, jsonSafe, toArtifact, type Artifact } from "../../src/artifact/artifact";
import { serializeArtifact } from "../../src/artifact/save";
import type { FittedModel } from "../../src/models/fitted-model";
import { VERSION } from "../../src/version";
import { fixtureInput, fixtureModel } from "./fixture-model";

const createdAt = "2024-05-01T12:00:00.000Z";

/** reversed(record) → the same entries in reverse insertion order. */
function reversed<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).reverse());
}

/**
 * What a test edits: the artifact JSON, reshaped into what the schema must reject (any: the edits
 * write values of the wrong type on purpose).
 */
// biome-ignore lint/suspicious/noExplicitAny: the edits write wrongly typed values on purpose
type EditableJson = Record<string, any>;

/** A copy of the artifact JSON with `edit` applied, parsed by the schema. */
function parseEdited(edit: (a: EditableJson) => void) {
  const json = JSON.parse(serializeArtifact(toArtifact(fixtureModel(), { createdAt })));
  edit(json);
  return ArtifactSchema.safeParse(json);
}

function firstProblem(edit: (a: EditableJson) => void): string {
  const r = parseEdited(edit);
  expect(r.success).toBe(false);
  return r.success ? "" : describeSchemaIssues(r.error.issues, 1);
}

describe("toArtifact", () => {
  it("toArtifact(model, meta) starts with format, version, created_at, mixlab_version and ends with fit_seconds", () => {
    const a = toArtifact(fixtureModel(), { createdAt, fitSeconds: 1.5 });
    expect(Object.keys(a)).toEqual([
      "format", "version", "created_at", "mixlab_version", "spec", "transforms", "terms", "coefficients", "intercept",
      "trendStart", "trendEnd", "periodDays", "controlDefaults", "history", "draws", "summary", "fit_seconds",
    ]);
    expect(a.format).toBe("mixlab-model");
    expect(a.version).toBe(1);
    expect(a.created_at).toBe(createdAt);
    expect(a.mixlab_version).toBe(VERSION);
    expect(a.fit_seconds).toBe(1.5);
  });

  it("toArtifact(model) without meta stamps the current time and an unknown fit duration", () => {
    const before = Date.now();
    const a = toArtifact(fixtureModel());
    expect(Date.parse(a.created_at)).toBeGreaterThanOrEqual(before);
    expect(a.fit_seconds).toBeNull();
    expect(ArtifactSchema.safeParse(a).success).toBe(true);
  });

  it("toArtifact(model) serialises identically whatever the key order of the model's objects", () => {
    const model = fixtureModel();
    const shuffled: FittedModel = {
      ...model,
      spec: { ...reversed(model.spec as unknown as Record<string, unknown>) } as unknown as FittedModel["spec"],
      transforms: Object.fromEntries(Object.entries(model.transforms).reverse().map(([c, t]) => [c, {
        saturation: reversed(t.saturation as Record<string, unknown>), adstock: reversed(t.adstock as Record<string, unknown>),
      }])) as unknown as FittedModel["transforms"],
      history: { spend: reversed(model.history.spend), dates: model.history.dates },
    };
    expect(serializeArtifact(toArtifact(shuffled, { createdAt }))).toBe(serializeArtifact(toArtifact(model, { createdAt })));
    expect(Object.keys(toArtifact(shuffled, { createdAt }).transforms)).toEqual(["tv", "radio"]);
  });

  it("toArtifact(model) stores a non-finite summary figure as null and keeps the predictive part as is", () => {
    const model = fixtureModel();
    model.summary.channels[0].roas = NaN;
    model.summary.diagnostics = { vif: { tv: Infinity } };
    const a = toArtifact(model, { createdAt });
    expect(a.summary.channels[0].roas).toBeNull();
    expect(a.summary.diagnostics).toEqual({ vif: { tv: null } });
    expect(a.coefficients).toEqual(model.coefficients);
    expect(ArtifactSchema.safeParse(a).success).toBe(true);
  });
});

describe("fromArtifact", () => {
  it("fromArtifact(toArtifact(model)) equals the model", () => {
    const model = fixtureModel();
    expect(fromArtifact(toArtifact(model, { createdAt }))).toStrictEqual(model);
  });

  it("fromArtifact(ArtifactSchema.parse(json)) of the written JSON equals the model", () => {
    const model = fixtureModel();
    const parsed = ArtifactSchema.parse(JSON.parse(serializeArtifact(toArtifact(model, { createdAt })))) as Artifact;
    expect(fromArtifact(parsed)).toEqual(model);
  });
});

describe("toArtifact / fromArtifact with control history", () => {
  it("toArtifact(model) writes history.controls after dates and spend, in spec order, and fromArtifact gives it back", () => {
    const model = fixtureModel({ controlHistory: true });
    const a = toArtifact(model, { createdAt });
    expect(Object.keys(a.history)).toEqual(["dates", "spend", "controls"]);
    expect(a.history.controls).toEqual({ price: Array.from(fixtureInput().columns.price) });
    const parsed = ArtifactSchema.parse(JSON.parse(serializeArtifact(a))) as Artifact;
    expect(fromArtifact(parsed)).toEqual(model);
  });
});

describe("ArtifactSchema", () => {
  it("ArtifactSchema accepts every adstock and saturation type of src/features", () => {
    const types = [
      [{ type: "geometric", decay: 0.5, normalize: true, maxLag: 4 }, { type: "hill", halfSaturation: 2, shape: 1 }],
      [{ type: "weibull_cdf", shape: 1, scale: 1 }, { type: "log", scale: 3 }],
      [{ type: "delayed", decay: 0.3, peakLag: 2, maxLag: 8 }, { type: "logistic", lambda: 0.01 }],
      [{ type: "none" }, { type: "none" }],
    ];
    for (const [adstock, saturation] of types) {
      expect(parseEdited((a) => { a.transforms.tv = { adstock, saturation }; }).success).toBe(true);
    }
  });

  it("ArtifactSchema requires one coefficient per term", () => {
    expect(firstProblem((a) => { a.coefficients.pop(); })).toBe("coefficients: has 8 entries but terms has 9; they must be equally long");
  });

  it("ArtifactSchema rejects a NaN written as null, naming the index", () => {
    expect(firstProblem((a) => { a.coefficients[2] = null; })).toMatch(/^coefficients\[2\]: Invalid input: expected number/);
  });

  it("ArtifactSchema checks transform parameters against the ranges of their kernels", () => {
    expect(firstProblem((a) => { a.transforms.tv.adstock.decay = 1.5; })).toMatch(/^transforms\.tv\.adstock\.decay: Too big/);
    expect(firstProblem((a) => { a.transforms.radio.adstock.scale = 0; })).toMatch(/^transforms\.radio\.adstock\.scale: Too small/);
    expect(firstProblem((a) => { a.transforms.tv.adstock = { type: "exponential", decay: 0.5 }; })).toMatch(/^transforms\.tv\.adstock\.type: Invalid discriminator/);
    expect(firstProblem((a) => { a.transforms.tv.saturation.extra = 1; })).toMatch(/^transforms\.tv\.saturation: Unrecognized key: "extra"/);
    expect(firstProblem((a) => { a.transforms.tv = { adstock: { type: "delayed", decay: 0.3, peakLag: 9, maxLag: 8 }, saturation: { type: "none" } }; }))
      .toBe("transforms.tv.adstock.peakLag: peakLag must be at most maxLag");
  });

  it("ArtifactSchema requires history arrays as long as history.dates, with ascending ISO dates", () => {
    expect(firstProblem((a) => { a.history.spend.radio.pop(); })).toBe("history.spend.radio: has 39 values but history.dates has 40");
    expect(firstProblem((a) => { a.history.dates[3] = "2024-02-30"; })).toMatch(/^history\.dates\[3\]: Invalid ISO date/);
    expect(firstProblem((a) => { [a.history.dates[3], a.history.dates[4]] = [a.history.dates[4], a.history.dates[3]]; }))
      .toBe("history.dates[4]: 2024-01-22 does not come after 2024-01-29; dates must ascend");
  });

  it("ArtifactSchema requires transforms, bounds and history for every channel and a default for every control", () => {
    expect(firstProblem((a) => { delete a.transforms.radio; })).toBe('transforms.radio: channel "radio" of the spec has no transforms');
    expect(firstProblem((a) => { delete a.controlDefaults.price; })).toBe('controlDefaults.price: control "price" of the spec has no default');
    expect(firstProblem((a) => { a.transforms.print = a.transforms.tv; })).toBe('transforms.print: "print" is not a channel of the spec');
  });

  it("ArtifactSchema checks history.controls: every control of the spec, no other name, as long as history.dates", () => {
    const withControls = JSON.parse(serializeArtifact(toArtifact(fixtureModel({ controlHistory: true }), { createdAt })));
    const problem = (edit: (a: EditableJson) => void) => {
      const json = structuredClone(withControls);
      edit(json);
      const r = ArtifactSchema.safeParse(json);
      return r.success ? "" : describeSchemaIssues(r.error.issues, 1);
    };
    expect(problem(() => {})).toBe("");
    expect(problem((a) => { a.history.controls.price.pop(); })).toBe("history.controls.price: has 39 values but history.dates has 40");
    expect(problem((a) => { delete a.history.controls.price; })).toBe('history.controls.price: control "price" of the spec has no history');
    expect(problem((a) => { a.history.controls.weather = a.history.controls.price; })).toBe('history.controls.weather: "weather" is not a control of the spec');
    expect(problem((a) => { a.history.controls.price[2] = null; })).toMatch(/^history\.controls\.price\[2\]: Invalid input: expected number/);
    expect(problem((a) => { a.history.spend.tv[4] = Number.POSITIVE_INFINITY; })).toBe("history.spend.tv[4]: Invalid input: expected number, received Infinity");
    expect(problem((a) => { a.history.dates[0] = "2024-1-01"; })).toMatch(/^history\.dates\[0\]: Invalid ISO date/);
    expect(problem((a) => { a.history.dates = []; })).toMatch(/^history\.dates: Too small/);
    // a series of bad values reports its first ten, each at its index
    const many = structuredClone(withControls);
    many.history.spend.tv = many.history.spend.tv.map(() => "x");
    const r = ArtifactSchema.safeParse(many);
    expect(r.success ? [] : r.error.issues.filter((i) => i.path[2] === "tv").map((i) => i.path[3])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("ArtifactSchema accepts an artifact without history.controls, as mixlab wrote before the field", () => {
    const json = JSON.parse(serializeArtifact(toArtifact(fixtureModel(), { createdAt })));
    expect(Object.keys(json.history)).toEqual(["dates", "spend"]);
    expect(ArtifactSchema.safeParse(json).success).toBe(true);
  });

  it("ArtifactSchema checks the spec's fields", () => {
    expect(firstProblem((a) => { a.spec.adstock = "weibull"; })).toMatch(/^spec\.adstock: Invalid option/);
    expect(firstProblem((a) => { a.spec.seasonality = 1.5; })).toMatch(/^spec\.seasonality: Invalid input: expected int/);
    expect(firstProblem((a) => { a.spec.holdout = { splitDate: "2024-13-01" }; })).toMatch(/^spec\.holdout/);
    expect(firstProblem((a) => { a.spec.bounds.tv.decay = [0.9, 0.1]; })).toBe("spec.bounds.tv.decay: the lower bound is above the upper bound");
    expect(firstProblem((a) => { a.spec.typo = 1; })).toBe('spec: Unrecognized key: "typo"');
  });

  it("ArtifactSchema rejects a periodDays that does not match the spec's frequency", () => {
    expect(firstProblem((a) => { a.periodDays = 1; })).toBe("periodDays: 1 does not match weekly data");
  });

  it("ArtifactSchema keeps extra summary fields", () => {
    const r = parseEdited((a) => { a.summary.note = "hand-made"; });
    expect(r.success && (r.data.summary as Record<string, unknown>).note).toBe("hand-made");
  });
});

describe("helpers", () => {
  it("jsonSafe(value) turns typed arrays into arrays, NaN and Infinity into null, and drops undefined", () => {
    expect(jsonSafe({ b: Float64Array.of(1, NaN), a: -Infinity, u: undefined, n: [Infinity, 2] })).toEqual({ b: [1, null], a: null, n: [null, 2] });
    expect(Object.keys(jsonSafe({ z: 1, a: 2 }) as object)).toEqual(["z", "a"]);
  });

  it("formatPath(path) writes object keys with dots and array indices in brackets", () => {
    expect(formatPath(["history", "spend", "tv", 3])).toBe("history.spend.tv[3]");
    expect(formatPath([])).toBe("(top level)");
  });

  it("describeSchemaIssues(issues, shown) lists the first problems and counts the rest", () => {
    const r = parseEdited((a) => { a.coefficients = [null, null, null, null, null, null, null, null, null]; });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeSchemaIssues(r.error.issues, 2)).toMatch(/^coefficients\[0\]: .*; coefficients\[1\]: .*; and 7 more$/);
  });
});
