/**
 * Property tests: thousands of random malformed bodies — random text (lone surrogates included),
 * random JSON of the wrong shape, valid bodies with characters cut, inserted or replaced by
 * dangerous tokens (NaN, 1e309, "\ud800", deep brackets), and valid bodies with one field broken —
 * never get a 5xx: each is a 4xx `{"error"}` (or, when the mutation happens to stay valid, a 200).
 * Random multipart uploads to /predictions likewise.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureApp, fixtureCsvFiles, fixtureRows } from "./server-helpers";

const app = fixtureApp();
afterAll(() => app.close());

const validPredict = JSON.stringify({ rows: fixtureRows(0, 3) });
const validWhatIf = [JSON.stringify({ scale: { tv: 1.2 } }), JSON.stringify({ spend: { tv: 1000, radio: 200 }, periods: 4 }), JSON.stringify({ scenarios: [{ tv: 1 }], periods: 2 })];
const validOptimize = [JSON.stringify({ budget: 20000, periods: 8 }), JSON.stringify({ budgets: [0.9, 1.1], periods: 4 })];

/** Tokens that break parsers and validators. */
const TOKENS = ["NaN", "Infinity", "-Infinity", "1e309", "-1e309", "-1", "null", "true", '"\\ud800"', '"\\udfff"', '"x"', "[", "]", "{", "}", ",", ":", '"', "\\", "0x10", "01", "1.", ".5", "[".repeat(40), "{\"a\":".repeat(40), "\u0000", "\ud800", "\"date\"", "\"rows\"", "[]", "{}"];

/** A JSON value of any type, as raw text (so that 1e309 and NaN survive). */
const rawValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TOKENS.filter((t) => !/^[[\]{},:"\\]$/.test(t))),
  fc.double().map((d) => (Number.isFinite(d) ? String(d) : "1e999")),
  fc.integer().map(String),
  fc.string({ unit: "binary", maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.json({ maxDepth: 3 }),
);

/** Text with a mutation: `count` cuts, insertions or replacements at random places. */
function mutated(valid: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.constantFrom("cut", "insert", "replace"), fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: "binary", maxLength: 3 })), fc.integer({ min: 1, max: 8 }));
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    let text = valid;
    for (const [at, kind, token, length] of edits) {
      const i = at % (text.length + 1);
      if (kind === "cut") text = text.slice(0, i) + text.slice(i + length);
      else if (kind === "insert") text = text.slice(0, i) + token + text.slice(i);
      else text = text.slice(0, i) + token + text.slice(i + length);
    }
    return text;
  });
}

/** A /predict body of the right outline with random fields and values (raw JSON text). */
const structured: fc.Arbitrary<string> = fc.array(
  fc.dictionary(fc.oneof(fc.constantFrom("date", "tv", "radio", "price", "cinema", ""), fc.string({ unit: "binary", maxLength: 6 })), rawValue, { maxKeys: 6 }),
  { maxLength: 4 },
).map((rows) => `{"rows":[${rows.map((r) => `{${Object.entries(r).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`).join(",")}]}`);

/** A valid /predict body with exactly one field of one row replaced by an invalid value: always a 4xx. */
const oneFieldBroken: fc.Arbitrary<string> = fc.tuple(
  fc.integer({ min: 0, max: 2 }),
  fc.constantFrom("date", "tv", "radio", "price"),
  fc.constantFrom("-1", '"1000"', "null", "true", "[]", "{}", "1e309", "-1e309", '"\\ud800"', '"2024-13-01"', '"0001-01-01"', "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
).filter(([, field, value]) => !(field === "price" && value === "-1")) // a negative control is valid
  .map(([row, field, value]) => {
    const rows = fixtureRows(0, 3).map((r) => Object.entries(r).map(([k, v]) => `${JSON.stringify(k)}:${k === field ? "@" : JSON.stringify(v)}`));
    return `{"rows":[${rows.map((r, i) => `{${r.join(",").replace("@", i === row ? value : JSON.stringify(fixtureRows(0, 3)[i][field]))}}`).join(",")}]}`;
  });

/** A random content type now and then: wrong ones must give 415, never 5xx. */
const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/json; charset=utf-8", "multipart/form-data; boundary=x", "", "application/x-www-form-urlencoded") },
);

async function expectNo5xx(path: string, body: string, type: string, mustFail = false): Promise<void> {
  const r = await app.request(path, { method: "POST", body, headers: type === "" ? {} : { "content-type": type } });
  const text = await r.text();
  if (r.status >= 500 || (mustFail && r.status < 400)) {
    throw new Error(`${path} answered ${r.status} ${text.slice(0, 200)} to ${JSON.stringify(body.slice(0, 300))}`);
  }
  const parsed = JSON.parse(text) as Record<string, unknown>;
  if (r.status >= 400) expect(typeof parsed.error).toBe("string");
}

describe("fuzz: random malformed bodies never get a 5xx", () => {
  it("POST /predict: 5,000 random malformed bodies answer 4xx {error}, zero 5xx", async () => {
    const body = fc.oneof(
      { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
      { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
      { weight: 4, arbitrary: mutated(validPredict) },
      { weight: 3, arbitrary: structured },
    );
    await fc.assert(fc.asyncProperty(body, contentType, (b, type) => expectNo5xx("/predict", b, type)), { numRuns: 5000, seed: 20241123 });
  }, 120_000);

  it("POST /predict: 1,000 valid bodies with one field broken all answer 4xx", async () => {
    await fc.assert(fc.asyncProperty(oneFieldBroken, (b) => expectNo5xx("/predict", b, "application/json", true)), { numRuns: 1000, seed: 7 });
  }, 60_000);

  it("POST /whatif: 1,000 random malformed bodies, zero 5xx", async () => {
    const body = fc.oneof(fc.json({ maxDepth: 4 }), fc.constantFrom(...validWhatIf).chain(mutated), fc.string({ unit: "binary", maxLength: 100 }));
    await fc.assert(fc.asyncProperty(body, (b) => expectNo5xx("/whatif", b, "application/json")), { numRuns: 1000, seed: 11 });
  }, 60_000);

  it("POST /predictions: 500 random uploads (field names, file names, CSV text cut and spliced) answer 4xx or 200, zero 5xx", async () => {
    const valid = fixtureCsvFiles();
    const part = fc.record({
      field: fc.oneof({ weight: 6, arbitrary: fc.constant("files") }, { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "file", "") }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }),
      name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valid.map((f) => f.name), "price_spend.csv", "SALES_DATA.CSV") }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) }),
      text: fc.oneof(fc.constantFrom(...valid.map((f) => f.text)).chain(mutated), fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom(...valid.map((f) => f.text))),
      asText: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    });
    await fc.assert(fc.asyncProperty(fc.array(part, { maxLength: 5 }), async (parts) => {
      const form = new FormData();
      for (const p of parts) form.append(p.field, p.asText ? p.text : new File([p.text], p.name));
      const r = await app.request("/predictions", { method: "POST", body: form });
      const text = await r.text();
      if (r.status >= 500) throw new Error(`/predictions answered ${r.status} ${text.slice(0, 200)}`);
    }), { numRuns: 500, seed: 17 });
  }, 120_000);

  it("POST /optimize: 1,000 random malformed bodies, zero 5xx", async () => {
    const body = fc.oneof(fc.json({ maxDepth: 4 }), fc.constantFrom(...validOptimize).chain(mutated), fc.string({ unit: "binary", maxLength: 100 }));
    await fc.assert(fc.asyncProperty(body, (b) => expectNo5xx("/optimize", b, "application/json")), { numRuns: 1000, seed: 13 });
  }, 120_000);
});
