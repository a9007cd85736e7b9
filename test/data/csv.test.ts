import { describe, expect, it } from "vitest";
import { countLines, parseCsv } from "../../src/data/csv";

function records(text: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  parseCsv(text, (fields, line) => out.push({ fields, line }));
  return out;
}

describe("parseCsv", () => {
  it("parseCsv(text) splits plain fields and numbers lines from 1", () => {
    expect(records("a,b\n1,2\n3,4\n")).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "2"], line: 2 },
      { fields: ["3", "4"], line: 3 },
    ]);
  });

  it("parseCsv(text) unquotes fields with commas, escaped quotes and line breaks, and counts lines inside them", () => {
    const out = records('x,y\n"1,5","say ""hi"""\n"multi\nline",2\nlast,3\n');
    expect(out).toEqual([
      { fields: ["x", "y"], line: 1 },
      { fields: ["1,5", 'say "hi"'], line: 2 },
      { fields: ["multi\nline", "2"], line: 3 },
      { fields: ["last", "3"], line: 5 },
    ]);
  });

  it("parseCsv(text) strips a byte-order mark and accepts CRLF and CR line ends", () => {
    expect(records("\ufeffa,b\r\n1,2\r\n")).toEqual([{ fields: ["a", "b"], line: 1 }, { fields: ["1", "2"], line: 2 }]);
    expect(records("a\r1\r2")).toEqual([{ fields: ["a"], line: 1 }, { fields: ["1"], line: 2 }, { fields: ["2"], line: 3 }]);
  });

  it("parseCsv(text) skips blank lines, including trailing ones, but keeps a line of empty fields", () => {
    expect(records("a,b\n\n1,2\n\n\n")).toEqual([{ fields: ["a", "b"], line: 1 }, { fields: ["1", "2"], line: 3 }]);
    expect(records("a,b\n,\n")).toEqual([{ fields: ["a", "b"], line: 1 }, { fields: ["", ""], line: 2 }]);
  });

  it("parseCsv(text) reports an unterminated quote with its line", () => {
    const out: string[][] = [];
    const problems = parseCsv('a\n"open\n', (f) => out.push(f));
    expect(problems).toEqual([{ line: 2, message: "a quoted field is never closed" }]);
    expect(out[1]).toEqual(["open\n"]);
  });

  it("countLines(text) bounds the record count", () => {
    expect(countLines("a\nb\nc")).toBe(3);
    expect(countLines("a\rb\rc\r")).toBe(4);
  });
});
