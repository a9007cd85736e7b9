/**
 * JSON nesting depth, checked on the text or on the parsed value. A request body nested more than
 * limits.maxDepth levels is refused (400) whatever else is wrong with it; json-body.ts's
 * parseJsonText picks the check by size (see there).
 */

/**
 * nestingDepthExceeds(text, max) → true when the JSON text opens more than `max` arrays or objects
 * inside each other (brackets inside strings do not count). Stops at the first too-deep bracket.
 * Deep nesting makes JSON.parse superlinear (a 1 MB body of `[`…`]` takes ~0.3 s), so long texts
 * are checked with this before they are parsed. O(length).
 * @example nestingDepthExceeds("[[[1]]]", 2) // => true
 */
export function nestingDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // skip the string, honouring backslash escapes
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * valueDepthExceeds(value, max) → true when a parsed JSON value nests more than `max` arrays or
 * objects inside each other (every array or object, empty ones too, is one level). For the text
 * the value was parsed from, the same answer as nestingDepthExceeds(text, max), except where an
 * object repeats a key: JSON.parse keeps the last value, and only that value counts here. Recurses
 * up to max + 1 levels (parseJsonText calls it for max ≤ 256 only). O(size) at most.
 * @example valueDepthExceeds(JSON.parse("[[[1]]]"), 2) // => true
 */
export function valueDepthExceeds(value: unknown, max: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (max === 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (valueDepthExceeds(value[i], max - 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) if (valueDepthExceeds(record[key], max - 1)) return true;
  return false;
}
