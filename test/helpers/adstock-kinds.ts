/**
 * One of every adstock kind and option, resolved (Weibull windows explicit): the cases the
 * kernel and carry-over tests (test/features/adstock.test.ts, design.test.ts) run over.
 */
import type { AdstockParams } from "../../src/spec/transform-params";

export const RESOLVED_ADSTOCKS: readonly AdstockParams[] = [
  { type: "geometric", decay: 0.6 },
  { type: "geometric", decay: 0.85, normalize: true },
  { type: "geometric", decay: 0.5, maxLag: 4 },
  { type: "geometric", decay: 0.3, maxLag: 2, normalize: true },
  { type: "weibull_cdf", shape: 1.4, scale: 0.3, window: 30 },
  { type: "weibull_pdf", shape: 2.2, scale: 0.15, window: 60 },
  { type: "delayed", decay: 0.5, peakLag: 1.5, maxLag: 6 },
  { type: "none" },
];
