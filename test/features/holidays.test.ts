import { describe, it, expect } from "vitest";
import { holidayCount, holidayIndicator } from "../../src/features/holidays";

/** Days since 1970-01-01 of an ISO date. */
const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

// Reference: date-holidays 3.37.0, new Holidays("US").getHolidays(2024) lists as type "public":
// 01-01, 01-15, 02-19, 05-27, 06-19, 07-04, 09-02, 10-14, 11-11, 11-28, 12-25;
// getHolidays(2021) lists 2021-12-24 "Christmas Day (substitute day)" (public) and 2021-12-25.
describe("holidayIndicator", () => {
  it("holidayIndicator(days, 'daily', 'US') is 1 on Christmas 2024-12-25, Independence Day and Thanksgiving", () => {
    const out = holidayIndicator([day("2024-12-25"), day("2024-07-04"), day("2024-11-28")], "daily", "US");
    expect(Array.from(out)).toEqual([1, 1, 1]);
  });

  it("holidayIndicator(days, 'daily', 'US') is 0 on ordinary days and observances such as Christmas Eve 2024", () => {
    const out = holidayIndicator([day("2024-12-24"), day("2024-03-04"), day("2024-12-26")], "daily", "US");
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  it("holidayIndicator(days, 'weekly', 'US') counts the public holidays in the 7 days from each date", () => {
    const out = holidayIndicator(
      [day("2024-12-23"), day("2024-07-01"), day("2024-03-04"), day("2024-12-30")],
      "weekly",
      "US",
    );
    // week of Mon 2024-12-23: Christmas only; 2024-07-01: July 4th; 2024-03-04: none;
    // 2024-12-30 .. 2025-01-05 crosses the year and holds New Year's Day 2025-01-01
    expect(Array.from(out)).toEqual([1, 1, 0, 1]);
  });

  it("holidayIndicator(days, 'weekly', 'US') counts a substitute day too: week of 2021-12-20 has 2", () => {
    expect(Array.from(holidayIndicator([day("2021-12-20")], "weekly", "US"))).toEqual([2]);
    expect(Array.from(holidayIndicator([day("2021-12-24")], "daily", "US"))).toEqual([1]);
  });

  it("holidayIndicator(days, 'daily', 'DE') uses the country's own calendar: 2024-12-26 is a German holiday", () => {
    expect(Array.from(holidayIndicator([day("2024-12-26"), day("2024-10-03")], "daily", "DE"))).toEqual([1, 1]);
  });

  it("holidayIndicator(days, frequency, 'XX') throws a clear error for an unknown country", () => {
    expect(() => holidayIndicator([0], "daily", "XX")).toThrow('holidayIndicator requires a known country code such as "US", got "XX"');
    expect(() => holidayIndicator([0], "daily", "US-ZZ")).toThrow(Error);
  });

  it("holidayIndicator(days, frequency, country) rejects an unknown frequency and non-integer days", () => {
    expect(() => holidayIndicator([0], "monthly" as "daily", "US")).toThrow(RangeError);
    expect(() => holidayIndicator([0.5], "daily", "US")).toThrow(RangeError);
  });

  it("holidayIndicator(days, 'daily', country) of no days is empty", () => {
    expect(holidayIndicator([], "daily", "US").length).toBe(0);
  });

  it("holidayIndicator(days, 'weekly', 'US') equals the daily indicator summed over each week, also for weeks across a year end and unordered days", () => {
    const days = [day("2024-12-30"), day("2020-12-28"), day("2025-12-29"), day("1999-12-27"), day("2024-12-23"), day("2024-01-01")];
    for (let d = day("2019-12-01"); d < day("2022-02-01"); d += 3) days.push(d);
    const weekly = holidayIndicator(days, "weekly", "US");
    // one day per call: each looks its year up afresh
    const daily = days.map((d) => [0, 1, 2, 3, 4, 5, 6].reduce((sum, j) => sum + holidayIndicator([d + j], "daily", "US")[0], 0));
    expect(Array.from(weekly)).toEqual(daily);
    expect(weekly[0]).toBe(1); // 2025-01-01 in the week of 2024-12-30
  });

  it("holidayIndicator(days, frequency, country) reads the same counts from its per-year tables as holidayCount(day, span, country) counts day by day, over seven years, both frequencies", () => {
    const first = day("2019-11-25");
    const last = day("2026-02-02");
    for (const country of ["US", "GB", "DE-BY"]) {
      for (const [frequency, span] of [["daily", 1], ["weekly", 7]] as const) {
        const days: number[] = [];
        for (let d = first; d <= last; d++) days.push(d);
        const expected = days.map((d) => holidayCount(d, span, country));
        expect(Array.from(holidayIndicator(days, frequency, country))).toEqual(expected);
        // again from the filled tables, in reverse order and one day per call
        expect(Array.from(holidayIndicator([...days].reverse(), frequency, country))).toEqual([...expected].reverse());
        for (let k = 0; k < days.length; k += 97) expect(holidayIndicator([days[k]], frequency, country)[0]).toBe(expected[k]);
      }
    }
  });

  it("holidayCount(day, 7, 'US') of the week of 2024-12-30 counts New Year's Day 2025 from the next year's calendar", () => {
    expect(holidayCount(day("2024-12-30"), 7, "US")).toBe(1);
    expect(holidayCount(day("2024-12-25"), 1, "US")).toBe(1);
    expect(holidayCount(day("2024-12-26"), 1, "US")).toBe(0);
  });
});
