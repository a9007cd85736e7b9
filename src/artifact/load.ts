/**
 * loadModel(path) / parseModel(text, path): read a model artifact back into a FittedModel. Every
 * failure is a DataError with one sentence naming the file (the CLI prints it and exits 1; the
 * server answers 4xx): not found, empty, not valid JSON (with the position), not a mixlab model,
 * written by a newer mixlab, or not matching the schema (with the JSON paths of the first problems).
 */
import { readFileSync, statSync } from "node:fs";
import { DataError, makeIssue } from "../data/issue";
import type { FittedModel } from "../models/fitted-model";
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, ArtifactSchema, describeSchemaIssues, fromArtifact, type Artifact } from "./artifact";
import { jsonErrorPosition, lineAndColumn } from "./json-error-position";

function fileError(path: string, kind: "missing_file" | "empty_file", message: string): DataError {
  return new DataError(message, [makeIssue({ file: path, row: null, column: null, date: null, kind, value: null, message })]);
}

/**
 * parseArtifact(text, path) → the checked artifact in `text` (`path` names it in messages).
 * @throws DataError (see the module comment)
 */
export function parseArtifact(text: string, path: string): Artifact {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw fileError(path, "empty_file", `${path} is empty; it is not a mixlab model (write one with \`mixlab fit\`)`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const at = Math.max(0, jsonErrorPosition(body));
    const { line, column } = lineAndColumn(body, at);
    throw new DataError(`${path} is not valid JSON (truncated or corrupted?) at position ${at} (line ${line}, column ${column})`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new DataError(`${path} is not a mixlab model: it holds a JSON ${json === null ? "null" : Array.isArray(json) ? "array" : typeof json}, not an object`);
  }
  const record = json as Record<string, unknown>;
  if (record.format !== ARTIFACT_FORMAT) {
    const has = record.format === undefined ? "it has no \"format\" field" : `its "format" is ${JSON.stringify(record.format)}`;
    throw new DataError(`${path} is not a mixlab model: ${has}, expected "${ARTIFACT_FORMAT}"`);
  }
  const version = record.version;
  if (typeof version === "number" && Number.isInteger(version) && version > ARTIFACT_VERSION) {
    throw new DataError(`${path} was written by a newer mixlab (format version ${version}); this mixlab reads version ${ARTIFACT_VERSION} — upgrade mixlab`);
  }
  if (version !== ARTIFACT_VERSION) {
    throw new DataError(`${path} has an unknown format version ${JSON.stringify(version) ?? "(none)"}; this mixlab reads version ${ARTIFACT_VERSION}`);
  }
  const parsed = ArtifactSchema.safeParse(json);
  if (!parsed.success) {
    throw new DataError(`${path} is not a valid mixlab model (damaged or edited by hand?): ${describeSchemaIssues(parsed.error.issues)}`);
  }
  return parsed.data;
}

/**
 * parseModel(text, path) → the FittedModel stored in the artifact text.
 * @throws DataError (see the module comment)
 * @example parseModel(readFileSync("model.json", "utf8"), "model.json").spec.channels // => ["tv", …]
 */
export function parseModel(text: string, path = "model.json"): FittedModel {
  return fromArtifact(parseArtifact(text, path));
}

/**
 * readArtifactText(path) → the text of a model file.
 * @throws DataError when the file does not exist, is a folder or cannot be read
 */
export function readArtifactText(path: string): string {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw fileError(path, "missing_file", `cannot read model ${path}: file not found`);
  }
  if (isDir) throw fileError(path, "missing_file", `cannot read model ${path}: it is a folder, not a model file`);
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw fileError(path, "missing_file", `cannot read model ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * loadModel(path) → the FittedModel stored in a model.json file.
 * @throws DataError (see the module comment)
 * @example predict(loadModel("model.json"), input)
 */
export function loadModel(path: string): FittedModel {
  return parseModel(readArtifactText(path), path);
}

/** loadArtifact(path) → the checked artifact in a model.json file, metadata included. */
export function loadArtifact(path: string): Artifact {
  return parseArtifact(readArtifactText(path), path);
}
