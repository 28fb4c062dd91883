/**
 * Makes the page's worker pool: webpack bundles src/workers/worker.ts behind
 * `new URL(..., import.meta.url)` as a separate chunk. Imported only by page entries, so that
 * Node (jest) never parses import.meta.
 */
import { ensureSharedPool } from "./sharedPool";
import { WorkerPool, type WorkerLike } from "./workerPool";

/** Two workers: the pane's analysis and a recalculating function can run side by side. */
const POOL_SIZE = 2;

export function installPool(): WorkerPool {
  return ensureSharedPool(
    () =>
      new WorkerPool(
        () => new Worker(new URL("./worker.ts", import.meta.url)) as unknown as WorkerLike,
        POOL_SIZE,
      ),
  );
}
