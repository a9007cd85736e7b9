/**
 * The access log: requestLog's ids and line format, and batchedWriter's batching (by size, by
 * delay, at once on flush) — one write per burst, nothing lost or reordered.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { batchedWriter, requestLog } from "../../src/server/access-log";

function fakeStream(): { writes: string[]; stream: NodeJS.WritableStream } {
  const writes: string[] = [];
  return { writes, stream: { write: (text: string) => { writes.push(text); return true; } } as unknown as NodeJS.WritableStream };
}

afterEach(() => { vi.useRealTimers(); });

describe("requestLog", () => {
  it("gives ids <8 hex>-<base-36 counter> from one sequence and writes one JSON line per answered request", () => {
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
