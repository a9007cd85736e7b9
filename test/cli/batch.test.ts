import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEEKLY_CSV } from "../helpers/fitted-models";
import { maskRunTimes } from "../helpers/mask-run-times";
import { freePort } from "../helpers/redis-server";
import { runCli } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-batch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small fit of the bundled weekly set with seed s. */
const fitArgs = (seed: number) => ["fit", WEEKLY_CSV, "--trials", "150", "--bootstrap", "10", "--seed", String(seed)];
const SEEDS = [1, 2, 3];

function writeManifest(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe("mixlab batch --workers 2", () => {
  let run: { code: number; out: string; err: string };
  const missing = join(dir, "missing.csv");
  beforeAll(async () => {
    const jobs = [
      ...SEEDS.map((s) => ({ id: `seed-${s}`, args: fitArgs(s), out: join(dir, "batch", `seed-${s}.json`) })),
      { id: "broken", args: ["fit", missing, "--trials", "20"], out: join(dir, "batch", "broken.json") },
    ];
    run = await runCli("batch", writeManifest("manifest.json", { jobs }), "--workers", "2", "--json");
  }, 240_000);

  it("mixlab batch M --workers 2 --json prints {jobs:[{id,status,worker,seconds,out}]} in manifest order, on both threads", () => {
    const { jobs } = JSON.parse(run.out);
    expect(jobs.map((j: { id: string }) => j.id)).toEqual(["seed-1", "seed-2", "seed-3", "broken"]);
    for (const j of jobs.slice(0, 3)) {
      expect(Object.keys(j)).toEqual(["id", "status", "worker", "seconds", "out"]);
      expect(j.status).toBe("done");
      expect(j.seconds).toBeGreaterThan(0);
    }
    expect(new Set(jobs.map((j: { worker: string }) => j.worker))).toEqual(new Set(["thread-1", "thread-2"]));
  });

  it("mixlab batch writes the same model.json as each fit run one at a time, timestamps and durations aside", async () => {
    for (const s of SEEDS) {
      const alone = join(dir, "alone", `seed-${s}.json`);
      const fit = await runCli(...fitArgs(s), "--out", alone, "--no-progress");
      expect(fit.code).toBe(0);
      const batched = readFileSync(join(dir, "batch", `seed-${s}.json`), "utf8");
      expect(maskRunTimes(batched)).toBe(maskRunTimes(readFileSync(alone, "utf8")));
    }
  }, 240_000);

  it("mixlab batch with a failing job exits 1 naming the job and its one-line error; the other jobs are done", () => {
    expect(run.code).toBe(1);
    const broken = JSON.parse(run.out).jobs[3];
    expect(broken).toMatchObject({ id: "broken", status: "failed" });
    expect(broken.error).toBe(`cannot read ${missing}: file not found`);
    expect(run.err).toContain(`mixlab: job broken failed: cannot read ${missing}: file not found\n`);
    expect(run.err).toMatch(/batch: job seed-1 done on thread-\d in \d+\.\d s \(\d\/4\)/);
  });
});

describe("mixlab batch: bad manifests and flags", () => {
  it("mixlab batch with a job whose args start with no known command is one line naming the job and field (exit 1)", async () => {
    const path = writeManifest("bad-command.json", { jobs: [{ id: "a", args: ["fit", "x.csv"], out: "a.json" }, { id: "b", args: ["serve"], out: "b.json" }] });
    const r = await runCli("batch", path);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`mixlab: manifest ${path}: jobs[1] (id "b"): args: must start with one of fit, clean, predict, generate\n`);
  });

  it("mixlab batch of a manifest that is not JSON, or missing, is one line (exit 1)", async () => {
    const path = join(dir, "not-json.json");
    writeFileSync(path, "{ jobs: ");
    const r = await runCli("batch", path);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^mixlab: manifest ${path} is not valid JSON: .+\\n$`));
    const gone = await runCli("batch", join(dir, "nope.json"));
    expect(gone.err).toBe(`mixlab: cannot read manifest ${join(dir, "nope.json")}: file not found\n`);
  });

  it("mixlab batch --workers 2 --redis URL is bad usage (exit 2)", async () => {
    const path = writeManifest("one.json", { jobs: [{ id: "a", args: fitArgs(1), out: join(dir, "one.json.out") }] });
    const r = await runCli("batch", path, "--workers", "2", "--redis", "redis://127.0.0.1:1");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--workers and --redis cannot be combined");
  });

  it("mixlab batch --redis with a URL that is not redis:// is bad usage (exit 2)", async () => {
    const path = writeManifest("one-b.json", { jobs: [{ id: "a", args: fitArgs(1), out: join(dir, "b.out.json") }] });
    const r = await runCli("batch", path, "--redis", "http://127.0.0.1:6379");
    expect(r.code).toBe(2);
    expect(r.err).toBe('mixlab: --redis must be a URL such as redis://host:6379, not "http://127.0.0.1:6379"\n');
  });

  it("mixlab batch --redis URL where no Redis listens is one line and exit 1, not a hang", async () => {
    const port = await freePort();
    const path = writeManifest("one-c.json", { jobs: [{ id: "a", args: fitArgs(1), out: join(dir, "c.out.json") }] });
    const r = await runCli("batch", path, "--redis", `redis://127.0.0.1:${port}`, "--connect-timeout", "2");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^mixlab: cannot reach Redis at redis://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED.*\\n$`));
  }, 20_000);

  it("mixlab batch --redis URL of a server that never answers is one line and exit 1 after --connect-timeout", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const path = writeManifest("one-d.json", { jobs: [{ id: "a", args: fitArgs(1), out: join(dir, "d.out.json") }] });
    const r = await runCli("batch", path, "--redis", `redis://127.0.0.1:${port}`, "--connect-timeout", "1");
    silent.close();
    expect(r.code).toBe(1);
    expect(r.err).toBe(`mixlab: cannot reach Redis at redis://127.0.0.1:${port}: no answer within 1 s\n`);
  }, 20_000);

  it("mixlab batch --redis URL of a server that is not Redis (an HTTP answer) says so in one line", async () => {
    const http = createServer((socket) => socket.on("data", () => socket.write("HTTP/1.1 400 Bad Request\r\n\r\n")));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const { port } = http.address() as AddressInfo;
    const path = writeManifest("one-e.json", { jobs: [{ id: "a", args: fitArgs(1), out: join(dir, "e.out.json") }] });
    const r = await runCli("batch", path, "--redis", `redis://127.0.0.1:${port}`, "--connect-timeout", "2");
    http.close();
    expect(r.code).toBe(1);
    expect(r.err).toBe(`mixlab: cannot reach Redis at redis://127.0.0.1:${port}: the server there does not answer in the Redis protocol (is it the Redis port?)\n`);
  }, 20_000);

  it("mixlab worker --redis URL where no Redis listens is one line and exit 1", async () => {
    const port = await freePort();
    const r = await runCli("worker", "--redis", `redis://127.0.0.1:${port}`, "--connect-timeout", "2");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^mixlab: cannot reach Redis at .*ECONNREFUSED.*\n$/);
  }, 20_000);
});
