/**
 * Where =MMM.OLS computes: on the page's worker pool when there is one, in place otherwise; the
 * same table either way, and the same #VALUE! with its message.
 */
import { ShimCustomFunctionsError } from "../../src/functions/excelError";
import { ols } from "../../src/functions/functions";
import { runOlsFunction } from "../../src/functions/ols";
import { ensureSharedPool } from "../../src/workers/sharedPool";
import { WorkerPool } from "../../src/workers/workerPool";
import { FakeWorker } from "../support/fakeWorker";

const y = [["y"], [1], [2], [3.5], [4], [5.5], [6]];
const x = [["x"], [1], [2], [3], [4], [5], [6]];
const text = [["x"], [1], ["abc"], [3], [4], [5], [6]];

async function excelError(promise: Promise<unknown>): Promise<ShimCustomFunctionsError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ShimCustomFunctionsError);
  return error as ShimCustomFunctionsError;
}

describe("the worksheet functions' dispatch", () => {
  const slot = "__mmmWorkerPool";
  afterEach(() => delete (globalThis as Record<string, unknown>)[slot]);

  it("computes in place where the page has no pool", async () => {
    await expect(ols(y, x, "coef")).resolves.toEqual(runOlsFunction(y, x, "coef", null, null));
    const error = await excelError(ols(y, text));
    expect([error.code, error.message]).toEqual([
      "#VALUE!",
      expect.stringMatching(/MMM\.OLS: x: column "x" has the text "abc"/),
    ]);
  });

  it("computes on the page's pool when one is installed, with the same table and errors", async () => {
    const workers: FakeWorker[] = [];
    ensureSharedPool(() => new WorkerPool(() => (workers.push(new FakeWorker()), workers[0]), 1));
    await expect(ols(y, x, "coef")).resolves.toEqual(runOlsFunction(y, x, "coef", null, null));
    const error = await excelError(ols(y, text));
    expect([error.code, error.message]).toEqual([
      "#VALUE!",
      expect.stringMatching(/MMM\.OLS: x: column "x" has the text "abc"/),
    ]);
    expect(workers[0].jobs.map((job) => job.kind)).toEqual(["function", "function"]);
  });
});
