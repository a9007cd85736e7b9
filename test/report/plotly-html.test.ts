import { readFileSync } from "node:fs";
import { Script, createContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { actualVsPredicted } from "../../src/report/charts";
import type { Figure } from "../../src/report/charts/figure";
import { PLOTLY_CONFIG, figureDiv, plotlyLibrary, plotlyLibraryPath, plotlyScriptTag, scriptSafe } from "../../src/report/plotly-html";
import { scripts } from "./html-check";

/** runFigureScript(js) runs a figureDiv script against a stub Plotly and returns the newPlot arguments. */
function runFigureScript(js: string): unknown[][] {
  const calls: unknown[][] = [];
  new Script(js).runInContext(createContext({ Plotly: { newPlot: (...args: unknown[]) => calls.push(JSON.parse(JSON.stringify(args))) } }));
  return calls;
}

describe("plotlyScriptTag", () => {
  it("plotlyScriptTag() inlines the installed plotly.min.js, read from disk, in one script element", () => {
    const raw = readFileSync(plotlyLibraryPath(), "utf8");
    expect(plotlyLibrary()).toBe(raw);
    const tag = plotlyScriptTag();
    expect(tag.startsWith("<script>")).toBe(true);
    expect(scripts(tag)).toEqual([scriptSafe(raw)]);
    expect(scriptSafe(raw)).toContain("window.Plotly = Plotly");
  });

  it("scriptSafe(js) removes every `</script` and `<!--` and leaves the rest of the library as it is", () => {
    const raw = plotlyLibrary();
    const safe = scriptSafe(raw);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    // plotly.js 4.1.2 has no `</script` and one `<!--` (inside a string of its HTML sanitizer): one 3-character change.
    expect(raw.match(/<\/script/gi)).toBeNull();
    expect(raw.match(/<!--/g)).toHaveLength(1);
    expect(safe.length).toBe(raw.length + 3);
    expect(scriptSafe('a = "</SCRIPT> <!-- x";')).toBe('a = "<\\/SCRIPT> \\x3C!-- x";');
    expect(new Function(`return ${scriptSafe('"</script><!--"')};`)()).toBe("</script><!--");
  });

  it("scriptSafe(plotly.min.js) still compiles as JavaScript", () => {
    expect(() => new Script(scriptSafe(plotlyLibrary()))).not.toThrow();
  });
});

describe("figureDiv", () => {
  const figure: Figure = actualVsPredicted(["2024-01-01", "2024-01-08"], [1, 2], [1.5, 2.5]);

  it("figureDiv(id, figure) is a div with that id and one script that draws the figure into it", () => {
    const html = figureDiv("avp", figure);
    expect(html).toMatch(/^<div id="avp" class="mixlab-chart" style="width:100%;height:460px"><\/div>\n<script>/);
    const js = scripts(html);
    expect(js).toHaveLength(1);
    expect(runFigureScript(js[0])).toEqual([["avp", figure.data, figure.layout, PLOTLY_CONFIG]]);
  });

  it("figureDiv(id, figure) keeps hostile names inside the script as data", () => {
    const hostile: Figure = { data: [{ type: "bar", name: "</script><script>alert(1)</script><!--", x: ["a&b"], y: [1] }], layout: { title: { text: "<b>" } } };
    const html = figureDiv("x1", hostile);
    expect(html.match(/<\/script/g)).toHaveLength(1);
    expect(html).not.toContain("<!--");
    expect(runFigureScript(scripts(html)[0])[0].slice(1, 3)).toEqual([hostile.data, hostile.layout]);
  });

  it("figureDiv(id, figure) requires an id of letters, digits, - and _", () => {
    expect(() => figureDiv('a" onload="x', figure)).toThrow(RangeError);
    expect(() => figureDiv("1abc", figure)).toThrow("figureDiv requires an id of letters, digits, - and _ starting with a letter");
  });
});
