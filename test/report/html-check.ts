/**
 * Small HTML checks for the report tests (no HTML parser is installed): htmlProblems(html) walks
 * the tags — skipping the raw text of <script> and <style> the way a browser does, up to the first
 * `</script` / `</style` — and reports unbalanced or misnested elements; scripts(html) returns the
 * text of every inline script.
 */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** scripts(html) → the raw text of every <script> element, in order (ends at the first `</script`, as in a browser). */
export function scripts(html: string): string[] {
  const out: string[] = [];
  const open = /<script\b[^>]*>/gi;
  for (let m = open.exec(html); m !== null; m = open.exec(html)) {
    const start = m.index + m[0].length;
    const end = html.toLowerCase().indexOf("</script", start);
    if (end < 0) break;
    out.push(html.slice(start, end));
    open.lastIndex = end;
  }
  return out;
}

/** htmlProblems(html) → messages for misnested or unclosed elements (empty when the page is well formed). */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const lower = html.toLowerCase();
  const tag = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    if (m[2] === undefined) continue; // comment or doctype
    const name = m[2].toLowerCase();
    if (m[1] === "/") {
      const top = stack.pop();
      if (top !== name) problems.push(`</${name}> at ${m.index} closes <${top ?? "nothing"}>`);
      continue;
    }
    if (VOID.has(name) || m[3].trimEnd().endsWith("/")) continue;
    if (name === "script" || name === "style") {
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      if (end < 0) { problems.push(`<${name}> at ${m.index} never closes`); break; }
      tag.lastIndex = end;
    }
    stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(" > ")}`);
  return problems;
}
