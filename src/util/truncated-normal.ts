/**
 * Exact draws from the univariate truncated normal N(μ, s²) restricted to [lower, upper], by a
 * method chosen for where the interval lies on the standard scale [a, b] = [(lower − μ)/s, (upper − μ)/s]:
 *
 * - b ≤ 0 is mirrored to [−b, −a], so the cases below have b > 0.
 * - a ≤ 0 < b, or 0 < a < 5 (moderate truncation): inverse CDF. Straddling 0:
 *   z = Φ⁻¹(Φ(a) + U·(Φ(b) − Φ(a))); in the upper tail through the survival function,
 *   z = −Φ⁻¹(Φ(−a) − U·(Φ(−a) − Φ(−b))), so Φ(−a) keeps its relative precision
 *   (src/util/distributions.ts: Φ to ≈ 1e-14 relative, Φ⁻¹ by AS 241). Resolution: the 2⁻³² of U.
 * - a ≥ 5 (far tail, where Φ(−a) < 3e-7 and, beyond a ≈ 37, underflows): rejection, Robert (1995),
 *   "Simulation of truncated normal variables", Statistics and Computing 5, 121–125, §2:
 *   · if (b − a)·a ≥ 1: z = a + E/α, E ~ Exp(1), α = (a + √(a² + 4))/2 (the optimal rate), accepted
 *     with probability exp(−(z − α)²/2) and z ≤ b; acceptance → 1 as a grows (≈ 0.97 at a = 5);
 *   · else (a narrow interval): z ~ U(a, b), accepted with probability exp((a² − z²)/2);
 *     acceptance ≥ e^(−1 − 1/(2a²)) there.
 *   Both are exact, so a bound 10 or 40 sd away works.
 * O(1) expected per draw.
 */
import { normalCdf, normalQuantile } from "./distributions";
import type { Random } from "./random";

/** Lower end a of the far tail where rejection replaces the inverse CDF. */
const FAR_TAIL = 5;

/**
 * sampleTruncatedStandardNormal(random, a, b) draws Z ~ N(0, 1) conditioned on a ≤ Z ≤ b
 * (methods in the file comment). Mean (φ(a) − φ(b))/(Φ(b) − Φ(a)).
 * @param random - the generator (advanced by the draw)
 * @param a - lower bound in sd units (−Infinity allowed)
 * @param b - upper bound in sd units, > a (Infinity allowed)
 * @returns a draw in [a, b]
 * @throws RangeError if a or b is NaN or a ≥ b
 * @example sampleTruncatedStandardNormal(createRandom(1), 10, Infinity) // => a draw with mean ≈ 10.098
 */
export function sampleTruncatedStandardNormal(random: Random, a: number, b: number): number {
  if (!(a < b)) throw new RangeError(`sampleTruncatedStandardNormal requires a < b (got ${a} and ${b})`);
  if (b <= 0) return -upperSide(random, -b, -a);
  return upperSide(random, a, b);
}

/**
 * sampleTruncatedNormal(random, mean, sd, lower, upper) draws X ~ N(mean, sd²) conditioned on
 * lower ≤ X ≤ upper: mean + sd·Z, Z from sampleTruncatedStandardNormal on the standardised bounds.
 * Same units as mean.
 * @param random - the generator (advanced by the draw)
 * @param mean - μ of the untruncated normal, finite
 * @param sd - s > 0, finite
 * @param lower - lower bound (−Infinity allowed)
 * @param upper - upper bound, > lower (Infinity allowed)
 * @returns a draw in [lower, upper]
 * @throws RangeError if mean or sd is not finite, sd ≤ 0, or lower ≥ upper
 * @example sampleTruncatedNormal(createRandom(1), 0, 1, 0, Infinity) // => a half-normal draw, mean √(2/π)
 */
export function sampleTruncatedNormal(random: Random, mean: number, sd: number, lower: number, upper: number): number {
  if (!Number.isFinite(mean)) throw new RangeError("sampleTruncatedNormal requires a finite mean");
  if (!(sd > 0) || sd === Infinity) throw new RangeError("sampleTruncatedNormal requires a finite sd > 0");
  if (!(lower < upper)) throw new RangeError(`sampleTruncatedNormal requires lower < upper (got ${lower} and ${upper})`);
  const z = sampleTruncatedStandardNormal(random, (lower - mean) / sd, (upper - mean) / sd);
  const x = mean + sd * z;
  // Rounding of mean + sd·z may step just outside a bound.
  return x < lower ? lower : Math.min(x, upper);
}

/** A draw on [a, b] with b > 0 (a may be −Infinity). */
function upperSide(random: Random, a: number, b: number): number {
  if (a >= FAR_TAIL) return farTail(random, a, b);
  let z: number;
  const u = random.uniform();
  if (a <= 0) {
    if (a === -Infinity && b === Infinity) return random.normal();
    const pa = normalCdf(a);
    const pb = normalCdf(b);
    z = normalQuantile(pa + u * (pb - pa));
  } else {
    const qa = normalCdf(-a);
    const qb = normalCdf(-b);
    z = -normalQuantile(qa - u * (qa - qb));
  }
  return z < a ? a : Math.min(z, b);
}

/** Robert (1995) rejection on [a, b], a ≥ FAR_TAIL. */
function farTail(random: Random, a: number, b: number): number {
  if ((b - a) * a >= 1) {
    const alpha = (a + Math.sqrt(a * a + 4)) / 2;
    for (;;) {
      const z = a - Math.log(1 - random.uniform()) / alpha;
      const accept = random.uniform();
      if (z > b) continue;
      const d = z - alpha;
      if (accept < Math.exp(-0.5 * d * d)) return z;
    }
  }
  for (;;) {
    const z = a + (b - a) * random.uniform();
    const accept = random.uniform();
    if (accept < Math.exp(0.5 * (a - z) * (a + z))) return z;
  }
}
