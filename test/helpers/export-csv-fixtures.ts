import { createRandom } from "../../src/util/random";

/**
 * Wide CSVs with the namings of other tools' exports, seeded, weekly from 2022-01-03, for
 * `mixlab init` (issue #17): each is `{ text, roles }` with the roles a reader should find.
 */
export interface ExportFixture {
  text: string;
  date: string;
  target: string;
  channels: string[];
  controls: string[];
  exposures: Record<string, string[]>;
  group: string | null;
}

/** weeks(n) → n ISO dates a week apart from 2022-01-03 (a Monday). */
function weeks(n: number): string[] {
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(2022, 0, 3 + 7 * i)).toISOString().slice(0, 10));
}

/**
 * table(header, n, seed, row) → CSV text: `row(i, rng, date)` gives the cells of row i in header order
 * (numbers with 2 decimals).
 */
function table(header: readonly string[], n: number, seed: number, row: (i: number, u: () => number, date: string) => (number | string)[]): string {
  const rng = createRandom(seed);
  const u = () => rng.uniform();
  const dates = weeks(n);
  const lines = [header.join(",")];
  for (let i = 0; i < n; i++) lines.push(row(i, u, dates[i]).map((v) => (typeof v === "number" ? v.toFixed(2) : v)).join(","));
  return lines.join("\n") + "\n";
}

/** Robyn's naming: `DATE`, spend as `*_S`, impressions as `*_I` (an exposure only by its correlation), `revenue`, a `competitor_sales_B` control. */
export function robynStyle(n = 80): ExportFixture {
  const text = table(["DATE", "tv_S", "facebook_S", "facebook_I", "competitor_sales_B", "revenue"], n, 3, (_, u, date) => {
    const tv = 2000 * u();
    const fb = 500 + 1000 * u();
    const comp = 50_000 + 5000 * u();
    return [date, tv, fb, fb * 120 + 2000 * u(), comp, 30_000 + 1.8 * tv + 2.5 * fb + 0.1 * comp + 800 * u()];
  });
  return { text, date: "DATE", target: "revenue", channels: ["tv_S", "facebook_S"], controls: ["competitor_sales_B"], exposures: { facebook_S: ["facebook_I"] }, group: null };
}

/** `*_cost` spend, a `<channel>_impressions` exposure, target `sales`, a `price` control. */
export function costStyle(n = 80): ExportFixture {
  const text = table(["week", "search_cost", "display_cost", "display_impressions", "price", "sales"], n, 5, (_, u, date) => {
    const search = 800 + 600 * u();
    const display = 300 + 900 * u();
    const price = 9 + 2 * u();
    return [date, search, display, display * 400 * (0.5 + u()), price, 20_000 + 3 * search + 1.2 * display - 500 * price + 300 * u()];
  });
  return { text, date: "week", target: "sales", channels: ["search_cost", "display_cost"], controls: ["price"], exposures: { display_cost: ["display_impressions"] }, group: null };
}

/** Generated-data naming: `Channel0_spend`…, `Channel0_impressions`, target `conversions`, an unnamed index column first. */
export function channelIndexStyle(n = 80): ExportFixture {
  const text = table(["", "date", "Channel0_spend", "Channel1_spend", "Channel0_impressions", "temperature", "conversions"], n, 9, (i, u, date) => {
    const c0 = 1000 * u();
    const c1 = 200 + 700 * u();
    const t = 10 + 15 * u();
    return [String(i), date, c0, c1, c0 * 90 * (0.3 + u()), t, 400 + 0.05 * c0 + 0.08 * c1 + 3 * t + 10 * u()];
  });
  return { text, date: "date", target: "conversions", channels: ["Channel0_spend", "Channel1_spend"], controls: ["temperature"], exposures: { Channel0: ["Channel0_impressions"] }, group: null };
}

/** A panel: three `geo`s, each date once per geo, `tv_spend`, `search_spend`, `revenue`, a `price` control. */
export function geoPanel(n = 60): ExportFixture {
  const geos = ["north", "south", "west"];
  const rng = createRandom(13);
  const lines = ["date,geo,tv_spend,search_spend,price,revenue"];
  for (const date of weeks(n)) {
    for (const [g, geo] of geos.entries()) {
      const tv = 1000 * rng.uniform();
      const search = 300 + 500 * rng.uniform();
      const price = 10 + rng.uniform();
      const revenue = 10_000 * (g + 1) + 2 * tv + 3 * search - 200 * price + 100 * rng.uniform();
      lines.push([date, geo, tv.toFixed(2), search.toFixed(2), price.toFixed(2), revenue.toFixed(2)].join(","));
    }
  }
  return { text: lines.join("\n") + "\n", date: "date", target: "revenue", channels: ["tv_spend", "search_spend"], controls: ["price"], exposures: {}, group: "geo" };
}
