/**
 * The transform parameters of one channel, as zod schemas with the ranges their kernels accept
 * (features/adstock.ts, features/saturation.ts); the TypeScript types are inferred from them. They
 * are what the fit chooses per channel, what model.json stores (artifact/artifact.ts checks it with
 * these schemas) and what design() applies. JSON-serialisable discriminated unions on `type`.
 */
import { z } from "zod";

/** The adstock families a spec may choose (`none`: no carry-over). */
export const AdstockKindSchema = z.enum(["geometric", "weibull_cdf", "weibull_pdf", "delayed", "none"]);
export type AdstockKind = z.infer<typeof AdstockKindSchema>;

/** The saturation families a spec may choose (`none`: linear in adstocked spend). */
export const SaturationKindSchema = z.enum(["hill", "log", "logistic", "none"]);
export type SaturationKind = z.infer<typeof SaturationKindSchema>;

/**
 * Adstock parameters (stored in model artifacts).
 * - `geometric`: decay in [0, 1); normalize multiplies by the inverse weight sum; maxLag truncates.
 * - `weibull_cdf` / `weibull_pdf`: shape > 0, scale in (0, 1], window = kernel length in periods
 *   (absent: the series length, as in Robyn).
 * - `delayed`: decay in [0, 1), peakLag in [0, maxLag], maxLag an integer ≥ 0.
 * - `none`: identity.
 */
export const AdstockParamsSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: AdstockKindSchema.extract(["geometric"]),
    decay: z.number().min(0).lt(1),
    normalize: z.boolean().optional(),
    maxLag: z.int().min(0).optional(),
  }),
  z.strictObject({
    type: AdstockKindSchema.extract(["weibull_cdf", "weibull_pdf"]),
    shape: z.number().positive(),
    scale: z.number().positive().max(1),
    window: z.int().min(1).optional(),
  }),
  z.strictObject({
    type: AdstockKindSchema.extract(["delayed"]),
    decay: z.number().min(0).lt(1),
    peakLag: z.number().min(0),
    maxLag: z.int().min(0),
  }).refine((p) => p.peakLag <= p.maxLag, { message: "peakLag must be at most maxLag", path: ["peakLag"] }),
  z.strictObject({ type: AdstockKindSchema.extract(["none"]) }),
]);
export type AdstockParams = z.infer<typeof AdstockParamsSchema>;

/**
 * Saturation parameters (stored in model artifacts).
 * - `hill`: halfSaturation k > 0 in spend units (response 0.5 at x = k), shape s > 0.
 * - `log`: scale > 0 in spend units.
 * - `logistic`: lambda > 0 per spend unit.
 * - `none`: identity.
 */
export const SaturationParamsSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: SaturationKindSchema.extract(["hill"]), halfSaturation: z.number().positive(), shape: z.number().positive() }),
  z.strictObject({ type: SaturationKindSchema.extract(["log"]), scale: z.number().positive() }),
  z.strictObject({ type: SaturationKindSchema.extract(["logistic"]), lambda: z.number().positive() }),
  z.strictObject({ type: SaturationKindSchema.extract(["none"]) }),
]);
export type SaturationParams = z.infer<typeof SaturationParamsSchema>;

/** One channel's fitted transforms: saturate(adstock(spend)). */
export const ChannelTransformSchema = z.strictObject({ adstock: AdstockParamsSchema, saturation: SaturationParamsSchema });
export type ChannelTransform = z.infer<typeof ChannelTransformSchema>;
