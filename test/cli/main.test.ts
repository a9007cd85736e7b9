import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../src/version";
import { runCli } from "./run-cli";

const root = join(__dirname, "..", "..");

describe("mixlab CLI", () => {
  it("mixlab --help lists every command", async () => {
    const { code, out } = await runCli("--help");
    expect(code).toBe(0);
    for (const cmd of ["validate", "clean", "generate", "demo"]) expect(out).toContain(cmd);
  });

  it.each(["validate", "clean", "generate", "demo"])("mixlab %s --help works", async (cmd) => {
    const { code, out } = await runCli(cmd, "--help");
    expect(code).toBe(0);
    expect(out).toContain(`Usage: mixlab ${cmd}`);
  });

  it("mixlab with an unknown command or option exits 2", async () => {
    expect((await runCli("frobnicate")).code).toBe(2);
    expect((await runCli("validate", "--no-such-flag", "x.csv")).code).toBe(2);
    expect((await runCli()).code).toBe(2);
  });

  it("VERSION equals package.json's version", () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
  });

  it("bin/mixlab.js runs the built CLI as a process", () => {
    if (!existsSync(join(root, "dist", "cli", "main.js"))) throw new Error("dist/ is not built: npm test builds it first");
    const out = execFileSync(process.execPath, [join(root, "bin", "mixlab.js"), "--version"], { encoding: "utf8" });
    expect(out.trim()).toBe(VERSION);
  });
});

describe("mixlab generate", () => {
  it("mixlab generate twice with one seed writes byte-identical files, and --dirt lists faults", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mixlab-gen-"));
    try {
      const args = ["--seed", "5", "--periods", "60", "--frequency", "weekly", "--channels", "4", "--shape", "channel-dir", "--dirt"];
      expect((await runCli("generate", "--out", join(dir, "a"), ...args)).code).toBe(0);
      expect((await runCli("generate", "--out", join(dir, "b"), ...args)).code).toBe(0);
      for (const f of ["tv_spend.csv", "sales_data.csv", "truth.json"]) {
        expect(readFileSync(join(dir, "a", f)).equals(readFileSync(join(dir, "b", f)))).toBe(true);
      }
      const truth = JSON.parse(readFileSync(join(dir, "a", "truth.json"), "utf8"));
      expect(truth.channels.map((c: { name: string }) => c.name)).toEqual(["tv", "radio", "social_media", "search"]);
      expect(truth.dirt.faults.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("mixlab generate --shape campaigns --dirt exits 2 with one line (was an internal error)", async () => {
    const { code, err } = await runCli("generate", "--out", "/tmp/never", "--shape", "campaigns", "--dirt");
    expect(code).toBe(2);
    expect(err).toBe("mixlab: --dirt supports --shape wide and channel-dir, not campaigns\n");
  });

  it("mixlab generate with a bad frequency exits 2", async () => {
    const { code, err } = await runCli("generate", "--out", "/tmp/never", "--frequency", "monthly");
    expect(code).toBe(2);
    expect(err).toContain("--frequency must be one of daily, weekly");
  });
});
