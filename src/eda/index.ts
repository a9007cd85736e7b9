/**
 * Exploratory data analysis for notebook 01, the `mixlab/eda` subpath: the pure statistics
 * (correlation, summaries; also in the main index) and the danfojs adapters for display (danfojs,
 * an optional peer dependency, is loaded on first call).
 */
export { correlationMatrix, pearson, strongestCorrelations, type CorrelationMatrix } from "./correlation-matrix";
export { seriesSummary, summaryStatistics, type SeriesSummary } from "./summary-statistics";
export { dataFrameRecords, loadDanfo, recordsToDataFrame, tableToDataFrame } from "./table-to-dataframe";
