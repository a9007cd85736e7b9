/** Checked parsing of flag values; a bad value is a UsageError (exit 2) naming the flag. */
import { UsageError } from "./usage-error";

/** numberOption(flag, text, rules) → the number, or a UsageError naming the flag. */
export function numberOption(flag: string, text: string, rules: { integer?: boolean; positive?: boolean; min?: number; max?: number } = {}): number {
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v)) throw new UsageError(`${flag} must be a number, not "${text}"`);
  if (rules.integer && !Number.isInteger(v)) throw new UsageError(`${flag} must be a whole number, not "${text}"`);
  if (rules.positive && !(v > 0)) throw new UsageError(`${flag} must be greater than 0, not "${text}"`);
  if (rules.min !== undefined && !(v >= rules.min)) throw new UsageError(`${flag} must be at least ${rules.min}, not "${text}"`);
  if (rules.max !== undefined && !(v <= rules.max)) throw new UsageError(`${flag} must be at most ${rules.max}, not "${text}"`);
  return v;
}

/**
 * keyValueOption(flag, text) parses `a=1,b=x` into [["a","1"],["b","x"]].
 * @throws UsageError when an item has no `=`
 */
export function keyValueOption(flag: string, text: string): [string, string][] {
  return text.split(",").map((s) => s.trim()).filter((s) => s.length > 0).map((item) => {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new UsageError(`${flag} takes name=value pairs separated by commas, not "${item}"`);
    return [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
  });
}

/** choiceOption(flag, text, choices) → text when it is one of the choices. */
export function choiceOption<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`${flag} must be one of ${choices.join(", ")}, not "${text}"`);
  return text as T;
}
