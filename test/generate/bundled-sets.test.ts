import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeBundledSets } from "../../src/generate/bundled-sets";

describe("bundled data", () => {
  it("writeBundledSets(dir) regenerates the committed data/ folder byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "mixlab-bundled-"));
    try {
      const written = writeBundledSets(dir);
      const committed = join(__dirname, "..", "..", "data");
      for (const set of written) {
        const files = readdirSync(join(dir, set.name)).sort();
        expect(readdirSync(join(committed, set.name)).filter((f) => f !== "README.md").sort()).toEqual(files);
        for (const f of files) {
          expect(readFileSync(join(dir, set.name, f)).equals(readFileSync(join(committed, set.name, f))), `${set.name}/${f}`).toBe(true);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
