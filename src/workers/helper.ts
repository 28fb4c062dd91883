/** A helper of a pool worker: runs the shares of work (task jobs) its worker sends it. */
import { answer, type Job, type WorkerState } from "./jobs";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; job: Job }>) => void) | null;
  postMessage: (message: unknown, transfer: Transferable[]) => void;
};
const state: WorkerState = { rows: [] };

scope.onmessage = ({ data }) =>
  answer(data, state, (response, transfer) => scope.postMessage(response, transfer));
