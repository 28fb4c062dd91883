/**
 * A small pool of Web Workers shared by the task pane and the custom functions, so that heavy
 * work never runs on the one UI thread they share (OFFICE.md). Each worker runs one job at a
 * time; jobs wait for a free worker in order. Cancelling a job terminates its worker (a running
 * computation cannot be interrupted any other way); a fresh one takes its place on the next job.
 */
import type { Job, JobProgress, JobResponse, JobResults } from "./jobs";

/** The part of a Web Worker the pool uses (so tests can pass a fake). */
export interface WorkerLike {
  onmessage: ((event: { data: JobResponse | JobProgress }) => void) | null;
  /** A script error or a crash (out of memory) of the worker. */
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(message: { id: number; job: Job }): void;
  terminate(): void;
}

export class JobCancelled extends Error {
  constructor() {
    super("The analysis was cancelled; nothing was written.");
  }
}

export class JobFailed extends Error {
  constructor(
    message: string,
    /** EngineError code, or Excel's error code for a worksheet function. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A worker held for a sequence of jobs that share its memory (the blocks of a selection). */
export interface Lease {
  run<J extends Job>(
    job: J,
    signal?: AbortSignal,
    progress?: (fraction: number) => void,
  ): Promise<JobResults[J["kind"]]>;
  release(): void;
}

interface Slot {
  worker: WorkerLike | null;
  busy: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private nextId = 1;

  constructor(
    private readonly createWorker: () => WorkerLike,
    size = 2,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, busy: false }));
  }

  /** Runs one job on the next free worker; `progress` hears how far it has got, if it tells. */
  async run<J extends Job>(
    job: J,
    signal?: AbortSignal,
    progress?: (fraction: number) => void,
  ): Promise<JobResults[J["kind"]]> {
    const lease = await this.lease(signal);
    try {
      return await lease.run(job, signal, progress);
    } finally {
      lease.release();
    }
  }

  /** Waits for a free worker and holds it until `release`. */
  async lease(signal?: AbortSignal): Promise<Lease> {
    if (signal?.aborted) throw new JobCancelled();
    const slot = await this.acquire(signal);
    let released = false;
    return {
      run: (job, jobSignal, progress) => this.send(slot, job, jobSignal, progress),
      release: () => {
        if (released) return;
        released = true;
        this.releaseSlot(slot);
      },
    };
  }

  /** A free worker, or the next one freed; an abort while waiting gives up the place in line. */
  private acquire(signal?: AbortSignal): Promise<Slot> {
    const free = this.slots.find((slot) => !slot.busy);
    if (free !== undefined) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve, reject) => {
      const waiter = (slot: Slot) => {
        signal?.removeEventListener("abort", giveUp);
        resolve(slot);
      };
      const giveUp = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(new JobCancelled());
      };
      signal?.addEventListener("abort", giveUp, { once: true });
      this.waiting.push(waiter);
    });
  }

  private releaseSlot(slot: Slot): void {
    const next = this.waiting.shift();
    if (next === undefined) slot.busy = false;
    else next(slot);
  }

  private send<J extends Job>(
    slot: Slot,
    job: J,
    signal?: AbortSignal,
    progress?: (fraction: number) => void,
  ): Promise<JobResults[J["kind"]]> {
    if (signal?.aborted) return Promise.reject(new JobCancelled());
    const worker = (slot.worker ??= this.createWorker());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Cancel and crash both end the worker: its state is unknown, a fresh one takes over.
      const retire = (error: Error) => {
        signal?.removeEventListener("abort", cancel);
        worker.onmessage = null;
        worker.onerror = null;
        worker.terminate();
        if (slot.worker === worker) slot.worker = null;
        reject(error);
      };
      const cancel = () => retire(new JobCancelled());
      signal?.addEventListener("abort", cancel, { once: true });
      worker.onmessage = ({ data }) => {
        if (data.id !== id) return;
        if ("progress" in data) {
          progress?.(data.progress);
          return;
        }
        signal?.removeEventListener("abort", cancel);
        if (data.ok) resolve(data.value as JobResults[J["kind"]]);
        else reject(new JobFailed(data.message, data.code));
      };
      worker.onerror = (event) =>
        retire(
          new JobFailed(
            `The computation stopped unexpectedly (${event.message ?? "the worker crashed, perhaps out of memory"}); please report it.`,
          ),
        );
      worker.postMessage({ id, job });
    });
  }
}
