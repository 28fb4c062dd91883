/**
 * The one pool of a page. In Excel's shared runtime the task pane and the custom functions are
 * separate bundles in the same page, so the pool lives on `globalThis`, where both find it. The
 * page that can make workers installs it (src/workers/installPool.ts); where none is installed
 * (Node, tests) work runs in place.
 */
import type { WorkerPool } from "./workerPool";

const SLOT = "__mmmWorkerPool";

export function sharedPool(): WorkerPool | null {
  return ((globalThis as Record<string, unknown>)[SLOT] as WorkerPool | undefined) ?? null;
}

/** Installs `create()` as the page's pool unless one is there; returns the page's pool. */
export function ensureSharedPool(create: () => WorkerPool): WorkerPool {
  const slots = globalThis as Record<string, unknown>;
  return (slots[SLOT] ??= create()) as WorkerPool;
}
