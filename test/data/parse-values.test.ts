import { describe, expect, it } from "vitest";
import { dayOfWeek, formatDay, parseIsoDate } from "../../src/data/parse-date";
import { cellStatus, NumberColumnParser, parseNumberCell } from "../../src/data/parse-number";

describe("parseIsoDate", () => {
  it("parseIsoDate(text) gives days since 1970-01-01 for real calendar dates", () => {
    expect(parseIsoDate("1970-01-01")).toBe(0);
    expect(parseIsoDate("2024-02-29")).toBe(19782);
    expect(parseIsoDate(" 2024-01-31T00:00:00 ")).toBe(19753);
    expect(parseIsoDate("2024-01-31 12:00")).toBe(19753);
  });
  it("parseIsoDate(text) is NaN for impossible or malformed dates", () => {
    for (const bad of ["2023-02-29", "2024-13-01", "2024-04-31", "2024/01/01", "01-02-2024", "2024-1-1", "", "2024-01-01x"]) {
      expect(parseIsoDate(bad)).toBeNaN();
    }
  });
  it("formatDay(day) inverts parseIsoDate and dayOfWeek counts from Monday", () => {
    expect(formatDay(19782)).toBe("2024-02-29");
    expect(dayOfWeek(parseIsoDate("2024-01-01"))).toBe(0); // a Monday
    expect(dayOfWeek(parseIsoDate("2024-01-07"))).toBe(6); // a Sunday
  });
  it("formatDay(day) agrees with Date.toISOString over years 0–9999 (every 97th day, every day around century leap rules and the edges)", () => {
    const days: number[] = [];
    for (let day = -719_538; day <= 2_932_906; day += 97) days.push(day);
    for (const year of [0, 1600, 1700, 1900, 1970, 2000, 2100, 9999]) {
      const start = Date.UTC(year, 0, 1) / 86_400_000 - 400;
      for (let d = 0; d < 800; d++) days.push(start + d);
    }
    const mismatches = days.filter((day) => formatDay(day) !== new Date(day * 86_400_000).toISOString().slice(0, 10));
    expect(days.length).toBeGreaterThan(40_000);
    expect(mismatches).toEqual([]);
    expect(formatDay(-719_528)).toBe("0000-01-01");
    expect(formatDay(2_932_896)).toBe("9999-12-31");
    expect(formatDay(1700.5)).toBe("1974-08-28");
  });
});

describe("parseNumberCell", () => {
  it("parseNumberCell(text) reads plain decimals with spaces, signs and exponents", () => {
    expect(parseNumberCell(" 12.5 ")).toBe(12.5);
    expect(parseNumberCell("-3")).toBe(-3);
    expect(parseNumberCell("+4")).toBe(4);
    expect(parseNumberCell("1e3")).toBe(1000);
  });
  it("parseNumberCell(text) reads unambiguous thousands separators", () => {
    expect(parseNumberCell("1,234.5")).toBe(1234.5);
    expect(parseNumberCell("1,234,567")).toBe(1234567);
  });
  it("parseNumberCell(text) refuses text, hex, Infinity, empty cells and lone thousands groups", () => {
    for (const bad of ["abc", "0x10", "Infinity", "NaN", "", "  ", "1,234", "12,5", "$5", "1.2.3"]) expect(parseNumberCell(bad)).toBeNaN();
    expect(cellStatus("")).toBe("empty");
    expect(cellStatus("1,234")).toBe("ambiguous");
    expect(cellStatus("n/a")).toBe("bad");
  });
  it("NumberColumnParser resolves a lone thousands group when the column uses unambiguous ones", () => {
    const p = new NumberColumnParser(3);
    p.push(0, "1,000.5");
    p.push(1, "1,250");
    p.push(2, "7");
    const { values, bad } = p.finish();
    expect(Array.from(values)).toEqual([1000.5, 1250, 7]);
    expect(bad).toEqual([]);
  });
  it("NumberColumnParser reports a lone thousands group as ambiguous when nothing resolves it", () => {
    const p = new NumberColumnParser(2);
    p.push(0, "1,250");
    p.push(1, "n/a");
    const { values, bad } = p.finish();
    expect(values[0]).toBeNaN();
    expect(bad.map((b) => [b.index, b.text])).toEqual([[0, "1,250"], [1, "n/a"]]);
    expect(bad[0].reason).toContain("ambiguous");
  });
});

describe("parseNumberCell fast path", () => {
  it("parseNumberCell(text) equals Number(text) on 20,000 random decimals of up to 15 digits", () => {
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    for (let k = 0; k < 20000; k++) {
      const intDigits = 1 + Math.floor(next() * 9);
      const fracDigits = Math.floor(next() * 7);
      let s = next() < 0.3 ? "-" : "";
      for (let d = 0; d < intDigits; d++) s += Math.floor(next() * 10);
      if (fracDigits > 0) { s += "."; for (let d = 0; d < fracDigits; d++) s += Math.floor(next() * 10); }
      expect(parseNumberCell(s)).toBe(Number(s));
    }
  });
});
