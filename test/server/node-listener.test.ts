/**
 * The Node fast path of POST /predict (src/server/node-listener.ts) answers exactly as the Hono
 * route does: for valid bodies and every error kind of issue #6, and for 1,000 random malformed
 * bodies, the real server over a port gives the same status, content type and body as
 * app.request() on the same app; ids and access-log lines come from the same sequence; a thrown
 * bug is a 500 with the request id and the process serves on.
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyText, nodeListener } from "../../src/server/node-listener";
import { fixtureApp, fixtureRows } from "./server-helpers";

const lines: string[] = [];
const app = fixtureApp({ limits: { maxRows: 50, maxBodyBytes: 64 * 1024 }, log: (l) => lines.push(l) });
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer(nodeListener(app, getRequestListener(app.fetch)));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await new Promise((done) => server.close(done));
});

interface Answer { status: number; type: string | null; body: string; id: string | null }

async function answerOf(r: Response): Promise<Answer> {
  return { status: r.status, type: r.headers.get("content-type"), body: await r.text(), id: r.headers.get("x-request-id") };
}

/** send(body, headers, path) → the answers of the real server (fast path) and of app.request() to the same request. */
async function send(body: string | Uint8Array | null, headers: Record<string, string> = { "content-type": "application/json" }, path = "/predict", method = "POST"): Promise<{ node: Answer; hono: Answer }> {
  const init = { method, headers, body: body as RequestInit["body"] };
  const node = await answerOf(await fetch(base + path, init));
  const hono = await answerOf(await app.request(path, init));
  return { node, hono };
}

/** expectSame(pair) → the two answers agree on status, content type and body (ids differ by design). */
function expectSame({ node, hono }: { node: Answer; hono: Answer }, status: number): void {
  expect(node.status).toBe(status);
  expect({ ...node, id: null }).toEqual({ ...hono, id: null });
  expect(node.id).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
}

const valid = (from: number, to: number) => JSON.stringify({ rows: fixtureRows(from, to) });

describe("nodeListener: POST /predict on Node's request answers as the Hono route", () => {
  it("answers valid bodies of 1 and 40 rows with the same predictions as app.request()", async () => {
    const one = await send(valid(39, 40));
    expectSame(one, 200);
    expect(JSON.parse(one.node.body).predictions).toHaveLength(1);
    expectSame(await send(valid(0, 40)), 200);
    expectSame(await send(valid(0, 3), { "content-type": "application/vnd.mixlab+json; charset=utf-8" }), 200);
  });

  it.each([
    ["malformed JSON", 400, '{"rows": ['],
    ["NaN literal", 400, valid(0, 1).replace(/"tv":[^,}]+/, '"tv":NaN')],
    ["a number that overflows (1e309)", 422, valid(0, 1).replace(/"tv":[^,}]+/, '"tv":1e309')],
    ["wrong type", 422, '{"rows":"x"}'],
    ["a missing channel", 422, JSON.stringify({ rows: [{ ...fixtureRows(0, 1)[0], tv: undefined }] })],
    ["an unknown channel", 422, JSON.stringify({ rows: [{ ...fixtureRows(0, 1)[0], cinema: 5 }] })],
    ["negative spend", 422, JSON.stringify({ rows: [{ ...fixtureRows(0, 1)[0], radio: -1 }] })],
    ["a lone surrogate", 422, '{"rows":[{"date":"\\ud800","tv":1,"radio":1,"price":1}]}'],
    ["a lone surrogate in a key", 422, '{"rows":[{"\\udfff":1}]}'],
    ["deep nesting", 400, "[".repeat(100) + "]".repeat(100)],
    ["an empty body", 400, ""],
    ["a blank body", 400, "  \n "],
    ["dates that skip a period", 422, JSON.stringify({ rows: [fixtureRows(0, 1)[0], fixtureRows(2, 3)[0]] })],
    ["more rows than the row limit", 413, JSON.stringify({ rows: fixtureRows(0, 40).concat(fixtureRows(0, 40)) })],
    ["a body over the size limit (Content-Length)", 413, JSON.stringify({ rows: [], pad: "x".repeat(70 * 1024) })],
  ])("%s → the same %i and message", async (_, status, body) => {
    expectSame(await send(body), status);
  });

  it("a UTF-8 byte order mark is dropped and invalid UTF-8 is replaced, as Request.text() does", async () => {
    const text = valid(0, 2);
    expectSame(await send(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)])), 200);
    expectSame(await send(new Uint8Array([...Buffer.from('{"rows":[{"date":"'), 0xff, 0xfe, ...Buffer.from('"}]}')])), 422);
  });

  it("bodyText(bytes) decodes as a TextDecoder does (Request.text()), on 20,000 random byte strings rich in UTF-8 lead and continuation bytes", () => {
    const decoder = new TextDecoder();
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xef, 0xbb, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0x80, 0xa0, 0x9f, 0xfe, 0xff));
    fc.assert(fc.property(fc.array(byte, { maxLength: 12 }), (bytes) => {
      const buffer = Buffer.from(bytes);
      expect(bodyText(buffer)).toBe(decoder.decode(buffer));
    }), { numRuns: 20_000, seed: 5 });
  });

  it("a wrong or missing content type is a 415, with or without a body", async () => {
    expectSame(await send(valid(0, 1), { "content-type": "text/plain" }), 415);
    expectSame(await send(Buffer.from(valid(0, 1)), {}), 415);
    expectSame(await send(null, {}), 415);
    expectSame(await send(valid(0, 1), { "content-type": "multipart/form-data; boundary=x" }), 415);
  });

  it("a chunked body over the size limit is a 413 while streaming, and the connection serves on", async () => {
    const big = `[${"1,".repeat(40 * 1024)}1]`;
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${base}/predict`, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => { body += d; });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      for (let i = 0; i < big.length; i += 8192) req.write(big.slice(i, i + 8192));
      req.end();
    });
    const hono = await app.request("/predict", { method: "POST", headers: { "content-type": "application/json" }, body: new Blob([big]).stream(), duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.body).toBe(await hono.text());
    expect(hono.status).toBe(413);
    expectSame(await send(valid(0, 1)), 200);
  });

  it("a client that goes away mid-body gets no answer and leaves no error, one 499 access line: the server answers the next request", async () => {
    const before = lines.length;
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on("uncaughtException", onUncaught);
    try {
      const { port } = server.address() as AddressInfo;
      const socket = connect(port, "127.0.0.1");
      await new Promise<void>((done) => socket.once("connect", () => done()));
      socket.write("POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"rows\":[");
      await new Promise((done) => setTimeout(done, 50));
      socket.destroy();
      await new Promise((done) => setTimeout(done, 100));
    } finally {
      process.off("uncaughtException", onUncaught);
    }
    expect(uncaught).toEqual([]);
    const logged = lines.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.map((l) => [l.method, l.path, l.status])).toEqual([["POST", "/predict", 499]]); // a client abort, not an error
    expectSame(await send(valid(0, 1)), 200);
  });

  it("other methods, paths with a query string and other routes go to the Hono app", async () => {
    const get = await fetch(`${base}/predict`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expectSame(await send(valid(0, 1), undefined, "/predict?model=fixture"), 200);
    expectSame(await send(valid(0, 1), undefined, "/predict?model=nope"), 404);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it("ids come from one sequence and each answer writes one access-log line with its id, path and status", async () => {
    lines.length = 0;
    const a = await fetch(`${base}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: valid(0, 1) });
    const b = await fetch(`${base}/health`);
    const c = await fetch(`${base}/predict`, { method: "POST", headers: { "content-type": "text/plain" }, body: "x" });
    const ids = [a, b, c].map((r) => r.headers.get("x-request-id") as string);
    const [prefix] = ids[0].split("-");
    expect(ids.map((id) => id.split("-")[0])).toEqual([prefix, prefix, prefix]);
    const counters = ids.map((id) => parseInt(id.split("-")[1], 36));
    expect(counters[1]).toBe(counters[0] + 1);
    expect(counters[2]).toBe(counters[0] + 2);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.map((l) => [l.method, l.path, l.status, l.request_id])).toEqual([["POST", "/predict", 200, ids[0]], ["GET", "/health", 200, ids[1]], ["POST", "/predict", 415, ids[2]]]);
    for (const l of logged) expect(typeof l.ms).toBe("number");
  });

  it("a client's X-Request-Id is kept or replaced by the same rule on both paths", async () => {
    for (const [sent, kept] of [["trace-42_a=", true], ["<bad id>", false]] as const) {
      const { node, hono } = await send(valid(0, 1), { "content-type": "application/json", "x-request-id": sent });
      expect(node.id === sent).toBe(kept);
      expect(hono.id === sent).toBe(kept);
    }
  });

  it("a thrown bug is a 500 with the request id, logged with its stack, and the server answers the next request", async () => {
    const predict = app.hot.predict;
    app.hot.predict = () => { throw new TypeError("boom"); };
    try {
      lines.length = 0;
      const r = await fetch(`${base}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: valid(0, 1) });
      expect(r.status).toBe(500);
      const id = r.headers.get("x-request-id");
      expect(await r.json()).toEqual({ error: "internal server error; quote the request_id when reporting it", request_id: id });
      const report = lines.map((l) => JSON.parse(l)).find((l) => l.level === "error");
      expect(report).toMatchObject({ request_id: id, method: "POST", path: "/predict" });
      expect(report.error).toMatch(/TypeError: boom/);
    } finally {
      app.hot.predict = predict;
    }
    expectSame(await send(valid(0, 1)), 200);
  });

  it("1,000 random malformed bodies: the fast path and the Hono route give the same status and body, never a 5xx", async () => {
    const text = valid(0, 3);
    const edit = fc.tuple(fc.nat(), fc.constantFrom("cut", "insert", "replace"), fc.constantFrom("NaN", "1e309", "-1", "null", '"\\ud800"', "[", "]", "{", "}", ",", '"', "\\", "[".repeat(40), "\u0000", "\ufeff"), fc.integer({ min: 1, max: 8 }));
    const body = fc.oneof(
      fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
        let t = text;
        for (const [at, kind, token, length] of edits) {
          const i = at % (t.length + 1);
          t = kind === "cut" ? t.slice(0, i) + t.slice(i + length) : kind === "insert" ? t.slice(0, i) + token + t.slice(i) : t.slice(0, i) + token + t.slice(i + length);
        }
        return t;
      }),
      fc.json({ maxDepth: 3 }),
      fc.string({ unit: "binary", maxLength: 60 }),
    );
    await fc.assert(fc.asyncProperty(body, async (b) => {
      const pair = await send(b);
      if (pair.node.status >= 500) throw new Error(`5xx for ${JSON.stringify(b)}: ${pair.node.body}`);
      expect({ ...pair.node, id: null }).toEqual({ ...pair.hono, id: null });
    }), { numRuns: 1000, seed: 623 });
  }, 120_000);
});
