import { describe, expect, it } from "vitest";
import { parseManifest } from "../../../src/cli/batch/manifest";

const job = (over: Record<string, unknown> = {}) => ({ id: "a", args: ["fit", "data.csv", "--seed", "1"], out: "a.json", ...over });

/** message(json) → the DataError message parseManifest throws for json. */
function message(json: unknown): string {
  try {
    parseManifest(json, "m.json");
  } catch (err) {
    return (err as Error).message;
  }
  return "(no error)";
}

describe("parseManifest", () => {
  it("parseManifest(json) returns the jobs as given", () => {
    expect(parseManifest({ jobs: [job(), job({ id: "b", out: "b.json", args: ["generate", "--seed", "2"] })] }, "m.json")).toEqual([
      { id: "a", args: ["fit", "data.csv", "--seed", "1"], out: "a.json" },
      { id: "b", args: ["generate", "--seed", "2"], out: "b.json" },
    ]);
  });

  it("parseManifest names the field of a manifest without jobs, or with none", () => {
    expect(message({})).toBe("manifest m.json: jobs: Invalid input: expected array, received undefined");
    expect(message({ jobs: [] })).toBe("manifest m.json: jobs: must list at least one job");
    expect(message({ jobs: [job()], extra: 1 })).toMatch(/^manifest m\.json: \(top level\): Unrecognized key: "extra"/);
  });

  it("parseManifest names the job (index and id) and the field of a bad job", () => {
    expect(message({ jobs: [job(), { args: ["fit"], out: "x" }] })).toBe("manifest m.json: jobs[1]: id: Invalid input: expected string, received undefined");
    expect(message({ jobs: [job({ args: ["fit", 3] })] })).toBe('manifest m.json: jobs[0] (id "a"): args[1]: Invalid input: expected string, received number');
    expect(message({ jobs: [job({ args: [] })] })).toBe('manifest m.json: jobs[0] (id "a"): args: must name a command');
    expect(message({ jobs: [job({ args: ["fit", "d.csv", "--out", "x.json"] })] })).toBe('manifest m.json: jobs[0] (id "a"): args: must not contain --out (the job\'s out is added)');
    expect(message({ jobs: [job({ out: "" })] })).toBe('manifest m.json: jobs[0] (id "a"): out: must be a non-empty path');
  });

  it("parseManifest refuses a second job with the same id or the same out", () => {
    expect(message({ jobs: [job(), job({ out: "b.json" })] })).toBe('manifest m.json: jobs[1] (id "a"): id "a" is used by an earlier job');
    expect(message({ jobs: [job(), job({ id: "b" })] })).toBe('manifest m.json: jobs[1] (id "b"): out "a.json" is written by an earlier job');
  });
});
