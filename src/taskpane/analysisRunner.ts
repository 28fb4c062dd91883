/**
 * Runs analyses off the UI thread, one worker at a time, with cancel: cancelling terminates the
 * worker (a synchronous computation cannot be interrupted any other way) and a fresh one is made
 * for the next run, so the workbook is left exactly as it was.
 */
import type { AnalysisInput } from "../engine/analyses/registry";
import type { Report } from "../engine/analyses/report";
import type { AnalysisRequest, AnalysisResponse } from "./analysisProtocol";

/** The part of a Web Worker the runner uses (so tests can pass a fake). */
export interface WorkerLike {
  onmessage: ((event: { data: AnalysisResponse }) => void) | null;
  postMessage(message: AnalysisRequest): void;
  terminate(): void;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super("The analysis was cancelled; nothing was written.");
  }
}

export class AnalysisFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export class AnalysisRunner {
  private worker: WorkerLike | null = null;
  private nextId = 1;

  constructor(private readonly createWorker: () => WorkerLike) {}

  run(analysisId: string, input: AnalysisInput, signal?: AbortSignal): Promise<Report> {
    if (signal?.aborted) return Promise.reject(new AnalysisCancelled());
    const worker = (this.worker ??= this.createWorker());
    const id = this.nextId++;
    return new Promise<Report>((resolve, reject) => {
      const cancel = () => {
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        reject(new AnalysisCancelled());
      };
      signal?.addEventListener("abort", cancel, { once: true });
      worker.onmessage = ({ data }) => {
        if (data.id !== id) return;
        signal?.removeEventListener("abort", cancel);
        if (data.ok) resolve(data.report);
        else reject(new AnalysisFailed(data.message, data.code));
      };
      worker.postMessage({ id, analysisId, input });
    });
  }
}
