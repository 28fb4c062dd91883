/**
 * The k-means kernel against plain JavaScript: the same squared distances bit for bit (the claim
 * in kmeans.wat that lets the WebAssembly and JavaScript steps mix), the same means and inertia,
 * and no use of a workspace whose memory a newer one has taken.
 */
import { KMeansWorkspace } from "../../../src/engine/kernels/kmeansKernel";
import { squaredDistance } from "../../../src/engine/models/kmeans";
import { Random } from "../../../src/engine/stats/random";

function randomValues(count: number, seed: number): Float64Array {
  const random = new Random(seed);
  return Float64Array.from({ length: count }, () => (random.next() - 0.5) * 20);
}

describe("the k-means kernel", () => {
  it.each([1, 3, 8])(
    "assigns each point to its nearest centre with squaredDistance's exact distances (%i dimensions)",
    (dimensions) => {
      const count = 501;
      const k = 5;
      const values = randomValues(count * dimensions, dimensions);
      const space = new KMeansWorkspace(values, count, dimensions, k);
      const centres = randomValues(k * dimensions, 100 + dimensions);
      space.centres.set(centres);
      space.assign();
      for (let i = 0; i < count; i++) {
        const distances = Array.from({ length: k }, (_, c) =>
          squaredDistance(values, i * dimensions, centres, c * dimensions, dimensions),
        );
        const nearest = distances.indexOf(Math.min(...distances));
        const second = Math.min(...distances.filter((_, c) => c !== nearest));
        expect(space.labels[i]).toBe(nearest);
        expect(space.upper[i]).toBe(Math.sqrt(distances[nearest]));
        expect(space.lower[i]).toBe(Math.sqrt(second));
      }
    },
  );

  it("gives each cluster's mean and the inertia of the labels as plain loops do (1e-12)", () => {
    const count = 300;
    const dimensions = 3;
    const k = 4;
    const values = randomValues(count * dimensions, 7);
    const space = new KMeansWorkspace(values, count, dimensions, k);
    // Cluster 3 is left empty: it keeps the previous centre.
    for (let i = 0; i < count; i++) space.labels[i] = i % 3;
    const previous = Float64Array.from({ length: k * dimensions }, (_, q) => q);
    const { centres, sizes } = space.means(previous);
    expect(Array.from(sizes)).toEqual([100, 100, 100, 0]);
    for (let c = 0; c < 3; c++) {
      for (let j = 0; j < dimensions; j++) {
        let sum = 0;
        for (let i = c; i < count; i += 3) sum += values[i * dimensions + j];
        expect(Math.abs(centres[c * dimensions + j] - sum / 100)).toBeLessThan(1e-12);
      }
    }
    expect(Array.from(centres.subarray(9))).toEqual([9, 10, 11]);
    let inertia = 0;
    for (let i = 0; i < count; i++) {
      inertia += squaredDistance(values, i * dimensions, centres, (i % 3) * dimensions, dimensions);
    }
    expect(Math.abs(space.inertia(centres) - inertia) / inertia).toBeLessThan(1e-12);
  });

  it("refuses a workspace whose memory a newer one has taken", () => {
    const values = randomValues(40, 3);
    const older = new KMeansWorkspace(values, 20, 2, 2);
    const newer = new KMeansWorkspace(values, 20, 2, 2);
    expect(() => older.assign()).toThrow(/after a newer one took its memory/);
    expect(() => newer.assign()).not.toThrow();
  });
});
