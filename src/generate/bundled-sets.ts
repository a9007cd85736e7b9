/**
 * The data sets bundled in data/: three generator specs with fixed seeds, so `mixlab make-data`
 * (or `npm run data`) reproduces them byte for byte.
 * - weekly: wide shape, 4 years of weeks, 5 channels, price and promo controls, geometric adstock,
 *   moderate difficulty (spend partly follows the season, 2 flighted channels), clean.
 * - daily: channel-dir shape, 2 years of days, 6 channels, with recorded dirt (truth.json lists every
 *   fault) — the set for validate and clean.
 * - campaigns: long campaign file, 1 year of days, 5 channels split into 8 campaigns.
 */
import { join } from "node:path";
import { generate } from "./generate";
import type { GenerateOptions } from "./options";
import { writeGenerated } from "./write-generated";

export type BundledSetName = "weekly" | "daily" | "campaigns";

export interface BundledSet {
  /** Folder under the data root (the set's name). */
  folder: string;
  description: string;
  options: GenerateOptions;
}

/** The bundled sets by name, in the order they are written: weekly, daily, campaigns. */
export const BUNDLED_SETS: Readonly<Record<BundledSetName, BundledSet>> = {
  weekly: {
    folder: "weekly",
    description: "wide CSV, 208 weeks, 5 channels, price and promo controls, geometric adstock, clean",
    options: {
      shape: "wide", seed: 42, frequency: "weekly", periods: 208,
      channels: ["tv", "radio", "social_media", "search", "outdoor"],
      adstock: "geometric", seasonCorrelation: 0.4, alwaysOn: 3, collinear: false, confounder: false, snr: 8,
    },
  },
  daily: {
    folder: "daily",
    description: "channel folder, 730 days, 6 channels, with recorded faults for validate and clean",
    options: {
      shape: "channel-dir", seed: 7, frequency: "daily", periods: 730,
      channels: ["tv", "radio", "social_media", "search", "outdoor", "print"],
      adstock: "geometric", dirt: true,
    },
  },
  campaigns: {
    folder: "campaigns",
    description: "long campaign file, 365 days, 5 channels in 8 campaigns",
    options: {
      shape: "campaigns", seed: 11, frequency: "daily", periods: 365,
      channels: ["tv", "radio", "social_media", "search", "outdoor"], campaigns: 8, adstock: "geometric",
    },
  },
};

/**
 * writeBundledSets(rootDir) generates every bundled set into rootDir/<folder>/.
 * @param rootDir - the data root, e.g. "data"
 * @returns per set, its name, folder and the paths written
 */
export function writeBundledSets(rootDir: string): Array<{ name: BundledSetName; dir: string; files: string[] }> {
  return (Object.keys(BUNDLED_SETS) as BundledSetName[]).map((name) => {
    const set = BUNDLED_SETS[name];
    const dir = join(rootDir, set.folder);
    return { name, dir, files: writeGenerated(dir, generate(set.options)) };
  });
}
