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
  const { offset, resample, sign } = blockEdges(k, length, starts);
  const T = d + (d * (d + 1)) / 2; // sums, then the products z_a z_b (a ≤ b) packed by rows
  const totals = new Float64Array(starts.length * T);
  const prefix = new Float64Array(T);
  const z = new Float64Array(d);
  for (let t = 0; t <= k; t++) {
    for (let e = offset[t]; e < offset[t + 1]; e++) {
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
 * blockEdges(k, length, starts) → the block edges of every resample sorted by row position
 * t ∈ [0, k] (a counting sort): the edges at t are e ∈ [offset[t], offset[t + 1]), edge e of
 * resample[e] with value[e] = +1 where a block ends, −1 where one starts. Stored in t order so the
 * sweep reads them sequentially (linked lists in push order made it jump through memory: most of
 * its time on 130,000 rows).
 */
function blockEdges(k: number, length: number, starts: readonly Int32Array[]) {
  const offset = new Int32Array(k + 2);
  const visit = (each: (t: number, r: number, end: boolean) => void): void => {
    starts.forEach((blocks, r) => {
      let rows = 0;
      for (let b = 0; b < blocks.length; b++) {
        const s = blocks[b];
        const len = Math.min(length, k - rows);
        if (!(s >= 0 && s + len <= k)) throw new RangeError(`blockResampleMoments requires block starts in [0, ${k - length}]: resample ${r} has ${s}`);
        each(s, r, false);
        each(s + len, r, true);
        rows += len;
      }
    });
  };
  visit((t) => offset[t + 1]++);
  for (let t = 0; t <= k; t++) offset[t + 1] += offset[t];
  const fill = offset.slice(0, k + 1);
  const resample = new Int32Array(offset[k + 1]);
  const sign = new Float64Array(offset[k + 1]);
  visit((t, r, end) => {
    const e = fill[t]++;
    resample[e] = r;
    sign[e] = end ? 1 : -1;
  });
  return { offset, resample, sign };
}
