/**
 * The models a server serves: one model file, or every `*.json` of a folder, each parsed once at
 * startup. A model's id is its file name without `.json`; requests pick one with `?model=id`, and
 * the default is the only model, or the first id in alphabetical order.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { fromArtifact } from "../artifact/artifact";
import { loadArtifact } from "../artifact/load";
import { DataError } from "../data/issue";
import type { FittedModel } from "../models/fitted-model";

/** Served models by id plus what the artifacts say about them beyond the FittedModel. */
export interface LoadedModels {
  models: Map<string, FittedModel>;
  meta: Map<string, { created_at: string | null; path: string }>;
}

/** modelId(path) → the file name without `.json` ("models/tv-2024.json" → "tv-2024"). */
export function modelId(path: string): string {
  return basename(path).replace(/\.json$/i, "");
}

/**
 * loadModels({ model, models }) → every model of one file (`model`) or of a folder (`models`, each
 * `*.json` in it, sorted by id), each read and checked once.
 * @throws DataError when a file is missing or not a valid model (naming it), the folder has no
 *   `*.json`, or neither or both of `model` and `models` are given
 */
export function loadModels(source: { model?: string; models?: string }): LoadedModels {
  if ((source.model === undefined) === (source.models === undefined)) {
    throw new DataError("serve needs either one model file (--model model.json) or a folder of them (--models DIR)");
  }
  let paths: string[];
  if (source.model !== undefined) {
    paths = [source.model];
  } else {
    const dir = source.models as string;
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) throw new DataError(`${dir} is not a folder; give --model for one file`);
      names = readdirSync(dir);
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw new DataError(`cannot read folder ${dir}: not found`);
    }
    paths = names.filter((n) => /\.json$/i.test(n)).sort().map((n) => join(dir, n));
    if (paths.length === 0) throw new DataError(`${dir} holds no *.json model files`);
  }
  const out: LoadedModels = { models: new Map(), meta: new Map() };
  for (const path of paths) {
    const artifact = loadArtifact(path);
    const id = modelId(path);
    out.models.set(id, fromArtifact(artifact));
    out.meta.set(id, { created_at: artifact.created_at, path });
  }
  return out;
}
