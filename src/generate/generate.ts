/**
 * Synthetic marketing-mix data with known ground truth. Pure: returns file texts and the truth;
 * `write-generated.ts` puts them on disk. Every random choice goes through the seeded PRNG
 * (`createRandom(seed)`, one forked stream per purpose), numbers are written with fixed decimals and
 * no clock is read, so the same options give byte-identical files and truth.
 *
 * The steps, one file each: the options (options.ts), the data-generating process (process.ts),
 * the files of the chosen shape (sheets.ts for wide and channel-dir, campaigns.ts), the recorded
 * faults (dirt.ts) and the truth (truth.ts), computed from the clean data before dirt.
 */
import { createRandom, type Random } from "../util/random";
import { campaignsFile } from "./campaigns";
import { injectDirt } from "./dirt";
import { resolveGenerateOptions, type GenerateOptions, type ResolvedGenerateOptions } from "./options";
import { GROUP_COLUMN, groupTruth, nationalOfGroups, panelSheet, POPULATION_COLUMN, simulateGroups } from "./panel";
import { simulateProcess, type SimulatedProcess } from "./process";
import { render, shapeSheets } from "./sheets";
import { truthOf, type GeneratedData, type Truth } from "./truth";

/**
 * generate(options) builds a synthetic MMM data set with known truth (see the module comment).
 * Pure and deterministic: the same options give byte-identical files and truth. O(n·(channels·L)),
 * L the adstock kernel length (n for Weibull).
 *
 * @param options - see GenerateOptions; all optional
 * @returns the files (relative paths and text), the truth and the per-period series
 * @throws RangeError for invalid options; Error for dirt with the campaigns shape or an unknown country
 * @example generate({ seed: 1, periods: 52 }).files[0].path // => "mmm_weekly.csv"
 */
export function generate(options: GenerateOptions = {}): GeneratedData {
  const opt = resolveGenerateOptions(options);
  const targetName: "revenue" | "sales" = opt.shape === "channel-dir" ? "sales" : "revenue";

  // Independent streams, forked in a fixed order whatever the options.
  const root = createRandom(opt.seed);
  const rBase = root.fork();
  const rControls = root.fork();
  const rChannels = root.fork();
  const rNoise = root.fork();
  const rCampaigns = root.fork();
  const rDirt = root.fork();
  const process = simulateProcess(opt, { base: rBase, controls: rControls, channels: rChannels, noise: rNoise });
  if (opt.groups !== undefined) return panelData(opt, process, root.fork());

  // The files of the chosen shape (campaigns: channel spend = Σ of its campaigns' cents, unchanged).
  let campaignTruth: Truth["campaigns"] = null;
  const files: Array<{ path: string; content: string }> = [];
  const sheets = shapeSheets(opt, process);
  if (opt.shape === "campaigns") {
    const result = campaignsFile(rCampaigns, opt, process.dates, process.spendCents, process.contributions, process.targetCents, opt.frequency === "weekly");
    files.push({ path: "campaigns.csv", content: result.content });
    campaignTruth = result.campaigns;
  }

  // Dirt.
  let dirtTruth: Truth["dirt"] = null;
  if (opt.dirt) {
    const result = injectDirt(rDirt, sheets, opt.channels, targetName, process.spendCents, opt.periods);
    dirtTruth = { faults: result.faults, dropped_rows: result.dropped };
    sheets.forEach((sheet, i) => { files.push({ path: sheet.path, content: render(sheet, result.states[i]) }); });
  } else {
    for (const sheet of sheets) files.push({ path: sheet.path, content: render(sheet) });
  }

  const { dates, days, signal, noise, baseline, spend, contributions, controlSeries } = process;
  return {
    files,
    truth: truthOf(opt, process, files, campaignTruth, dirtTruth),
    series: { dates, days, signal, noise, baseline, spend, contributions, controls: controlSeries },
  };
}

/**
 * panelData(opt, national, r) → the generated panel (`opt.groups` geos around the national process,
 * panel.ts): one wide file, truth with national totals and per-group figures, series summed over groups.
 */
function panelData(opt: ResolvedGenerateOptions, national: SimulatedProcess, r: Random): GeneratedData {
  const groups = simulateGroups(opt, national, r);
  const sheet = panelSheet(opt, national, groups);
  const files = [{ path: sheet.path, content: render(sheet) }];
  const summed = nationalOfGroups(national, groups);
  const groupTruths = groups.map((g) => groupTruth(national, g, groups.length));
  const truth: Truth = {
    ...truthOf(opt, summed, files, null, null),
    noise_sd: Math.sqrt(groupTruths.reduce((s, g) => s + g.noise_sd ** 2, 0)),
    group_column: GROUP_COLUMN, population_column: POPULATION_COLUMN, groups: groupTruths,
  };
  const { dates, days, signal, noise, baseline, spend, contributions, controlSeries } = summed;
  return { files, truth, series: { dates, days, signal, noise, baseline, spend, contributions, controls: controlSeries } };
}
