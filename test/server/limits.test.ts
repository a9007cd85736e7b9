/**
 * Limits and deadlines on a real server (127.0.0.1, an ephemeral port): a /whatif that asks for
 * too much is refused at once and /health answers meanwhile; heavy work that fits the caps runs on
 * a worker under a deadline counted from arrival; abandoned /optimize calls are cancelled so the
 * route serves again; a client that hangs up mid-body is a 499 in the access log, never a 500.
 * The time bounds asserted are those of issue #12 (requirements), kept generous.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveModel } from "../../src/artifact/save";
import { startServer, type RunningServer } from "../../src/server/main";
import { fixtureCsvFiles, fixtureModel } from "./server-helpers";

const dir = mkdtempSync(join(tmpdir(), "mixlab-server-limits-"));
const modelPath = join(dir, "fixture.json");
saveModel(modelPath, fixtureModel());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A server with its access log kept as parsed lines. */
async function serve(limits: Record<string, number> = {}): Promise<{ running: RunningServer; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const running = await startServer({ model: modelPath, port: 0, limits, log: (l) => { for (const x of l.split("\n")) if (x !== "") lines.push(JSON.parse(x)); } });
  return { running, lines };
}

/** timed(promise) → its value and how long it took, ms. */
async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await p;
  return { value, ms: performance.now() - t0 };
}

const post = (url: string, body: unknown, signal?: AbortSignal) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });

/** waitFor(test, ms) resolves once test() is true, checking every 20 ms; fails after `ms`. */
async function waitFor(test: () => boolean, ms: number): Promise<void> {
  const t0 = performance.now();
  while (!test()) {
    if (performance.now() - t0 > ms) throw new Error(`not true within ${ms} ms`);
    await sleep(20);
  }
}

describe("POST /whatif is bounded", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { s = await serve(); });
  afterAll(() => s.running.close());

  it("the 12 KB /whatif of issue #12 (1,000 scenarios × 10,000 periods) gets a 413 naming the cap within 15 s, and /health answers within 1 s meanwhile", async () => {
    const body = { scenarios: Array.from({ length: 1000 }, (_, i) => ({ tv: 1000 + i })), periods: 10_000 };
    expect(JSON.stringify(body).length).toBeGreaterThan(12_000);
    const whatif = timed(post(`${s.running.url}/whatif`, body));
    const health = await timed(fetch(`${s.running.url}/health`));
    const { value: r, ms } = await whatif;
    expect(health.value.status).toBe(200);
    expect(health.ms).toBeLessThan(1000);
    expect(r.status).toBe(413);
    expect(ms).toBeLessThan(15_000);
    expect(((await r.json()) as { error: string }).error).toBe("the request asks for 10000000 scenarios × periods, more than 20000 (the server's limit on scenario-periods, maxScenarioPeriods); split it into smaller requests");
  });

  it("/optimize budgets × periods over the cap answers 413 naming it", async () => {
    const r = await post(`${s.running.url}/optimize`, { budgets: Array.from({ length: 100 }, (_, i) => 0.5 + i / 100), periods: 500 });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: string }).error).toMatch(/^the request asks for 50000 budgets × periods, more than 20000/);
  });
});

describe("heavy work runs off the main thread under a deadline counted from arrival", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { s = await serve({ timeoutMs: 1500, maxScenarioPeriods: 1_000_000 }); });
  afterAll(() => s.running.close());

  it("a /whatif within the caps but slower than the deadline answers 503 within 15 s, and /health answers within 1 s while it runs", async () => {
    const body = { scenarios: Array.from({ length: 100 }, (_, i) => ({ tv: 1000 + i })), periods: 10_000 }; // 1,000,000 scenario-periods: far more than 1.5 s of work
    const whatif = timed(post(`${s.running.url}/whatif`, body));
    await sleep(300); // the work has started on its worker
    for (let i = 0; i < 3; i++) {
      const health = await timed(fetch(`${s.running.url}/health`));
      expect(health.value.status).toBe(200);
      expect(health.ms).toBeLessThan(1000);
    }
    const { value: r, ms } = await whatif;
    expect(r.status).toBe(503);
    expect(ms).toBeLessThan(15_000);
    expect(((await r.json()) as { error: string }).error).toMatch(/^the request took longer than 1500 ms \(the server's time limit, counted from its arrival\) and was stopped/);
    expect((await post(`${s.running.url}/whatif`, { spend: { tv: 1000 }, periods: 4 })).status).toBe(200);
  }, 30_000);
});

describe("a full queue sheds load", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { s = await serve({ timeoutMs: 5000, workers: 1, maxQueue: 1, maxScenarioPeriods: 1_000_000 }); });
  afterAll(() => s.running.close());

  it("with one worker busy and one request waiting, a third heavy request gets 503 with Retry-After at once", async () => {
    const heavy = { budgets: Array.from({ length: 1000 }, (_, i) => 0.5 + i / 1000), periods: 1000 }; // minutes of work
    const answers = await Promise.all([0, 1, 2].map(async () => {
      const r = await post(`${s.running.url}/optimize`, heavy);
      return { status: r.status, retryAfter: r.headers.get("retry-after"), error: ((await r.json()) as { error: string }).error };
    }));
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503]);
    const busy = answers.filter((a) => a.retryAfter !== null);
    expect(busy).toEqual([{ status: 503, retryAfter: "5", error: "the server is busy: 1 requests already wait for a worker (the server's queue limit); retry in 5 s" }]);
    expect(answers.filter((a) => /^the request took longer than 5000 ms/.test(a.error))).toHaveLength(2);
  }, 30_000);
});

describe("abandoned work is cancelled", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { s = await serve(); });
  afterAll(() => s.running.close());

  it("40 heavy /optimize calls whose clients hang up leave /optimize usable within 20 s; none is logged as a 500", async () => {
    const heavy = { budgets: Array.from({ length: 1000 }, (_, i) => 0.5 + i / 1000), periods: 13 }; // 13,000 budget-periods: far more than 10 s of work
    const controllers = Array.from({ length: 40 }, () => new AbortController());
    const calls = controllers.map((c) => post(`${s.running.url}/optimize`, heavy, c.signal).then((r) => r.status, () => "aborted"));
    await sleep(500);
    const t0 = performance.now();
    for (const c of controllers) c.abort();
    const outcomes = await Promise.all(calls);
    expect(outcomes.every((o) => o === "aborted" || o === 503)).toBe(true);
    // the server sees each hang-up (an access line each), then answers a new optimisation
    const optimizeLines = () => s.lines.filter((l) => l.path === "/optimize");
    await waitFor(() => optimizeLines().length >= 40, 20_000);
    const r = await post(`${s.running.url}/optimize`, { budget: 20000, periods: 8 });
    expect(r.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(20_000);
    const statuses = optimizeLines().slice(0, 40).map((l) => l.status);
    expect(statuses.every((x) => x === 499 || x === 503)).toBe(true);
    expect(s.lines.some((l) => l.level === "error")).toBe(false);
  }, 60_000);
});

describe("a client that hangs up mid-body is not a server error", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { s = await serve(); });
  afterAll(() => s.running.close());

  /** halfBody(path, headers, part) sends the headers and part of the body on a raw socket, then closes it. */
  async function halfBody(path: string, headers: string, part: string): Promise<void> {
    const { port } = new URL(s.running.url);
    const socket = connect(Number(port), "127.0.0.1");
    await new Promise<void>((done) => socket.once("connect", () => done()));
    socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\n${headers}\r\n${part}`);
    await sleep(100);
    socket.destroy();
  }

  it.each([
    ["/whatif", "Content-Type: application/json\r\nContent-Length: 500\r\n", '{"scenarios":[{"tv":1'],
    ["/optimize", "Content-Type: application/json\r\nContent-Length: 500\r\n", '{"budget":20'],
    ["/optimize", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", "a\r\n{\"budget\":\r\n"],
    ["/predictions", "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 5000\r\n", `--x\r\nContent-Disposition: form-data; name="files"; filename="tv_spend.csv"\r\n\r\n${fixtureCsvFiles()[0].text.slice(0, 200)}`],
  ])("POST %s with half a body, then a closed connection, logs a 499 and no error", async (path, headers, part) => {
    const before = s.lines.length;
    await halfBody(path, headers, part);
    await waitFor(() => s.lines.length > before, 5000);
    const logged = s.lines.slice(before);
    expect(logged.map((l) => [l.path, l.status])).toEqual([[path, 499]]);
    expect(logged.some((l) => l.level === "error")).toBe(false);
    expect((await fetch(`${s.running.url}/health`)).status).toBe(200);
  });
});
