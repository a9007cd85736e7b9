/**
 * The difficulty scenarios of `mixlab evaluate`: each a name and the generator options that make
 * it (on top of the generator's defaults: 156 weekly periods, 5 channels, geometric adstock, Hill
 * saturation, signal-to-noise 8). A new scenario is one line here.
 */
import type { GenerateOptions } from "./options";

/** A kind of data set the suite generates: `name` in the output, `options` for generate(). */
export interface Scenario {
  name: string;
  options: GenerateOptions;
}

/** The scenarios, in the order data sets cycle through them (data set i has SCENARIOS[i mod length]). */
export const SCENARIOS: readonly Scenario[] = [
  { name: "easy", options: { seasonCorrelation: 0.2 } },
  { name: "season-correlated", options: { seasonCorrelation: 0.9 } },
  { name: "always-on", options: { alwaysOn: 5 } },
  { name: "collinear", options: { collinear: true } },
  { name: "confounder", options: { confounder: true } },
  { name: "low-snr", options: { snr: 2 } },
  { name: "short-history", options: { periods: 78 } },
  { name: "logistic-saturation", options: { saturation: "logistic" } },
];

/**
 * scenarioOptions(index, seed) → the scenario of data set `index` (0-based) and its generator
 * options, seeded `seed + index` so that every data set differs and the same seed gives the same sets.
 */
export function scenarioOptions(index: number, seed: number): { scenario: Scenario; options: GenerateOptions } {
  const scenario = SCENARIOS[index % SCENARIOS.length];
  return { scenario, options: { shape: "wide", frequency: "weekly", ...scenario.options, seed: seed + index } };
}
