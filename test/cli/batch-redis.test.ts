/**
 * `mixlab batch --redis` with a real Redis (Debian's redis-server) and two `mixlab worker` processes
 * (the built CLI, bin/mixlab.js), one of them killed with SIGKILL in the middle of a job.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { WEEKLY_CSV } from "../helpers/fitted-models";
import { maskRunTimes } from "../helpers/mask-run-times";
import { type RedisServer, startRedis } from "../helpers/redis-server";
import { runCli } from "./run-cli";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "mixlab-cli-batch-redis-"));
const fitArgs = (seed: number) => ["fit", WEEKLY_CSV, "--trials", "300", "--bootstrap", "10", "--seed", String(seed)];
const SEEDS = [1, 2, 3, 4, 5, 6];
/** A job whose out is a folder (data set and truth.json). */
const GENERATE_ARGS = ["generate", "--seed", "5", "--periods", "60", "--channels", "3"];

/** A `mixlab worker` process: its id as it reports it, its exit, and what it printed. */
interface WorkerProcess {
  id: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  log: () => string;
}

/** startWorker(url) → a `mixlab worker --redis url --concurrency 1 --lock-seconds 2` process, once it says it takes jobs. */
async function startWorker(url: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [join(root, "bin", "mixlab.js"), "worker", "--redis", url, "--concurrency", "1", "--lock-seconds", "2"], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("takes jobs from")) resolve();
    });
    void exited.then((code) => reject(new Error(`mixlab worker exited (code ${code}):\n${log}`)));
  });
  return { id: `${hostname()}:${child.pid}`, child, exited, log: () => log };
}

describe("mixlab batch --redis URL with two mixlab worker processes, one killed mid-job", () => {
  let redis: RedisServer;
  let workers: WorkerProcess[] = [];
  let result: { code: number; out: string; err: string };
  let killed = "";

  beforeAll(async () => {
    if (!existsSync(join(root, "dist", "cli", "main.js"))) throw new Error("dist/ is not built: npm test builds it first");
    redis = await startRedis();
    workers = [await startWorker(redis.url), await startWorker(redis.url)];
    const jobs = [
      ...SEEDS.map((s) => ({ id: `seed-${s}`, args: fitArgs(s), out: join(dir, "batch", `seed-${s}.json`) })),
      { id: "generated", args: GENERATE_ARGS, out: join(dir, "batch", "generated") },
    ];
    const manifest = join(dir, "manifest.json");
    writeFileSync(manifest, JSON.stringify({ jobs }));
    let out = "";
    let err = "";
    const victim = workers[0];
    const code = await run(["node", "mixlab", "batch", manifest, "--redis", redis.url, "--json"], {
      out: (s) => { out += s; },
      err: (s) => {
        err += s;
        if (killed === "" && s.includes(`started on ${victim.id}`)) {
          killed = s.trim();
          victim.child.kill("SIGKILL");
        }
      },
    });
    result = { code, out, err };
  }, 300_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("every job completes although a worker was killed with SIGKILL while running one", () => {
    expect(killed).toMatch(/^batch: job seed-\d started on /);
    expect(result.code).toBe(0);
    const { jobs } = JSON.parse(result.out);
    expect(jobs.map((j: { id: string; status: string }) => [j.id, j.status])).toEqual([...SEEDS.map((s) => [`seed-${s}`, "done"]), ["generated", "done"]]);
    expect(workers[0].child.signalCode).toBe("SIGKILL");
  });

  it("the killed worker's job is given back by BullMQ's stalled-job check and run by the other worker", () => {
    const lost = /batch: job (seed-\d) started on /.exec(killed)?.[1];
    expect(result.err).toContain(`batch: job ${lost} lost its worker`);
    const { jobs } = JSON.parse(result.out);
    expect(jobs.find((j: { id: string }) => j.id === lost).worker).toBe(workers[1].id);
  });

  it("at least two workers took jobs (the progress lines name each job's worker)", () => {
    const takers = new Set([...result.err.matchAll(/started on (\S+)\n/g)].map((m) => m[1]));
    expect(takers).toEqual(new Set(workers.map((w) => w.id)));
  });

  it("the models written through Redis equal the same fits run one at a time, timestamps and durations aside", async () => {
    for (const s of SEEDS) {
      const alone = join(dir, "alone", `seed-${s}.json`);
      const fit = await runCli(...fitArgs(s), "--out", alone, "--no-progress");
      expect(fit.code).toBe(0);
      expect(maskRunTimes(readFileSync(join(dir, "batch", `seed-${s}.json`), "utf8"))).toBe(maskRunTimes(readFileSync(alone, "utf8")));
    }
  }, 240_000);

  it("a folder output (mixlab generate) comes back through Redis file for file, as generate writes it alone", async () => {
    const alone = join(dir, "alone", "generated");
    expect((await runCli(...GENERATE_ARGS, "--out", alone)).code).toBe(0);
    const names = readdirSync(alone).sort();
    expect(readdirSync(join(dir, "batch", "generated")).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(dir, "batch", "generated", name), "utf8")).toBe(readFileSync(join(alone, name), "utf8"));
  });

  it("a job that fails on a worker is reported with that worker and its one-line error, and the batch exits 1", async () => {
    const missing = join(dir, "missing.csv");
    const manifest = join(dir, "failing.json");
    writeFileSync(manifest, JSON.stringify({ jobs: [{ id: "broken", args: ["fit", missing], out: join(dir, "broken.json") }] }));
    const r = await runCli("batch", manifest, "--redis", redis.url, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).jobs[0]).toMatchObject({ id: "broken", status: "failed", worker: workers[1].id, error: `cannot read ${missing}: file not found` });
    expect(r.err).toContain(`mixlab: job broken failed: cannot read ${missing}: file not found\n`);
  }, 60_000);

  it("mixlab worker stops on SIGTERM with exit 0 and leaves no job behind in Redis", async () => {
    const survivor = workers[1];
    survivor.child.kill("SIGTERM");
    expect(await survivor.exited).toBe(0);
    expect(survivor.log()).toContain("worker: SIGTERM: finishing the running jobs");
    const { Redis } = await import("ioredis");
    const client = new Redis(redis.url);
    const jobKeys = (await client.keys("bull:mixlab-batch:batch-*")).length;
    await client.quit();
    expect(jobKeys).toBe(0);
  }, 30_000);
});
