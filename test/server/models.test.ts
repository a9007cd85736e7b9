import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { saveModel } from "../../src/artifact/save";
import { DataError } from "../../src/data/issue";
import { loadModels, modelId } from "../../src/server/models";
import { fixtureModel } from "./server-helpers";

const dir = mkdtempSync(join(tmpdir(), "mixlab-server-models-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const model = fixtureModel();
saveModel(join(dir, "b-model.json"), model, { createdAt: "2024-06-01T00:00:00.000Z" });
saveModel(join(dir, "a-model.json"), model);
writeFileSync(join(dir, "notes.txt"), "not a model");

describe("loadModels", () => {
  it("modelId(path) is the file name without .json", () => {
    expect(modelId("/x/models/tv-2024.json")).toBe("tv-2024");
  });

  it("loadModels({ models: DIR }) loads every *.json of the folder, sorted by id, with created_at", () => {
    const { models, meta } = loadModels({ models: dir });
    expect([...models.keys()]).toEqual(["a-model", "b-model"]);
    expect(models.get("b-model")?.coefficients).toEqual(model.coefficients);
    expect(meta.get("b-model")?.created_at).toBe("2024-06-01T00:00:00.000Z");
  });

  it("loadModels({ model: FILE }) loads that one model", () => {
    expect([...loadModels({ model: join(dir, "a-model.json") }).models.keys()]).toEqual(["a-model"]);
  });

  it("loadModels with a damaged file, an empty folder or no source throws a DataError naming the problem", () => {
    const bad = mkdtempSync(join(tmpdir(), "mixlab-server-bad-"));
    try {
      expect(() => loadModels({ models: bad })).toThrow(new DataError(`${bad} holds no *.json model files`));
      writeFileSync(join(bad, "broken.json"), "{\"format\": \"mixlab-model\"");
      expect(() => loadModels({ models: bad })).toThrow(/broken\.json is not valid JSON/);
      expect(() => loadModels({ model: join(bad, "none.json") })).toThrow(/cannot read model .*none\.json: file not found/);
      expect(() => loadModels({})).toThrow(/either one model file \(--model model\.json\) or a folder/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
