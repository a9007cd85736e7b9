/**
 * channelDirFromTexts(files): the channel-dir shape read from memory — files uploaded to the
 * server instead of a folder on disk. Same rules and the same CSV path (readCsvColumns) as
 * loadChannelDir: one `<channel>_spend.csv` (`date,spend`) per channel and `sales_data.csv`
 * (`date,sales`); channel name = file name without `_spend.csv`; target = `sales`. Issues name
 * each file by its upload name.
 */
import { DataError } from "./issue";
import { channelDirDataset } from "./load-channel-dir";
import type { Dataset } from "./source";

/** One uploaded file: its name (`tv_spend.csv`) and its text. */
export interface NamedText {
  name: string;
  text: string;
}

/**
 * channelDirFromTexts(files, input) → the Dataset of a channel-dir given as named texts; `input`
 * names the whole upload in messages. O(total characters).
 * @throws DataError when two files have the same name
 * @example channelDirFromTexts([{ name: "tv_spend.csv", text: "date,spend\n2024-01-01,5\n" }, …]).channels // => ["tv"]
 */
export function channelDirFromTexts(files: readonly NamedText[], input = "upload"): Dataset {
  const byName = new Map<string, string>();
  for (const f of files) {
    if (byName.has(f.name)) throw new DataError(`${input} has two files named ${f.name}; send each file once`);
    byName.set(f.name, f.text);
  }
  const names = [...byName.keys()].sort();
  return channelDirDataset(input, names, (name) => name, (name) => byName.get(name) as string);
}
