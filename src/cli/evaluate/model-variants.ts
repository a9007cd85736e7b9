/**
 * The models `mixlab evaluate --models` compares: a model kind (`ridge`, `bayes`, …) or a variant
 * of one with fit flags, `kind:flag=value:flag=value` (e.g. `ridge:adstock=none`, a ridge fit with
 * `--adstock none`), each turned into the `mixlab fit` flags that make it.
 */
import { UsageError } from "../usage-error";

/** A compared model: its name in the output (as given) and the fit flags that make it. */
export interface ModelVariant {
  name: string;
  args: string[];
}

/** Fit flags a variant may not set: evaluate sets them itself. */
const RESERVED = new Set(["out", "seed", "model"]);

/**
 * modelVariants(text, kinds) → the variants of a comma-separated --models value.
 * @throws UsageError for an unknown kind, a part without `=`, a reserved flag, or a repeated name
 */
export function modelVariants(text: string, kinds: readonly string[]): ModelVariant[] {
  const names = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw new UsageError("--models must name at least one model");
  if (new Set(names).size !== names.length) throw new UsageError(`--models names a model twice: "${text}"`);
  return names.map((name) => {
    const [kind, ...parts] = name.split(":");
    if (!kinds.includes(kind)) throw new UsageError(`--models: "${kind}" is not a model (${kinds.join(", ")})`);
    const args = ["--model", kind];
    for (const part of parts) {
      const eq = part.indexOf("=");
      const flag = part.slice(0, eq);
      if (eq <= 0 || !/^[a-z][a-z-]*$/.test(flag)) throw new UsageError(`--models: "${part}" in "${name}" must be flag=value (e.g. adstock=none)`);
      if (RESERVED.has(flag)) throw new UsageError(`--models: "${name}" cannot set --${flag}`);
      args.push(`--${flag}`, part.slice(eq + 1));
    }
    return { name, args };
  });
}
