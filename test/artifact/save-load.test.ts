import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { futurePeriods } from "../../src/analysis/future-periods";
import { plan } from "../../src/analysis/plan";
import { toArtifact } from "../../src/artifact/artifact";
import { jsonErrorPosition } from "../../src/artifact/json-error-position";
import { loadArtifact, loadModel, parseModel } from "../../src/artifact/load";
import { predict } from "../../src/models/predict";
import { saveModel, serializeArtifact } from "../../src/artifact/save";
import { DataError } from "../../src/data/issue";
import { expectClose } from "../helpers/expect-close";
import { fixtureInput, fixtureModel } from "./fixture-model";

const dir = mkdtempSync(join(tmpdir(), "mixlab-artifact-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const createdAt = "2024-05-01T12:00:00.000Z";

/** The artifact text of the fixture model. */
const goodText = () => serializeArtifact(toArtifact(fixtureModel(), { createdAt, fitSeconds: 2 }));

/** loadError(text) → the DataError message loadModel gives for a file holding `text`. */
function loadError(text: string, name = "model.json"): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    loadModel(path);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as Error).message;
  }
  throw new Error("loadModel did not fail");
}

describe("saveModel / loadModel", () => {
  it("loadModel(saveModel(path, model)) equals the model and predicts identically", () => {
    const model = fixtureModel();
    const path = join(dir, "round-trip", "model.json");
    saveModel(path, model, { createdAt, fitSeconds: 3.25 });
    const loaded = loadModel(path);
    expect(loaded).toStrictEqual(model);
    const input = fixtureInput();
    const a = predict(model, input);
    const b = predict(loaded, input);
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBe(a[i]);
    expect(loadArtifact(path).fit_seconds).toBe(3.25);
  });

  it("saveModel(path, model) writes pretty JSON ending in a newline, the same bytes every time", () => {
    const model = fixtureModel();
    const p1 = join(dir, "same-1.json");
    const p2 = join(dir, "same-2.json");
    saveModel(p1, model, { createdAt });
    saveModel(p2, fixtureModel(), { createdAt });
    const text = readFileSync(p1, "utf8");
    expect(text).toBe(readFileSync(p2, "utf8"));
    expect(text.startsWith('{\n  "format": "mixlab-model",\n  "version": 1,\n')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("serializeArtifact(artifact) parses back to JSON.stringify's value, objects indented by 2 and each scalar array on one line", () => {
    const artifact = toArtifact(fixtureModel(), { createdAt, fitSeconds: 2 });
    const text = serializeArtifact(artifact);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(artifact)));
    const n = artifact.history.dates.length;
    expect(text).toContain(`"dates": ${JSON.stringify(artifact.history.dates)}`);
    // the dates and every channel's spend history take one line each, not one per value
    const channels = Object.keys(artifact.history.spend).length;
    expect(JSON.stringify(artifact, null, 2).split("\n").length - text.split("\n").length).toBeGreaterThanOrEqual((1 + channels) * (n - 1));
    expect(n).toBeGreaterThan(20);
    expect(serializeArtifact({ a: [], b: {}, c: [{ d: [1, null] }], e: undefined } as never)).toBe('{\n  "a": [],\n  "b": {},\n  "c": [\n    {\n      "d": [1,null]\n    }\n  ]\n}\n');
  });
  it("saveModel(path, model) leaves no temporary file and overwrites an existing model", () => {
    const sub = join(dir, "atomic");
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, "model.json"), "old");
    saveModel(join(sub, "model.json"), fixtureModel(), { createdAt });
    expect(readdirSync(sub)).toEqual(["model.json"]);
    expect(readFileSync(join(sub, "model.json"), "utf8")).toBe(goodText().replace('"fit_seconds": 2', '"fit_seconds": null'));
  });

  it("saveModel(path, model) refuses a model with a non-finite coefficient and writes nothing", () => {
    const model = fixtureModel();
    model.coefficients[1] = NaN;
    const path = join(dir, "bad", "model.json");
    expect(() => saveModel(path, model)).toThrow(/coefficients\[1\]: Invalid input: expected number, received NaN/);
    expect(() => readFileSync(path)).toThrow();
  });

  it("parseModel(text, path) reads the artifact text without a file", () => {
    expect(parseModel(goodText(), "x.json")).toStrictEqual(fixtureModel());
  });
});

describe("control history in the artifact", () => {
  it("loadModel(path) of an artifact without history.controls (written before the field) loads and plans with the controls at the fit-window mean, as before", () => {
    const path = join(dir, "old", "model.json");
    mkdirSync(join(dir, "old"), { recursive: true });
    const text = goodText();
    expect(JSON.parse(text).history.controls).toBeUndefined();
    writeFileSync(path, text);
    const loaded = loadModel(path);
    expect(loaded.history.controls).toBeUndefined();
    const K = 3;
    const r = plan(loaded, { spend: { tv: 1000, radio: 0 }, periods: K });
    expect(r.controls).toEqual([{ name: "price", value: 9.375, source: "fit_window_mean" }]);
    // As before: predict() of the future periods with the price left out, which design() fills with controlDefaults.
    const direct = predict(loaded, { days: futurePeriods(loaded, K).days, columns: { tv: new Float64Array(K).fill(1000), radio: new Float64Array(K) } });
    expectClose(r.timeline.map((p) => p.predicted), direct, { rel: 1e-12 });
  });

  it("loadModel(saveModel(path, model with control history)) keeps it, and plans hold the price at its mean over the last K weeks", () => {
    const model = fixtureModel({ controlHistory: true });
    const path = join(dir, "controls", "model.json");
    saveModel(path, model, { createdAt });
    const loaded = loadModel(path);
    expect(loaded).toStrictEqual(model);
    const r = plan(loaded, { spend: { tv: 1000 }, periods: 3 });
    expect(r.controls).toEqual([{ name: "price", value: (9.25 + 9.5 + 9.75) / 3, source: "recent" }]);
    expect(r.controls_window).toEqual({ start: "2024-09-16", end: "2024-09-30", periods: 3 });
    expect(r).toEqual(plan(model, { spend: { tv: 1000 }, periods: 3 }));
  });
});

describe("loadModel failures", () => {
  it("loadModel(path) of a missing file says the file was not found", () => {
    const path = join(dir, "nope.json");
    expect(() => loadModel(path)).toThrow(DataError);
    expect(() => loadModel(path)).toThrow(`cannot read model ${path}: file not found`);
    expect(() => loadModel(dir)).toThrow(/it is a folder, not a model file/);
  });

  it("loadModel(path) of an empty file says it is empty", () => {
    expect(loadError("")).toBe(`${join(dir, "model.json")} is empty; it is not a mixlab model (write one with \`mixlab fit\`)`);
    expect(loadError(" \n\n")).toMatch(/is empty/);
  });

  it("loadModel(path) of a truncated file gives the position where it ends", () => {
    const text = goodText();
    const cut = text.slice(0, Math.floor(text.length / 2));
    const lines = cut.split("\n");
    expect(loadError(cut)).toBe(`${join(dir, "model.json")} is not valid JSON (truncated or corrupted?) at position ${cut.length} (line ${lines.length}, column ${lines[lines.length - 1].length + 1})`);
  });

  it("loadModel(path) of a corrupted file gives the position of the first bad character", () => {
    const text = goodText();
    const at = text.indexOf('"terms"');
    const corrupted = `${text.slice(0, at)}#${text.slice(at + 1)}`;
    expect(jsonErrorPosition(corrupted)).toBe(at);
    expect(loadError(corrupted)).toMatch(new RegExp(`is not valid JSON \\(truncated or corrupted\\?\\) at position ${at} \\(line \\d+, column 3\\)$`));
  });

  it("loadModel(path) of other JSON says it is not a mixlab model", () => {
    expect(loadError('{"format": "onnx", "version": 1}')).toBe(`${join(dir, "model.json")} is not a mixlab model: its "format" is "onnx", expected "mixlab-model"`);
    expect(loadError('{"rows": []}')).toMatch(/is not a mixlab model: it has no "format" field, expected "mixlab-model"$/);
    expect(loadError("[1, 2]")).toMatch(/is not a mixlab model: it holds a JSON array, not an object$/);
  });

  it("loadModel(path) of a newer format version asks to upgrade mixlab", () => {
    const json = JSON.parse(goodText());
    json.version = 2;
    json.new_field = { anything: true };
    expect(loadError(JSON.stringify(json))).toBe(`${join(dir, "model.json")} was written by a newer mixlab (format version 2); this mixlab reads version 1 — upgrade mixlab`);
    json.version = "1";
    expect(loadError(JSON.stringify(json))).toMatch(/has an unknown format version "1"; this mixlab reads version 1$/);
  });

  it("loadModel(path) of a file that breaks the schema names the JSON paths of the first problems", () => {
    const json = JSON.parse(goodText());
    json.coefficients.pop();
    json.transforms.tv.adstock.decay = 2;
    json.history.spend.tv = "lots";
    expect(loadError(JSON.stringify(json))).toBe(
      `${join(dir, "model.json")} is not a valid mixlab model (damaged or edited by hand?): ` +
      "transforms.tv.adstock.decay: Too big: expected number to be <1; history.spend.tv: Invalid input: expected array, received string",
    );
    const json2 = JSON.parse(goodText());
    json2.coefficients.pop();
    expect(loadError(JSON.stringify(json2))).toMatch(/: coefficients: has 8 entries but terms has 9; they must be equally long$/);
  });
});
