/**
 * k-means and the silhouette: seeded determinism, invariances, errors; scikit-learn comparisons
 * live in kmeans.sklearn.test.ts.
 */
import fc from "fast-check";
import { runSegmentation } from "../../../src/engine/analyses/segment";
import type { Column } from "../../../src/engine/data/types";
import { EngineError } from "../../../src/engine/errors";
import { better, kMeans } from "../../../src/engine/models/kmeans";
import { silhouette } from "../../../src/engine/models/silhouette";
import { Random } from "../../../src/engine/stats/random";
import { rejected, thrown } from "../../support/engineErrors";

/** Three tight blobs in 2-D, 20 points each, around (0, 0), (10, 0) and (0, 10). */
function blobs(): Column[] {
  const random = new Random(7);
  const x: number[] = [];
  const y: number[] = [];
  for (const [cx, cy] of [
    [0, 0],
    [10, 0],
    [0, 10],
  ])
    for (let i = 0; i < 20; i++) {
      x.push(cx + random.next() - 0.5);
      y.push(cy + random.next() - 0.5);
    }
  return [
    { kind: "numeric", name: "x", values: Float64Array.from(x) },
    { kind: "numeric", name: "y", values: Float64Array.from(y) },
  ];
}

/** The partition as sets of row indices, independent of how clusters are numbered. */
function partition(labels: ArrayLike<number>): string[] {
  const groups = new Map<number, number[]>();
  Array.from(labels).forEach((label, i) => groups.set(label, [...(groups.get(label) ?? []), i]));
  return [...groups.values()].map((rows) => rows.join(",")).sort();
}

describe("Random", () => {
  it("gives the same stream for the same seed and values in [0, 1)", async () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = Array.from({ length: 1000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(draws.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
    expect(new Random(43).next()).not.toBe(draws[0]);
  });

  it("gives each stream of a seed its own draws, repeatably", async () => {
    const firsts = Array.from({ length: 100 }, (_, index) => Random.stream(7, index).next());
    expect(new Set(firsts).size).toBe(100);
    expect(Random.stream(7, 3).next()).toBe(firsts[3]);
    expect(Random.stream(8, 3).next()).not.toBe(firsts[3]);
  });
});

describe("k-means", () => {
  it("finds the three blobs, the same with the same seed", async () => {
    const first = await runSegmentation(blobs(), { k: 3, seed: 5 });
    expect(first.sizes.sort()).toEqual([20, 20, 20]);
    expect(Array.from((await runSegmentation(blobs(), { k: 3, seed: 5 })).labels)).toEqual(
      Array.from(first.labels),
    );
  });

  it("reports the inertia of its own labels and the silhouette of its own labels", async () => {
    const columns = blobs();
    const result = await runSegmentation(columns, { k: 3, standardize: false });
    const values = new Float64Array(120);
    (columns[0].values as Float64Array).forEach((x, i) => {
      values[2 * i] = x;
      values[2 * i + 1] = (columns[1].values as Float64Array)[i];
    });
    let inertia = 0;
    result.centres.forEach((centre, c) =>
      result.labels.forEach((label, i) => {
        if (label === c)
          inertia += (values[2 * i] - centre[0]) ** 2 + (values[2 * i + 1] - centre[1]) ** 2;
      }),
    );
    expect(Math.abs(result.inertia - inertia) / inertia).toBeLessThan(1e-12);
    const s = silhouette({ values, count: 60, dimensions: 2 }, result.labels, 3);
    expect(result.silhouette).toBe(s.mean);
    expect(result.silhouette).toBeGreaterThan(0.9);
  });

  it('picks k = 3 for three blobs with k = "auto", by the silhouette', async () => {
    const result = await runSegmentation(blobs(), { k: "auto", kMax: 6 });
    expect(result.k).toBe(3);
    expect(result.elbow.map((point) => point.k)).toEqual([2, 3, 4, 5, 6]);
    expect(result.notes[0]).toMatch(/k = 3 has the best mean silhouette/);
  });

  it("permuting rows permutes the labels only; scaling a column changes nothing when standardising", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(59), { minLength: 60, maxLength: 60 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        async (keys, factor) => {
          const columns = blobs();
          const order = Array.from({ length: 60 }, (_, i) => i).sort(
            (a, b) => keys[a] - keys[b] || a - b,
          );
          const permuted = columns.map(
            (column): Column =>
              ({
                ...column,
                values: Float64Array.from(order, (i) => (column.values as Float64Array)[i]),
              }) as Column,
          );
          const base = await runSegmentation(columns, { k: 3 });
          const moved = await runSegmentation(permuted, { k: 3 });
          expect(partition(Array.from(order, (_, i) => moved.labels[order.indexOf(i)]))).toEqual(
            partition(base.labels),
          );
          const scaled = [
            {
              ...columns[0],
              values: (columns[0].values as Float64Array).map((x) => x * factor),
            } as Column,
            columns[1],
          ];
          expect(partition((await runSegmentation(scaled, { k: 3 })).labels)).toEqual(
            partition(base.labels),
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it.each([
    [{ k: 1 }, /k must be a whole number of at least 2/],
    [{ k: 60 }, /needs more than 60 rows/],
  ])("refuses %j with a message", async (options, message) => {
    expect((await rejected(runSegmentation(blobs(), options as { k: number }))).message).toMatch(
      message,
    );
  });

  it("refuses a constant column, and too few complete rows", async () => {
    const constant: Column = {
      kind: "numeric",
      name: "flat",
      values: new Float64Array(60).fill(2),
    };
    expect((await rejected(runSegmentation([...blobs(), constant], { k: 3 }))).message).toMatch(
      /"flat" is constant/,
    );
    const sparse: Column = {
      kind: "numeric",
      name: "x",
      values: Float64Array.from([1, NaN, NaN, 2]),
    };
    expect((await rejected(runSegmentation([sparse], { k: 2 }))).message).toMatch(
      /at least 3 complete rows; there are 2/,
    );
  });

  it("clusters only rows complete in every column; the others get no label", async () => {
    const [x, y] = blobs();
    const gappy: Column = {
      ...x,
      values: Float64Array.from(x.values as Float64Array, (v, i) => (i % 10 === 0 ? NaN : v)),
    } as Column;
    const result = await runSegmentation([gappy, y], { k: 3 });
    expect(result.rowsDropped).toBe(6);
    expect(Array.from(result.labels).filter((label) => label < 0)).toHaveLength(6);
    expect(result.labels[0]).toBe(-1);
  });

  it("gives the same clustering when its restarts are split into shares, as threads do", async () => {
    const random = new Random(11);
    const count = 400;
    const values = Float64Array.from({ length: count * 3 }, () => random.next() * 10);
    const points = { values, count, dimensions: 3 };
    const whole = kMeans(points, { k: 5, restarts: 10, seed: 3 });
    const shares = [
      [0, 3],
      [3, 7],
      [7, 10],
    ].map(([from, to]) => kMeans(points, { k: 5, restarts: 10, seed: 3, from, to }));
    const combined = shares.reduce(better);
    expect(combined.restart).toBe(whole.restart);
    expect(combined.inertia).toBe(whole.inertia);
    expect(Array.from(combined.labels)).toEqual(Array.from(whole.labels));
    // Restarts differ (else the split proves nothing), and a tie goes to the earlier restart.
    expect(new Set(shares.map((share) => share.inertia)).size).toBeGreaterThan(1);
    expect(better({ ...whole, restart: 4 }, { ...whole, restart: 2 }).restart).toBe(2);
    expect(thrown(() => kMeans(points, { k: 5, restarts: 10, from: 8, to: 12 })).message).toMatch(
      /Restarts 8 to 12 are not within 0 to 10/,
    );
  });

  it("raw kMeans refuses k below 2 with an EngineError", async () => {
    expect(() =>
      kMeans({ values: new Float64Array(4), count: 2, dimensions: 2 }, { k: 1 }),
    ).toThrow(EngineError);
  });
});
