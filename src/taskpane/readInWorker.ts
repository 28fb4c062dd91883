/**
 * Reads a selection into a dataset on a worker: the rows go over in blocks, each acknowledged
 * before the next, so that no single message holds the UI thread (a million rows of values
 * copied at once would freeze the pane for seconds) and the pane can show real progress.
 */
import type { Dataset } from "../engine/data/types";
import type { WorkerPool } from "../workers/workerPool";

export const ROWS_PER_MESSAGE = 20_000;

export async function readInWorker(
  pool: WorkerPool,
  values: readonly (readonly unknown[])[],
  label: string,
  onProgress: (fraction: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<Dataset> {
  const lease = await pool.lease(signal);
  try {
    for (let start = 0; ; start += ROWS_PER_MESSAGE) {
      const rows = values.slice(start, start + ROWS_PER_MESSAGE);
      const last = start + ROWS_PER_MESSAGE >= values.length;
      const dataset = await lease.run(
        { kind: "rows", rows, first: start === 0, last, label },
        signal,
      );
      onProgress((start + rows.length) / Math.max(1, values.length));
      if (dataset !== null) return dataset;
    }
  } finally {
    lease.release();
  }
}
