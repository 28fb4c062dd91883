/**
 * Node's worker threads as helpers for the CLI (and `npm run bench`): the process's own bundle is
 * started again as a worker, which `serveJobs` turns into a job server. An idle helper does not
 * keep the process alive, so a command ends as soon as its output is written.
 */
import { availableParallelism } from "node:os";
import { parentPort, Worker } from "node:worker_threads";
import { answer, type Job, type WorkerState } from "../workers/jobs";
import { SharedThreads } from "../workers/threads";
import { WorkerPool, type WorkerLike } from "../workers/workerPool";

/** A helper for each core, at most four (this thread only hands out work); none on one core. */
export function nodeThreads(bundle: string): SharedThreads | null {
  const helpers = Math.min(4, availableParallelism());
  if (helpers < 2) return null;
  return new SharedThreads(new WorkerPool(() => nodeWorker(bundle), helpers), helpers);
}

function nodeWorker(bundle: string): WorkerLike {
  const worker = new Worker(bundle);
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => {
      worker.ref(); // busy: the process waits for the answer
      worker.postMessage(message);
    },
    terminate: () => void worker.terminate(),
  };
  worker.on("message", (data: Parameters<NonNullable<WorkerLike["onmessage"]>>[0]["data"]) => {
    if (!("progress" in data)) worker.unref(); // answered: idle again
    like.onmessage?.({ data });
  });
  worker.on("error", (error) => like.onerror?.({ message: error.message }));
  // After the listeners, which would otherwise hold the process open again.
  worker.unref();
  return like;
}

/** In a helper thread: answers the jobs its parent sends. */
export function serveJobs(): void {
  const state: WorkerState = { rows: [] };
  parentPort!.on("message", (message: { id: number; job: Job }) =>
    answer(message, state, (response, transfer) =>
      parentPort!.postMessage(response, transfer as ArrayBuffer[]),
    ),
  );
}
