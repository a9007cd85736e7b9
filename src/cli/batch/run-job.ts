/**
 * runJob(args, out): one batch job, `mixlab <args…> --out <out>`, run in this thread through the
 * CLI's own run() (the same code path as the command line, so the same seed gives the same bytes).
 * Loaded only by the job threads (job-thread.ts, redis-processor.ts), never by the command
 * registrations, so main.ts → batch.ts does not import main.ts back.
 */
import { run } from "../main";

/** How a job ended: its exit code, its one-line error when it failed, and its wall time, s. */
export interface JobRun {
  code: number;
  error: string | null;
  seconds: number;
}

/**
 * firstError(stderr) → the first "mixlab: …" line a failed command printed (without the prefix and
 * warnings), else its first non-empty line.
 */
function firstError(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => l.trim() !== "");
  const line = lines.find((l) => l.startsWith("mixlab: ") && !l.startsWith("mixlab: warning: ")) ?? lines[0] ?? "the command failed with no message";
  return line.replace(/^mixlab: /, "");
}

/**
 * runJob(args, out) runs `mixlab <args…> --out <out>` and resolves to its exit code, the error line
 * of a failed run (an internal error included) and the seconds it took. Its stdout is dropped.
 */
export async function runJob(args: readonly string[], out: string): Promise<JobRun> {
  let stderr = "";
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  try {
    const code = await run(["node", "mixlab", ...args, "--out", out], { out: () => undefined, err: (s) => { stderr += s; } });
    return { code, error: code === 0 ? null : firstError(stderr), seconds: seconds() };
  } catch (err) {
    return { code: 70, error: `internal error: ${err instanceof Error ? err.message : String(err)}`, seconds: seconds() };
  }
}
