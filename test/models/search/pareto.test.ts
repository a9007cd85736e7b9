import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/util/random";
import { paretoFront, paretoRanks } from "../../../src/models/search/pareto";

/**
 * Brute force from the definition, O(n²): a point's rank is 1 + the highest rank of the points
 * that dominate it. A dominator has a strictly smaller objective sum, so visiting points by
 * increasing sum ranks every dominator first.
 */
function bruteRanks(points: number[][]): number[] {
  const dominates = (a: number[], b: number[]) => a.every((v, j) => v <= b[j]) && a.some((v, j) => v < b[j]);
  const sum = points.map((p) => p.reduce((s, v) => s + v, 0));
  const order = points.map((_, i) => i).sort((a, b) => sum[a] - sum[b]);
  const ranks = new Array<number>(points.length).fill(0);
  for (let t = 0; t < order.length; t++) {
    const i = order[t];
    let r = 1;
    for (let s = 0; s < t; s++) if (dominates(points[order[s]], points[i])) r = Math.max(r, ranks[order[s]] + 1);
    ranks[i] = r;
  }
  return ranks;
}

// Hand-made, two objectives (f1, f2), with the reasoning for each rank:
const hand: number[][] = [
  [1, 9], //  0: nothing has f1 ≤ 1 and f2 ≤ 9 except itself → 1
  [2, 7], //  1: → 1
  [2, 7], //  2: duplicate of 1, equal points do not dominate → 1
  [3, 8], //  3: dominated by (2, 7) → 2
  [4, 4], //  4: → 1
  [4, 6], //  5: same f1 as (4, 4), worse f2 → 2
  [6, 4], //  6: same f2 as (4, 4), worse f1 → 2
  [5, 5], //  7: dominated by (4, 4) only → 2
  [7, 1], //  8: → 1
  [8, 1], //  9: same f2 as (7, 1), worse f1 → 2
  [6, 6], // 10: dominated by (4, 6), (6, 4), (5, 5), all rank 2 → 3
  [9, 9], // 11: dominated by (6, 6), rank 3 → 4
  [0, 10], // 12: smallest f1 → 1
  [10, 0], // 13: smallest f2 → 1
  [3, 8], // 14: duplicate of 3 → 2
];
const handRanks = [1, 1, 1, 2, 1, 2, 2, 2, 1, 2, 3, 4, 1, 1, 2];

describe("paretoRanks", () => {
  it("paretoRanks(objectives) ranks a hand-made 2-objective set with ties and duplicates as worked out by hand", () => {
    expect(paretoRanks(hand)).toEqual(handRanks);
  });

  it("paretoRanks(objectives) ranks a hand-made 3-objective set as worked out by hand", () => {
    const points = [
      [1, 2, 3], // → 1
      [1, 2, 3], // duplicate → 1
      [2, 2, 3], // dominated by (1, 2, 3) → 2
      [3, 1, 1], // → 1
      [3, 1, 2], // dominated by (3, 1, 1) → 2
      [4, 4, 4], // dominated by (2, 2, 3) and (3, 1, 2), rank 2 → 3
    ];
    expect(paretoRanks(points)).toEqual([1, 1, 2, 1, 2, 3]);
  });

  it("paretoRanks(objectives) equals the O(n²) brute force on 2,000 random points in 2-D", () => {
    const random = createRandom(11);
    const points = Array.from({ length: 2000 }, () => [random.uniform(), random.uniform()]);
    const ranks = paretoRanks(points);
    expect(ranks).toEqual(bruteRanks(points));
    expect(Math.max(...ranks)).toBeGreaterThan(20);
  });

  it("paretoRanks(objectives) equals the brute force on 2,000 points of a 16 × 16 grid (many ties and duplicates)", () => {
    const random = createRandom(12);
    const points = Array.from({ length: 2000 }, () => [random.int(16), random.int(16)]);
    expect(paretoRanks(points)).toEqual(bruteRanks(points));
  });

  it("paretoRanks(objectives) equals the brute force on 500 random points with 1, 3 and 4 objectives", () => {
    const random = createRandom(13);
    for (const k of [1, 3, 4]) {
      const points = Array.from({ length: 500 }, () => Array.from({ length: k }, () => random.int(10) + random.uniform() * 0.5));
      expect(paretoRanks(points)).toEqual(bruteRanks(points));
    }
  });

  it("paretoRanks(objectives) orders ±Infinity as numbers and gives [] for no points", () => {
    // (∞, 0) has the lowest f2; (0, ∞) is dominated by (−∞, 5); (∞, ∞) by (0, ∞), rank 2.
    expect(paretoRanks([[Infinity, 0], [0, Infinity], [Infinity, Infinity], [1, 1], [-Infinity, 5]])).toEqual([1, 2, 3, 1, 1]);
    expect(paretoRanks([])).toEqual([]);
  });

  it("paretoRanks(objectives) rejects NaN and ragged objectives", () => {
    expect(() => paretoRanks([[0, NaN]])).toThrow("paretoRanks requires objectives without NaN");
    expect(() => paretoRanks([[0, 1], [1]])).toThrow("paretoRanks requires the same number of objectives for every point");
  });
});

describe("paretoFront", () => {
  it("paretoFront(objectives) lists the rank-1 indices of the hand-made set sorted by the first objective", () => {
    expect(paretoFront(hand)).toEqual([12, 0, 1, 2, 4, 8, 13]);
  });

  it("paretoFront(objectives) of random points is every rank-1 index, none dominated, ascending in f1 and descending in f2", () => {
    const random = createRandom(14);
    const points = Array.from({ length: 3000 }, () => [random.uniform(), random.uniform() ** 3]);
    const front = paretoFront(points);
    const ranks = bruteRanks(points);
    expect([...front].sort((a, b) => a - b)).toEqual(ranks.flatMap((r, i) => (r === 1 ? [i] : [])));
    for (let t = 1; t < front.length; t++) {
      expect(points[front[t]][0]).toBeGreaterThan(points[front[t - 1]][0]);
      expect(points[front[t]][1]).toBeLessThan(points[front[t - 1]][1]);
    }
  });
});
