/**
 * The flags every command that reads an INPUT shares (`--format`, `--date`, `--target`,
 * `--channels`, `--controls`, `--channel-map`, `--config`), turned into LoadOptions.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { Config } from "../spec/config";
import { readConfig } from "./read-config";
import type { LoadOptions } from "../data/load";
import { UsageError } from "./usage-error";

export interface InputFlags {
  format?: string;
  date?: string;
  target?: string;
  channels?: string;
  controls?: string;
  channelMap?: string;
  config?: string;
  group?: string;
  population?: string;
}

/** addInputOptions(cmd) declares the shared input flags on a command. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option("--format <format>", "input shape: wide | channel-dir | campaigns (default: detected)")
    .option("--date <column>", "date column of a wide file (default: date)")
    .option("--target <column|expression>", "target column of a wide file, or + - * / and parentheses over columns and numbers, e.g. \"PRICE - DISCOUNT\" (default: revenue or sales)")
    .option("--channels <list>", "comma-separated channel columns of a wide file (default: *_spend)")
    .option("--controls <list>", "comma-separated control columns (default: every other numeric column but a channel's exposure and index columns; text columns as indicators <col>=<level>)")
    .option("--channel-map <file>", "JSON {campaign_name: channel} grouping campaigns into channels")
    .option("--config <file>", "JSON config with roles, channel_map, clean and model settings")
    .option("--group <column>", "panels: the column naming each row's group (region, geo); several rows per date, one per group")
    .option("--population <column>", "panels: the column with each group's population (constant per group)");
}

/**
 * refusePanel(load, command) stops a command that has no panel models yet when it is given
 * `--group` or `--population`, rather than fitting or predicting as if the file had one group.
 * @throws UsageError naming the command
 */
export function refusePanel(load: Pick<LoadOptions, "group" | "population">, command: string): void {
  if (load.group === undefined && load.population === undefined) return;
  throw new UsageError(`mixlab ${command} --group: panel models are not available yet (validate and clean read panels; panel fits come later)`);
}

const list = (text: string | undefined): string[] | undefined =>
  text === undefined ? undefined : text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);

/** loadOptionsFrom(flags) → LoadOptions and the config (flags win over the config). */
export function loadOptionsFrom(flags: InputFlags): { load: LoadOptions; config: Config } {
  const config = flags.config ? readConfig(flags.config) : {};
  const format = flags.format ?? config.format;
  if (format !== undefined && format !== "wide" && format !== "channel-dir" && format !== "campaigns") {
    throw new UsageError(`--format must be wide, channel-dir or campaigns, not "${format}"`);
  }
  let channelMap = config.channel_map;
  if (flags.channelMap !== undefined) {
    try {
      channelMap = JSON.parse(readFileSync(flags.channelMap, "utf8")) as Record<string, string>;
    } catch (err) {
      throw new UsageError(`--channel-map ${flags.channelMap}: ${(err as Error).message}`);
    }
  }
  return {
    config,
    load: {
      format,
      date: flags.date ?? config.roles?.date,
      target: flags.target ?? config.roles?.target,
      channels: list(flags.channels) ?? config.roles?.channels,
      controls: list(flags.controls) ?? config.roles?.controls,
      channelMap,
      group: flags.group ?? config.roles?.group,
      population: flags.population ?? config.roles?.population,
    },
  };
}
