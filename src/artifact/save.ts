/** saveModel(path, model, meta): write a model artifact atomically, as pretty JSON. */
import type { FittedModel } from "../models/fitted-model";
import { writeFileAtomic } from "../util/write-file-atomic";
import { ArtifactSchema, describeSchemaIssues, toArtifact, type Artifact, type ArtifactMeta } from "./artifact";

/**
 * serializeArtifact(artifact) → the bytes of model.json, then "\n": objects indented by 2 as
 * `JSON.stringify(value, null, 2)` prints them, but an array of numbers, strings or nulls on one
 * line. The history arrays hold a value per observed period (130,000 on a long daily file): one
 * line each keeps the file about half the size and lets the engine's own stringify print them in
 * one call, several times faster than one indented line per value. JSON.parse reads both the same.
 */
export function serializeArtifact(artifact: Artifact): string {
  return `${prettyJson(artifact, "")}\n`;
}

/** prettyJson(value, indent) → JSON text of `value` whose nested lines start with `indent` + 2 spaces. */
function prettyJson(value: unknown, indent: string): string {
  if (value === null || typeof value !== "object" || (Array.isArray(value) && value.every(isScalar))) return JSON.stringify(value) ?? "null";
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + prettyJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(",\n")}\n${indent}}`;
}

/** isScalar(v) → v is a number, string, boolean or null (JSON prints it without nesting). */
function isScalar(v: unknown): boolean {
  return v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean";
}

/**
 * saveModel(path, model, meta) checks the model's artifact against ArtifactSchema and writes it to
 * `path` atomically (a temporary file beside it, renamed over it; parent folders are created).
 * The same model and meta always give the same bytes.
 * @returns the artifact written
 * @throws RangeError when the model does not fit the schema (a non-finite coefficient, a missing
 *   transform…), naming the JSON paths of the first problems; nothing is written then
 * @example saveModel("out/model.json", model, { fitSeconds: 12.5 })
 */
export function saveModel(path: string, model: FittedModel, meta: ArtifactMeta = {}): Artifact {
  const artifact = toArtifact(model, meta);
  const checked = ArtifactSchema.safeParse(artifact);
  if (!checked.success) {
    throw new RangeError(`saveModel cannot write ${path}: the model does not fit the artifact schema: ${describeSchemaIssues(checked.error.issues)}`);
  }
  writeFileAtomic(path, serializeArtifact(artifact));
  return artifact;
}
