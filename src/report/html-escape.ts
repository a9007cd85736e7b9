/**
 * escapeHtml(text) and jsonForScript(value): text made safe for HTML element content and attribute
 * values, and JSON made safe inside an inline `<script>` (no `</script>`, `<!--`, or line
 * separators that would end or confuse the script).
 */

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };

/**
 * escapeHtml(text) → text with & < > " ' replaced by entities, safe in element content and quoted
 * attributes. O(n).
 * @example escapeHtml("<b>R&D</b>") // => "&lt;b&gt;R&amp;D&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * jsonForScript(value) → JSON.stringify(value) with <, >, &, U+2028 and U+2029 written as \u escapes:
 * the same value when parsed as JSON or JavaScript, and it can never close the script element.
 * @example jsonForScript({ name: "</script>" }) // => '{"name":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
