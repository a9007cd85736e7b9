import { describe, expect, it } from "vitest";
import { formatCell, htmlTable } from "../../src/report/html-table";

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
});
