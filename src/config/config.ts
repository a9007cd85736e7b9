/**
 * The project config file (`--config mixlab.json`): column roles, cleaning strategies and, in later
 * sections, the model spec. Checked with zod so that a typo gets a message naming the field.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { DataError, makeIssue } from "../data/issue";

const Strategy = z.enum(["interpolate", "zero", "drop", "keep"]);

export const ConfigSchema = z.object({
  format: z.enum(["wide", "channel-dir", "campaigns"]).optional(),
  roles: z.object({
    date: z.string().min(1).optional(),
    target: z.string().min(1).optional(),
    channels: z.array(z.string().min(1)).min(1).optional(),
    controls: z.array(z.string().min(1)).optional(),
  }).strict().optional(),
  channel_map: z.record(z.string(), z.string().min(1)).optional(),
  clean: z.object({
    outlier_factor: z.number().positive().finite().optional(),
    strategies: z.object({
      missing: Strategy.optional(), non_numeric: Strategy.optional(), negative: Strategy.optional(),
      outlier: Strategy.optional(), zero_target: Strategy.optional(),
    }).strict().optional(),
  }).strict().optional(),
}).passthrough();

export type Config = z.infer<typeof ConfigSchema>;

/**
 * readConfig(path) parses and checks a JSON config file.
 * @throws DataError naming the file and the offending field
 */
export function readConfig(path: string): Config {
  const fail = (message: string): never => {
    throw new DataError(message, [makeIssue({ file: path, row: null, column: null, date: null, kind: "missing_file", value: null, message })]);
  };
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    fail(`cannot read config ${path}: file not found`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    fail(`config ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`).join("; ");
    fail(`config ${path} is not valid: ${first}`);
  }
  return parsed.data as Config;
}
