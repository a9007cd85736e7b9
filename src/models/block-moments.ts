/**
 * Sufficient statistics of moving-block bootstrap resamples without touching every row per
 * resample. A resample is a list of blocks [s, s + len) of consecutive rows (bootstrap.ts,
 * blockStarts); its weighted sums Σ_i w_i z_i and Σ_i w_i z_i z_iᵀ (w_i = times row i is drawn) are
 * sums over its blocks of P(s + len) − P(s), P(t) the prefix sums over rows [0, t). One sweep over
 * the rows serves every resample: at each block edge the running prefix is added to (end) or taken
 * from (start) its resample's totals, so no (rows × products) prefix table is kept.
 * O(k·d² + B·d²) for k rows, d columns and B blocks in all, instead of O(resamples·k·d²).
 *
 * The columns are shifted by their mean over the k rows first (z = x − x̄), so the products stay
 * near the size of the variances and the centring of each resample (Σ w z zᵀ − W z̄_w z̄_wᵀ) does
 * not cancel digits that matter; each total is a sum of ±prefixes of size up to k·var, which
 * leaves relative rounding of about ε·√B in it.
 */

/** Weighted moments of d columns over a resample's rows, the columns shifted by `shift`. */
export interface WeightedMoments {
  /** W = Σ w (rows drawn, with repeats). */
  readonly weight: number;
  /** The shift of each column (its unweighted mean over the k rows). */
  readonly shift: Float64Array;
  /** Σ w (x_a − shift_a), length d. */
  readonly sums: Float64Array;
  /** Σ w (x_a − shift_a)(x_b − shift_b), row-major d × d (symmetric). */
  readonly products: Float64Array;
}

/**
 * blockResampleMoments(columns, k, blockLength, starts) → the weighted moments of each resample:
 * resample r is the blocks starting at starts[r][b], each blockLength rows long except the last,
 * cut so that the resample has exactly k rows (as blockIndices draws them).
 * @param columns - d columns, each with at least k values (rows [0, k) are used)
 * @param k - rows of the window, ≥ 1
 * @param blockLength - block length, clamped to [1, k]
 * @param starts - per resample, its block starts in [0, k − blockLength]
 * @returns one WeightedMoments per resample (they share `shift`)
 * @throws RangeError if a column is shorter than k or a start is out of range
 * @example blockResampleMoments([x], 4, 2, [Int32Array.of(0, 2)])[0].weight // => 4
 */
export function blockResampleMoments(columns: readonly Float64Array[], k: number, blockLength: number, starts: readonly Int32Array[]): WeightedMoments[] {
  const d = columns.length;
  const length = Math.max(1, Math.min(blockLength, k));
  const shift = new Float64Array(d);
  columns.forEach((col, a) => {
    if (col.length < k) throw new RangeError(`blockResampleMoments requires columns of at least ${k} rows: column ${a} has ${col.length}`);
    let s = 0;
    for (let i = 0; i < k; i++) s += col[i];
    shift[a] = s / k;
  });
  const { head, next, resample, sign } = blockEdges(k, length, starts);
  const T = d + (d * (d + 1)) / 2; // sums, then the products z_a z_b (a ≤ b) packed by rows
  const totals = new Float64Array(starts.length * T);
  const prefix = new Float64Array(T);
  const z = new Float64Array(d);
  for (let t = 0; t <= k; t++) {
    for (let e = head[t]; e >= 0; e = next[e]) {
      const o = resample[e] * T;
      const g = sign[e];
      for (let u = 0; u < T; u++) totals[o + u] += g * prefix[u];
    }
    if (t === k) break;
    for (let a = 0; a < d; a++) {
      z[a] = columns[a][t] - shift[a];
      prefix[a] += z[a];
    }
    let u = d;
    for (let a = 0; a < d; a++) {
      const za = z[a];
      for (let b = a; b < d; b++) prefix[u++] += za * z[b];
    }
  }
  return starts.map((_, r) => {
    const o = r * T;
    const products = new Float64Array(d * d);
    let u = o + d;
    for (let a = 0; a < d; a++) {
      for (let b = a; b < d; b++) {
        products[a * d + b] = totals[u];
        products[b * d + a] = totals[u++];
      }
    }
    return { weight: k, shift, sums: totals.slice(o, o + d), products };
  });
}

/**
 * blockEdges(k, length, starts) → the block edges of every resample as linked lists by row
 * position t ∈ [0, k]: head[t] is the first edge at t (−1: none), next[e] the following one,
 * resample[e] its resample and sign[e] +1 where a block ends, −1 where one starts.
 */
function blockEdges(k: number, length: number, starts: readonly Int32Array[]) {
  let count = 0;
  for (const s of starts) count += 2 * s.length;
  const head = new Int32Array(k + 1).fill(-1);
  const next = new Int32Array(count);
  const resample = new Int32Array(count);
  const sign = new Float64Array(count);
  let e = 0;
  const push = (t: number, r: number, end: boolean): void => {
    next[e] = head[t];
    head[t] = e;
    resample[e] = r;
    sign[e] = end ? 1 : -1;
    e++;
  };
  starts.forEach((blocks, r) => {
    let rows = 0;
    for (const s of blocks) {
      const len = Math.min(length, k - rows);
      if (!(s >= 0 && s + len <= k)) throw new RangeError(`blockResampleMoments requires block starts in [0, ${k - length}]: resample ${r} has ${s}`);
      push(s, r, false);
      push(s + len, r, true);
      rows += len;
    }
  });
  return { head, next, resample, sign };
}
