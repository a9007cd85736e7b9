/**
 * roasStability(blocks): how much each channel's ROAS moves between the refits of a rolling-origin
 * backtest. A channel is flagged when its ROAS swings wildly: the coefficient of variation of the
 * block estimates, sd / |mean| (sample sd, n − 1), is above CV_LIMIT, or the blocks' 90 %
 * intervals have no value in common (the largest low is above the smallest high: some block's
 * interval excludes what another block's interval allows).
 */

/** A channel's ROAS in one block: estimate and 90 % interval (null when the fit has none). */
export interface BlockRoas {
  estimate: number | null;
  low: number | null;
  high: number | null;
}

/** One channel's stability across blocks. */
export interface RoasStability {
  mean: number;
  sd: number;
  /** sd / |mean|; NaN with fewer than 2 estimates. */
  cv: number;
  /** true when max(low) ≤ min(high) over the blocks with an interval (null when fewer than 2 have one). */
  intervals_overlap: boolean | null;
  flagged: boolean;
  /** Why it is flagged, or null. */
  reason: string | null;
}

/** The coefficient of variation above which a channel's ROAS counts as unstable. */
export const CV_LIMIT = 0.5;

/** stabilityOf(values) → one channel's stability from its per-block ROAS. */
export function stabilityOf(values: readonly BlockRoas[]): RoasStability {
  const est = values.map((v) => v.estimate).filter((e): e is number => e !== null && Number.isFinite(e));
  const mean = est.reduce((a, b) => a + b, 0) / est.length;
  const sd = est.length < 2 ? Number.NaN : Math.sqrt(est.reduce((a, b) => a + (b - mean) ** 2, 0) / (est.length - 1));
  const cv = sd / Math.abs(mean);
  const withInterval = values.filter((v) => v.low !== null && v.high !== null);
  const overlap = withInterval.length < 2 ? null
    : Math.max(...withInterval.map((v) => v.low as number)) <= Math.min(...withInterval.map((v) => v.high as number));
  const reasons: string[] = [];
  if (cv > CV_LIMIT) reasons.push(`coefficient of variation ${cv.toFixed(2)} > ${CV_LIMIT}`);
  if (overlap === false) reasons.push("the 90 % intervals of two blocks do not overlap");
  return { mean, sd, cv, intervals_overlap: overlap, flagged: reasons.length > 0, reason: reasons.length > 0 ? reasons.join("; ") : null };
}

/** roasStability(blocks) → per channel (in the first block's order) its stability over the blocks. */
export function roasStability(blocks: readonly Record<string, BlockRoas>[]): Record<string, RoasStability> {
  const channels = blocks.length === 0 ? [] : Object.keys(blocks[0]);
  return Object.fromEntries(channels.map((c) => [c, stabilityOf(blocks.map((b) => b[c] ?? { estimate: null, low: null, high: null }))]));
}
