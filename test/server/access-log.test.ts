/**
 * The access log: requestLog's ids and line format, and batchedWriter's batching (by size, by
 * delay, at once on flush) — one write per burst, nothing lost or reordered.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { batchedWriter, msText, requestLog } from "../../src/server/access-log";

function fakeStream(): { writes: string[]; stream: NodeJS.WritableStream } {
  const writes: string[] = [];
  return { writes, stream: { write: (text: string) => { writes.push(text); return true; } } as unknown as NodeJS.WritableStream };
}

afterEach(() => { vi.useRealTimers(); });

describe("requestLog", () => {
  it("gives ids <8 hex>-<decimal counter> from one sequence and writes one JSON line per answered request", () => {
    const lines: string[] = [];
    const log = requestLog((l) => lines.push(l));
    const a = log.nextId();
    const b = log.nextId();
    expect(a).toMatch(/^[0-9a-f]{8}-1$/);
    expect(b).toBe(a.replace(/-1$/, "-2"));
    log.answered("POST", "/predict", 422, performance.now() - 1.5, a);
    log.answered("GET", '/a"b\n', 404, performance.now(), b);
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]);
    expect(first).toMatchObject({ method: "POST", path: "/predict", status: 422, request_id: a });
    expect(first.ms).toBeGreaterThanOrEqual(1.5);
    expect(first.ms).toBeLessThan(1000);
    expect(new Date(first.time).toISOString()).toBe(first.time);
    expect(JSON.parse(lines[1]).path).toBe('/a"b\n'); // escaped, still one line
    expect(lines[1].endsWith("\n") && lines[1].indexOf("\n") === lines[1].length - 1).toBe(true);
    log.answered("GET", '/a"b\n', 200, performance.now(), b); // same method and path, another status
    log.answered("POST", '/a"b\n', 200, performance.now(), b);
    expect(lines.slice(2).map((l) => JSON.parse(l)).map(({ method, path, status }) => [method, path, status])).toEqual([["GET", '/a"b\n', 200], ["POST", '/a"b\n', 200]]);
  });

  it("msText(us) writes a duration as JSON writes the milliseconds: String(us / 1000)", () => {
    expect([0, 1, 10, 26, 100, 999, 1000, 1500, 1020, 12_000, 123_456, 10_000_001].map(msText))
      .toEqual(["0", "0.001", "0.01", "0.026", "0.1", "0.999", "1", "1.5", "1.02", "12", "123.456", "10000.001"]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (us) => { expect(msText(us)).toBe(String(us / 1000)); }), { numRuns: 20_000, seed: 3 });
  });

  it("without a writer is silent (on = false) but still numbers requests", () => {
    const log = requestLog();
    expect(log.on).toBe(false);
    expect(log.nextId()).toMatch(/-1$/);
    expect(() => log.answered("GET", "/", 200, 0, "x")).not.toThrow();
  });
});

describe("batchedWriter", () => {
  it("writes queued lines together once maxBytes are queued, in order", () => {
    const { writes, stream } = fakeStream();
    const write = batchedWriter(stream, { maxBytes: 10, maxDelayMs: 60_000 });
    write("abcd\n");
    expect(writes).toEqual([]);
    write("efgh\n"); // 10 characters queued
    expect(writes).toEqual(["abcd\nefgh\n"]);
    write("ij\n");
    write.flush();
    expect(writes).toEqual(["abcd\nefgh\n", "ij\n"]);
  });

  it("batchedWriter(stream).access(…) queues access lines as fields and writes them, formatted, in order with the other lines", () => {
    const { writes, stream } = fakeStream();
    const write = batchedWriter(stream, { maxBytes: 1 << 20, maxDelayMs: 60_000 });
    write("first\n");
    write.access("POST", "/predict", 200, Date.UTC(2026, 10, 23, 18, 0, 0, 5), 26, "0a1b2c3d-7");
    write("between\n");
    write.access("GET", '/a"b', 404, Date.UTC(2026, 10, 23, 18, 0, 1), 12_000, "0a1b2c3d-8");
    expect(writes).toEqual([]);
    write.flush();
    expect(writes).toEqual([
      "first\n"
      + '{"time":"2026-11-23T18:00:00.005Z","method":"POST","path":"/predict","status":200,"ms":0.026,"request_id":"0a1b2c3d-7"}\n'
      + "between\n"
      + '{"time":"2026-11-23T18:00:01.000Z","method":"GET","path":"/a\\"b","status":404,"ms":12,"request_id":"0a1b2c3d-8"}\n',
    ]);
  });

  it("batchedWriter(stream).access(…) counts a queued access line as 120 characters plus its path toward maxBytes", () => {
    const { writes, stream } = fakeStream();
    const write = batchedWriter(stream, { maxBytes: 256, maxDelayMs: 60_000 });
    write.access("POST", "/predict", 200, 0, 1, "x-1");
    expect(writes).toHaveLength(0);
    write.access("POST", "/predict", 200, 0, 1, "x-2");
    expect(writes).toHaveLength(1);
    expect(writes[0].split("\n")).toHaveLength(3);
    write.access("GET", `/${"x".repeat(199)}`, 404, 0, 1, "x-3"); // 120 + 200 characters: written at once
    expect(writes).toHaveLength(2);
  });

  it("requestLog(batchedWriter(stream)) queues its lines as fields: the same lines a plain writer gets, once flushed", () => {
    const { writes, stream } = fakeStream();
    const write = batchedWriter(stream, { maxBytes: 1 << 20, maxDelayMs: 60_000 });
    const plain: string[] = [];
    const batchedLog = requestLog(write);
    const plainLog = requestLog((l) => plain.push(l));
    vi.useFakeTimers({ toFake: ["Date", "performance"] });
    vi.setSystemTime(Date.UTC(2026, 10, 23, 18, 0, 0));
    const start = performance.now();
    vi.advanceTimersByTime(3);
    batchedLog.answered("POST", "/predict", 200, start, "ab-1");
    plainLog.answered("POST", "/predict", 200, start, "ab-1");
    expect(writes).toEqual([]);
    write.flush();
    expect(plain).toEqual(['{"time":"2026-11-23T18:00:00.003Z","method":"POST","path":"/predict","status":200,"ms":3,"request_id":"ab-1"}\n']);
    expect(writes).toEqual(plain);
  });

  it("writes what is queued maxDelayMs after the first line, once", () => {
    vi.useFakeTimers();
    const { writes, stream } = fakeStream();
    const write = batchedWriter(stream, { maxBytes: 1 << 20, maxDelayMs: 100 });
    write("a\n");
    vi.advanceTimersByTime(60);
    write("b\n");
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(writes).toEqual(["a\nb\n"]);
    vi.advanceTimersByTime(500);
    expect(writes).toEqual(["a\nb\n"]);
  });

  it("flush() with nothing queued writes nothing", () => {
    const { writes, stream } = fakeStream();
    batchedWriter(stream).flush();
    expect(writes).toEqual([]);
  });
});
