import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readOutputs, writeOutputs } from "../../../src/cli/batch/output-files";

const dir = mkdtempSync(join(tmpdir(), "mixlab-output-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readOutputs and writeOutputs", () => {
  it("writeOutputs(out, readOutputs(file)) writes the same bytes at another path", () => {
    const bytes = Buffer.from([0, 1, 2, 255, 10, 13, 0x7b]);
    writeFileSync(join(dir, "model.json"), bytes);
    const files = readOutputs(join(dir, "model.json"));
    expect(files.map((f) => f.path)).toEqual([""]);
    writeOutputs(join(dir, "copy", "model.json"), files);
    expect(readFileSync(join(dir, "copy", "model.json"))).toEqual(bytes);
  });

  it("readOutputs(folder) lists every file under it in name order, and writeOutputs rebuilds the folder", () => {
    const src = join(dir, "gen");
    mkdirSync(join(src, "sub"), { recursive: true });
    writeFileSync(join(src, "truth.json"), "{}\n");
    writeFileSync(join(src, "a.csv"), "date,x\n");
    writeFileSync(join(src, "sub", "b.csv"), "y\n");
    const files = readOutputs(src);
    expect(files.map((f) => f.path)).toEqual(["a.csv", join("sub", "b.csv"), "truth.json"]);
    writeOutputs(join(dir, "gen-copy"), files);
    for (const p of ["a.csv", join("sub", "b.csv"), "truth.json"]) expect(readFileSync(join(dir, "gen-copy", p), "utf8")).toBe(readFileSync(join(src, p), "utf8"));
  });

  it("writeOutputs refuses a path that leaves the job's out", () => {
    expect(() => writeOutputs(join(dir, "x"), [{ path: "../escape.txt", gzipBase64: "" }])).toThrow('a worker returned the path "../escape.txt", outside');
  });
});
