/**
 * allocate(curves, budget): split a budget across channels to maximise Σ_c f_c(x_c) subject to
 * Σ_c x_c = budget and lower_c ≤ x_c ≤ upper_c — a separable resource allocation, solved by
 * water-filling on the marginal return, then polished, with a certificate of optimality.
 *
 * 1. Price (Everett 1963, "Generalized Lagrange multiplier method for solving problems of optimum
 *    allocation of resources", Operations Research 11(3)). For a price λ of one unit of budget,
 *    each channel takes x_c(λ) = argmax_{x ∈ [lower_c, upper_c]} f_c(x) − λ·x, found globally in
 *    1-D: the domain is scanned once for the pieces where f_c′ decreases (f_c concave there); in
 *    each piece the candidate solves f_c′(x) = λ (bracketed on the scan, then the Illinois method)
 *    and the best of the pieces' candidates and the two bounds wins. S(λ) = Σ_c x_c(λ) decreases in
 *    λ; the price λ* with S(λ*) = budget is bracketed (Illinois on λ), and the allocation
 *    interpolated between the two sides of the final bracket, so it sums to the budget to rounding.
 * 2. Jumps. An S-shaped curve can make S(λ) jump over the budget (a channel goes from "little" to
 *    "a lot" at one price). The jumping channel is then confined to each of its two sides in turn
 *    and each subproblem solved the same way (at most `maxSubproblems`).
 * 3. Polish. Every answer of 1–2 is improved by exchanges between pairs of channels (see polish):
 *    this reaches optima the price cannot express, e.g. a channel in the convex part of its S-curve
 *    beside a sharply concave one. The best polished answer is returned.
 *
 * Certificate: for every λ, D(λ) = Σ_c max_x [f_c(x) − λx] + λ·budget bounds the optimum from above
 * (weak duality), so `gap` = (D(λ*) − value)/value bounds how far from optimal the answer can be;
 * when it is 0 (to 1e-9) the answer is a global optimum, concave curves or not (`certified`). With
 * S-curves a positive gap may remain: the duality gap of a non-concave problem, not necessarily a
 * shortfall of the answer.
 *
 * KKT check: at the answer, f_c′(x_c) is equal (to `tolerance`, relative) across channels strictly
 * inside their bounds, ≤ λ at a lower bound and ≥ λ at an upper bound.
 */

/** One channel's response to its total spend x (any units, the same for every channel). */
export interface AllocationCurve {
  /** f(x), the response to spend x ≥ 0. */
  value(x: number): number;
  /** f′(x), the marginal response (may be +Infinity at x = 0). */
  slope(x: number): number;
  lower: number;
  /** May be Infinity (then the budget caps it). */
  upper: number;
  /** true when f is known to be concave on [lower, upper] (skips the shape scan). */
  concave?: boolean;
}

/** Tuning of allocate(): KKT tolerance, shape-scan size and the most subproblems on jumps. */
export interface AllocateOptions {
  /** Relative tolerance of the KKT check (default 1e-4). */
  tolerance?: number;
  /** Points of the shape scan of a curve not known to be concave (default 96, plus half as many near the lower bound). */
  grid?: number;
  /** Most subproblems solved when S-shaped curves jump (default 256). */
  maxSubproblems?: number;
}

/** Where a curve ends: fixed (lower = upper), at its lower or upper bound, or strictly inside (free). */
export type BoundStatus = "fixed" | "lower" | "upper" | "free";

/** The answer of allocate(): the spend per curve, its value and the optimality evidence. */
export interface Allocation {
  x: Float64Array;
  /** Σ f_c(x_c). */
  value: number;
  /** f_c′(x_c), the marginal return of each curve at the answer. */
  slopes: Float64Array;
  status: BoundStatus[];
  /** λ: the common marginal return of the curves strictly inside their bounds (the budget's shadow price). */
  lambda: number;
  /** max over free curves of |f_c′ − λ| / |λ| (0 with fewer than two free curves). */
  maxRelGap: number;
  /** true when the KKT conditions hold to the tolerance. */
  kktOk: boolean;
  /** D(λ*) ≥ the optimum (weak duality). */
  dualBound: number;
  /** (dualBound − value) / |value|, ≥ 0 up to rounding. */
  gap: number;
  /** true when gap ≤ 1e-9: the answer is a global optimum. */
  certified: boolean;
  /** Subproblems solved (1 without jumps). */
  subproblems: number;
}

/** A piece of a curve's domain where f′ does not increase, with its scan points (slopes non-increasing). */
interface Piece {
  a: number;
  b: number;
  xs: number[];
  ss: number[];
}

/** A curve prepared for one budget: effective bounds and concave pieces. */
interface Prepared {
  curve: AllocationCurve;
  lo: number;
  hi: number;
  /** Smallest and largest finite slope seen on the scan (brackets the price). */
  minSlope: number;
  maxSlope: number;
  pieces: Piece[];
  /** One piece covering [lo, hi]: the 1-D argmax is the piece's root, no comparison needed. */
  whole: boolean;
}

/** A channel's choice at one price: its spend and which branch (piece index, or -1 lower bound, -2 upper bound). */
interface Choice {
  x: number;
  branch: number;
}

interface Solved {
  x: Float64Array;
  value: number;
  lambda: number;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** golden(f, a, b, maximise) → the point in [a, b] where f is extreme (golden-section search, 60 steps). */
function golden(f: (x: number) => number, a: number, b: number, maximise: boolean): number {
  const sign = maximise ? 1 : -1;
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = sign * f(c);
  let fd = sign * f(d);
  for (let i = 0; i < 60 && b - a > 1e-14 * Math.max(Math.abs(a), Math.abs(b), 1e-300); i++) {
    if (fc >= fd) {
      b = d; d = c; fd = fc; c = b - GOLDEN * (b - a); fc = sign * f(c);
    } else {
      a = c; c = d; fc = fd; d = a + GOLDEN * (b - a); fd = sign * f(d);
    }
  }
  return fc >= fd ? c : d;
}

/** scanPoints(lo, hi, n) → sorted distinct points: n uniform and n/2 geometrically spaced from lo. */
function scanPoints(lo: number, hi: number, n: number): number[] {
  const span = hi - lo;
  const pts: number[] = [];
  for (let i = 0; i <= n; i++) pts.push(lo + (span * i) / n);
  const g = Math.max(4, Math.floor(n / 2));
  for (let i = 0; i < g; i++) pts.push(lo + span * 1e-7 ** (1 - i / g));
  pts.sort((p, q) => p - q);
  const out: number[] = [];
  for (const p of pts) if (p >= lo && p <= hi && (out.length === 0 || p > out[out.length - 1])) out.push(p);
  return out;
}

/** prepare(curve, lo, hi, grid) → the curve's concave pieces on [lo, hi] (see the module comment). */
function prepare(curve: AllocationCurve, lo: number, hi: number, grid: number, knownConcave: boolean): Prepared {
  if (!(hi > lo)) return point(curve, lo);
  const xs = scanPoints(lo, hi, knownConcave ? Math.max(16, grid >> 2) : grid);
  const ss = xs.map((x) => curve.slope(x));
  let minSlope = Infinity, maxSlope = -Infinity;
  for (const s of ss) if (Number.isFinite(s)) { minSlope = Math.min(minSlope, s); maxSlope = Math.max(maxSlope, s); }
  if (knownConcave) return { curve, lo, hi, minSlope, maxSlope, pieces: [{ a: lo, b: hi, xs, ss }], whole: true };
  // Direction of each step of the scanned slopes, ignoring steps within rounding of the largest slope.
  const flat = 1e-12 * Math.max(Math.abs(minSlope), Math.abs(maxSlope), 0);
  const rising: boolean[] = [];
  for (let i = 0; i + 1 < xs.length; i++) rising.push(ss[i + 1] - ss[i] > flat);
  // Peaks of f′ (start of a concave piece) and valleys (its end), refined by golden section.
  const pieces: Piece[] = [];
  let start: number | null = rising[0] ? null : lo;
  for (let i = 1; i < rising.length; i++) {
    if (rising[i - 1] && !rising[i] && start === null) {
      start = golden((x) => curve.slope(x), xs[i - 1], xs[i + 1], true);
    } else if (!rising[i - 1] && rising[i] && start !== null) {
      const end = golden((x) => curve.slope(x), xs[i - 1], xs[i + 1], false);
      pieces.push(makePiece(curve, start, Math.max(start, end), xs, ss));
      start = null;
    }
  }
  if (start !== null) pieces.push(makePiece(curve, start, hi, xs, ss));
  const whole = pieces.length === 1 && pieces[0].a === lo && pieces[0].b === hi;
  return { curve, lo, hi, minSlope, maxSlope, pieces, whole };
}

/** point(curve, x) → a curve fixed at x. */
function point(curve: AllocationCurve, x: number): Prepared {
  const s = curve.slope(x);
  const finite = Number.isFinite(s) ? s : 0;
  return { curve, lo: x, hi: x, minSlope: finite, maxSlope: finite, pieces: [{ a: x, b: x, xs: [x], ss: [s] }], whole: true };
}

function makePiece(curve: AllocationCurve, a: number, b: number, xs: number[], ss: number[]): Piece {
  const px = [a];
  const ps = [curve.slope(a)];
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] > a && xs[i] < b) { px.push(xs[i]); ps.push(ss[i]); }
  }
  if (b > a) { px.push(b); ps.push(curve.slope(b)); }
  // Enforce non-increasing scan slopes (rounding near a refined peak or valley).
  for (let i = 1; i < ps.length; i++) if (ps[i] > ps[i - 1]) ps[i] = ps[i - 1];
  return { a, b, xs: px, ss: ps };
}

/** pieceRoot(curve, piece, λ) → the x of the piece where f′(x) = λ, or the end the slope points to. */
function pieceRoot(curve: AllocationCurve, piece: Piece, lambda: number): number {
  const { xs, ss } = piece;
  const last = xs.length - 1;
  if (!(ss[0] > lambda)) return xs[0];
  if (ss[last] >= lambda) return xs[last];
  // Bracket on the scan: ss[i] > λ > ss[i+1] (binary search on non-increasing slopes).
  let i = 0, j = last;
  while (j - i > 1) {
    const m = (i + j) >> 1;
    if (ss[m] > lambda) i = m;
    else j = m;
  }
  return illinois((x) => curve.slope(x) - lambda, xs[i], xs[j], 1e-13 * Math.abs(lambda));
}

/**
 * illinois(h, a, b, tol) → a root of a decreasing h in [a, b] with h(a) > 0 ≥ h(b): false position
 * with the Illinois modification (the stale end's value is halved), a bisection when three steps
 * have not halved the bracket. Stops when |h| ≤ tol or the bracket is 1e-15 wide (relative).
 */
function illinois(h: (x: number) => number, a: number, b: number, tol: number): number {
  let fa = h(a);
  let fb = h(b);
  if (!(fa > 0)) return a;
  if (!(fb < 0)) return b;
  let side = 0;
  let width = b - a;
  for (let iter = 0; iter < 200; iter++) {
    if (b - a <= 1e-15 * Math.max(Math.abs(a), Math.abs(b)) || b - a <= 1e-300) break;
    const stale = iter % 3 === 2 && b - a > 0.5 * width;
    if (iter % 3 === 2) width = b - a;
    let c = !stale && Number.isFinite(fa) && Number.isFinite(fb) ? (a * fb - b * fa) / (fb - fa) : 0.5 * (a + b);
    if (!(c > a && c < b)) c = 0.5 * (a + b);
    const fc = h(c);
    if (Math.abs(fc) <= tol) return c;
    if (fc > 0) {
      a = c; fa = fc;
      if (side === 1) fb *= 0.5;
      side = 1;
    } else {
      b = c; fb = fc;
      if (side === -1) fa *= 0.5;
      side = -1;
    }
  }
  return Math.abs(fa) <= Math.abs(fb) ? a : b;
}

/** choose(p, λ) → the channel's global argmax of f(x) − λx over its domain. */
function choose(p: Prepared, lambda: number): Choice {
  if (p.hi === p.lo) return { x: p.lo, branch: 0 };
  if (p.whole) return { x: pieceRoot(p.curve, p.pieces[0], lambda), branch: 0 };
  let best: Choice = { x: p.lo, branch: -1 };
  let bestG = p.curve.value(p.lo) - lambda * p.lo;
  const consider = (x: number, branch: number) => {
    const g = p.curve.value(x) - lambda * x;
    if (g > bestG) { bestG = g; best = { x, branch }; }
  };
  p.pieces.forEach((piece, k) => { consider(pieceRoot(p.curve, piece, lambda), k); });
  consider(p.hi, -2);
  return best;
}

/** restrict(p, branch) → the prepared curve confined to one branch (a concave piece or a bound point). */
function restrict(p: Prepared, branch: number, x: number): Prepared {
  if (branch < 0 || p.hi === p.lo) return point(p.curve, x);
  const piece = p.pieces[branch];
  let minSlope = Infinity, maxSlope = -Infinity;
  for (const s of piece.ss) if (Number.isFinite(s)) { minSlope = Math.min(minSlope, s); maxSlope = Math.max(maxSlope, s); }
  return { curve: p.curve, lo: piece.a, hi: piece.b, minSlope, maxSlope, pieces: [piece], whole: true };
}

function total(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/**
 * solvePrice(preps, budget) → the price λ* where S(λ) = Σ x_c(λ) crosses the budget, with the
 * choices on both sides of the final bracket (a: S ≥ budget, b: S ≤ budget). The bracket shrinks
 * by the Illinois method (false position whose stale end is halved), bisecting when three steps
 * have not halved it, until S closes on the budget or the bracket is 1e-13 wide (relative): then either S is
 * continuous and the two sides agree, or a channel jumps there (detected once the bracket is
 * 1e-7 wide: the jump's two sides are then known).
 */
function solvePrice(preps: Prepared[], budget: number): { lambda: number; a: Choice[]; b: Choice[]; sa: number; sb: number } {
  const at = (lambda: number) => preps.map((p) => choose(p, lambda));
  const sumOf = (c: Choice[]) => { let s = 0; for (const v of c) s += v.x; return s; };
  let maxSlope = 0, minSlope = 0;
  for (const p of preps) { maxSlope = Math.max(maxSlope, p.maxSlope); minSlope = Math.min(minSlope, p.minSlope); }
  // Bracket: a high price where S ≤ budget, a low price where S ≥ budget.
  let hiL = maxSlope > 0 ? maxSlope * 1.01 : 1;
  let b = at(hiL), sb = sumOf(b);
  for (let k = 0; sb > budget && k < 2000; k++) { hiL = hiL * 2 + 1; b = at(hiL); sb = sumOf(b); }
  let loL = minSlope < 0 ? minSlope * 1.01 - 1 : 0;
  let a = at(loL), sa = sumOf(a);
  for (let k = 0; sa < budget && k < 2000; k++) { loL = loL * 2 - 1; a = at(loL); sa = sumOf(a); }
  const tol = 1e-12 * Math.max(Math.abs(budget), 1e-300);
  let fa = sa - budget, fb = sb - budget; // weights of the false position (halved when stale)
  let side = 0;
  let width = hiL - loL;
  for (let iter = 0; iter < 500; iter++) {
    if (sa - sb <= tol) break;
    const rel = (hiL - loL) / Math.max(Math.abs(loL), Math.abs(hiL));
    if (rel <= 1e-13) break;
    // A channel switching branch across a narrow bracket is a jump: its sides are known, stop here.
    if (rel <= 1e-7 && a.some((ca, c) => ca.branch !== b[c].branch && Math.abs(ca.x - b[c].x) > 1e-6 * (preps[c].hi - preps[c].lo))) break;
    const stale = iter % 3 === 2 && hiL - loL > 0.5 * width;
    if (iter % 3 === 2) width = hiL - loL;
    let mid = stale || !(fa > fb) ? 0.5 * (loL + hiL) : loL + (fa / (fa - fb)) * (hiL - loL);
    if (!(mid > loL && mid < hiL)) mid = 0.5 * (loL + hiL);
    if (!(mid > loL && mid < hiL)) break; // adjacent floats
    const c = at(mid), sc = sumOf(c);
    if (sc === budget) return { lambda: mid, a: c, b: c, sa: sc, sb: sc };
    if (sc > budget) {
      loL = mid; a = c; sa = sc; fa = sc - budget;
      if (side === 1) fb *= 0.5;
      side = 1;
    } else {
      hiL = mid; b = c; sb = sc; fb = sc - budget;
      if (side === -1) fa *= 0.5;
      side = -1;
    }
  }
  return { lambda: 0.5 * (loL + hiL), a, b, sa, sb };
}

/**
 * solve(preps, budget, state) → the price λ* of this (sub)problem; every leaf allocation (no jump
 * left) is appended to state.leaves. On a jump, the jumping channel is confined to each side in
 * turn and each subproblem solved the same way.
 */
function solve(preps: Prepared[], budget: number, state: { count: number; max: number; leaves: Float64Array[] }): number {
  state.count++;
  const { lambda, a, b, sa, sb } = solvePrice(preps, budget);
  const m = preps.length;
  const x = new Float64Array(m);
  let jump = -1;
  let jumpSize = 0;
  for (let c = 0; c < m; c++) {
    const d = Math.abs(a[c].x - b[c].x);
    const span = preps[c].hi - preps[c].lo;
    if (d > 1e-7 * span + 1e-300 && d > jumpSize && a[c].branch !== b[c].branch) { jump = c; jumpSize = d; }
  }
  if (jump < 0 || sa - sb <= 1e-12 * Math.abs(budget)) {
    const theta = sa > sb ? (budget - sb) / (sa - sb) : 0;
    for (let c = 0; c < m; c++) {
      const { lo, hi } = preps[c];
      const v = Math.min(hi, Math.max(lo, b[c].x + theta * (a[c].x - b[c].x)));
      // Within 1e-12 of the budget of a bound is the bound (the interpolation's rounding), unless
      // the bound's marginal return says otherwise (an infinite slope at 0 wants a sliver).
      const near = 1e-12 * Math.abs(budget);
      const curve = preps[c].curve;
      x[c] = v - lo <= near && v > lo && curve.slope(lo) <= lambda ? lo : hi - v <= near && v < hi && curve.slope(hi) >= lambda ? hi : v;
    }
    fixSum(x, preps, budget);
    state.leaves.push(x);
    return lambda;
  }
  let solved = 0;
  for (const side of [a[jump], b[jump]]) {
    if (state.count >= state.max) break;
    const sub = preps.slice();
    sub[jump] = restrict(preps[jump], side.branch, side.x);
    let lo = 0, hi = 0;
    for (const p of sub) { lo += p.lo; hi += p.hi; }
    if (lo > budget * (1 + 1e-12) || hi < budget * (1 - 1e-12)) continue;
    solve(sub, budget, state);
    solved++;
  }
  if (solved === 0) {
    // Out of subproblems: the low side plus the remainder spread over the room left (feasible; polishing improves it).
    for (let c = 0; c < m; c++) x[c] = b[c].x;
    fixSum(x, preps, budget);
    state.leaves.push(x);
  }
  return lambda;
}

/**
 * polish(preps, x) improves a feasible allocation in place by exchanges between two curves
 * (sequential minimal optimisation, as SMO does for SVMs: Platt 1998): take the curve with the
 * highest marginal return that can grow and the one with the lowest that can shrink; while the
 * first exceeds the second by more than 1e-11 (relative), move the amount t maximising
 * f_i(x_i − t) + f_j(x_j + t) (a scan of t, refined where the derivative changes sign) if that
 * improves the sum. Ends at a KKT point. Reaches what the price solution cannot: a channel
 * inside the convex part of an S-curve next to a sharply concave one. At most 500 exchanges.
 */
function polish(preps: Prepared[], x: Float64Array, budget: number): void {
  const m = preps.length;
  const slopes = Float64Array.from(preps, (p, c) => p.curve.slope(x[c]));
  const tiny = 1e-12 * Math.abs(budget);
  for (let iter = 0; iter < 500; iter++) {
    let up = -1, down = -1;
    for (let c = 0; c < m; c++) {
      if (preps[c].hi - x[c] > tiny && (up < 0 || slopes[c] > slopes[up])) up = c;
      if (x[c] - preps[c].lo > tiny && (down < 0 || slopes[c] < slopes[down])) down = c;
    }
    if (up < 0 || down < 0 || up === down) return;
    if (!(slopes[up] - slopes[down] > 1e-11 * Math.max(Math.abs(slopes[up]), Math.abs(slopes[down])))) return;
    const i = down, j = up;
    const fi = preps[i].curve, fj = preps[j].curve;
    const xi = x[i], xj = x[j];
    const T = Math.min(xi - preps[i].lo, preps[j].hi - xj);
    const base = fi.value(xi) + fj.value(xj);
    const gain = (t: number) => fi.value(xi - t) + fj.value(xj + t) - base;
    const dgain = (t: number) => fj.slope(xj + t) - fi.slope(xi - t);
    const ts = scanPoints(0, T, 24);
    let best = 0, bestGain = 0;
    ts.forEach((t, k) => {
      const g = gain(t);
      if (g > bestGain) { bestGain = g; best = k; }
    });
    if (best === 0 && ts.length > 1) best = 1; // the slopes say a small move gains: refine between 0 and the first point
    let t = ts[best];
    // Refine: the derivative changes sign (+ to −) on one side of the best scan point.
    const left = ts[Math.max(0, best - 1)], right = ts[Math.min(ts.length - 1, best + 1)];
    if (dgain(left) > 0 && dgain(right) < 0) t = illinois(dgain, left, right, 0);
    else if (dgain(t) > 0 && t < T && dgain(right) < 0) t = illinois(dgain, t, right, 0);
    else if (dgain(left) > 0 && dgain(t) < 0) t = illinois(dgain, left, t, 0);
    const g = gain(t);
    if (!(g > 0)) return;
    let ni = xi - t, nj = xj + t;
    if (ni - preps[i].lo <= tiny) { nj += ni - preps[i].lo; ni = preps[i].lo; }
    if (preps[j].hi - nj <= tiny) { ni += nj - preps[j].hi; nj = preps[j].hi; }
    x[i] = ni;
    x[j] = nj;
    slopes[i] = fi.slope(ni);
    slopes[j] = fj.slope(nj);
  }
}

function totalValue(preps: Prepared[], x: Float64Array): number {
  let v = 0;
  for (let c = 0; c < preps.length; c++) v += preps[c].curve.value(x[c]);
  return v;
}

/**
 * fixSum(x, preps, budget) makes Σx = budget by filling the remainder into the curves' room: first
 * the curves strictly inside their bounds (most room first), then those at a bound — unless the
 * remainder is rounding-sized (≤ 4 ulps of the budget), which leaves every bound where it was.
 */
function fixSum(x: Float64Array, preps: Prepared[], budget: number): void {
  for (let pass = 0; pass < 3; pass++) {
    let r = budget - total(x);
    if (r === 0) return;
    const room = preps.map((p, c) => (r > 0 ? p.hi - x[c] : x[c] - p.lo));
    const inside = preps.map((p, c) => x[c] > p.lo && x[c] < p.hi);
    const order = preps.map((_, c) => c).filter((c) => room[c] > 0)
      .sort((p, q) => (inside[p] === inside[q] ? room[q] - room[p] : inside[p] ? -1 : 1));
    for (const c of order) {
      if (r === 0) break;
      // A remainder of rounding size (below 4 ulps of the budget) is not worth moving a curve off its bound.
      if (!inside[c] && Math.abs(r) <= 8.9e-16 * Math.abs(budget)) return;
      const step = r > 0 ? Math.min(r, room[c]) : Math.max(r, -room[c]);
      x[c] += step;
      r -= step;
    }
  }
}

/**
 * kktReport(slopes, status, tolerance) → λ (the median marginal return of the free curves; with
 * none free, the midpoint of the interval KKT allows) and whether the KKT conditions hold: free
 * slopes within tolerance of λ (relative), lower-bound slopes ≤ λ, upper-bound slopes ≥ λ.
 */
export function kktReport(slopes: ArrayLike<number>, status: readonly BoundStatus[], tolerance = 1e-4): { lambda: number; maxRelGap: number; ok: boolean } {
  const free: number[] = [];
  let lowMax = -Infinity, upMin = Infinity;
  for (let c = 0; c < status.length; c++) {
    if (status[c] === "free") free.push(slopes[c]);
    else if (status[c] === "lower") lowMax = Math.max(lowMax, slopes[c]);
    else if (status[c] === "upper") upMin = Math.min(upMin, slopes[c]);
  }
  let lambda: number;
  if (free.length > 0) {
    const sorted = free.slice().sort((p, q) => p - q);
    const mid = sorted.length >> 1;
    lambda = sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
  } else if (Number.isFinite(lowMax) && Number.isFinite(upMin)) lambda = 0.5 * (lowMax + upMin);
  else lambda = Number.isFinite(lowMax) ? lowMax : Number.isFinite(upMin) ? upMin : NaN;
  const scale = Math.abs(lambda) > 0 ? Math.abs(lambda) : 1;
  let maxRelGap = 0;
  for (const s of free) maxRelGap = Math.max(maxRelGap, Math.abs(s - lambda) / scale);
  const ok = maxRelGap <= tolerance && !(lowMax > lambda + tolerance * scale) && !(upMin < lambda - tolerance * scale);
  return { lambda, maxRelGap, ok };
}

/**
 * allocate(curves, budget, options) → the spend per curve maximising Σ f_c subject to the budget
 * and the bounds, with its marginal returns, the KKT check and the dual bound (see the module
 * comment). O(iterations · curves · (pieces · log grid + root steps)) evaluations of f′.
 * @param curves - one per channel; lower ≤ upper, both ≥ 0 (upper may be Infinity)
 * @param budget - total to allocate, Σ lower ≤ budget ≤ Σ upper
 * @throws RangeError if the budget or a bound is not finite where needed, or the bounds cannot meet the budget
 * @example allocate([{ value: Math.log1p, slope: (x) => 1 / (1 + x), lower: 0, upper: Infinity }, …], 100).x
 */
export function allocate(curves: readonly AllocationCurve[], budget: number, options: AllocateOptions = {}): Allocation {
  const tolerance = options.tolerance ?? 1e-4;
  const grid = options.grid ?? 96;
  if (!(Number.isFinite(budget) && budget >= 0)) throw new RangeError(`allocate requires a finite budget >= 0, got ${budget}`);
  if (curves.length === 0) throw new RangeError("allocate requires at least one curve");
  let sumLo = 0, sumHi = 0;
  for (const c of curves) {
    if (!(Number.isFinite(c.lower) && c.lower >= 0 && c.upper >= c.lower)) throw new RangeError(`allocate requires 0 <= lower <= upper, got [${c.lower}, ${c.upper}]`);
    sumLo += c.lower;
    sumHi += c.upper;
  }
  const slack = 1e-12 * Math.max(budget, 1e-300);
  if (sumLo > budget + slack) throw new RangeError(`allocate: the lower bounds sum to ${sumLo}, more than the budget ${budget}`);
  if (sumHi < budget - slack) throw new RangeError(`allocate: the upper bounds sum to ${sumHi}, less than the budget ${budget}`);
  const preps = curves.map((c) => {
    const cap = Math.min(c.upper, budget - (sumLo - c.lower));
    return prepare(c, c.lower, Math.max(c.lower, cap), grid, c.concave === true);
  });
  const state = { count: 0, max: options.maxSubproblems ?? 256, leaves: [] as Float64Array[] };
  let solved: Solved;
  if (sumLo >= budget - slack || sumHi <= budget + slack) {
    // The bounds fix the answer.
    const x = Float64Array.from(curves, (c) => (sumLo >= budget - slack ? c.lower : c.upper));
    fixSum(x, preps, budget);
    solved = { x, value: totalValue(preps, x), lambda: NaN };
  } else {
    const lambda = solve(preps, budget, state);
    let best: Float64Array | null = null;
    let bestValue = -Infinity;
    for (const leaf of state.leaves) {
      polish(preps, leaf, budget);
      fixSum(leaf, preps, budget);
      const v = totalValue(preps, leaf);
      if (v > bestValue) { best = leaf; bestValue = v; }
    }
    solved = { x: best as Float64Array, value: bestValue, lambda };
  }
  const { x } = solved;
  const slopes = Float64Array.from(curves, (c, i) => c.slope(x[i]));
  const status: BoundStatus[] = curves.map((c, i) => {
    const span = Math.max(c.upper === Infinity ? budget : c.upper - c.lower, 1e-300);
    if (Number.isFinite(c.upper) && c.upper - c.lower <= 1e-12 * Math.max(c.upper, 1e-300)) return "fixed";
    if (x[i] - c.lower <= 1e-9 * span) return "lower";
    if (c.upper - x[i] <= 1e-9 * span) return "upper";
    return "free";
  });
  const kkt = kktReport(slopes, status, tolerance);
  // Weak duality at the price found (the top-level domains): D(λ) = Σ max_x [f − λx] + λ·budget.
  const lambda = Number.isFinite(solved.lambda) ? solved.lambda : kkt.lambda;
  let dualBound = Infinity;
  if (Number.isFinite(lambda)) {
    dualBound = lambda * budget;
    for (const p of preps) {
      const choice = choose(p, lambda);
      dualBound += p.curve.value(choice.x) - lambda * choice.x;
    }
  }
  const value = solved.value;
  const gap = Math.max(0, (dualBound - value) / Math.max(Math.abs(value), 1e-300));
  return {
    x, value, slopes, status, lambda: kkt.lambda, maxRelGap: kkt.maxRelGap, kktOk: kkt.ok,
    dualBound, gap, certified: gap <= 1e-9, subproblems: state.count,
  };
}
