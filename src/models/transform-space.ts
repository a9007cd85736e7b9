/**
 * The search space of a ModelSpec: one dimension per free transform parameter of each channel
 * (decay, Weibull shape/scale, peak lag, saturation ratio, Hill shape) and, when the penalty is
 * searched, log10 of alpha; and the decoding of a point into transforms and media columns, through
 * the feature functions themselves (adstock, saturate — never re-implemented).
 */
import type { AdstockParams, ChannelTransform, SaturationParams } from "../spec/transform-params";
import { adstock } from "../features/adstock";
import { saturate } from "../features/saturation";
import type { ModelSpec } from "../spec/model-spec";

/** One searched dimension; `log` dimensions are sampled log-uniformly. */
export interface SearchDimension {
  name: string;
  lower: number;
  upper: number;
  scale: "linear" | "log";
}

/** searchDimensions(spec) → the dimensions in a fixed order: per channel, then alpha. */
export function searchDimensions(spec: ModelSpec): SearchDimension[] {
  const dims: SearchDimension[] = [];
  for (const c of spec.channels) {
    const b = spec.bounds[c];
    const add = (param: string, [lower, upper]: readonly [number, number], scale: "linear" | "log" = "linear") => {
      if (upper > lower) dims.push({ name: `${c}.${param}`, lower, upper, scale });
    };
    if (spec.adstock === "geometric") add("decay", b.decay);
    else if (spec.adstock === "weibull_cdf" || spec.adstock === "weibull_pdf") {
      add("shape", b.weibullShape, "log");
      add("scale", b.weibullScale);
    } else if (spec.adstock === "delayed") {
      add("decay", b.decay);
      add("peakLag", b.peakLag);
    }
    if (spec.saturation !== "none") add("ratio", b.saturationRatio, "log");
    if (spec.saturation === "hill") add("shape_s", b.hillShape);
  }
  if (spec.alpha === null && spec.model !== "ols") dims.push({ name: "alpha", lower: spec.alphaBounds[0], upper: spec.alphaBounds[1], scale: "log" });
  return dims;
}

/** fromUnit(u, dim) maps u ∈ [0, 1] to the dimension's range (log-uniform for log dimensions). */
export function fromUnit(u: number, dim: SearchDimension): number {
  if (dim.scale === "log") return Math.exp(Math.log(dim.lower) + u * (Math.log(dim.upper) - Math.log(dim.lower)));
  return dim.lower + u * (dim.upper - dim.lower);
}

/** A decoded candidate: transforms per channel, the penalty, and the media columns over all rows. */
export interface Candidate {
  transforms: Record<string, ChannelTransform>;
  alpha: number;
  /** saturate(adstock(spend)) per channel over every row of the table, spec.channels order. */
  media: Float64Array[];
}

/** Parameter values by dimension name, falling back to the bound when the dimension is fixed. */
function paramValue(values: Record<string, number>, name: string, bound: readonly [number, number]): number {
  return values[name] ?? bound[0];
}

/**
 * decodeCandidate(spec, values, spend, trainRows, rows) → the transforms a point stands for and
 * their media columns. The saturation ratio is relative to the channel's mean adstocked spend over
 * the first `trainRows` rows (1 when the channel never spends there), so the stored
 * half-saturation, log scale or logistic 1/lambda is in spend units. With `rows` (≥ trainRows) the
 * media columns cover only the first `rows` rows — the same values there, since adstock carries
 * spend forward only (the search scores the fit window and skips the holdout's transforms).
 */
export function decodeCandidate(spec: ModelSpec, values: Record<string, number>, spend: Record<string, Float64Array>, trainRows: number, rows?: number): Candidate {
  const transforms: Record<string, ChannelTransform> = {};
  const media: Float64Array[] = [];
  const n = spend[spec.channels[0]]?.length ?? 0;
  const upTo = rows === undefined ? n : Math.max(trainRows, Math.min(rows, n));
  for (const c of spec.channels) {
    const b = spec.bounds[c];
    let ad: AdstockParams;
    switch (spec.adstock) {
      case "geometric": ad = { type: "geometric", decay: paramValue(values, `${c}.decay`, b.decay) }; break;
      case "weibull_cdf":
      case "weibull_pdf":
        ad = { type: spec.adstock, shape: paramValue(values, `${c}.shape`, b.weibullShape), scale: paramValue(values, `${c}.scale`, b.weibullScale), window: Math.min(n, spec.maxLag * 4 + 1) };
        break;
      case "delayed":
        ad = { type: "delayed", decay: paramValue(values, `${c}.decay`, b.decay), peakLag: Math.round(paramValue(values, `${c}.peakLag`, b.peakLag)), maxLag: spec.maxLag };
        break;
      default: ad = { type: "none" };
    }
    const adstocked = adstock(upTo < n ? spend[c].subarray(0, upTo) : spend[c], ad);
    let mean = 0;
    for (let i = 0; i < trainRows; i++) mean += adstocked[i];
    mean = trainRows > 0 ? mean / trainRows : 0;
    const level = mean > 0 ? mean : 1;
    const ratio = paramValue(values, `${c}.ratio`, b.saturationRatio);
    let sat: SaturationParams;
    switch (spec.saturation) {
      case "hill": sat = { type: "hill", halfSaturation: ratio * level, shape: paramValue(values, `${c}.shape_s`, b.hillShape) }; break;
      case "log": sat = { type: "log", scale: ratio * level }; break;
      case "logistic": sat = { type: "logistic", lambda: 1 / (ratio * level) }; break;
      default: sat = { type: "none" };
    }
    transforms[c] = { adstock: ad, saturation: sat };
    media.push(saturate(adstocked, sat));
  }
  const alpha = spec.alpha ?? values.alpha ?? 1;
  return { transforms, alpha, media };
}
