import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/data/issue";
import { channelDirFromTexts } from "../../src/data/load-channel-dir-texts";
import { loadChannelDir } from "../../src/data/load-channel-dir";

const daily = join(__dirname, "..", "..", "data", "daily");

describe("channelDirFromTexts", () => {
  it("channelDirFromTexts(files) reads the same channels, series and values as loadChannelDir of those files on disk", () => {
    const names = readdirSync(daily).filter((n) => n.endsWith(".csv"));
    const fromTexts = channelDirFromTexts(names.reverse().map((name) => ({ name, text: readFileSync(join(daily, name), "utf8") })));
    const fromDisk = loadChannelDir(daily);
    expect(fromTexts.format).toBe("channel-dir");
    expect(fromTexts.channels).toEqual(fromDisk.channels);
    expect(fromTexts.files.map((f) => f.path)).toEqual(fromDisk.files.map((f) => f.path.slice(daily.length + 1)));
    fromTexts.files.forEach((f, k) => {
      expect(f.columns.map((c) => [c.name, c.role])).toEqual(fromDisk.files[k].columns.map((c) => [c.name, c.role]));
      expect(f.columns[0].values).toEqual(fromDisk.files[k].columns[0].values);
      expect(f.days).toEqual(fromDisk.files[k].days);
    });
  });

  it("channelDirFromTexts without sales_data.csv reports it missing, like a folder without it", () => {
    const d = channelDirFromTexts([{ name: "tv_spend.csv", text: "date,spend\n2024-01-01,5\n" }]);
    expect(d.channels).toEqual(["tv"]);
    expect(d.issues.map((i) => [i.file, i.kind])).toEqual([["sales_data.csv", "missing_file"]]);
  });

  it("channelDirFromTexts with two files of one name throws a DataError", () => {
    const f = { name: "tv_spend.csv", text: "date,spend\n" };
    expect(() => channelDirFromTexts([f, f])).toThrow(new DataError("upload has two files named tv_spend.csv; send each file once"));
  });
});
