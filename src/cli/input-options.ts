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
}

/** addInputOptions(cmd) declares the shared input flags on a command. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option("--format <format>", "input shape: wide | channel-dir | campaigns (default: detected)")
    .option("--date <column>", "date column of a wide file (default: date)")
    .option("--target <column>", "target column of a wide file (default: revenue or sales)")
    .option("--channels <list>", "comma-separated channel columns of a wide file (default: *_spend)")
    .option("--controls <list>", "comma-separated control columns (default: every other numeric column but a channel's exposure and index columns; text columns as indicators <col>=<level>)")
    .option("--channel-map <file>", "JSON {campaign_name: channel} grouping campaigns into channels")
    .option("--config <file>", "JSON config with roles, channel_map, clean and model settings");
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
    },
  };
}
