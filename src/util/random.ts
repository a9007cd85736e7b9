/**
 * Seeded pseudo-random numbers. Every random choice in mixlab takes a seed and goes through here,
 * so the same seed gives the same data, the same search and the same bootstrap everywhere.
 *
 * Written by hand: the generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * public domain, as in PractRand), seeded by splitmix32; it is a dozen lines, has no dependencies and
 * is exact in 32-bit integer arithmetic, so results are identical across platforms and Node
 * versions, which we need for byte-identical generated files. The seedrandom package would add a
 * dependency for the same dozen lines.
 */
export interface Random {
  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Standard normal N(0, 1) by the Box–Muller transform (both values of each pair are used). */
  normal(): number;
  /** Integer uniform on [0, n). @throws RangeError if n is not a positive integer */
  int(n: number): number;
  /** A new independent stream derived from this one (for per-channel or per-worker streams). */
  fork(): Random;
}

/** splitmix32 step: mixes a 32-bit state into a well-spread 32-bit output. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/**
 * createRandom(seed) returns a seeded generator; the same seed always yields the same sequence.
 * @param seed - any finite number; non-integers are truncated
 * @throws RangeError if seed is not finite
 * @example createRandom(1).uniform() // => same value on every run
 */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError("createRandom requires a finite seed");
  let s = Math.trunc(seed) | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(s);
    s = next;
    words.push(out);
  }
  return fromState(words[0], words[1], words[2], words[3]);
}

function fromState(a0: number, b0: number, c0: number, d0: number): Random {
  let a = a0 | 0, b = b0 | 0, c = c0 | 0, d = d0 | 0;
  // Warm up so that nearby seeds decorrelate.
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next32();
  let spare: number | null = null;
  const uniform = (): number => next32() / 4294967296;
  return {
    uniform,
    normal(): number {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return v;
      }
      let u = uniform();
      while (u === 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int(n: number): number {
      if (!(Number.isInteger(n) && n > 0)) throw new RangeError("int requires a positive integer bound");
      return Math.floor(uniform() * n);
    },
    fork(): Random {
      return fromState(next32(), next32(), next32(), next32());
    },
  };
}
