/**
 * A worker of the pool: answers each job with `handleJob`, handing numeric columns over. Its
 * helpers (nested workers, made when an analysis first shares work) take shares of k-means and
 * the silhouette, so that one analysis uses every core.
 */
import { answer, type Job, type WorkerState } from "./jobs";
import { installThreads, SharedThreads } from "./threads";
import { WorkerPool, type WorkerLike } from "./workerPool";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; job: Job }>) => void) | null;
  postMessage: (message: unknown, transfer: Transferable[]) => void;
  navigator?: { hardwareConcurrency?: number };
};
const state: WorkerState = { rows: [] };

/**
 * A helper for each core, at most four (this worker only hands out the shares); none where
 * workers cannot start workers (Safari before 15.5) or there is one core: work runs in place.
 */
const cores = scope.navigator?.hardwareConcurrency ?? 2;
if (typeof Worker === "function" && cores >= 2) {
  const helperCount = Math.min(4, cores);
  installThreads(
    new SharedThreads(
      new WorkerPool(
        () => new Worker(new URL("./helper.ts", import.meta.url)) as unknown as WorkerLike,
        helperCount,
      ),
      helperCount,
    ),
  );
}

scope.onmessage = ({ data }) =>
  answer(data, state, (response, transfer) => scope.postMessage(response, transfer));
