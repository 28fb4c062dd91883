/** A worker of the pool: answers each job with `handleJob`, handing numeric columns over. */
import { handleJob, transferables, type Job, type WorkerState } from "./jobs";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; job: Job }>) => void) | null;
  postMessage: (message: unknown, transfer: Transferable[]) => void;
};
const state: WorkerState = { rows: [] };

scope.onmessage = ({ data }) => {
  const response = handleJob(data.id, data.job, state);
  scope.postMessage(response, transferables(response));
};
