/** Shared threads: shares of work handed to helpers from one line, with the one-thread results. */
import { runSegmentation } from "../../src/engine/analyses/segment";
import type { NumericColumn } from "../../src/engine/data/types";
import { EngineError } from "../../src/engine/errors";
import type { Clustering } from "../../src/engine/models/kmeans";
import { kMeansOn, oneThread, silhouetteOn } from "../../src/engine/parallel";
import { Random } from "../../src/engine/stats/random";
import { SharedThreads } from "../../src/workers/threads";
import { WorkerPool } from "../../src/workers/workerPool";
import { FakeWorker } from "../support/fakeWorker";

function helpersOf(count: number) {
  const workers: FakeWorker[] = [];
  const pool = new WorkerPool(() => {
    const worker = new FakeWorker(1);
    workers.push(worker);
    return worker;
  }, count);
  return { threads: new SharedThreads(pool, count), workers };
}

const random = new Random(5);
const count = 300;
const points = {
  values: Float64Array.from({ length: count * 2 }, (_, i) => random.next() + (i % 6 < 2 ? 5 : 0)),
  count,
  dimensions: 2,
};

describe("SharedThreads", () => {
  it("gives k-means and the silhouette exactly the one-thread results, using every helper", async () => {
    const { threads, workers } = helpersOf(3);
    const options = { k: 4, restarts: 10, seed: 2 };
    const shared = await kMeansOn(threads, points, options);
    const alone = await kMeansOn(oneThread, points, options);
    expect([shared.inertia, shared.restart]).toEqual([alone.inertia, alone.restart]);
    expect(Array.from(shared.labels)).toEqual(Array.from(alone.labels));
    // One restart a task, each helper taking the next when free: all three did some.
    expect(workers).toHaveLength(3);
    workers.forEach((worker) => expect(worker.jobs.length).toBeGreaterThan(0));
    expect(workers.reduce((sum, worker) => sum + worker.jobs.length, 0)).toBe(10);
    const quality = await silhouetteOn(threads, points, shared.labels, 4);
    const reference = await silhouetteOn(oneThread, points, shared.labels, 4);
    expect(Array.from(quality.perPoint)).toEqual(Array.from(reference.perPoint));
  });

  it("runs a whole segmentation with k = auto to the one-thread result", async () => {
    const columns: NumericColumn[] = [0, 1].map((j) => ({
      kind: "numeric",
      name: `x${j}`,
      values: Float64Array.from({ length: count }, (_, i) => points.values[2 * i + j]),
    }));
    const { threads } = helpersOf(2);
    const shared = await runSegmentation(columns, { k: "auto", kMax: 5 }, threads);
    const alone = await runSegmentation(columns, { k: "auto", kMax: 5 });
    expect(shared.elbow).toEqual(alone.elbow);
    expect(Array.from(shared.labels)).toEqual(Array.from(alone.labels));
  });

  it("passes a helper's EngineError on as an EngineError with its code", async () => {
    const { threads } = helpersOf(2);
    const failure = await kMeansOn(threads, points, { k: count + 1 }).then(
      (clustering: Clustering) => clustering,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(EngineError);
    expect(failure).toMatchObject({
      code: "tooFewRows",
      message: expect.stringMatching(/needs more than/),
    });
  });

  it("runs the tasks on this thread when helpers cannot start, with the same result", async () => {
    let attempts = 0;
    const pool = new WorkerPool(() => {
      attempts++;
      throw new Error("Worker is not defined");
    }, 2);
    const threads = new SharedThreads(pool, 2);
    const options = { k: 3, restarts: 6, seed: 4 };
    const shared = await kMeansOn(threads, points, options);
    const alone = await kMeansOn(oneThread, points, options);
    expect(Array.from(shared.labels)).toEqual(Array.from(alone.labels));
    expect(shared.inertia).toBe(alone.inertia);
    // After the first failures, later tasks no longer try the helpers.
    const tried = attempts;
    await kMeansOn(threads, points, options);
    expect(attempts).toBe(tried);
  });
});
