/** Reading a selection on a worker, in blocks of rows, with progress and cancel. */
import { readDataset } from "../../src/engine/data/dataset";
import { readInWorker, ROWS_PER_MESSAGE } from "../../src/taskpane/readInWorker";
import { JobCancelled, WorkerPool } from "../../src/workers/workerPool";
import { FakeWorker } from "../support/fakeWorker";

/** A header and n rows: a level, a spend with a blank every 1,000 rows, and sales. */
function selection(n: number): unknown[][] {
  const rows: unknown[][] = [["TV", "Spend", "Sales"]];
  for (let i = 0; i < n; i++)
    rows.push([["Low", "High"][i % 2], i % 1000 === 7 ? null : i * 0.5, i % 37]);
  return rows;
}

describe("readInWorker", () => {
  it("sends the rows in blocks and returns the dataset the data layer reads from them", async () => {
    const worker = new FakeWorker();
    const pool = new WorkerPool(() => worker, 1);
    const values = selection(2 * ROWS_PER_MESSAGE + 10);
    const progress: number[] = [];
    const dataset = await readInWorker(pool, values, "Sheet1!A1:C40011", (f) => progress.push(f));
    expect(dataset).toEqual(readDataset(values, { label: "Sheet1!A1:C40011" }));
    expect(worker.jobs.map((job) => job.kind === "rows" && job.rows.length)).toEqual([
      ROWS_PER_MESSAGE,
      ROWS_PER_MESSAGE,
      11,
    ]);
    expect(progress).toEqual([20_000 / 40_011, 40_000 / 40_011, 1]);
  });

  it("stops between blocks when cancelled, and the next read starts afresh on the same worker", async () => {
    const workers: FakeWorker[] = [];
    const pool = new WorkerPool(() => {
      workers.push(new FakeWorker(5));
      return workers[workers.length - 1];
    }, 1);
    const controller = new AbortController();
    const values = selection(3 * ROWS_PER_MESSAGE);
    const reading = readInWorker(pool, values, "A1", () => controller.abort(), controller.signal);
    await expect(reading).rejects.toBeInstanceOf(JobCancelled);
    const small = selection(4);
    await expect(readInWorker(pool, small, "A1:C5")).resolves.toMatchObject({ rowCount: 4 });
    expect(workers).toHaveLength(1);
    expect(workers[0].jobs.map((job) => job.kind === "rows" && job.first)).toEqual([true, true]);
  });
});
