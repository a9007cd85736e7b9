/**
 * escapeControl(text, keep): terminal-safe text. Control characters that a file may carry into a
 * message (a column name, a cell) — C0 controls such as ESC, DEL, C1 controls, the line and
 * paragraph separators and the bidirectional overrides — are written as JSON-style `\uXXXX`
 * escapes, so printing them cannot move the cursor, recolour the terminal or reorder the line.
 * The characters listed in `keep` ("\n" and "\t" by default) pass through. O(length).
 */

/** Every character escapeControl may replace: C0, DEL, C1, U+2028/9, the bidi embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * escapeControl(text, keep) → text with each control character not in `keep` replaced by `\uXXXX`.
 * @param text - any text
 * @param keep - characters to leave as they are (default "\n\t"; "" escapes line breaks too)
 * @returns the escaped text (the same string when there is nothing to escape)
 * @example escapeControl("a\u001b[31mb") // => "a\\u001b[31mb"
 */
export function escapeControl(text: string, keep = "\n\t"): string {
  return text.replace(CONTROL, (c) => (keep.includes(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}
