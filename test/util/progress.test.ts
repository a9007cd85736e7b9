import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/util/progress";

/** A stream that records what is written; `isTTY` as given. */
function sink(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  let out = "";
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      out += String(chunk);
      callback();
    },
  }) as Writable & { isTTY: boolean; text: () => string };
  stream.isTTY = isTTY;
  stream.text = () => out;
  return stream;
}

describe("createProgress", () => {
  it("createProgress on a non-TTY stream writes a plain line: label done/total (percent) extras", () => {
    const stream = sink(false);
    const p = createProgress({ label: "search", total: 10000, stream });
    p.update(1200, { best: 0.0712 });
    expect(stream.text()).toBe("search 1200/10000 (12%) best 0.0712\n");
  });

  it("createProgress shows numbers to 4 significant digits and strings as given", () => {
    const stream = sink(false);
    createProgress({ label: "fit", total: 3, stream }).update(1, { best: 0.071234567, rssd: 12345.678, tiny: 1.23456e-7, phase: "cv" });
    expect(stream.text()).toBe("fit 1/3 (33%) best 0.07123 rssd 12350 tiny 1.235e-7 phase cv\n");
  });

  it("createProgress throttles plain lines to one per intervalMs, always prints completion, and stop() adds nothing after it", () => {
    const stream = sink(false);
    let t = 0;
    const p = createProgress({ label: "search", total: 100, stream, intervalMs: 1000, now: () => t });
    p.update(10); // t = 0: first line
    t = 400;
    p.update(20); // throttled
    t = 999;
    p.update(30); // throttled
    t = 1000;
    p.update(40); // 1000 ms after the last line
    t = 1500;
    p.update(100, { best: 1 }); // completion, printed at once
    p.update(100, { best: 1 }); // nothing after completion
    p.stop();
    expect(stream.text().split("\n")).toEqual(["search 10/100 (10%)", "search 40/100 (40%)", "search 100/100 (100%) best 1", ""]);
  });

  it("createProgress stop() prints the last throttled state once, then ignores updates", () => {
    const stream = sink(false);
    let t = 0;
    const p = createProgress({ label: "boot", total: 50, stream, now: () => t });
    p.update(1);
    t = 10;
    p.update(7, { best: 0.5 });
    p.stop();
    p.stop();
    p.update(8);
    expect(stream.text()).toBe("boot 1/50 (2%)\nboot 7/50 (14%) best 0.5\n");
  });

  it("createProgress with enabled false writes nothing", () => {
    const plain = sink(false);
    const tty = sink(true);
    for (const stream of [plain, tty]) {
      const p = createProgress({ label: "search", total: 10, stream, enabled: false });
      p.update(5, { best: 1 });
      p.update(10);
      p.stop();
    }
    expect(plain.text() + tty.text()).toBe("");
  });

  it("createProgress on a TTY draws a cli-progress bar with the label, count, percentage and extras", () => {
    const stream = sink(true);
    const p = createProgress({ label: "search", total: 200, stream });
    p.update(50, { best: 0.25 });
    p.update(200, { best: 0.125 });
    p.stop();
    const text = stream.text();
    expect(text).toContain("search [");
    expect(text).toContain("200/200 (100%) best 0.125");
    expect(text).not.toContain("\nsearch 200/200");
  });

  it("createProgress rejects a negative or non-finite total", () => {
    expect(() => createProgress({ label: "x", total: -1, stream: sink(false) })).toThrow("createProgress requires a finite total ≥ 0");
    expect(() => createProgress({ label: "x", total: NaN, stream: sink(false) })).toThrow(RangeError);
  });
});
