/**
 * DE-MCz with the snooker update, plus an independence proposal after burn-in: differential-
 * evolution MCMC that draws its jumps from an archive of past states instead of the chains' current
 * ones, so a few chains suffice (the posterior sampler of `model: "bayes"`, on the unit cube,
 * target π ∝ exp(−f/(2T))). The loop and the acceptance are the family's (de-chains.ts), shared with
 * DE-MC (demc.ts).
 *
 * ter Braak & Vrugt (2008), "Differential Evolution Markov Chain with snooker updater and fewer
 * chains", Statistics and Computing 18, 435–446, doi:10.1007/s11222-008-9104-9. The archive Z
 * starts from M0 given points and, every `thin` generations, every chain's current state is
 * appended to it. Each chain, independently of the others, proposes
 * - with probability 1 − `snooker`, a parallel-direction move x* = x + γ·(z₁ − z₂) + e, z₁ ≠ z₂
 *   drawn from Z without replacement, γ = 2.38/√(2d) (γ = 1 with probability 0.1, so chains can
 *   jump between modes), e ~ N(0, b²) with b small. Given Z the proposal is symmetric (the pair
 *   (z₂, z₁) is as likely as (z₁, z₂)): accepted with probability min(1, π(x*)/π(x));
 * - with probability `snooker`, a snooker move: z drawn from Z, z₁ ≠ z₂ from Z, both projected
 *   onto the line through x and z, x* = x + γ_s·(z₁ᵖ − z₂ᵖ) with γ_s ~ U(1.2, 2.2); accepted with
 *   probability min(1, π(x*)·‖x* − z‖^(d−1) / (π(x)·‖x − z‖^(d−1))) (the paper's eq. 4, the
 *   Jacobian of a move along a line through z). When x = z (the chain's own archived state) the
 *   move is the identity, a null set for a continuous target.
 * Given Z, each move is a Metropolis–Hastings step that leaves π invariant, and the kind of move
 * and the archive members are chosen independently of x. Z grows with the run, so the sampler is
 * adaptive; as Z fills with draws from π the proposal settles (diminishing adaptation), which is the
 * paper's argument for its ergodicity (section 3; the same scheme is DREAM(ZS)'s, Vrugt 2016,
 * Environmental Modelling & Software 75, 273–316).
 *
 * Independence proposal (option `independence`, a share ρ of the moves after burn-in): at the end
 * of burn-in a multivariate t (ν = 5) is fitted once to the logits of the archive's states from the
 * burn-in's second half (their mean, 1.2² × their covariance) and held fixed; its density q on the
 * cube includes the logistic Jacobian Π 1/(u(1 − u)). A chain proposes x* ~ q with probability ρ,
 * accepted with probability min(1, π(x*)q(x)/(π(x)q(x*))) — the independence Metropolis–Hastings
 * kernel, π-invariant for any fixed q (Tierney 1994, "Markov chains for exploring posterior
 * distributions", Annals of Statistics 22, 1701–1728, section 2.3.3); a mixture, with fixed
 * weights, of π-invariant kernels is π-invariant (ibid., section 2.4). Fitted from burn-in only,
 * q does not adapt while draws are kept. Where the posterior is close to its fit the chains jump
 * across it in one step; elsewhere those proposals are rejected and the DE moves carry the chain.
 *
 * The prior is uniform on the cube; a proposal outside it has prior 0 and is rejected without being
 * evaluated (so a rejected proposal costs nothing but the random numbers).
 *
 * Determinism: every generation's proposals and uniforms are drawn before any is evaluated, and
 * all random numbers come from createRandom(seed) in a fixed order, so the same seed, start and
 * archive give the same chains whatever the evaluator and its timing.
 */
import type { Random } from "../util/random";
import { choleskyLower } from "../linalg/cholesky";
import { checkSamplerOptions, parallelMove, runChains, type ChainProposal, type DeMcOptions, type DeMcResult } from "./de-chains";

/** Options of sampleDeMcz: those of sampleDeMc (start points of at least 1 chain here) and the archive. */
export interface DeMczOptions extends DeMcOptions {
  /** The initial archive Z (at least 3 points of dimension d; the paper draws 10·d from the prior). */
  archive: readonly Float64Array[];
  /** Append the chains' states to Z every `thin` generations (default 10, the paper's K). */
  thin?: number;
  /** Probability of a snooker move (default 0.1, the paper's). */
  snooker?: number;
  /** sd b of the jitter e in the unit cube (default 1e-4). */
  jitter?: number;
  /**
   * After burn-in, probability of an independence proposal from a multivariate t (ν = 5) fitted
   * to the logits of the archive's states from the burn-in's second half, then held fixed (default
   * 0: DE-MCz alone). Needs at least 2·d such states (else it stays off; see independenceAcceptance).
   */
  independence?: number;
}

/** Proposal kinds, counted apart. */
const PARALLEL = 0;
const SNOOKER = 1;
const INDEPENDENCE = 2;

/**
 * snookerMove(x, z, za, zb, gammaS) → the snooker proposal x* = x + γ_s·(z_aᵖ − z_bᵖ), the
 * projections onto the line through x and z, with its log Hastings correction
 * (d − 1)·log(‖x* − z‖/‖x − z‖); the identity move when x = z. O(d).
 */
function snookerMove(x: Float64Array, z: Float64Array, za: Float64Array, zb: Float64Array, gammaS: number): ChainProposal {
  const d = x.length;
  let norm2 = 0;
  for (let j = 0; j < d; j++) norm2 += (x[j] - z[j]) ** 2;
  if (!(norm2 > 0)) return { point: null, logCorrection: 0, kind: SNOOKER }; // x = z: the identity move
  // projection of z_a − z_b onto the direction x − z
  let dot = 0;
  for (let j = 0; j < d; j++) dot += (za[j] - zb[j]) * (x[j] - z[j]);
  const step = (gammaS * dot) / norm2;
  const p = new Float64Array(d);
  let after2 = 0;
  for (let j = 0; j < d; j++) {
    p[j] = x[j] + step * (x[j] - z[j]);
    after2 += (p[j] - z[j]) ** 2;
  }
  return { point: p, logCorrection: ((d - 1) / 2) * Math.log(after2 / norm2), kind: SNOOKER };
}

/** Degrees of freedom of the independence proposal's t (heavy tails keep q(x*)/π(x*) bounded). */
const T_DF = 5;

/** A fixed proposal on the open unit cube. */
interface IndependenceProposal {
  /** log q(u) up to a constant (−Infinity on a face of the cube). O(d²). */
  logDensity: (u: Float64Array) => number;
  /** One draw from q. O(d²). */
  draw: (random: Random) => Float64Array;
}

/**
 * fitIndependence(points, d): the independence proposal — a multivariate t (ν = T_DF) on the logits
 * of the points, scale 1.2² × their covariance — or null when there are fewer than 2·d points, one
 * lies on a face of the cube, or the covariance is not positive definite. O(n·d² + d³).
 */
function fitIndependence(points: readonly Float64Array[], d: number): IndependenceProposal | null {
  const n = points.length;
  if (n < 2 * d) return null;
  const logit = (u: number) => Math.log(u / (1 - u));
  const ws = points.map((u) => Float64Array.from(u, logit));
  if (ws.some((w) => w.some((v) => !Number.isFinite(v)))) return null;
  const mean = new Float64Array(d);
  for (const w of ws) for (let j = 0; j < d; j++) mean[j] += w[j] / n;
  const cov = new Float64Array(d * d);
  for (const w of ws) for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) cov[a * d + b] += ((w[a] - mean[a]) * (w[b] - mean[b]) * 1.44) / (n - 1);
  const L = choleskyLower(cov, d);
  if (L === null) return null;
  const logDensity = (u: Float64Array): number => {
    let q = 0;
    let jac = 0;
    const v = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      if (!(u[j] > 0 && u[j] < 1)) return -Infinity;
      let r = logit(u[j]) - mean[j];
      for (let k = 0; k < j; k++) r -= L[j * d + k] * v[k];
      v[j] = r / L[j * d + j];
      q += v[j] * v[j];
      jac -= Math.log(u[j] * (1 - u[j]));
    }
    return -((T_DF + d) / 2) * Math.log(1 + q / T_DF) + jac;
  };
  const draw = (random: Random): Float64Array => {
    const z = Float64Array.from({ length: d }, () => random.normal());
    let chi = 0;
    for (let k = 0; k < T_DF; k++) chi += random.normal() ** 2;
    const scale = Math.sqrt(T_DF / chi);
    const u = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      let w = mean[j];
      for (let k = 0; k <= j; k++) w += L[j * d + k] * z[k] * scale;
      u[j] = 1 / (1 + Math.exp(-w));
    }
    return u;
  };
  return { logDensity, draw };
}

/** The outcome of sampleDeMcz: DeMcResult (draws generation by generation, chain by chain) and more. */
export interface DeMczResult extends DeMcResult {
  /** Points in the archive at the end (M0 + N·⌊generations/thin⌋). */
  archiveSize: number;
  /** Share of snooker proposals accepted. */
  snookerAcceptance: number;
  /** Share of independence proposals accepted (0 when none was made). */
  independenceAcceptance: number;
  /** Whether the independence proposal was fitted and used. */
  independenceUsed: boolean;
}

/**
 * sampleDeMcz(options) runs DE-MCz chains with the snooker update and, after burn-in, the
 * independence proposal (see the module comment). O(generations·N·d²) besides the evaluations (at
 * most generations·N).
 * @param options - start points and their values, archive, evaluate, generations, burnIn, seed, thin, snooker, jitter, temperature, independence, onGeneration
 * @returns the states after burn-in (generation by generation, chain by chain), the acceptance rates, the number of evaluations and the archive's size
 * @throws RangeError if there is no chain, the archive has fewer than 3 points, dimensions differ, or counts are invalid
 * @example sampleDeMcz({ start, startValues, archive, evaluate: (ps) => ps.map((p) => ((p[0] - 0.5) / 0.1) ** 2), generations: 2000, burnIn: 1000, seed: 1 }).draws // => states spread as N(0.5, 0.1²)
 */
export function sampleDeMcz(options: DeMczOptions): DeMczResult {
  const { burnIn } = options;
  const { chains: N, dimension: d, temperature } = checkSamplerOptions("sampleDeMcz", options, 1);
  if (!(options.archive.length >= 3)) throw new RangeError("sampleDeMcz requires an archive of at least 3 points");
  if (options.archive.some((z) => z.length !== d)) throw new RangeError("sampleDeMcz requires archive points of the chains' dimension");
  const thin = options.thin ?? 10;
  if (!(Number.isInteger(thin) && thin >= 1)) throw new RangeError("sampleDeMcz requires an integer thin ≥ 1");
  const snooker = options.snooker ?? 0.1;
  if (!(snooker >= 0 && snooker <= 1)) throw new RangeError("sampleDeMcz requires a snooker probability in [0, 1]");
  const jitter = options.jitter ?? 1e-4;
  if (!(jitter >= 0) || jitter === Infinity) throw new RangeError("sampleDeMcz requires a finite jitter ≥ 0");
  const independence = options.independence ?? 0;
  if (!(independence >= 0 && independence <= 1)) throw new RangeError("sampleDeMcz requires an independence probability in [0, 1]");

  const archive: Float64Array[] = options.archive.map((z) => Float64Array.from(z));
  const gamma0 = 2.38 / Math.sqrt(2 * d);
  let proposal: IndependenceProposal | null = null;
  let halfway = archive.length;
  const propose = (_g: number, i: number, xs: readonly Float64Array[], random: Random): ChainProposal => {
    const x = xs[i];
    if (proposal !== null && random.uniform() < independence) {
      const u = proposal.draw(random);
      const before = proposal.logDensity(x);
      const after = proposal.logDensity(u);
      // a state on a face of the cube (or a draw rounded onto one) has no finite q: identity move
      return Number.isFinite(before) && Number.isFinite(after)
        ? { point: u, logCorrection: before - after, kind: INDEPENDENCE }
        : { point: null, logCorrection: 0, kind: INDEPENDENCE };
    }
    const M = archive.length;
    if (random.uniform() < snooker) {
      const zi = random.int(M);
      let a = random.int(M - 1);
      if (a >= zi) a++;
      let b = random.int(M - 2);
      if (b >= Math.min(zi, a)) b++;
      if (b >= Math.max(zi, a)) b++;
      return snookerMove(x, archive[zi], archive[a], archive[b], 1.2 + random.uniform());
    }
    const gamma = random.uniform() < 0.1 ? 1 : gamma0;
    const a = random.int(M);
    let b = random.int(M - 1);
    if (b >= a) b++;
    return { point: parallelMove(x, archive[a], archive[b], gamma, jitter, random), logCorrection: 0, kind: PARALLEL };
  };
  const run = runChains(options, N, temperature, {
    kinds: 3,
    beforeGeneration: (g) => {
      if (g === Math.floor(burnIn / 2)) halfway = archive.length;
      if (g === burnIn && independence > 0) proposal = fitIndependence(archive.slice(halfway), d);
    },
    propose,
    afterGeneration: (g, xs) => {
      if ((g + 1) % thin === 0) for (let i = 0; i < N; i++) archive.push(xs[i]);
    },
  });
  const share = (kind: number) => (run.proposedByKind[kind] > 0 ? run.acceptedByKind[kind] / run.proposedByKind[kind] : 0);
  return {
    draws: run.draws, acceptance: run.acceptance, evaluations: run.evaluations, archiveSize: archive.length,
    snookerAcceptance: share(SNOOKER), independenceAcceptance: share(INDEPENDENCE), independenceUsed: proposal !== null,
  };
}
