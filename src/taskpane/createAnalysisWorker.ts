/**
 * The production analysis worker: webpack bundles the module behind `new URL(..., import.meta.url)`
 * as a separate chunk. Kept apart from the runner so that Node (jest) never parses import.meta.
 */
import type { WorkerLike } from "./analysisRunner";

export function createAnalysisWorker(): WorkerLike {
  return new Worker(new URL("./analysisWorker.ts", import.meta.url)) as unknown as WorkerLike;
}
