/**
 * `mixlab generate --out DIR --seed S --periods N --frequency daily|weekly --channels K
 * [--shape wide|channel-dir|campaigns] [--dirt]`, the difficulty knobs and the truth's structure
 * (`--saturation hill|logistic`, `--trend on|off`, `--season seasonal|flat`): synthetic data with
 * truth.json. `mixlab make-data --dir data` (run by `npm run data`) rewrites the bundled sets.
 */
import type { Command } from "commander";
import { UsageError } from "./usage-error";
import { BUNDLED_SETS, writeBundledSets } from "../generate/bundled-sets";
import { generate } from "../generate/generate";
import type { GenerateOptions } from "../generate/options";
import { writeGenerated } from "../generate/write-generated";
import { probeWritable } from "./probe-writable";
import { printJson, type CliContext } from "./context";
import { choiceOption, numberOption } from "./parse-flags";

interface GenerateFlags {
  out: string;
  seed: string;
  periods?: string;
  frequency: string;
  channels: string;
  shape: string;
  adstock: string;
  dirt?: boolean;
  seasonCorrelation?: string;
  alwaysOn?: string;
  collinear?: boolean;
  confounder?: boolean;
  snr?: string;
  country?: string;
  start?: string;
  groups?: string;
  json?: boolean;
  saturation: string;
  trend: string;
  season: string;
}

/** groupsOption(text, options) → the --groups count, checked against the shape and --dirt. */
function groupsOption(text: string, options: GenerateOptions): number {
  const groups = numberOption("--groups", text, { integer: true, min: 2, max: 500 });
  if (options.shape !== "wide" || options.dirt) throw new UsageError("--groups writes one wide file: it needs --shape wide and no --dirt");
  return groups;
}

export function registerGenerate(program: Command, ctx: CliContext): void {
  program.command("generate")
    .description("write synthetic MMM data with known ground truth (truth.json)")
    .requiredOption("--out <dir>", "folder to write")
    .option("--seed <n>", "random seed", "42")
    .option("--periods <n>", "number of periods (default 156 weekly, 730 daily)")
    .option("--frequency <f>", "daily | weekly", "weekly")
    .option("--channels <k|names>", "channel count or comma-separated names", "5")
    .option("--shape <shape>", "wide | channel-dir | campaigns", "wide")
    .option("--adstock <kind>", "geometric | weibull", "geometric")
    .option("--dirt", "inject faults and list them in truth.json")
    .option("--season-correlation <x>", "0..1: how much spend follows the demand season")
    .option("--always-on <n>", "number of channels that never stop spending")
    .option("--collinear", "make the second channel's spend follow the first's")
    .option("--confounder", "add demand_index, which drives both spend and revenue")
    .option("--snr <x>", "signal-to-noise ratio")
    .option("--country <code>", "holiday calendar country", "US")
    .option("--start <date>", "first date, YYYY-MM-DD")
    .option("--groups <n>", "panel: N geos in one wide file (date, geo, …, population), per-group truth in truth.json")
    .option("--json", "print truth.json on stdout")
    .option("--saturation <kind>", "true saturation family: hill | logistic", "hill")
    .option("--trend <on|off>", "a linear trend in the target", "on")
    .option("--season <seasonal|flat>", "yearly seasonality in the target, or a flat year", "seasonal")
    .action((flags: GenerateFlags) => {
      const channelsText = flags.channels.trim();
      const channels = /^\d+$/.test(channelsText)
        ? numberOption("--channels", channelsText, { integer: true, min: 1, max: 200 })
        : channelsText.split(",").map((s) => s.trim()).filter(Boolean);
      const options: GenerateOptions = {
        seed: numberOption("--seed", flags.seed, { integer: true }),
        frequency: choiceOption("--frequency", flags.frequency, ["daily", "weekly"] as const),
        channels,
        shape: choiceOption("--shape", flags.shape, ["wide", "channel-dir", "campaigns"] as const),
        adstock: choiceOption("--adstock", flags.adstock, ["geometric", "weibull"] as const),
        dirt: flags.dirt === true,
        collinear: flags.collinear === true,
        confounder: flags.confounder === true,
        country: flags.country,
      };
      if (flags.periods !== undefined) options.periods = numberOption("--periods", flags.periods, { integer: true, min: 8 });
      if (options.dirt && options.shape === "campaigns") throw new UsageError("--dirt supports --shape wide and channel-dir, not campaigns");
      if (flags.seasonCorrelation !== undefined) options.seasonCorrelation = numberOption("--season-correlation", flags.seasonCorrelation, { min: 0, max: 1 });
      if (flags.alwaysOn !== undefined) options.alwaysOn = numberOption("--always-on", flags.alwaysOn, { integer: true, min: 0 });
      if (flags.snr !== undefined) options.snr = numberOption("--snr", flags.snr, { positive: true });
      if (flags.start !== undefined) options.start = flags.start;
      options.saturation = choiceOption("--saturation", flags.saturation, ["hill", "logistic"] as const);
      options.trend = choiceOption("--trend", flags.trend, ["on", "off"] as const) === "on";
      options.seasonal = choiceOption("--season", flags.season, ["seasonal", "flat"] as const) === "seasonal";
      if (flags.groups !== undefined) options.groups = groupsOption(flags.groups, options);
      probeWritable(flags.out, "folder");
      const data = generate(options);
      writeGenerated(flags.out, data);
      if (flags.json) printJson(ctx, data.truth);
      else {
        ctx.out(`wrote ${data.files.map((f) => f.path).join(", ")} and truth.json to ${flags.out}\n`);
        ctx.out(`  ${data.truth.periods} ${data.truth.frequency} periods, ${data.truth.start} … ${data.truth.end}, ` +
          `${data.truth.channels.length} channels, media share ${(100 * data.truth.media_share).toFixed(1)} %` +
          (data.truth.dirt ? `, ${data.truth.dirt.faults.length} injected faults` : "") +
          (data.truth.groups ? `, ${data.truth.groups.length} groups (read with --group ${data.truth.group_column} --population ${data.truth.population_column})` : "") + "\n");
      }
      ctx.exit(0);
    });

  program.command("make-data")
    .description("regenerate the bundled data sets byte for byte (npm run data)")
    .option("--dir <dir>", "root folder", "data")
    .action((flags: { dir: string }) => {
      probeWritable(flags.dir, "folder");
      writeBundledSets(flags.dir);
      ctx.out(`wrote ${Object.keys(BUNDLED_SETS).join(", ")} under ${flags.dir}\n`);
      ctx.exit(0);
    });
}
