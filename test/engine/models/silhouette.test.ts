/**
 * The silhouette skips clusters that cannot hold b(i) and sums distances in tiles; here it is
 * checked against the definition computed pair by pair in the test, on data where the skipping
 * matters (many separated clusters), where it cannot (heavy overlap), with singleton and empty
 * clusters, odd sizes around the tile edges, and raw-scale coordinates. scikit-learn's values are
 * checked in kmeans.sklearn.test.ts.
 */
import fc from "fast-check";
import { EngineError } from "../../../src/engine/errors";
import {
  silhouette,
  silhouetteFromShares,
  silhouettePlan,
  silhouetteShare,
} from "../../../src/engine/models/silhouette";
import { Random } from "../../../src/engine/stats/random";
import { thrown } from "../../support/engineErrors";

/** s(i) from the definition: every pair, no bounds. */
function bySum(values: Float64Array, labels: Int32Array, k: number, dimensions: number) {
  const count = labels.length;
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label]++;
  return Array.from({ length: count }, (_, i) => {
    if (sizes[labels[i]] === 1) return 0;
    const totals = new Array<number>(k).fill(0);
    for (let j = 0; j < count; j++) {
      let squared = 0;
      for (let q = 0; q < dimensions; q++) {
        squared += (values[i * dimensions + q] - values[j * dimensions + q]) ** 2;
      }
      totals[labels[j]] += Math.sqrt(squared);
    }
    const a = totals[labels[i]] / (sizes[labels[i]] - 1);
    const b = Math.min(
      ...totals.map((t, c) => (c === labels[i] || sizes[c] === 0 ? Infinity : t / sizes[c])),
    );
    return (b - a) / Math.max(a, b);
  });
}

/** `count` points around `centres` cluster centres spaced `gap` apart on a line in 3-D. */
function clustered(count: number, centres: number, gap: number, seed: number, offset = 0) {
  const random = new Random(seed);
  const dimensions = 3;
  const values = new Float64Array(count * dimensions);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = random.integer(centres);
    labels[i] = c;
    for (let q = 0; q < dimensions; q++) {
      values[i * dimensions + q] = offset + (q === 0 ? c * gap : 0) + random.next() - 0.5;
    }
  }
  return { points: { values, count, dimensions }, labels };
}

function expectDefinition(
  points: { values: Float64Array; count: number; dimensions: number },
  labels: Int32Array,
  k: number,
) {
  const expected = bySum(points.values, labels, k, points.dimensions);
  const result = silhouette(points, labels, k);
  // Same distances summed in another order: agreement to 1e-12 absolute on values in [-1, 1].
  result.perPoint.forEach((s, i) => expect(Math.abs(s - expected[i])).toBeLessThan(1e-12));
  const mean = expected.reduce((sum, s) => sum + s, 0) / expected.length;
  expect(Math.abs(result.mean - mean)).toBeLessThan(1e-12);
  return result;
}

describe("silhouette", () => {
  it("equals the definition when far clusters are skipped (8 separated clusters, 700 rows)", () => {
    const { points, labels } = clustered(700, 8, 3, 1);
    expectDefinition(points, labels, 8);
    // Clusters on a line 3 apart: a point needs its neighbours' sums at most, not all 7 others.
    const needed = silhouettePlan(points, labels, 8).reduce((sum, flag) => sum + flag, 0);
    expect(needed / 700).toBeLessThan(2);
  });

  it("equals the definition when nothing can be skipped (4 overlapping clusters, 513 rows)", () => {
    const { points, labels } = clustered(513, 4, 0.1, 2);
    expectDefinition(points, labels, 4);
  });

  it("equals the definition for clusters whose sizes straddle the 256-row tiles", () => {
    for (const count of [255, 256, 257, 258, 515]) {
      const { points } = clustered(count, 1, 0, 3);
      const labels = Int32Array.from({ length: count }, (_, i) => (i < count - 3 ? 0 : 1));
      expectDefinition(points, labels, 2);
    }
  });

  it("equals the definition on raw-scale coordinates (around 1e6)", () => {
    const { points, labels } = clustered(300, 5, 2, 4, 1e6);
    expectDefinition(points, labels, 5);
  });

  it("gives 0 to a point alone in its cluster and NaN to an empty cluster", () => {
    const { points } = clustered(40, 1, 0, 5);
    const labels = Int32Array.from({ length: 40 }, (_, i) => (i === 7 ? 3 : i % 2));
    const result = expectDefinition(points, labels, 4);
    expect(result.perPoint[7]).toBe(0);
    expect(result.perCluster[2]).toBeNaN();
    expect(result.perCluster[3]).toBe(0);
  });

  it("equals the definition for any labelling of random points (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 8, max: 60 }),
        (k, seed, count) => {
          const random = new Random(seed);
          const values = Float64Array.from({ length: count * 2 }, () => random.next() * 10);
          const labels = Int32Array.from({ length: count }, (_, i) =>
            i < k ? i : random.integer(k),
          );
          expectDefinition({ values, count, dimensions: 2 }, labels, k);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("gives the same numbers when the sums are split into shares, as threads do", () => {
    const { points, labels } = clustered(600, 6, 2, 7);
    const whole = silhouette(points, labels, 6);
    const plan = silhouettePlan(points, labels, 6);
    for (const parts of [2, 3, 5]) {
      const shares = Array.from({ length: parts }, (_, part) =>
        silhouetteShare(points, labels, 6, plan, part, parts),
      );
      // Every share does some of the work, and together they give exactly the one-thread result.
      shares.forEach((share) => expect(share.some((sum) => sum > 0)).toBe(true));
      const combined = silhouetteFromShares(points, labels, 6, plan, shares);
      expect(Array.from(combined.perPoint)).toEqual(Array.from(whole.perPoint));
      expect(combined.mean).toBe(whole.mean);
    }
  });

  it("refuses a labelling with fewer than two clusters", () => {
    const { points } = clustered(10, 1, 0, 6);
    const error = thrown(() => silhouette(points, new Int32Array(10), 3));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.message).toMatch(/between 2 and 9 non-empty clusters; there are 1/);
  });
});
