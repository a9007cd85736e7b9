/**
 * A throw-away Redis for the batch tests: Debian's redis-server (`apt-get install -y redis-server`;
 * .ci/run installs it) on a free loopback port, with nothing saved to disk (`--save "" --appendonly
 * no`), stopped after the tests. Also freePort() for a port where nothing listens.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

/** A running redis-server: its URL and stop(). */
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** Seconds redis-server may take to say it is ready. */
const START_SECONDS = 15;

/** freePort() → a TCP port on 127.0.0.1 where nothing listened a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** ready(child) → resolves once redis-server prints that it accepts connections; rejects if it exits or stays silent. */
function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within ${START_SECONDS} s:\n${log}`)), START_SECONDS * 1000);
    child.stdout?.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Ready to accept connections")) { clearTimeout(timer); resolve(); }
    });
    child.once("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === "ENOENT" ? new Error("redis-server is not installed: apt-get install -y redis-server (.ci/run does)") : err);
    });
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`redis-server exited (code ${code}):\n${log}`)); });
  });
}

/** startRedis() → a fresh redis-server on a free loopback port. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  await ready(child);
  child.stdout?.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}
