/**
 * `mixlab serve --model model.json | --models DIR [--port 8080] [--host 127.0.0.1]`: serves the
 * model(s) over HTTP (src/server). Logs one JSON line on stderr when ready, then one access-log line
 * per request; runs until SIGINT or SIGTERM. The server code is loaded only by this command.
 */
import type { Command } from "commander";
import type { CliContext } from "./context";
import { numberOption } from "./parse-flags";
import { UsageError } from "./usage-error";

interface ServeFlags {
  model?: string;
  models?: string;
  port: string;
  host: string;
  maxBodyBytes?: string;
  maxRows?: string;
  timeout?: string;
  accessLog: boolean;
}

/** registerServe(program, ctx) adds `mixlab serve` to the program. */
export function registerServe(program: Command, ctx: CliContext): void {
  program.command("serve")
    .description("serve saved models over HTTP: /predict, /predictions, /whatif, /optimize, /docs")
    .option("--model <model.json>", "one model file written by `mixlab fit`")
    .option("--models <dir>", "a folder of model files; each *.json is served, id = file name without .json")
    .option("--port <n>", "port to listen on (0 = any free port)", "8080")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--max-body-bytes <n>", "largest request body in bytes (default 4 MiB)")
    .option("--max-rows <n>", "most rows one request may predict (default 10000)")
    .option("--timeout <ms>", "longest a /whatif, /optimize or /predictions request may take from its arrival, in milliseconds (default 10000)")
    .option("--no-access-log", "do not write one JSON line per request on stderr")
    .action(async (flags: ServeFlags) => {
      if ((flags.model === undefined) === (flags.models === undefined)) throw new UsageError("serve needs either --model model.json or --models DIR (one of them)");
      const port = numberOption("--port", flags.port, { integer: true, min: 0, max: 65535 });
      const limits = {
        ...(flags.maxBodyBytes !== undefined && { maxBodyBytes: numberOption("--max-body-bytes", flags.maxBodyBytes, { integer: true, positive: true }) }),
        ...(flags.maxRows !== undefined && { maxRows: numberOption("--max-rows", flags.maxRows, { integer: true, positive: true }) }),
        ...(flags.timeout !== undefined && { timeoutMs: numberOption("--timeout", flags.timeout, { integer: true, positive: true }) }),
      };
      const { startServer } = await import("../server/main.js");
      let running: Awaited<ReturnType<typeof startServer>>;
      try {
        running = await startServer({ model: flags.model, models: flags.models, port, host: flags.host, limits, accessLog: flags.accessLog });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
          ctx.err(`mixlab: cannot listen on ${flags.host}:${port}: ${code}\n`);
          ctx.exit(1);
          return;
        }
        throw err;
      }
      const stop = () => { void running.close().then(() => process.exit(0)); };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      ctx.exit(0);
    });
}
