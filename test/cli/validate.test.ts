import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";

const bad = join(__dirname, "..", "fixtures", "data", "bad");
const fixtures = join(__dirname, "..", "fixtures", "data");

describe("mixlab validate", () => {
  it.each([
    ["invalid-date.csv", { row: 3, column: "date", kind: "invalid_date", value: "2024-13-08" }],
    ["non-numeric.csv", { row: 3, column: "tv_spend", kind: "non_numeric", value: "abc" }],
    ["duplicate-date.csv", { row: 4, column: "date", kind: "duplicate_date", value: "2024-01-08" }],
    ["missing-column.csv", { row: 1, column: "revenue", kind: "missing_column", value: null }],
  ])("mixlab validate %s --json exits 1 and names file, row and column", async (name, expected) => {
    const file = join(bad, name);
    const { code, out } = await runCli("validate", file, "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.ok).toBe(false);
    expect(report.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([
      expect.objectContaining({ file, ...expected, severity: "error" }),
    ]);
  });

  it("mixlab validate FILE prints a readable line per issue with file:line [column]", async () => {
    const { code, out } = await runCli("validate", join(bad, "non-numeric.csv"));
    expect(code).toBe(1);
    expect(out).toContain(`${join(bad, "non-numeric.csv")}:3 [tv_spend] 2024-01-08: non_numeric`);
  });

  it("mixlab validate on a clean file exits 0 with ok true", async () => {
    const { code, out } = await runCli("validate", join(fixtures, "wide.csv"), "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, rows: 3, frequency: "weekly", errors: 0 });
  });

  it("mixlab validate on a missing path exits 1 naming it", async () => {
    const { code, err } = await runCli("validate", join(fixtures, "nope.csv"));
    expect(code).toBe(1);
    expect(err).toContain("nope.csv: file not found");
  });
});
