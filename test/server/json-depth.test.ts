/** JSON nesting depth on the text and on the parsed value agree, and parseJsonText refuses deep bodies whichever check it runs. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nestingDepthExceeds, valueDepthExceeds } from "../../src/server/json-depth";
import { resolveLimits } from "../../src/server/limits";
import { parseJsonText } from "../../src/server/json-body";

describe("nestingDepthExceeds and valueDepthExceeds", () => {
  it("nestingDepthExceeds(text, max) and valueDepthExceeds(value, max) count every array and object, empty ones too, and no bracket inside a string", () => {
    const cases: [string, number, boolean][] = [
      ["[[[1]]]", 2, true], ["[[[1]]]", 3, false], ["1", 0, false], ["[]", 0, true], ["{}", 1, false],
      ['{"a":"[[[["}', 1, false], ['["\\"[["]', 1, false], ['{"a":[{}, []]}', 2, true], ['{"a":[{}, []]}', 3, false],
    ];
    for (const [text, max, deeper] of cases) {
      expect(nestingDepthExceeds(text, max)).toBe(deeper);
      expect(valueDepthExceeds(JSON.parse(text), max)).toBe(deeper);
    }
  });

  it("nestingDepthExceeds(text, max) and valueDepthExceeds(JSON.parse(text), max) agree on random JSON values for depth limits 0 to 6 (3,000 values)", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 7 }), fc.integer({ min: 0, max: 6 }), (value, max) => {
      const text = JSON.stringify(value);
      expect(valueDepthExceeds(JSON.parse(text), max)).toBe(nestingDepthExceeds(text, max));
    }), { numRuns: 3_000, seed: 11 });
  });

  it("valueDepthExceeds(value, max) walks a value 100,000 levels deep with a stack no deeper than the limit", () => {
    const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000)) as unknown;
    expect(valueDepthExceeds(deep, 32)).toBe(true);
    expect(valueDepthExceeds(deep, 1_000)).toBe(true);
    const lessDeep = JSON.parse("[".repeat(1_000) + "]".repeat(1_000)) as unknown;
    expect(valueDepthExceeds(lessDeep, 1_000)).toBe(false);
    expect(valueDepthExceeds(lessDeep, 999)).toBe(true);
  });
});

describe("parseJsonText", () => {
  const limits = resolveLimits({ maxDepth: 4 });
  const deepMessage = /^the JSON body is nested more than 4 levels deep/;
  const messageOf = (text: string) => {
    try {
      parseJsonText(text, limits);
      return "parsed";
    } catch (err) {
      return (err as Error).message;
    }
  };

  it("parseJsonText(text, limits) refuses a deep body, short (checked on the value) or long (scanned first), valid or not", () => {
    const pad = " ".repeat(20_000); // over the 16 KiB parse-first size
    for (const text of ["[[[[[1]]]]]", '{"rows":[{"a":{"b":[1]}}]}', "[[[[[1", "[[[[[1]]]]] x", `[[[[[1]]]]]${pad}`, `[[[[[1${pad}`]) {
      expect(messageOf(text)).toMatch(deepMessage);
    }
  });

  it("parseJsonText(text, limits) parses a body at the limit and gives syntax errors for shallow invalid text, short or long", () => {
    expect(parseJsonText("[[[[1]]]]", limits)).toEqual([[[[1]]]]);
    expect(parseJsonText(`[[[[1]]]]${" ".repeat(20_000)}`, limits)).toEqual([[[[1]]]]);
    expect(messageOf('{"rows":[1,]}')).toMatch(/^the body is not valid JSON \(at position 11\)/);
    expect(messageOf(`{"rows":[1,]}${" ".repeat(20_000)}`)).toMatch(/^the body is not valid JSON \(at position 11\)/);
  });

  it("parseJsonText(text, limits) judges a short body by its parsed value, where a repeated key counts with its last value; a long one by its text", () => {
    const repeated = '{"rows":[[[[[[1]]]]]],"rows":[1]}'; // the text nests 6 levels, the value 2
    expect(parseJsonText(repeated, limits)).toEqual({ rows: [1] });
    expect(messageOf(repeated + " ".repeat(20_000))).toMatch(deepMessage);
  });

  it("parseJsonText(text, limits) scans the text first when the depth limit is high, so a deep valid body never overflows the stack", () => {
    const deep = "[".repeat(9_000) + "]".repeat(9_000); // 18,000 characters
    expect(Array.isArray(parseJsonText(deep, resolveLimits({ maxDepth: 10_000 })))).toBe(true);
    expect(() => parseJsonText(deep, resolveLimits({ maxDepth: 8_000 }))).toThrow(/nested more than 8000 levels/);
    const shortDeep = "[".repeat(8_000) + "]".repeat(8_000); // 16,000 characters: under the parse-first size
    expect(Array.isArray(parseJsonText(shortDeep, resolveLimits({ maxDepth: 9_000 })))).toBe(true);
    expect(() => parseJsonText(shortDeep, resolveLimits({ maxDepth: 7_999 }))).toThrow(/nested more than 7999 levels/);
  });
});
