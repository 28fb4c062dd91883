/** Running analyses in a worker: results, engine errors as messages, and cancel. */
import { withDefaults, ANALYSES } from "../../src/engine/analyses/registry";
import type { NumericColumn } from "../../src/engine/data/types";
import {
  handleAnalysisRequest,
  type AnalysisRequest,
  type AnalysisResponse,
} from "../../src/taskpane/analysisProtocol";
import {
  AnalysisCancelled,
  AnalysisFailed,
  AnalysisRunner,
  type WorkerLike,
} from "../../src/taskpane/analysisRunner";

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

/** A worker that answers through the real handler after a delay, with structured cloning. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: AnalysisResponse }) => void) | null = null;
  terminated = false;
  constructor(private readonly delayMs = 0) {}
  postMessage(message: AnalysisRequest): void {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated)
        this.onmessage?.({ data: structuredClone(handleAnalysisRequest(copy)) });
    }, this.delayMs);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("handleAnalysisRequest", () => {
  it("answers with the report", () => {
    const response = handleAnalysisRequest({ id: 7, analysisId: "ols", input });
    expect(response.ok && response.report.title).toBe("OLS: Sales on Radio");
  });

  it("answers an engine error with its code and message", () => {
    const response = handleAnalysisRequest({
      id: 1,
      analysisId: "ols",
      input: { ...input, roles: { ...input.roles, x: [numeric("Week", [5, 5, 5, 5, 5, 5])] } },
    });
    expect(response).toEqual({
      id: 1,
      ok: false,
      code: "collinear",
      message: expect.stringMatching(/"Week" is constant/),
    });
  });

  it("answers an unknown analysis", () => {
    expect(handleAnalysisRequest({ id: 2, analysisId: "nope", input })).toMatchObject({
      ok: false,
      message: 'There is no analysis "nope".',
    });
  });
});

describe("AnalysisRunner", () => {
  it("runs in the worker and resolves with the report", async () => {
    const runner = new AnalysisRunner(() => new FakeWorker());
    await expect(runner.run("ols", input)).resolves.toMatchObject({ title: "OLS: Sales on Radio" });
  });

  it("rejects with the engine's message when the data cannot be used", async () => {
    const runner = new AnalysisRunner(() => new FakeWorker());
    const bad = { ...input, roles: { ...input.roles, x: [numeric("Week", [5, 5, 5, 5, 5, 5])] } };
    await expect(runner.run("ols", bad)).rejects.toBeInstanceOf(AnalysisFailed);
  });

  it("cancels: terminates the worker, rejects, and runs the next request on a fresh worker", async () => {
    const workers: FakeWorker[] = [];
    const runner = new AnalysisRunner(() => {
      const worker = new FakeWorker(50);
      workers.push(worker);
      return worker;
    });
    const controller = new AbortController();
    const running = runner.run("ols", input, controller.signal);
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(workers[0].terminated).toBe(true);
    await expect(runner.run("ols", input)).resolves.toMatchObject({ title: "OLS: Sales on Radio" });
    expect(workers).toHaveLength(2);
  });
});
