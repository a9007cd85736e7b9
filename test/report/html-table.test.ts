import { describe, expect, it } from "vitest";
import { HTML_TABLE_CSS, formatCell, htmlTable } from "../../src/report/html-table";
import { htmlProblems } from "./html-check";

describe("formatCell", () => {
  it("formatCell(value, digits) writes numbers with thousands separators and at most `digits` decimals", () => {
    expect(formatCell(1234.5678, 2)).toBe("1,234.57");
    expect(formatCell(1234567, 2)).toBe("1,234,567");
    expect(formatCell(0.5, 0)).toBe("1");
  });

  it("formatCell(value) shows missing and non-finite values as a dash", () => {
    expect([NaN, Infinity, null, undefined].map((v) => formatCell(v, 2))).toEqual(["–", "–", "–", "–"]);
  });

  it("formatCell(value) writes text as is and objects as JSON", () => {
    expect(formatCell("tv", 2)).toBe("tv");
    expect(formatCell({ a: 1 }, 2)).toBe('{"a":1}');
    expect(formatCell(true, 2)).toBe("true");
  });
});

describe("htmlTable", () => {
  it("htmlTable(rows) has one header cell per key of the first row and one row per record", () => {
    const html = htmlTable([{ channel: "tv", roas: 2.345 }, { channel: "radio", roas: 1 }]);
    expect(html.match(/<th /g)?.length).toBe(2);
    expect(html.match(/<tr>/g)?.length).toBe(3);
    expect(html).toContain(">2.35</td>");
    expect(html).toContain('text-align:right">1</td>');
  });

  it("htmlTable(rows, { columns, digits }) picks and orders the columns and rounds per column", () => {
    const html = htmlTable([{ a: 1.23456, b: 2.34567, c: "x" }], { columns: ["b", "a"], digits: { a: 1, b: 3 } });
    expect(html).not.toContain(">x<");
    expect(html.indexOf(">b</th>")).toBeLessThan(html.indexOf(">a</th>"));
    expect(html).toContain(">2.346</td>");
    expect(html).toContain(">1.2</td>");
  });

  it("htmlTable(rows, { maxRows }) shows the first rows and says how many more there are", () => {
    const html = htmlTable([{ a: 1 }, { a: 2 }, { a: 3 }], { maxRows: 2 });
    expect(html).toContain("… 1 more rows");
    expect(html).not.toContain(">3</td>");
  });

  it("htmlTable(rows, { caption }) escapes text in cells, headers and the caption", () => {
    const html = htmlTable([{ "<k>": "<script>alert(1)</script>" }], { caption: "R&D" });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain(">&lt;k&gt;</th>");
    expect(html).toContain(">R&amp;D</caption>");
  });

  it("htmlTable(rows, options) throws a RangeError for bad maxRows or digits", () => {
    expect(() => htmlTable([{ a: 1 }], { maxRows: -1 })).toThrow(new RangeError("htmlTable requires maxRows to be an integer >= 0"));
    expect(() => htmlTable([{ a: 1 }], { digits: 1.5 })).toThrow(RangeError);
  });

  it("htmlTable(rows) aligns a column of numbers right and a column of text left, header included", () => {
    const html = htmlTable([{ channel: "tv", spend: null, roas: 2 }, { channel: "radio", spend: 1500.25, roas: NaN }]);
    expect(html).toContain('text-align:left;border-bottom:2px solid #999">channel</th>');
    expect(html).toContain('text-align:right;border-bottom:2px solid #999">spend</th>');
    expect(html).toContain('text-align:right">–</td>'); // a missing number sits in its numeric column
    expect(html).toContain('text-align:right">1,500.25</td>');
    expect(html).toContain('text-align:left">radio</td>');
  });

  it("htmlTable(rows, { align }) aligns pre-formatted strings as told and leaves them as they are", () => {
    const rows = [{ channel: "tv", spend: "1,234.00", share: "12.5 %" }];
    const html = htmlTable(rows, { align: { spend: "right", share: "right" } });
    expect(html).toContain('text-align:right">1,234.00</td>');
    expect(html).toContain('text-align:right">12.5 %</td>');
    expect(html).toContain('text-align:left">tv</td>');
    expect(htmlTable(rows, { align: "right" }).match(/text-align:right/g)?.length).toBe(6);
  });

  it("htmlTable(rows, { styling: 'classes' }) writes no style attribute and marks only the cells that differ from HTML_TABLE_CSS's rule", () => {
    const rows = [{ name: "tv", note: "a", value: "1,234", first: 1 }];
    const html = htmlTable(rows, { styling: "classes", align: { value: "right" } });
    expect(html).not.toContain("style=");
    expect(html).toBe('<table class="mixlab-table"><thead><tr><th>name</th><th class="text">note</th><th>value</th><th>first</th></tr></thead>\n<tbody>\n<tr><td>tv</td><td class="text">a</td><td>1,234</td><td>1</td></tr>\n</tbody></table>');
    const numbersFirst = htmlTable([{ n: 3, label: "x" }], { styling: "classes" });
    expect(numbersFirst).toContain('<th class="num">n</th>');
    expect(numbersFirst).toContain('<td class="num">3</td><td class="text">x</td>');
  });

  it("htmlTable(rows, { styling: 'classes' }) escapes cells, headers and the caption and stays well formed", () => {
    const html = htmlTable([{ "a<b": "</td><script>x</script>", n: 1 }, { "a<b": "R&D", n: 2 }], { styling: "classes", caption: "<i>", maxRows: 1 });
    expect(html).not.toContain("<script>");
    expect(html).toContain("<th>a&lt;b</th>");
    expect(html).toContain("<td>&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;</td>");
    expect(html).toContain("<caption>&lt;i&gt;</caption>");
    expect(html).toContain('<td colspan="2" class="more">… 1 more rows</td>');
    expect(htmlProblems(html)).toEqual([]);
  });

  it("htmlTable(rows, options) formats numbers once: digits apply to numbers, never to strings", () => {
    const html = htmlTable([{ x: 1234.5678, y: "1234.5678" }], { digits: 1, styling: "classes" });
    expect(html).toContain('<td class="num">1,234.6</td>');
    expect(html).toContain('<td class="text">1234.5678</td>');
  });

  it("htmlTable(rows, options) throws a RangeError for a bad alignment or styling", () => {
    expect(() => htmlTable([{ a: 1 }], { align: { a: "centre" as "left" } })).toThrow(new RangeError('htmlTable requires align to be "left" or "right" (column "a")'));
    expect(() => htmlTable([{ a: 1 }], { styling: "css" as "inline" })).toThrow(RangeError);
  });
});

describe("HTML_TABLE_CSS", () => {
  it("HTML_TABLE_CSS styles only .mixlab-table and refers to nothing outside the page", () => {
    for (const rule of HTML_TABLE_CSS.split("}").filter((r) => r.trim() !== "")) expect(rule.trim()).toMatch(/^(table)?\.mixlab-table/);
    expect(HTML_TABLE_CSS).not.toMatch(/url\(|@import|http/);
  });
});
