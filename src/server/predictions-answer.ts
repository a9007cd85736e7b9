/**
 * The answer of POST /predictions: uploaded channel-dir CSVs (already named and counted by the
 * route) loaded as `mixlab predict` loads a folder, predicted, and evaluated against the uploaded
 * sales. A raw upload (one with sales_data.csv) is first cleaned by `mixlab clean`'s own function
 * and read back from the wide CSV it writes — `mixlab clean` then `mixlab predict`, in memory — and
 * the answer's `cleaning` is clean's report; with `clean: false` (`?clean=false`) a dirty upload is
 * a 422 naming its first problem. Runs in a worker thread (work-worker.ts): parsing megabytes of
 * CSV is not main-thread work.
 */
import { mape } from "../analysis/metrics";
import { predict } from "../models/predict";
import { predictionInput } from "../artifact/prediction-input";
import { countLines } from "../data/csv";
import { DataError, type Issue } from "../data/issue";
import { clean, type CleanReport } from "../data/clean";
import { channelDirFromTexts } from "../data/load-channel-dir-texts";
import { SALES_FILE } from "../data/load-channel-dir";
import { wideFromText } from "../data/load-wide";
import type { Dataset } from "../data/source";
import { tableToWideCsv } from "../data/write-wide";
import type { DesignContext } from "../features/design";
import type { FittedModel } from "../models/fitted-model";
import { HttpError } from "./errors";
import { checkFinite } from "./predict-answer";

/** One uploaded file: its name (checked) and its text. */
export interface UploadedText {
  name: string;
  text: string;
}

/** What POST /predictions hands its worker: the files, the model type to report, the row limit and whether to clean. */
export interface PredictionsJob {
  files: UploadedText[];
  modelType: string;
  maxRows: number;
  /** Clean a raw upload with `mixlab clean`'s rules first (default true). */
  clean?: boolean;
}

const plainOrNull = (s: string | null) => (s !== null && /^[A-Za-z0-9_. -]{1,64}$/.test(s) ? s : null);

/** dataError(err) → a 422 whose message names the first problem's file, line and column (never its value). */
function dataError(err: DataError): HttpError {
  const first: Issue | undefined = err.issues.find((i) => i.severity === "error") ?? err.issues[0];
  const where = first === undefined ? "" : `; first problem: ${first.kind} in ${plainOrNull(first.file) ?? "a file"}${first.row === null ? "" : ` line ${first.row}`}${plainOrNull(first.column) === null ? "" : ` column ${plainOrNull(first.column)}`}${first.date === null ? "" : ` (${first.date})`}`;
  return new HttpError(422, err.message + where);
}

/**
 * cleanedUpload(raw) → the upload as `mixlab clean` leaves it (clean() with the CLI's defaults, its
 * table written as the wide CSV clean writes and read back with the table's roles) and clean's
 * report; null when the upload has no sales_data.csv (`mixlab clean` needs the target).
 * @throws DataError when clean() cannot run (a file it cannot read, an unknown frequency)
 */
function cleanedUpload(raw: Dataset): { dataset: Dataset; report: CleanReport } | null {
  if (!raw.files.some((f) => f.path === SALES_FILE)) return null;
  const { table, report } = clean(raw);
  const dataset = wideFromText(tableToWideCsv(table), raw.input, { date: "date", target: table.target, channels: table.channels, controls: table.controls });
  return { dataset, report };
}

/** uploadMape(files, days, predicted) → the MAPE of the predictions against the uploaded sales, over the periods that have one (NaN: none). */
function uploadMape(files: ReturnType<typeof channelDirFromTexts>["files"], days: Int32Array, predicted: Float64Array): { mape: number; rows: number } {
  const sales = new Map<number, number>();
  for (const f of files) {
    const col = f.columns.find((x) => x.role === "target");
    if (col !== undefined) for (let r = 0; r < f.days.length; r++) if (Number.isFinite(col.values[r])) sales.set(f.days[r], col.values[r]);
  }
  const actual: number[] = [];
  const fitted: number[] = [];
  days.forEach((d, i) => {
    const y = sales.get(d);
    if (y !== undefined) { actual.push(y); fitted.push(predicted[i]); }
  });
  return { mape: actual.length > 0 ? mape(actual, fitted) : NaN, rows: actual.length };
}

/**
 * predictionsAnswer(model, context, job) → the 200 text of POST /predictions:
 * `{"forecast":[{"date","predicted_sales"}],"model_type","rows_processed","evaluation":{"mape","rows"},
 * "cleaning":CleanReport|null}`; the MAPE is against the sales as cleaned (raw: as uploaded).
 * @throws HttpError 413 when a file or the forecast has more than maxRows rows, 422 for a data
 *   problem (naming file, line, column) or a non-finite prediction
 */
export function predictionsAnswer(model: FittedModel, context: DesignContext, job: PredictionsJob): string {
  const { files, modelType, maxRows } = job;
  for (const t of files) {
    if (countLines(t.text) - 1 > maxRows) throw new HttpError(413, `${t.name} has more than ${maxRows} rows (the server's row limit)`);
  }
  let dataset: Dataset;
  let cleaning: CleanReport | null = null;
  let input: ReturnType<typeof predictionInput>;
  let predicted: Float64Array;
  try {
    dataset = channelDirFromTexts(files);
    const cleaned = job.clean === false ? null : cleanedUpload(dataset);
    if (cleaned !== null) ({ dataset, report: cleaning } = cleaned);
    input = predictionInput(dataset, model);
    if (input.dates.length > maxRows) throw new HttpError(413, `the files span ${input.dates.length} periods, more than ${maxRows} (the server's row limit)`);
    predicted = predict(model, input, context);
  } catch (err) {
    throw err instanceof DataError ? dataError(err) : err;
  }
  checkFinite(predicted);
  const evaluation = uploadMape(dataset.files, input.days, predicted);
  return JSON.stringify({
    forecast: input.dates.map((date, i) => ({ date, predicted_sales: predicted[i] })),
    model_type: modelType,
    rows_processed: input.dates.length,
    evaluation: { mape: Number.isFinite(evaluation.mape) ? evaluation.mape : null, rows: evaluation.rows },
    cleaning,
  });
}
