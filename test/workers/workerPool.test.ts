/** The worker pool: jobs on free workers in order, leases, failures, and cancel. */
import { ANALYSES, withDefaults } from "../../src/engine/analyses/registry";
import type { NumericColumn } from "../../src/engine/data/types";
import { JobCancelled, JobFailed, WorkerPool } from "../../src/workers/workerPool";
import { FakeWorker } from "../support/fakeWorker";

const numeric = (name: string, values: number[]): NumericColumn => ({
  kind: "numeric",
  name,
  values: Float64Array.from(values),
});
const ols = ANALYSES.find((entry) => entry.id === "ols")!;
const input = {
  roles: { y: [numeric("Sales", [3, 5, 4, 8, 9, 12])], x: [numeric("Radio", [1, 2, 2, 4, 5, 6])] },
  options: withDefaults(ols, {}),
};
const analysis = { kind: "analysis", analysisId: "ols", input } as const;

function poolOf(size: number, delayMs = 0) {
  const workers: FakeWorker[] = [];
  const pool = new WorkerPool(() => {
    const worker = new FakeWorker(delayMs);
    workers.push(worker);
    return worker;
  }, size);
  return { pool, workers };
}

describe("WorkerPool", () => {
  it("runs a job on a worker and resolves with its answer", async () => {
    const { pool } = poolOf(2);
    await expect(pool.run(analysis)).resolves.toMatchObject({ title: "OLS: Sales on Radio" });
  });

  it("passes on how far a simulation has got, then answers it", async () => {
    const { pool } = poolOf(1);
    const simulate = ANALYSES.find((entry) => entry.id === "simulate")!;
    const job = {
      kind: "analysis",
      analysisId: "simulate",
      input: { ...input, options: withDefaults(simulate, { iterations: 20_000 }) },
    } as const;
    const heard: number[] = [];
    const report = await pool.run(job, undefined, (fraction) => heard.push(fraction));
    expect(report.title).toMatch(/Sales/);
    // 20,000 iterations in chunks of 1,024: a report every chunk, from about 5 % to exactly 1.
    expect(heard.length).toBeGreaterThanOrEqual(19);
    expect(heard[heard.length - 1]).toBe(1);
    expect(heard.every((fraction, i) => i === 0 || fraction > heard[i - 1])).toBe(true);
  });

  it("rejects with the engine's message and code when the data cannot be used", async () => {
    const { pool } = poolOf(1);
    const constant = {
      ...input,
      roles: { ...input.roles, x: [numeric("Week", [5, 5, 5, 5, 5, 5])] },
    };
    const failed = pool.run({ ...analysis, input: constant });
    await expect(failed).rejects.toBeInstanceOf(JobFailed);
    await expect(failed).rejects.toMatchObject({ code: "collinear" });
  });

  it("spreads jobs over its workers, and queues the rest until one is free", async () => {
    const { pool, workers } = poolOf(2, 20);
    const results = await Promise.all([pool.run(analysis), pool.run(analysis), pool.run(analysis)]);
    expect(results.map((report) => report.title)).toEqual(Array(3).fill("OLS: Sales on Radio"));
    expect(workers).toHaveLength(2);
    expect(workers.map((worker) => worker.jobs.length).sort()).toEqual([1, 2]);
  });

  it("keeps a leased worker for a sequence of jobs, and others wait for it", async () => {
    const { pool, workers } = poolOf(1, 5);
    const lease = await pool.lease();
    const waiting = pool.run(analysis);
    const label = "A1:B3";
    await lease.run({
      kind: "rows",
      rows: [
        ["y", "x"],
        [1, 2],
      ],
      first: true,
      last: false,
      label,
    });
    const dataset = await lease.run({
      kind: "rows",
      rows: [[3, 5]],
      first: false,
      last: true,
      label,
    });
    expect(dataset?.rowCount).toBe(2);
    expect(workers[0].jobs.map((job) => job.kind)).toEqual(["rows", "rows"]);
    lease.release();
    lease.release();
    await expect(waiting).resolves.toMatchObject({ title: "OLS: Sales on Radio" });
  });

  it("cancels: terminates the worker, rejects, and runs the next job on a fresh worker", async () => {
    const { pool, workers } = poolOf(1, 50);
    const controller = new AbortController();
    const running = pool.run(analysis, controller.signal);
    // Abort while the worker computes (it answers after 50 ms).
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(workers[0].jobs).toHaveLength(1);
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(JobCancelled);
    expect(workers[0].terminated).toBe(true);
    await expect(pool.run(analysis)).resolves.toMatchObject({ title: "OLS: Sales on Radio" });
    expect(workers).toHaveLength(2);
  });

  it("rejects at once a job whose signal was already aborted, starting no worker", async () => {
    const { pool, workers } = poolOf(1);
    const controller = new AbortController();
    controller.abort();
    await expect(pool.run(analysis, controller.signal)).rejects.toBeInstanceOf(JobCancelled);
    expect(workers).toHaveLength(0);
  });

  it("a crashed worker fails its job with a message, and the next job gets a fresh worker", async () => {
    const { pool, workers } = poolOf(1, 50);
    const running = pool.run(analysis);
    await new Promise((resolve) => setTimeout(resolve, 5));
    workers[0].onerror?.({ message: "out of memory" });
    await expect(running).rejects.toMatchObject({
      message: expect.stringMatching(/stopped unexpectedly \(out of memory\)/),
    });
    expect(workers[0].terminated).toBe(true);
    await expect(pool.run(analysis)).resolves.toMatchObject({ title: "OLS: Sales on Radio" });
    expect(workers).toHaveLength(2);
  });

  it("a job cancelled while it waits for a worker leaves the line; the others still run", async () => {
    const { pool } = poolOf(1, 20);
    const first = pool.run(analysis);
    const controller = new AbortController();
    const waiting = pool.run(analysis, controller.signal);
    const third = pool.run(analysis);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(JobCancelled);
    await expect(first).resolves.toMatchObject({ title: "OLS: Sales on Radio" });
    await expect(third).resolves.toMatchObject({ title: "OLS: Sales on Radio" });
  });
});
