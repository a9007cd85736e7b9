/**
 * predictBodyCheck says yes only to bodies the predict schema (zod) accepts with the same values,
 * and says yes to the valid bodies a client sends, so that the hot route skips zod for them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveLimits } from "../../src/server/limits";
import { predictBodyCheck } from "../../src/server/predict-body-check";
import { predictBody } from "../../src/server/schemas";

const fields = { channels: ["tv", "radio"], controls: ["price", "promo"] };
const limits = resolveLimits({ maxRows: 5 });
const check = predictBodyCheck(fields, limits);
const schema = predictBody(fields, limits);

/** What zod says of a body: accepted (with its output) or not. */
function zodOf(body: unknown): { ok: true; data: unknown } | { ok: false } {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false };
}

const row = (extra: Record<string, unknown> = {}) => ({ date: "2024-01-01", tv: 100, radio: 0, price: 9.5, ...extra });

describe("predictBodyCheck", () => {
  it("predictBodyCheck(fields, limits) says yes to the valid bodies zod accepts, controls given or left out", () => {
    for (const body of [
      { rows: [row()] },
      { rows: [row({ promo: 1 })] },
      { rows: [{ date: "2024-02-29", tv: 0, radio: 1e6 }] },
      { rows: [row({ tv: -0 })] }, // zod's min(0) takes -0
      { rows: [row({ price: -3 })] }, // controls may be negative
      { rows: Array.from({ length: 5 }, () => row()) },
    ]) {
      expect(check(body)).toBe(true);
      expect(zodOf(body)).toEqual({ ok: true, data: body });
    }
  });

  it("predictBodyCheck(fields, limits) says no to every body zod refuses, each kind of fault", () => {
    const { price: _price, ...noPrice } = row();
    const { tv: _tv, ...noTv } = row();
    const { date: _date, ...noDate } = row();
    for (const body of [
      null, [], "rows", 3, {},
      { rows: [] },
      { rows: Array.from({ length: 6 }, () => row()) }, // over maxRows
      { rows: [row()], extra: 1 },
      { rows: row() },
      { rows: [row({ cinema: 5 })] },
      { rows: [row({ "": 5 })] },
      { rows: [noTv] },
      { rows: [noDate] },
      { rows: [row({ tv: -1 })] },
      { rows: [row({ tv: "100" })] },
      { rows: [row({ tv: null })] },
      { rows: [row({ tv: Infinity })] },
      { rows: [row({ tv: NaN })] },
      { rows: [row({ price: null })] },
      { rows: [row({ price: -Infinity })] },
      { rows: [row({ date: "2023-02-29" })] },
      { rows: [row({ date: "2024-1-01" })] },
      { rows: [row({ date: "2024-01-01T00:00:00Z" })] },
      { rows: [row({ date: 20240101 })] },
      { rows: [row(), null] },
      { rows: [[row()]] },
      JSON.parse('{"rows":[{"date":"2024-01-01","tv":1,"radio":2,"__proto__":{"x":1}}]}'),
    ]) {
      expect(zodOf(body).ok).toBe(false);
      expect(check(body)).toBe(false);
    }
    // not a JSON row, or a "__proto__" key zod lets through: the check leaves them to zod
    for (const body of [
      { rows: [Object.assign(Object.create(null), row())] },
      JSON.parse('{"rows":[{"date":"2024-01-01","tv":1,"radio":2}],"__proto__":[]}'),
    ]) {
      expect(check(body)).toBe(false);
    }
    expect(zodOf({ rows: [noPrice] }).ok).toBe(true); // a control may be left out
    expect(check({ rows: [noPrice] })).toBe(true);
  });

  const value = fc.oneof(
    fc.double(), fc.integer({ min: -5, max: 1e7 }), fc.constantFrom(0, -0, -1, 1e308, null, true, "1", "", [], {}),
    fc.constantFrom("2024-01-01", "2024-02-29", "2023-02-29", "2024-13-01", "2024-04-31", "0000-01-01", "99999-01-01"),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );
  const key = fc.oneof(fc.constantFrom("date", "tv", "radio", "price", "promo"), fc.string({ maxLength: 4 }));
  const anyRow = fc.oneof(fc.dictionary(key, value, { maxKeys: 7 }), value);
  /** Mostly the valid value, sometimes any value: rows near the boundary of what zod accepts. */
  const mostly = <T,>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: value, weight: 1 });
  const nearRow = fc.record({
    date: mostly(fc.date({ min: new Date("1000-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
    tv: mostly(fc.double({ min: 0, max: 1e9, noNaN: true })),
    radio: mostly(fc.double({ min: 0, max: 1e9, noNaN: true })),
    price: mostly(fc.double({ noNaN: true, noDefaultInfinity: true })),
    promo: mostly(fc.integer({ min: 0, max: 1 })),
  }, { requiredKeys: [] }).chain((r) => fc.record({ keep: fc.boolean(), unknown: fc.integer({ min: 0, max: 9 }) }).map(({ keep, unknown }) => {
    // the required fields are there most of the time, an unknown field now and then
    const out: Record<string, unknown> = { ...r };
    if (keep) for (const k of ["date", "tv", "radio"]) if (!(k in out)) out[k] = k === "date" ? "2024-01-01" : 1;
    if (unknown === 0) out.cinema = 1;
    return out;
  }));
  const bodies = fc.oneof(
    { arbitrary: fc.record({ rows: fc.array(fc.oneof({ arbitrary: nearRow, weight: 8 }, { arbitrary: anyRow, weight: 1 }), { maxLength: 6 }) }), weight: 4 },
    fc.dictionary(fc.constantFrom("rows", "row", "x"), fc.array(nearRow, { maxLength: 3 }), { maxKeys: 2 }),
    value,
  );

  it("predictBodyCheck(fields, limits) never says yes where zod says no, and a yes carries zod's values (20,000 random bodies, through JSON text)", () => {
    let yes = 0;
    fc.assert(fc.property(bodies, (candidate) => {
      const body: unknown = JSON.parse(JSON.stringify(candidate) ?? "null"); // as the server gets it
      if (!check(body)) return;
      yes++;
      expect(zodOf(body)).toEqual({ ok: true, data: body });
    }), { numRuns: 20_000, seed: 6 });
    expect(yes).toBeGreaterThan(1_000); // the property saw many accepted bodies, not only refusals
  });

  it("predictBodyCheck(fields, limits) says yes to every valid body (random valid rows): the hot route skips zod for them", () => {
    const validRow = fc.record({
      date: fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      tv: fc.double({ min: 0, max: 1e12, noNaN: true }),
      radio: fc.integer({ min: 0, max: 1e9 }),
      price: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      promo: fc.constantFrom(0, 1),
    }, { requiredKeys: ["date", "tv", "radio"] });
    fc.assert(fc.property(fc.array(validRow, { minLength: 1, maxLength: 5 }), (rows) => {
      const body: unknown = JSON.parse(JSON.stringify({ rows }));
      expect(zodOf(body).ok).toBe(true);
      expect(check(body)).toBe(true);
    }), { numRuns: 2_000, seed: 7 });
  });

  it("predictBodyCheck(fields, limits) leaves every body to zod when the model's field names repeat or include date", () => {
    const body = { rows: [{ date: "2024-01-01", tv: 1, cinema: 1 }] };
    for (const names of [{ channels: ["tv", "tv"], controls: [] }, { channels: ["tv"], controls: ["tv"] }, { channels: ["tv", "date"], controls: [] }]) {
      const repeated = predictBodyCheck(names, limits);
      expect(repeated(body)).toBe(false);
      expect(repeated({ rows: [{ date: "2024-01-01", tv: 1 }] })).toBe(false);
    }
  });
});
