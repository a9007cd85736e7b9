/**
 * The campaigns shape (`campaigns.csv`: date,campaign_name,spend,impressions,clicks,conversions,
 * revenue): each channel's spend split into one or two campaigns, one row per campaign live that
 * date; revenue rows sum exactly, to the cent, to the date's total revenue.
 */
import type { Random } from "../util/random";
import { centsText } from "./cents-text";
import type { ResolvedGenerateOptions } from "./options";
import { flightMask, shuffle, sum, uniform } from "./random-series";
import type { Truth } from "./truth";

const CAMPAIGN_SUFFIXES: Record<string, [string, string]> = {
  tv: ["brand", "promo"],
  radio: ["national", "local"],
  social_media: ["prospecting", "retargeting"],
  search: ["generic", "brand"],
  outdoor: ["billboards", "transit"],
  print: ["magazines", "newspapers"],
  display: ["prospecting", "retargeting"],
  video: ["awareness", "consideration"],
  email: ["newsletter", "promo"],
  affiliate: ["partners", "coupons"],
  podcast: ["sponsorship", "ads"],
  influencer: ["macro", "micro"],
};

/**
 * campaignsFile(r, opt, dates, spendCents, contributions, targetCents, weekly) → the campaigns
 * file's text and each campaign's channel and total spend, drawn from the stream r.
 * O(n · campaigns).
 */
export function campaignsFile(
  r: Random,
  opt: ResolvedGenerateOptions,
  dates: string[],
  spendCents: Float64Array[],
  contributions: Float64Array[],
  targetCents: Float64Array,
  weekly: boolean,
): { content: string; campaigns: NonNullable<Truth["campaigns"]> } {
  const n = dates.length;
  const nCh = opt.channels.length;
  const doubled = new Set(shuffle(r, opt.channels.map((_, i) => i)).slice(0, (opt.campaigns as number) - nCh));
  interface Campaign { name: string; channel: number; cents: Float64Array; cpm: number; ctr: number; cvr: number }
  const campaigns: Campaign[] = [];
  opt.channels.forEach((channel, c) => {
    const suffixes = CAMPAIGN_SUFFIXES[channel] ?? ["a", "b"];
    if (!doubled.has(c)) {
      campaigns.push({ name: `${channel}_${suffixes[0]}`, channel: c, cents: Float64Array.from(spendCents[c]), cpm: 0, ctr: 0, cvr: 0 });
      return;
    }
    const mask = flightMask(r, n, (weekly ? 1 : 7) * 3, (weekly ? 1 : 7) * 2);
    const w0 = uniform(r, 0.25, 0.5);
    const first = new Float64Array(n);
    const second = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      const w = Math.min(0.9, Math.max(0.1, w0 + 0.05 * r.normal()));
      second[t] = mask[t] === 1 ? Math.round(spendCents[c][t] * w) : 0;
      first[t] = spendCents[c][t] - second[t];
    }
    campaigns.push({ name: `${channel}_${suffixes[0]}`, channel: c, cents: first, cpm: 0, ctr: 0, cvr: 0 });
    campaigns.push({ name: `${channel}_${suffixes[1]}`, channel: c, cents: second, cpm: 0, ctr: 0, cvr: 0 });
  });
  for (const camp of campaigns) {
    camp.cpm = uniform(r, 4, 30);
    camp.ctr = uniform(r, 0.002, 0.03);
    camp.cvr = uniform(r, 0.01, 0.08);
  }
  const lines = ["date,campaign_name,spend,impressions,clicks,conversions,revenue"];
  for (let t = 0; t < n; t++) {
    let live = campaigns.filter((camp) => camp.cents[t] > 0);
    if (live.length === 0) live = [campaigns[0]];
    // Own media: the channel's contribution split by spend share; a channel with no spend today
    // (carry-over only) leaves its contribution in the pool shared evenly with the baseline.
    const own = live.map((camp) => {
      const total = spendCents[camp.channel][t];
      return total > 0 ? (contributions[camp.channel][t] * camp.cents[t]) / total : 0;
    });
    const totalRevenue = targetCents[t] / 100;
    const pool = totalRevenue - sum(own);
    let assigned = 0;
    live.forEach((camp, j) => {
      const revenueCents = j === live.length - 1
        ? targetCents[t] - assigned
        : Math.round((pool / live.length + own[j]) * 100);
      assigned += revenueCents;
      const spendValue = camp.cents[t] / 100;
      const impressions = Math.round((spendValue / (camp.cpm * Math.exp(0.1 * r.normal()))) * 1000);
      const clicks = Math.round(impressions * camp.ctr * Math.exp(0.1 * r.normal()));
      const conversions = Math.round(clicks * camp.cvr * Math.exp(0.1 * r.normal()));
      lines.push([dates[t], camp.name, centsText(camp.cents[t]), impressions, clicks, conversions, centsText(revenueCents)].join(","));
    });
  }
  return {
    content: `${lines.join("\n")}\n`,
    campaigns: campaigns.map((camp) => ({ name: camp.name, channel: opt.channels[camp.channel], spend: sum(camp.cents) / 100 })),
  };
}
