/**
 * The executed notebooks (notebooks/.executed/, written by `npm run notebooks`): every code cell ran,
 * no cell failed, each notebook draws at least one Plotly chart, and the fit numbers notebook 04
 * prints equal those of `mixlab fit` on the same data and seed.
 *
 * Needs the executed copies, which only `npm run notebooks` writes (Jupyter from apt), so it is not
 * a *.test.ts file of `npm test`; it has its own vitest config:
 *   npm run notebooks && npx vitest run --config vitest.notebooks.config.mts
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NOTEBOOK_DIR, ROOT, notebookNames, readExecuted, readNotebook, text, type Notebook, type Output } from "./notebook-files";

const names = notebookNames();

/** The executed copy of `name`, failing with what to do when it is missing. */
function executed(name: string): Notebook {
  const nb = readExecuted(name);
  if (nb === null) expect.fail(`notebooks/.executed/${name} is missing: run \`npm run notebooks\` first`);
  return nb;
}

function outputs(nb: Notebook): Output[] {
  return nb.cells.flatMap((c) => c.outputs ?? []);
}

function html(o: Output): string {
  return text(o.data?.["text/html"]);
}

/** The fields of the fit summary notebook 04 prints on its MIXLAB_FIT_SUMMARY line. */
function fitNumbers(summary: Record<string, unknown> & { channels: Array<Record<string, unknown>> }): Record<string, unknown> {
  return {
    train: summary.train, holdout: summary.holdout, intercept: summary.intercept, alpha: summary.alpha, coefficients: summary.coefficients,
    channels: summary.channels.map((c) => ({
      name: c.name, spend: c.spend, contribution: c.contribution, roas: c.roas, roas_low: c.roas_low, roas_high: c.roas_high,
      mroas: c.mroas, share_of_spend: c.share_of_spend, share_of_effect: c.share_of_effect,
    })),
  };
}

describe("executed notebooks (npm run notebooks)", () => {
  it("npm run notebooks has executed every notebook", () => {
    const missing = names.filter((n) => readExecuted(n) === null);
    expect(missing, `missing in notebooks/.executed/: ${missing.join(", ")} — run \`npm run notebooks\` first`).toEqual([]);
  });

  describe.each(names)("%s", (name) => {
    it("was executed from the current source", () => {
      const source = readNotebook(join(NOTEBOOK_DIR, name)).cells.map((c) => text(c.source));
      expect(executed(name).cells.map((c) => text(c.source))).toEqual(source);
    });

    it("ran every code cell", () => {
      const notRun = executed(name).cells.map((c, i) => ({ c, i })).filter(({ c }) => c.cell_type === "code" && !(typeof c.execution_count === "number"));
      expect(notRun.map(({ i }) => i), "cells without an execution count").toEqual([]);
    });

    it("has no error output and nothing on stderr (tslab reports a failed cell there)", () => {
      const bad = outputs(executed(name)).filter((o) => o.output_type === "error" || (o.output_type === "stream" && o.name === "stderr"));
      expect(bad.map((o) => (o.output_type === "error" ? `${o.ename}: ${o.evalue}` : text(o.text)))).toEqual([]);
    });

    it("draws at least one Plotly chart, with the library inlined once", () => {
      const shown = outputs(executed(name)).filter((o) => o.output_type === "display_data");
      const charts = shown.filter((o) => /<div id="[^"]+" class="mixlab-chart"/.test(html(o)) && html(o).includes("Plotly.newPlot("));
      expect(charts.length).toBeGreaterThanOrEqual(1);
      expect(shown.filter((o) => html(o).startsWith("<script>") && html(o).includes("plotly.js v")).length).toBe(1);
    });
  });

  describe("04-training.ipynb", () => {
    const dir = mkdtempSync(join(tmpdir(), "mixlab-notebook-fit-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("prints the fit numbers of `mixlab fit data/weekly/mmm_weekly.csv --seed 1 --trials 2000`", () => {
      const printed = outputs(executed("04-training.ipynb"))
        .filter((o) => o.output_type === "stream" && o.name === "stdout")
        .map((o) => /^MIXLAB_FIT_SUMMARY (.*)$/m.exec(text(o.text)))
        .find((m) => m !== null);
      expect(printed, "notebook 04 prints a MIXLAB_FIT_SUMMARY line").toBeTruthy();
      const cli = execFileSync(process.execPath, [
        join(ROOT, "bin", "mixlab.js"), "fit", join(ROOT, "data", "weekly", "mmm_weekly.csv"),
        "--seed", "1", "--trials", "2000", "--json", "--no-progress", "--out", join(dir, "model.json"),
      ], { cwd: ROOT, encoding: "utf8" });
      expect(JSON.parse(printed![1])).toEqual(fitNumbers(JSON.parse(cli)));
    }, 120_000);
  });
});
