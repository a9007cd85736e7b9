/** saveModel(path, model, meta): write a model artifact atomically, as pretty JSON. */
import type { FittedModel } from "../models/fitted-model";
import { writeFileAtomic } from "../util/write-file-atomic";
import { ArtifactSchema, describeSchemaIssues, toArtifact, type Artifact, type ArtifactMeta } from "./artifact";

/** serializeArtifact(artifact) → the bytes of model.json: JSON indented by 2, then "\n". */
export function serializeArtifact(artifact: Artifact): string {
  return `${JSON.stringify(artifact, null, 2)}\n`;
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
