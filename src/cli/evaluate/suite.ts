/**
 * runSuite(options): `mixlab evaluate`'s synthetic suite — N generated data sets across the
 * difficulty scenarios, each written as `mixlab generate` writes it (data + truth.json) under
 * `dir/<id>/`, each fitted by each model through `mixlab fit` jobs on local worker threads, and
 * each fit compared with the truth.
 */
import { join } from "node:path";
import { loadArtifact } from "../../artifact/load";
import { evaluationOf, recoveryOf, type EvaluatedDataset, type Evaluation } from "../../analysis/recovery";
import { generate } from "../../generate/generate";
import { trueReturns } from "../../generate/generated-table";
import { scenarioOptions } from "../../generate/scenarios";
import type { GeneratedData } from "../../generate/truth";
import { writeGenerated } from "../../generate/write-generated";
import type { ProgressStream } from "../../util/progress";
import type { JobResult } from "../batch/job-result";
import type { BatchJob } from "../batch/manifest";
import { commandLine } from "./command-line";
import type { ModelVariant } from "./model-variants";
import { runFits } from "./run-fits";

/** What the suite runs: how many data sets from which seed, the models, extra fit flags, where the sets go, on how many threads. */
export interface SuiteOptions {
  datasets: number;
  seed: number;
  models: readonly ModelVariant[];
  /** Flags added to every fit (e.g. ["--trials", "300"]). */
  fitFlags: readonly string[];
  dir: string;
  workers: number;
  progress: ProgressStream;
}

/** A written data set: its id, scenario, data (with truth) and the path of its CSV. */
interface SuiteSet {
  id: string;
  scenario: string;
  data: GeneratedData;
  input: string;
}

/** writeSets(options) generates and writes data set i = 0…N−1 as `dir/<NN-scenario>/`. */
function writeSets(options: SuiteOptions): SuiteSet[] {
  return Array.from({ length: options.datasets }, (_, i) => {
    const { scenario, options: generateOptions } = scenarioOptions(i, options.seed);
    const id = `${String(i + 1).padStart(2, "0")}-${scenario.name}`;
    const data = generate(generateOptions);
    writeGenerated(join(options.dir, id), data);
    return { id, scenario: scenario.name, data, input: join(options.dir, id, data.files[0].path) };
  });
}

/** modelFile(name) → the model.json name of a variant (characters other than [A-Za-z0-9_.-] as "_"). */
function modelFile(name: string): string {
  return `${name.replace(/[^A-Za-z0-9_.-]/g, "_")}.model.json`;
}

/** fitJob(set, model, options) → the `mixlab fit` job of one data set and model. */
function fitJob(set: SuiteSet, model: ModelVariant, options: SuiteOptions): BatchJob {
  return {
    id: `${set.id}/${model.name}`,
    args: ["fit", set.input, ...model.args, "--seed", String(options.seed), ...options.fitFlags],
    out: join(options.dir, set.id, modelFile(model.name)),
  };
}

/** scoreFit(set, job, result) → the fit of `job.out` against the set's truth over the fit window. */
function scoreFit(set: SuiteSet, job: BatchJob, result: JobResult): EvaluatedDataset["models"][string] {
  const artifact = loadArtifact(job.out);
  const summary = artifact.summary;
  const recovery = recoveryOf(summary.channels, trueReturns(set.data, summary.fit_window.rows));
  return {
    command: commandLine([...job.args, "--out", job.out]),
    holdout_mape: summary.holdout?.mape ?? null,
    seconds: artifact.fit_seconds ?? result.seconds ?? Number.NaN,
    share_error_max: recovery.share_error_max,
    roas: recovery.roas,
  };
}

/** runSuite(options) → the evaluation of every model on every generated data set. */
export async function runSuite(options: SuiteOptions): Promise<Evaluation> {
  const sets = writeSets(options);
  const jobs = sets.flatMap((set) => options.models.map((model) => fitJob(set, model, options)));
  const results = await runFits(jobs, options.workers, options.progress);
  const datasets = sets.map((set, s): EvaluatedDataset => {
    const models = Object.fromEntries(options.models.map((model, m) => {
      const k = s * options.models.length + m;
      return [model.name, scoreFit(set, jobs[k], results[k])];
    }));
    return { id: set.id, scenario: set.scenario, models };
  });
  return evaluationOf(datasets);
}
