/**
 * readManifest(path): the jobs of a `mixlab batch` manifest, `{"jobs":[{"id","args":["fit", …],
 * "out"}]}`, checked: each job runs `mixlab <args…> --out <out>`, so args start with a command that
 * writes its result to --out, and ids and outs are unique.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { DataError } from "../../data/issue";

/** The commands a batch job may run, and what each writes at --out. */
export const JOB_OUTPUTS = { fit: "file", clean: "file", predict: "file", generate: "folder" } as const;

/** A command a batch job may run. */
export type JobCommand = keyof typeof JOB_OUTPUTS;

/** One job of a manifest: `mixlab <args…> --out <out>`, reported under `id`. */
export interface BatchJob {
  id: string;
  args: string[];
  out: string;
}

const COMMANDS = Object.keys(JOB_OUTPUTS) as JobCommand[];

const JobSchema = z.object({
  id: z.string().min(1, "must be a non-empty string"),
  args: z.array(z.string()).min(1, "must name a command").refine((a) => (COMMANDS as string[]).includes(a[0]), {
    message: `must start with one of ${COMMANDS.join(", ")}`,
  }).refine((a) => !a.some((s) => s === "--out" || s.startsWith("--out=")), {
    message: "must not contain --out (the job's out is added)",
  }),
  out: z.string().min(1, "must be a non-empty path"),
}).strict();

const ManifestSchema = z.object({ jobs: z.array(z.unknown()).min(1, "must list at least one job") }).strict();

/**
 * parseManifest(json, path) → the jobs of a parsed manifest.
 * @throws DataError naming the file, the job (index and id) and the field
 */
export function parseManifest(json: unknown, path: string): BatchJob[] {
  const top = ManifestSchema.safeParse(json);
  if (!top.success) throw new DataError(`manifest ${path}: ${issueText(top.error.issues[0])}`);
  const ids = new Set<string>();
  const outs = new Set<string>();
  return top.data.jobs.map((raw, i) => {
    const id = typeof (raw as { id?: unknown } | null)?.id === "string" ? ` (id "${(raw as { id: string }).id}")` : "";
    const where = `manifest ${path}: jobs[${i}]${id}`;
    const parsed = JobSchema.safeParse(raw);
    if (!parsed.success) throw new DataError(`${where}: ${issueText(parsed.error.issues[0])}`);
    const job = parsed.data;
    if (ids.has(job.id)) throw new DataError(`${where}: id "${job.id}" is used by an earlier job`);
    if (outs.has(job.out)) throw new DataError(`${where}: out "${job.out}" is written by an earlier job`);
    ids.add(job.id);
    outs.add(job.out);
    return job;
  });
}

/** issueText(issue) → "field: message" for the first zod issue. */
function issueText(issue: z.core.$ZodIssue): string {
  const field = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
  return `${field || "(top level)"}: ${issue.message}`;
}

/**
 * readManifest(path) reads and checks a manifest file.
 * @throws DataError when the file cannot be read, is not JSON, or a job is not valid
 */
export function readManifest(path: string): BatchJob[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new DataError(`cannot read manifest ${path}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DataError(`manifest ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseManifest(json, path);
}
