import { afterAll, describe, expect, it } from "vitest";
import type { FittedModel } from "../../src/models/fitted-model";
import { createApp } from "../../src/server/app";
import { errorOf, fixtureApp, fixtureCsvFiles, fixtureModel, fixtureRows, postFiles, postJson } from "./server-helpers";

const app = fixtureApp();
afterAll(() => app.close());

const row = (extra: Record<string, unknown> = {}) => ({ date: "2024-01-01", tv: 1000, radio: 300, price: 9, ...extra });

/** expectError(response, status, pattern) checks a 4xx/5xx `{"error"}` answer, and that it names what `pattern` says. */
async function expectError(r: Response, status: number, pattern: RegExp): Promise<string> {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toBe("application/json");
  const message = await errorOf(r);
  expect(message).toMatch(pattern);
  return message;
}

describe("every malformed request is a 4xx {error} naming the field", () => {
  it("malformed JSON answers 400 with the position", async () => {
    await expectError(await postJson(app, "/predict", '{"rows": [{"date": '), 400, /^the body is not valid JSON \(at position 19\): it ends too early$/);
    await expectError(await postJson(app, "/predict", "{"), 400, /not valid JSON \(at position 1\)/);
  });

  it("a wrong type answers 422 naming the field and both types", async () => {
    await expectError(await postJson(app, "/predict", { rows: [row({ tv: "1000" })] }), 422, /^rows\[0\]\.tv must be a number, not a string$/);
    await expectError(await postJson(app, "/predict", { rows: {} }), 422, /^rows must be an array, not an object$/);
  });

  it("a missing channel answers 422 naming it", async () => {
    const { radio: _, ...noRadio } = row();
    await expectError(await postJson(app, "/predict", { rows: [noRadio] }), 422, /^rows\[0\]\.radio is missing$/);
  });

  it("an unknown channel answers 422 naming it and listing the fields a row takes", async () => {
    await expectError(await postJson(app, "/predict", { rows: [row({ cinema: 5 })] }), 422, /^rows\[0\] has unknown field\(s\) "cinema"; the fields it takes are date, tv, radio, price$/);
  });

  it("a NaN literal answers 400: NaN is not a JSON number", async () => {
    await expectError(await postJson(app, "/predict", '{"rows":[{"date":"2024-01-01","tv":NaN,"radio":1}]}'), 400, /at position 35\): NaN and Infinity are not JSON numbers$/);
  });

  it("an Infinity literal answers 400: Infinity is not a JSON number", async () => {
    await expectError(await postJson(app, "/predict", '{"rows":[{"date":"2024-01-01","tv":-Infinity,"radio":1}]}'), 400, /NaN and Infinity are not JSON numbers$/);
  });

  it("a number that overflows to infinity (1e309) answers 422 naming the field", async () => {
    await expectError(await postJson(app, "/predict", '{"rows":[{"date":"2024-01-01","tv":1e309,"radio":1}]}'), 422, /^rows\[0\]\.tv is not a finite number \(it overflows a double\)$/);
  });

  it("a lone surrogate in a string answers 422 naming the field", async () => {
    await expectError(await postJson(app, "/predict", '{"rows":[{"date":"2024-01-0\\ud800","tv":1,"radio":1}]}'), 422, /^rows\[0\]\.date holds invalid Unicode \(a lone surrogate\)$/);
    await expectError(await postJson(app, "/predict", '{"rows":[{"date":"2024-01-01","tv":1,"radio":1,"\\udc00":1}]}'), 422, /has unknown field\(s\) \(a name with invalid Unicode: a lone surrogate\)/);
  });

  it("deeply nested JSON answers 400 before it is parsed", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    await expectError(await postJson(app, "/predict", deep), 400, /^the JSON body is nested more than 32 levels deep/);
    await expectError(await postJson(app, "/predict", { rows: [row({ tv: [[[[[[[[[[1]]]]]]]]]] })] }), 422, /^rows\[0\]\.tv must be a number, not an array$/);
  });

  it("negative spend answers 422 naming the field", async () => {
    await expectError(await postJson(app, "/predict", { rows: [row(), row({ date: "2024-01-08", radio: -5 })] }), 422, /^rows\[1\]\.radio must be ≥ 0$/);
  });

  it("an empty body answers 400", async () => {
    await expectError(await postJson(app, "/predict", ""), 400, /^the request body is empty/);
    await expectError(await postJson(app, "/predict", "  \n"), 400, /^the request body is empty/);
  });

  it("an oversized body (5 MB) answers 413, declared or streamed", async () => {
    const big = JSON.stringify({ rows: [row({ date: "x".repeat(5 * 1024 * 1024) })] });
    await expectError(await postJson(app, "/predict", big), 413, /larger than 4194304 bytes/);
    await expectError(await postJson(app, "/predict", "{}", { "content-length": String(5_000_000) }), 413, /larger than 4194304 bytes/);
  });

  it("a wrong content type answers 415", async () => {
    await expectError(await app.request("/predict", { method: "POST", body: JSON.stringify({ rows: [row()] }), headers: { "content-type": "text/plain" } }), 415, /Content-Type: application\/json/);
    await expectError(await app.request("/predict", { method: "POST", body: "{}" }), 415, /Content-Type: application\/json/);
    await expectError(await postJson(app, "/predictions", { rows: [] }), 415, /multipart\/form-data/);
  });

  it("a bad multipart body answers 400", async () => {
    const r = await app.request("/predictions", { method: "POST", body: "--x\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nno closing boundary", headers: { "content-type": "multipart/form-data; boundary=x" } });
    await expectError(r, 400, /^the multipart body is malformed/);
  });

  it("multipart with a text field instead of a file, or an unknown field, answers 422 naming it", async () => {
    const form = new FormData();
    form.append("files", "date,spend\n");
    await expectError(await app.request("/predictions", { method: "POST", body: form }), 422, /^files\[0\] must be a file \(a CSV upload\), not a text field$/);
    const other = new FormData();
    other.append("file", new File(["x"], "tv_spend.csv"));
    await expectError(await app.request("/predictions", { method: "POST", body: other }), 422, /has unknown field\(s\) "file"; the fields it takes are files/);
    const proto = new FormData();
    proto.append("__proto__", new File(["x"], "tv_spend.csv"));
    await expectError(await app.request("/predictions", { method: "POST", body: proto }), 422, /has unknown field\(s\) "__proto__"/);
    await expectError(await postFiles(app, "/predictions", [{ name: "../etc/passwd", text: "x" }]), 422, /^files\[0\] is named \(a name with unusual characters, not shown\); a channel-dir file is/);
  });

  it("an unknown model answers 404 listing the models", async () => {
    await expectError(await postJson(app, "/predict?model=nope", { rows: [row()] }), 404, /^no model "nope" here; the models are fixture/);
    await expectError(await app.request("/openapi.json?model=%3Cscript%3E"), 404, /^no model \(a name with unusual characters, not shown\) here/);
  });

  it("more rows than the row cap answers 413", async () => {
    const small = fixtureApp({ limits: { maxRows: 5 } });
    await expectError(await postJson(small, "/predict", { rows: fixtureRows(0, 6) }), 413, /^rows holds more than 5 item\(s\)$/);
    await expectError(await postFiles(small, "/predictions", fixtureCsvFiles()), 413, /tv_spend\.csv has more than 5 rows/);
  });

  it("rows that are not consecutive periods answer 422 naming the date", async () => {
    await expectError(await postJson(app, "/predict", { rows: [row(), row({ date: "2024-01-09" })] }), 422, /^rows\[1\]\.date must be 7 days \(weekly model\) after rows\[0\]\.date/);
    await expectError(await postJson(app, "/predict", { rows: [row({ date: "0000-01-01" })] }), 422, /^rows\[0\]\.date must be a date from 1900-01-01 to 2199-12-31$/);
    await expectError(await postJson(app, "/predict", { rows: [row({ date: "2024-02-30" })] }), 422, /^rows\[0\]\.date must be an ISO date YYYY-MM-DD$/);
  });

  it("an optimisation over the time limit answers 503 and the next one runs in a fresh worker", async () => {
    const slow = fixtureApp({ limits: { timeoutMs: 1 } });
    try {
      await expectError(await postJson(slow, "/optimize", { budgets: Array.from({ length: 200 }, (_, i) => 0.5 + i / 100), periods: 8 }), 503, /took longer than 1 ms .* and was stopped/);
      await expectError(await postJson(slow, "/optimize", { budget: 1 }), 503, /took longer than 1 ms/);
    } finally {
      await slow.close();
    }
    expect((await postJson(app, "/optimize", { budget: 20000, periods: 8 })).status).toBe(200);
  });

  it("/whatif and /optimize check their bodies the same way", async () => {
    await expectError(await postJson(app, "/whatif", { scale: { tv: -1 } }), 422, /^scale\.tv must be ≥ 0$/);
    await expectError(await postJson(app, "/whatif", { spend: { cinema: 1 } }), 422, /^spend has unknown field\(s\) "cinema"; the fields it takes are tv, radio$/);
    await expectError(await postJson(app, "/whatif", {}), 422, /^the body needs scale/);
    await expectError(await postJson(app, "/optimize", { budget: "lots" }), 422, /^budget must be a number, not a string$/);
    await expectError(await postJson(app, "/optimize", { budget: 1, budgets: [1] }), 422, /^budgets makes the scenario table from the current budget/);
    await expectError(await postJson(app, "/optimize", { budget: 1, locked: ["cinema"] }), 422, /^locked\[0\] must be one of "tv", "radio"$/);
  });
});

describe("errors never echo the body", () => {
  it("no error answer contains text from the request body", async () => {
    const marker = "ECHO<b>MARKER";
    const bodies = [
      `{"rows":[{"date":"${marker}","tv":1,"radio":1}]}`,
      `{"rows":[{"date":"2024-01-01","tv":1,"radio":1,"${marker}":1}]}`,
      `{"${marker}": 1}`,
      `{"rows": "${marker}"}`,
      `{"rows":[{"date":"2024-01-01","tv":"${marker}","radio":1}]}`,
      `${marker}`,
      `{"rows":[${marker}]}`,
    ];
    for (const body of bodies) {
      for (const path of ["/predict", "/whatif", "/optimize"]) {
        const r = await postJson(app, path, body);
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(await r.text()).not.toMatch(/ECHO|MARKER/);
      }
    }
  });
});

describe("a bug is a 500 with a request id, and the server keeps serving", () => {
  it("a thrown error answers 500 {error, request_id}, logs it, and the next request succeeds", async () => {
    const model = fixtureModel();
    const broken: FittedModel = { ...model, transforms: { radio: model.transforms.radio } }; // tv's transform is gone: design() throws
    const lines: string[] = [];
    const two = createApp({ models: new Map([["fixture", model], ["broken", broken]]), log: (l) => lines.push(l), inlineWork: true });
    const r = await postJson(two, "/predict?model=broken", { rows: [row()] });
    expect(r.status).toBe(500);
    const body = (await r.json()) as { error: string; request_id: string };
    expect(body.error).toBe("internal server error; quote the request_id when reporting it");
    expect(body.request_id).toBe(r.headers.get("x-request-id"));
    expect(JSON.stringify(body)).not.toMatch(/design|stack|at /);
    const report = lines.map((l) => JSON.parse(l)).find((l) => l.level === "error");
    expect(report.request_id).toBe(body.request_id);
    expect(report.error).toMatch(/design requires transforms for channel "tv"/);
    expect((await postJson(two, "/predict", { rows: [row()] })).status).toBe(200);
  });

  it("the access log writes one JSON line per request: method, path, status, ms, request id", async () => {
    const lines: string[] = [];
    const logged = fixtureApp({ log: (l) => lines.push(l), inlineWork: true });
    const r = await postJson(logged, "/predict?model=fixture", { rows: [row()] });
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith("\n")).toBe(true);
    const entry = JSON.parse(lines[0]);
    expect(Object.keys(entry)).toEqual(["time", "method", "path", "status", "ms", "request_id"]);
    expect(entry).toMatchObject({ method: "POST", path: "/predict", status: 200, request_id: r.headers.get("x-request-id") });
    expect(entry.ms).toBeGreaterThanOrEqual(0);
  });
});
