/**
 * The stored notebooks: six, in order, without outputs (small diffs), on the tslab kernel, importing
 * the library only through ../dist/index (what `npm install` builds; the danfojs helpers through
 * ../dist/eda/index) — runs on every `npm test`, without Jupyter.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOTEBOOK_DIR, notebookNames, readNotebook, text } from "./notebook-files";

const names = notebookNames();

describe("notebooks/", () => {
  it("holds the six notebooks 01-eda … 06-export, in order", () => {
    expect(names).toEqual(["01-eda.ipynb", "02-cleaning.ipynb", "03-features.ipynb", "04-training.ipynb", "05-whatif.ipynb", "06-export.ipynb"]);
  });

  describe.each(names)("%s", (name) => {
    const nb = readNotebook(join(NOTEBOOK_DIR, name));
    const code = nb.cells.filter((c) => c.cell_type === "code");

    it("is stored without outputs or execution counts", () => {
      for (const cell of code) {
        expect(cell.outputs ?? []).toEqual([]);
        expect(cell.execution_count ?? null).toBeNull();
      }
    });

    it("runs on the tslab kernel", () => {
      expect(nb.metadata.kernelspec?.name).toBe("tslab");
    });

    it("imports mixlab only from ../dist/index (and the danfojs helpers from ../dist/eda/index)", () => {
      const sources = code.map((c) => text(c.source)).join("\n");
      const relative = [...sources.matchAll(/from\s+"(\.[^"]*)"|require\("(\.[^"]*)"\)/g)].map((m) => m[1] ?? m[2]);
      expect(relative).toContain("../dist/index");
      expect(relative.filter((r) => r !== "../dist/index" && r !== "../dist/eda/index")).toEqual([]);
    });

    it("tells its story in Markdown between the code cells", () => {
      expect(nb.cells[0].cell_type).toBe("markdown");
      const markdown = nb.cells.filter((c) => c.cell_type === "markdown").length;
      expect(markdown).toBeGreaterThanOrEqual(code.length - 1);
    });

    it("inlines Plotly once, in its first code cell", () => {
      const sources = code.map((c) => text(c.source));
      expect(sources.filter((s) => s.includes("plotlyScriptTag()")).length).toBe(1);
      expect(sources[0]).toContain("plotlyScriptTag()");
    });
  });
});
