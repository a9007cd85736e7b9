/**
 * The chart helpers: one pure function per chart, each returning a plain-JSON Plotly figure
 * `{ data, layout }`. The HTML report and the notebooks draw every chart through these (with
 * plotly-html.ts), so no chart is described twice.
 */
export { actualVsPredicted, type ActualVsPredictedOptions } from "./actual-vs-predicted";
export { adstockImpulse, type ImpulseSeries } from "./adstock-impulse";
export { budgetScenarios, scenarioLabel, type BudgetScenarioRow } from "./budget-scenarios";
export { cleaningChanges, type CleaningChange, type CleaningChangesOptions } from "./cleaning-changes";
export { correlationHeatmap, CORRELATION_COLORSCALE } from "./correlation-heatmap";
export { decompositionArea, type DecompositionAreaOptions } from "./decomposition-area";
export { responseCurves, type ResponseCurveSeries, type ResponseCurvesOptions, type ResponseMark } from "./response-curves";
export { roasWithIntervals, type RoasPoint } from "./roas-with-intervals";
export { saturationCurves, type SaturationSeries } from "./saturation-curves";
export { seriesOverTime, type SeriesOverTimeOptions } from "./series-over-time";
export { spendOverTime, type SpendOverTimeOptions } from "./spend-over-time";
export { spendShares } from "./spend-shares";
export { CHANNEL_COLORS, channelColor, finiteOrNull, numbers, type Figure, type Trace } from "./figure";
