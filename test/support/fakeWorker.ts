/**
 * A worker of the pool without threads: answers each job through the real `handleJob` after a
 * delay, copying messages both ways with structuredClone as postMessage does.
 */
import {
  handleJob,
  type Job,
  type JobProgress,
  type JobResponse,
  type WorkerState,
} from "../../src/workers/jobs";
import type { WorkerLike } from "../../src/workers/workerPool";

export class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: JobResponse | JobProgress }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  readonly jobs: Job[] = [];
  private readonly state: WorkerState = { rows: [] };

  constructor(private readonly delayMs = 0) {}

  postMessage(message: { id: number; job: Job }): void {
    const copy = structuredClone(message);
    this.jobs.push(copy.job);
    setTimeout(() => {
      if (this.terminated) return;
      const progress = (fraction: number) => {
        if (!this.terminated) this.onmessage?.({ data: { id: copy.id, progress: fraction } });
      };
      void handleJob(copy.id, copy.job, this.state, progress).then((response) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(response) });
      });
    }, this.delayMs);
  }

  terminate(): void {
    this.terminated = true;
  }
}
