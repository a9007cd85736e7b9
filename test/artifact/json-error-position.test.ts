import { describe, expect, it } from "vitest";
import { jsonErrorPosition, lineAndColumn } from "../../src/artifact/json-error-position";

describe("jsonErrorPosition", () => {
  it("jsonErrorPosition(text) of valid JSON is -1", () => {
    for (const text of ['{"a": [1, -2.5e-3, true, false, null, "x\\u00e9\\n"]}', " 0 ", '"s"', "[]", "{}", '[{"a":{}}, []]']) {
      expect(jsonErrorPosition(text)).toBe(-1);
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it("jsonErrorPosition(text) of every proper prefix of a JSON document is the prefix length", () => {
    const doc = '{"format": "mixlab-model", "v": [1.5, -2e+3, true, null], "s": "a\\"b"}';
    for (let cut = 0; cut < doc.length; cut++) {
      const prefix = doc.slice(0, cut);
      if (prefix.trim() === "") continue;
      expect(jsonErrorPosition(prefix)).toBe(cut);
    }
  });

  it("jsonErrorPosition(text) points at the first bad character", () => {
    expect(jsonErrorPosition('{"a":}')).toBe(5);
    expect(jsonErrorPosition('{"a" 1}')).toBe(5);
    expect(jsonErrorPosition("[1,2,]")).toBe(5);
    expect(jsonErrorPosition("[01]")).toBe(2);
    expect(jsonErrorPosition("[1.]")).toBe(3);
    expect(jsonErrorPosition("[tru]")).toBe(4);
    expect(jsonErrorPosition('{"a":1} x')).toBe(8);
    expect(jsonErrorPosition('"a\tb"')).toBe(2);
    expect(jsonErrorPosition('"\\x"')).toBe(2);
    expect(jsonErrorPosition("{'a':1}")).toBe(1);
  });

  it("jsonErrorPosition(text) agrees with V8 where V8 names a position", () => {
    for (const text of ['{"a" 1}', "[1,2", '{"a":1,}', "[1 2]"]) {
      let message = "";
      try { JSON.parse(text); } catch (err) { message = (err as Error).message; }
      const m = /at position (\d+)/.exec(message);
      if (m) expect(jsonErrorPosition(text)).toBe(Number(m[1]));
    }
  });

  it("jsonErrorPosition(text) handles nesting deeper than the call stack", () => {
    expect(jsonErrorPosition("[".repeat(200000))).toBe(200000);
  });

  it("lineAndColumn(text, position) counts lines and columns from 1", () => {
    expect(lineAndColumn('{\n  "a": x\n}', 9)).toEqual({ line: 2, column: 8 });
    expect(lineAndColumn("abc", 0)).toEqual({ line: 1, column: 1 });
  });
});
