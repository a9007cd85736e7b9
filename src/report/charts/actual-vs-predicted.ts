/**
 * actualVsPredicted(dates, actual, predicted, options): the observed target and the model's
 * prediction over time, with the start of the holdout marked by a dotted vertical line.
 */
import { baseLayout, checkLength, numbers, type Figure, type Trace } from "./figure";

export interface ActualVsPredictedOptions {
  /** First date of the holdout (ISO); marked by a vertical line. */
  splitDate?: string | null;
  /** Name of the target, for the axis title (default "target"). */
  target?: string;
  title?: string;
}

/**
 * actualVsPredicted(dates, actual, predicted, options) → two line traces, "actual" (omitted when
 * actual is null; non-finite values are gaps) and "predicted", and a vertical line at
 * options.splitDate. O(n).
 * @param dates - ISO dates, one per period
 * @param actual - the observed target per period, or null when the input has none
 * @param predicted - the prediction per period
 * @throws RangeError when the series do not have one value per date
 * @example actualVsPredicted(["2024-01-01", "2024-01-08"], [10, 12], [11, 12], { splitDate: "2024-01-08" }).data[1].y // => [11, 12]
 */
export function actualVsPredicted(dates: readonly string[], actual: ArrayLike<number | null> | null, predicted: ArrayLike<number>, options: ActualVsPredictedOptions = {}): Figure {
  const n = dates.length;
  checkLength("actualVsPredicted", "predicted", predicted, n);
  if (actual !== null) checkLength("actualVsPredicted", "actual", actual, n);
  const x = [...dates];
  const data: Trace[] = [];
  if (actual !== null) {
    data.push({ type: "scatter", mode: "lines", name: "actual", x, y: numbers(actual), line: { color: "#333333", width: 1.5 } });
  }
  data.push({ type: "scatter", mode: "lines", name: "predicted", x, y: numbers(predicted), line: { color: "#1f77b4", width: 2 } });
  const layout = baseLayout(options.title ?? "Actual vs predicted", "date", options.target ?? "target");
  if (options.splitDate) {
    layout.shapes = [{ type: "line", xref: "x", yref: "paper", x0: options.splitDate, x1: options.splitDate, y0: 0, y1: 1, line: { color: "#666666", dash: "dot", width: 1 } }];
    layout.annotations = [{ x: options.splitDate, y: 1, xref: "x", yref: "paper", text: "holdout →", showarrow: false, xanchor: "left", yanchor: "bottom" }];
  }
  return { data, layout };
}
