/**
 * readConfig(path): the project config file read from disk and checked against ConfigSchema
 * (spec/config.ts). File I/O, so it lives with the CLI; the schema itself is in spec/.
 */
import { readFileSync } from "node:fs";
import { DataError, makeIssue } from "../data/issue";
import { ConfigSchema, type Config } from "../spec/config";

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
