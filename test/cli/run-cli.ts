import { run } from "../../src/cli/main";

/** runCli(...args) runs the mixlab CLI in-process and captures stdout, stderr and the exit code. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(["node", "mixlab", ...args], { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}
