/**
 * The prediction server under load, on loopback, with the load generator (autocannon, in this
 * process) sharing the machine's cores with the server:
 *   - startup: spawn of `node bin/mixlab.js serve --model …` to its ready line (median of 5), and
 *     idle RSS (VmRSS of the server process after 2 s idle);
 *   - POST /predict with 1 row and with 100 rows: req/s, p50 and p99 latency;
 *   - the same 1-row load against the same server with its Node fast path for POST /predict off
 *     (every request through Hono: `startServer({ fastPath: false })`), with and without its log:
 *     what the fast path earns;
 *   - the same 1-row load against a bare node:http server doing a linear prediction with no
 *     framework (written below): the practical limit; aim ≥ 75 % of its req/s;
 *   - the same 1-row load against FastAPI + uvicorn (uvloop, httptools) when python3-fastapi,
 *     python3-uvicorn and python3-uvloop are installed (apt); aim ≥ 2× its req/s, p99 no worse.
 * The server runs from dist/ (built first when src/ is newer) with its access log on, as deployed,
 * written to a file (`2> access.log`): a pipe would make this process — the load generator — read
 * every log line and compete with itself; the two baselines write no access log (uvicorn runs with
 * --no-access-log), so the same 1-row load is also run with `--no-access-log`, like for like.
 * The five 1-row servers are loaded in many short turns (rounds × 1 s each, rotating which goes
 * first), because this machine's speed drifts by ±30 % over seconds: a ratio of two long runs
 * measures the drift as much as the servers. Each round's mixlab/bare ratio pairs two turns at most
 * 2 s apart; the headline is the median of those ratios, with their interquartile range.
 * Usage: tsx bench/server.bench.ts [rounds=30] [slice seconds=1] [connections=50] (the 100-row and
 * FastAPI runs take 6 s each)
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
// autocannon ships no types; its promise API is all this bench needs.
const autocannon = require("autocannon") as Cannon;

const root = join(__dirname, "..");
const rounds = Number(process.argv[2] ?? 30);
const slice = Number(process.argv[3] ?? 1);
const connections = Number(process.argv[4] ?? 50);
/** Length of the single runs (100 rows, FastAPI), in seconds. */
const seconds = 6;
const work = mkdtempSync(join(tmpdir(), "mixlab-bench-server-"));
const children: ChildProcess[] = [];
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than src/ (a build with type errors still emits; go on if it did). */
function ensureBuilt(): void {
  const built = join(root, "dist", "server", "main.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(root, "src"))) return;
  console.log("building dist/ …");
  try {
    execFileSync(process.execPath, [join(root, "scripts", "build.cjs")], { stdio: ["ignore", "ignore", "inherit"] });
  } catch {
    if (!existsSync(built)) throw new Error("the build failed and dist/server/main.js is missing");
    console.log("(the build reported errors outside the server; dist/ was emitted, going on)");
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** spawnUntil(cmd, args, ready) → the child once a line of its stdout or stderr matches `ready`, with the match and the time it took. */
function spawnUntil(cmd: string, args: string[], ready: RegExp, options: { cwd?: string } = {}): Promise<{ child: ChildProcess; match: RegExpMatchArray; ms: number }> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: options.cwd ?? root, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`${cmd} ${args.join(" ")} did not become ready in 20 s:\n${seen}`)), 20_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(ready);
      if (match) {
        clearTimeout(timer);
        const ms = performance.now() - t0;
        child.stdout?.removeListener("data", onData);
        child.stderr?.removeListener("data", onData);
        child.stdout?.resume();
        child.stderr?.resume(); // keep draining (the access log) so the child never blocks on a full pipe
        resolve({ child, match, ms });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${cmd} exited with ${code} before it was ready:\n${seen}`)));
  });
}

/**
 * spawnLogToFile(cmd, args, logPath, ready) → the child once its stderr, written to the file
 * `logPath` (no pipe to this process), holds a line matching `ready`.
 */
async function spawnLogToFile(cmd: string, args: string[], logPath: string, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const fd = openSync(logPath, "w");
  const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "ignore", fd] });
  closeSync(fd);
  children.push(child);
  const t0 = performance.now();
  for (;;) {
    const match = readFileSync(logPath, "utf8").match(ready);
    if (match) return { child, match };
    if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(" ")} exited with ${child.exitCode} before it was ready:\n${readFileSync(logPath, "utf8")}`);
    if (performance.now() - t0 > 20_000) throw new Error(`${cmd} ${args.join(" ")} did not become ready in 20 s`);
    await sleep(5);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((done) => setTimeout(done, 3000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** cpuSeconds(pid) → user + system CPU time the process has used (Linux /proc, 100 ticks per second). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A load run plus the server's CPU time per request (robust to other load on the machine). */
type Run = CannonResult & { cpuUs: number; /** pooled runs: the worst turn's p99, ms */ worstP99?: number };

async function load(url: string, body: string, duration: number, pid: number): Promise<Run> {
  const c0 = cpuSeconds(pid);
  const r = await autocannon({ url, method: "POST", headers: { "content-type": "application/json" }, body, connections, duration, pipelining: 1 });
  return { ...r, cpuUs: (1e6 * (cpuSeconds(pid) - c0)) / Math.max(1, r.requests.total) };
}

/** Fits the weekly model once and returns its path and the two request bodies. */
function fixtures(): { model: string; one: string; hundred: string; linear: { intercept: number; coefficients: Record<string, number> } } {
  const model = join(work, "model.json");
  execFileSync(process.execPath, [join(root, "bin", "mixlab.js"), "fit", join(root, "data", "weekly", "mmm_weekly.csv"), "--trials", "200", "--bootstrap", "10", "--seed", "1", "--out", model, "--no-progress"], { stdio: "ignore" });
  const artifact = JSON.parse(readFileSync(model, "utf8")) as { spec: { channels: string[]; controls: string[] }; terms: string[]; coefficients: number[]; intercept: number; history: { dates: string[] } };
  const lines = readFileSync(join(root, "data", "weekly", "mmm_weekly.csv"), "utf8").trimEnd().split("\n");
  const header = lines[0].split(",");
  const rowOf = (line: string) => {
    const cells = line.split(",");
    const row: Record<string, string | number> = { date: cells[header.indexOf("date")] };
    for (const c of artifact.spec.channels) row[c] = Number(cells[header.indexOf(`${c}_spend`)]);
    for (const c of artifact.spec.controls) row[c] = Number(cells[header.indexOf(c)]);
    return row;
  };
  const last = rowOf(lines[lines.length - 1]);
  const next = new Date(Date.parse(`${artifact.history.dates[artifact.history.dates.length - 1]}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const one = JSON.stringify({ rows: [{ ...last, date: next }] });
  const hundred = JSON.stringify({ rows: lines.slice(lines.length - 100).map(rowOf) });
  const coefficients: Record<string, number> = {};
  artifact.terms.forEach((t, j) => { coefficients[t] = artifact.coefficients[j]; });
  return { model, one, hundred, linear: { intercept: artifact.intercept, coefficients } };
}

/** The bare node:http baseline: parse the JSON body, intercept + Σ coefficient × value per row, answer JSON. No framework, no validation beyond JSON.parse. */
function bareServerSource(linear: { intercept: number; coefficients: Record<string, number> }): string {
  return `
const http = require("node:http");
const intercept = ${JSON.stringify(linear.intercept)};
const coefficients = ${JSON.stringify(linear.coefficients)};
const names = Object.keys(coefficients);
const server = http.createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/predict") { res.writeHead(404); res.end(); return; }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    let body;
    try { body = JSON.parse(Buffer.concat(chunks).toString()); } catch { res.writeHead(400, { "content-type": "application/json" }); res.end('{"error":"bad json"}'); return; }
    const predictions = body.rows.map((row) => {
      let y = intercept;
      for (const n of names) { const v = row[n]; if (typeof v === "number") y += coefficients[n] * v; }
      return { date: row.date, predicted: y };
    });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ predictions }));
  });
});
server.listen(0, "127.0.0.1", () => console.log("listening " + server.address().port));
`;
}

/** FastAPI + pydantic row validation + the same linear prediction with the Hill saturation of each channel (no adstock: less work than mixlab does). */
function fastApiSource(model: string): string {
  return `
import json
from datetime import date
from typing import List, Optional
from fastapi import FastAPI
from pydantic import BaseModel, Field, create_model

artifact = json.load(open(${JSON.stringify(model)}))
channels = artifact["spec"]["channels"]
controls = artifact["spec"]["controls"]
coef = dict(zip(artifact["terms"], artifact["coefficients"]))
intercept = artifact["intercept"]
transforms = artifact["transforms"]
fields = {"date": (date, ...)}
for c in channels:
    fields[c] = (float, Field(..., ge=0))
for c in controls:
    fields[c] = (Optional[float], None)
Row = create_model("Row", **fields)
class Body(BaseModel):
    rows: List[Row]

def saturate(x, t):
    s = t["saturation"]
    if s.get("type") == "hill":
        k = s["halfSaturation"]; n = s["shape"]
        return x ** n / (x ** n + k ** n) if x > 0 else 0.0
    return x

app = FastAPI()

@app.get("/health")
def health():
    return {"status": "ok"}

@app.post("/predict")
def predict(body: Body):
    out = []
    for row in body.rows:
        y = intercept
        for c in channels:
            y += coef.get(c, 0.0) * saturate(getattr(row, c), transforms[c])
        for c in controls:
            v = getattr(row, c)
            if v is not None:
                y += coef.get(c, 0.0) * v
        out.append({"date": row.date.isoformat(), "predicted": y})
    return {"predictions": out}
`;
}

function fastApiAvailable(): boolean {
  try {
    execFileSync("/usr/bin/python3", ["-c", "import fastapi, uvicorn, uvloop, httptools"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** rate(run) → requests per second over the whole run. */
const rate = (r: Run) => r.requests.total / Math.max(1e-9, r.duration);

/** quantile(x, q) → the q-quantile of x, linear between order statistics (numpy's default). */
function quantile(x: number[], q: number): number {
  const sorted = [...x].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
}

const medianOf = (x: number[]) => quantile(x, 0.5);

/**
 * pooled(turns) → the turns of one server as one run: all requests over all the time, CPU per
 * request over all of them, p50 and p99 the median of the turns', and worstP99 the worst turn's p99.
 */
function pooled(turns: Run[]): Run {
  const total = turns.reduce((sum, t) => sum + t.requests.total, 0);
  const duration = turns.reduce((sum, t) => sum + t.duration, 0);
  return {
    requests: { average: total / duration, total },
    latency: { p50: medianOf(turns.map((t) => t.latency.p50)), p99: medianOf(turns.map((t) => t.latency.p99)), average: NaN, max: Math.max(...turns.map((t) => t.latency.max)) },
    non2xx: turns.reduce((sum, t) => sum + t.non2xx, 0),
    errors: turns.reduce((sum, t) => sum + t.errors, 0),
    timeouts: turns.reduce((sum, t) => sum + t.timeouts, 0),
    duration,
    cpuUs: turns.reduce((sum, t) => sum + t.cpuUs * t.requests.total, 0) / Math.max(1, total),
    worstP99: Math.max(...turns.map((t) => t.latency.p99)),
  };
}

/** The quartiles of a sample: the middle half lies between low and high. */
interface Quartiles { low: number; median: number; high: number }

/** quartiles(x) → the 25 %, 50 % and 75 % quantiles of x. */
function quartiles(x: number[]): Quartiles {
  return { low: quantile(x, 0.25), median: quantile(x, 0.5), high: quantile(x, 0.75) };
}

const fmt = (r: Run) => `${Math.round(rate(r)).toLocaleString("en-US").padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms   server CPU ${r.cpuUs.toFixed(0).padStart(4)} µs/req   (${r.requests.total.toLocaleString("en-US")} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`;

async function main(): Promise<void> {
  ensureBuilt();
  const f = fixtures();
  const bin = join(root, "bin", "mixlab.js");
  const serveArgs = [bin, "serve", "--model", f.model, "--port", "0"];
  const ready = /"msg":"ready","url":"(http:\/\/[^"]+)"/;

  // Startup: spawn → ready line, 5 times.
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = await spawnUntil(process.execPath, serveArgs, ready);
    startups.push(s.ms);
    await stop(s.child);
  }
  startups.sort((a, b) => a - b);

  // The five 1-row servers run side by side (an idle server costs nothing) and are loaded in short
  // turns, `rounds` times, rotating which goes first (see the module comment).
  const logPath = join(work, "access.log");
  const server = await spawnLogToFile(process.execPath, serveArgs, logPath, ready);
  const url = `${server.match[1]}/predict`;
  const pid = server.child.pid as number;
  await sleep(2000);
  const idleRss = rssMb(pid);
  const quiet = await spawnLogToFile(process.execPath, [...serveArgs, "--no-access-log"], join(work, "quiet.log"), ready);
  // The same server with every request through Hono (no Node fast path for POST /predict), with and without its log.
  const honoOnly = (accessLog: boolean) => [
    "-e",
    `require(${JSON.stringify(join(root, "dist", "server", "main.js"))}).startServer({ model: ${JSON.stringify(f.model)}, port: 0, fastPath: false, accessLog: ${accessLog} })`,
  ];
  const hono = await spawnLogToFile(process.execPath, honoOnly(true), join(work, "hono.log"), ready);
  const honoQuiet = await spawnLogToFile(process.execPath, honoOnly(false), join(work, "hono-quiet.log"), ready);
  const bare = await spawnUntil(process.execPath, ["-e", bareServerSource(f.linear)], /listening (\d+)/);
  const bareUrl = `http://127.0.0.1:${bare.match[1]}/predict`;
  const targets = [
    { url, pid },
    { url: `${quiet.match[1]}/predict`, pid: quiet.child.pid as number },
    { url: `${hono.match[1]}/predict`, pid: hono.child.pid as number },
    { url: `${honoQuiet.match[1]}/predict`, pid: honoQuiet.child.pid as number },
    { url: bareUrl, pid: bare.child.pid as number },
  ];
  const BARE = targets.length - 1;
  for (const t of targets) await load(t.url, f.one, 2, t.pid); // warm-up (JIT, holiday cache)
  const runs: Run[][] = targets.map(() => []);
  for (let r = 0; r < rounds; r++) {
    // round r starts with server r mod 5, so none is always loaded first
    for (let i = 0; i < targets.length; i++) {
      const t = (r + i) % targets.length;
      runs[t].push(await load(targets[t].url, f.one, slice, targets[t].pid));
    }
  }
  const [one, oneQuiet, honoOne, honoOneQuiet, bareOne] = runs.map(pooled);
  // Paired ratios: each mixlab turn against the bare turn of the same round (a slow spell of the
  // machine hits both); the headline is their median.
  const paired = (t: number) => runs[t].map((run, r) => rate(run) / rate(runs[BARE][r]));
  const spread = [0, 1, 2, 3].map((t) => quartiles(paired(t)));
  const hundred = await load(url, f.hundred, seconds, pid);
  const loadedRss = rssMb(pid);
  await stop(server.child);
  await stop(quiet.child);
  await stop(hono.child);
  await stop(honoQuiet.child);
  await stop(bare.child);
  const logLines = readFileSync(logPath, "utf8").split("\n").filter((l) => l.includes('"request_id"')).length;

  let fast: Run | null = null;
  if (fastApiAvailable()) {
    writeFileSync(join(work, "fastapi_app.py"), fastApiSource(f.model));
    const port = await freePort();
    const py = await spawnUntil("/usr/bin/python3", ["-m", "uvicorn", "fastapi_app:app", "--host", "127.0.0.1", "--port", String(port), "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--workers", "1"], /Uvicorn running on/, { cwd: work });
    const fastUrl = `http://127.0.0.1:${port}/predict`;
    await load(fastUrl, f.one, 2, py.child.pid as number);
    fast = await load(fastUrl, f.one, seconds, py.child.pid as number);
    await stop(py.child);
  }

  const os = require("node:os") as typeof import("node:os");
  console.log(`loopback, ${connections} connections; 1 row: ${rounds} rounds of ${slice} s turns per server; 100 rows and FastAPI: ${seconds} s; load generator in the same machine (${os.cpus().length} cores; load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})`);
  console.log(`startup (spawn → ready line): median ${startups[2].toFixed(0)} ms, max ${startups[4].toFixed(0)} ms   [aim < 1000 ms]`);
  console.log(`RSS: idle ${idleRss.toFixed(1)} MB [aim < 150 MB], after load ${loadedRss.toFixed(1)} MB`);
  console.log(`mixlab /predict   1 row:  ${fmt(one)}`);
  console.log(`mixlab /predict 100 rows: ${fmt(hundred)}`);
  console.log(`  (access log to a file: ${logLines.toLocaleString("en-US")} lines written)`);
  console.log(`mixlab, no access log, 1 row: ${fmt(oneQuiet)}`);
  console.log(`mixlab, no fast path (all through Hono), 1 row: ${fmt(honoOne)}`);
  console.log(`mixlab, no fast path, no access log, 1 row: ${fmt(honoOneQuiet)}`);
  console.log(`bare node:http    1 row:  ${fmt(bareOne)}`);
  const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
  const shown = (q: Quartiles) => `${pct(q.median)} (middle half of rounds ${pct(q.low)}–${pct(q.high)})`;
  console.log(`  mixlab / bare node req/s, median of ${rounds} paired rounds: with its access log ${shown(spread[0])}; without ${shown(spread[1])}   [aim ≥ 75 %]`);
  console.log(`  without the fast path (Hono only): with its access log ${shown(spread[2])}; without ${shown(spread[3])}`);
  console.log(`    all turns pooled: with its access log ${pct(rate(one) / rate(bareOne))} (by server CPU per request ${pct(bareOne.cpuUs / one.cpuUs)}); without ${pct(rate(oneQuiet) / rate(bareOne))} (${pct(bareOne.cpuUs / oneQuiet.cpuUs)})`);
  console.log(`    Hono only, pooled: with its access log ${pct(rate(honoOne) / rate(bareOne))} (by CPU ${pct(bareOne.cpuUs / honoOne.cpuUs)}); without ${pct(rate(honoOneQuiet) / rate(bareOne))} (${pct(bareOne.cpuUs / honoOneQuiet.cpuUs)})`);
  if (fast !== null) {
    console.log(`FastAPI+uvicorn   1 row:  ${fmt(fast)}`);
    console.log(`  mixlab / FastAPI req/s: ${(rate(one) / rate(fast)).toFixed(2)}×   [aim ≥ 2×]; by server CPU per request: ${(fast.cpuUs / one.cpuUs).toFixed(2)}×; p99 (mixlab: its worst turn) ${one.worstP99} ms vs ${fast.latency.p99} ms   [aim: no worse]`);
  } else {
    console.log("FastAPI+uvicorn: not installed here (apt: python3-fastapi python3-uvicorn python3-uvloop); the issue's reference: about 3,900 req/s, p99 25 ms");
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
