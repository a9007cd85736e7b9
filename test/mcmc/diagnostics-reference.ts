/**
 * The chains of the R̂/ESS tests and arviz 0.23.4's answers on them, printed by
 * test/mcmc/reference/diagnostics_reference.py (which builds the same chains with the same
 * generator, in exact arithmetic, so both sides see bit-identical draws: `first`, `last` and `sum`
 * confirm it).
 *
 * Generator: a 32-bit LCG (Numerical Recipes' constants), s ← (1664525·s + 1013904223) mod 2³²,
 * u = s/2³², and an approximately normal draw as Σ of 12 u − 6 (Irwin–Hall); every step is exact in
 * double precision, in JavaScript and in Python alike.
 */

/** The LCG of the file comment. */
export function lcg(seed: number): { u: () => number; normal: () => number } {
  let s = seed >>> 0;
  const u = (): number => {
    s = (Math.imul(1664525, s) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const normal = (): number => {
    let t = 0;
    for (let i = 0; i < 12; i++) t += u();
    return t - 6;
  };
  return { u, normal };
}

/** m chains of n iid draws, chain c times scales[c] plus offsets[c]. */
export function iidChains(seed: number, m: number, n: number, offsets?: number[], scales?: number[]): Float64Array[] {
  const g = lcg(seed);
  return Array.from({ length: m }, (_, c) => Float64Array.from({ length: n }, () => g.normal() * (scales?.[c] ?? 1) + (offsets?.[c] ?? 0)));
}

/** m AR(1) chains x_t = ρ·x_{t−1} + e_t started from e_0/√(1 − ρ²), plus offsets[c]. */
export function ar1Chains(seed: number, m: number, n: number, rho: number, offsets?: number[]): Float64Array[] {
  const g = lcg(seed);
  return Array.from({ length: m }, (_, c) => {
    let x = g.normal() / Math.sqrt(1 - rho * rho);
    return Float64Array.from({ length: n }, () => {
      x = rho * x + g.normal();
      return x + (offsets?.[c] ?? 0);
    });
  });
}

/** m chains of ratios of two normal draws (Cauchy-like tails). */
export function ratioChains(seed: number, m: number, n: number): Float64Array[] {
  const g = lcg(seed);
  return Array.from({ length: m }, () => Float64Array.from({ length: n }, () => {
    const a = g.normal();
    return a / g.normal();
  }));
}

export const CHAINS: Record<string, Float64Array[]> = {
  iid: iidChains(1, 4, 500),
  shifted: ar1Chains(2, 4, 301, 0.5, [0, 0.4, 0.8, 1.2]),
  scaled: iidChains(3, 4, 400, undefined, [1, 1, 1, 3]),
  ar09: ar1Chains(4, 4, 2500, 0.9),
  ratio: ratioChains(5, 2, 300),
  ties: [Float64Array.of(1, 2, 2, 3, 5, 1, 4, 2, 3, 3), Float64Array.of(2, 2, 4, 1, 3, 3, 5, 5, 1, 2)],
};

/** arviz: rhat(method=rank|split|identity), ess(method=bulk|tail|mean), and _ess (no split). */
export const ARVIZ: Record<string, Record<string, number | number[]>> = {
  iid: { shape: [4, 500], first: -1.105566803831607, last: 0.7292252178303897, sum: -41.7500614002347, rhatRank: 1.0012089605824728, rhatSplit: 0.9985452717957723, rhatIdentity: 0.9991984903485551, essBulk: 2012.3193909093138, essTail: 1960.2645045351007, essMean: 2011.553470970103, essNoSplit: 1980.809687001125 },
  shifted: { shape: [4, 301], first: 0.25066512188491924, last: 0.9921354459754577, sum: 750.9214531546911, rhatRank: 1.0953139774341187, rhatSplit: 1.0949328774723082, rhatIdentity: 1.088417712101375, essBulk: 35.621734170378645, essTail: 428.61214192350593, essMean: 35.78445465818411, essNoSplit: 17.26811721056966 },
  scaled: { shape: [4, 400], first: 0.45220223581418395, last: -0.649657818954438, sum: -28.28473751246929, rhatRank: 1.1492890725043587, rhatSplit: 0.9981563963530701, rhatIdentity: 0.9994234801152878, essBulk: 1608.4563002108773, essTail: 37.11383755650448, essMean: 1614.6999484493508, essNoSplit: 1604.636447013023 },
  ar09: { shape: [4, 2500], first: -0.8819296839085189, last: -2.8270686539962173, sum: -375.2238341785836, rhatRank: 1.0084720927967916, rhatSplit: 1.0051302372084316, rhatIdentity: 1.002462688754179, essBulk: 572.892125600212, essTail: 1028.802382276827, essMean: 572.5626878395577, essNoSplit: 572.3992890066802 },
  ratio: { shape: [2, 300], first: -1.53258817311123, last: -0.5277376149212766, sum: 224.93067631189246, rhatRank: 0.9995459202044746, rhatSplit: 0.9993850426839673, rhatIdentity: 0.9983741616949908, essBulk: 619.7119046743032, essTail: 490.4266082657746, essMean: 612.7659275804975, essNoSplit: 605.0751501916462 },
  ties: { shape: [2, 10], first: 1.0, last: 2.0, sum: 54.0, rhatRank: 0.9569216254624522, rhatSplit: 0.9269623828717427, rhatIdentity: 0.9542474706773487, essBulk: 26.020599913279625, essTail: 20.0, essMean: 26.020599913279625, essNoSplit: 26.020599913279625 },
};
