/**
 * Exploratory data analysis for notebook 01: pure statistics (correlation, summaries) tested in
 * vitest, and the danfojs adapters (loaded on first call) for display.
 */
export * from "./correlation-matrix";
export * from "./summary-statistics";
export * from "./table-to-dataframe";
