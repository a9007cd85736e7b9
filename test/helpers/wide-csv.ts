import { createRandom } from "../../src/util/random";

/**
 * wideCsv(n, seed, extra, index) → a weekly wide CSV of n seeded rows: date, tv_spend,
 * tv_impressions (≈ 1000 × spend + noise), radio_spend, price, revenue, then the `extra` columns
 * (cell text from the row index and the row's tv spend); with `index`, a pandas-style unnamed
 * index column (0..n-1) first.
 */
export function wideCsv(n: number, seed: number, extra: Record<string, (i: number, tv: number) => string> = {}, index = false): string {
  const rng = createRandom(seed);
  const names = Object.keys(extra);
  const lines = [`${index ? "," : ""}date,tv_spend,tv_impressions,radio_spend,price,revenue${names.map((c) => "," + c).join("")}`];
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2022, 0, 3 + 7 * i)).toISOString().slice(0, 10);
    const tv = 1000 + 800 * rng.uniform();
    const impressions = tv * 1000 + 20_000 * rng.normal();
    const radio = 500 + 400 * rng.uniform();
    const price = 10 + rng.normal();
    const revenue = 20_000 + 2 * tv + 1.5 * radio - 300 * price + 200 * rng.normal();
    const cells = [date, tv, impressions, radio, price, revenue].map((v) => (typeof v === "number" ? v.toFixed(2) : v));
    lines.push(`${index ? `${i},` : ""}${cells.join(",")}${names.map((c) => "," + extra[c](i, tv)).join("")}`);
  }
  return lines.join("\n") + "\n";
}

